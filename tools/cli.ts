import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's arguments, read strictly: `--help` prints its usage, and an unknown option or a missing value
 * prints what was wrong and the usage (exit 2), never a stack trace.
 */
export function parseCommand<O extends Options>(usage: string, options: O) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (error) {
    console.error(`${(error as Error).message.split(/\.( |$)/)[0]}\n${usage}`);
    process.exit(2);
  }
}
