// npm run i18n:memory -- --out FILE.tmx       the translation memory as TMX 1.4, for translators' tools
// npm run i18n:memory -- --import FILE.tmx    add a TMX file's translations to it (refused whole on any problem)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem } from './check/problems.ts';
import { parseCommand } from './cli.ts';
import { commitFiles } from './commit.ts';
import { exportMemory, importMemory } from './memory/memory.ts';
import { readMemoryFile } from './memory/store.ts';
import { ROOT, readProjectFiles } from './project-files.ts';
import { writeAtomic } from './write-atomic.ts';

const usage = 'usage: npm run i18n:memory -- --out FILE.tmx\n       npm run i18n:memory -- --import FILE.tmx';
const { values, positionals } = parseCommand(usage, { out: { type: 'string' }, import: { type: 'string' } });
if (positionals.length > 0 || (values.out === undefined) === (values.import === undefined)) {
  console.error(usage);
  process.exit(2);
}
const here = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

if (values.out !== undefined) {
  const { tmx, counts, problems } = exportMemory(readProjectFiles(), readMemoryFile(ROOT));
  for (const problem of problems) console.error(formatProblem(problem));
  if (tmx === undefined) {
    console.error('i18n:memory: nothing written');
    process.exit(1);
  }
  writeAtomic(here(values.out), tmx);
  const pairs = [...counts].map(([lang, n]) => `en → ${lang}: ${n}`).join(', ');
  console.log(`i18n:memory: ${values.out} written (TMX 1.4): ${pairs || 'no translations yet'}`);
} else {
  const path = values.import!;
  let text: string;
  try {
    text = readFileSync(here(path), 'utf8');
  } catch (error) {
    console.error(`i18n:memory: ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    process.exit(2);
  }
  const { writes, added, problems } = importMemory(readProjectFiles(), readMemoryFile(ROOT), { path, text });
  for (const problem of problems) console.error(formatProblem(problem));
  if (problems.some((p) => p.severity === 'error')) {
    console.error('i18n:memory: refused; nothing written');
    process.exit(1);
  }
  commitFiles(ROOT, writes);
  console.log(`i18n:memory: ${added} translation(s) added from ${path}${writes.length > 0 ? ` (${writes[0]!.path})` : ''}`);
}
