import { parseArgs, type ParseArgsConfig } from 'node:util';
import { printable } from './check/problems.ts';
import { describeSystemError, ToolFailure } from './failure.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Makes stdout and stderr write synchronously when they are pipes, as they are on a terminal: a command that
 * prints many problems and then calls process.exit would otherwise lose the end of its output in a pipe
 * (nodejs/node#6456; what npm's `set-blocking` does).
 */
export function blockingOutput(): void {
  for (const stream of [process.stdout, process.stderr])
    (stream as unknown as { _handle?: { setBlocking?: (blocking: boolean) => void } })._handle?.setBlocking?.(true);
}

/**
 * A command's arguments, read strictly: `--help` prints its usage, and an unknown option or a missing value
 * prints what was wrong and the usage (exit 2), never a stack trace.
 */
export function parseCommand<O extends Options>(usage: string, options: O) {
  blockingOutput();
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

/**
 * Runs a command's work: a `ToolFailure` (or a system error such as a full disk) ends it with one line, the
 * command's name first, and exit status 1, never a stack trace; anything else is a bug and keeps its trace.
 */
export function runTool(name: string, work: () => void): void {
  try {
    work();
  } catch (error) {
    const message = error instanceof ToolFailure ? error.message : describeSystemError(error);
    if (message === undefined) throw error;
    console.error(`${name}: ${printable(message)}`);
    process.exit(1);
  }
}
