import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { writeAtomic } from './write-atomic.ts';

/** The record of a commit in progress: present only between its first rename and its last. */
const JOURNAL = join('locales', '.commit.json');
// The temporary files of a commit, and of a single atomic write (tools/write-atomic.ts), left by a crash.
const TEMPORARY = /\.(?:commit-)?\d+\.tmp$/;

interface Journal {
  readonly renames: readonly { readonly from: string; readonly to: string }[];
}

/**
 * Writes several files of the project as one: all of them or none, whatever happens to the process. Each new
 * text goes to a temporary file beside its target; then a journal listing the renames is written (atomically);
 * then the renames; then the journal is removed. A process killed before the journal leaves the old files (and
 * temporary files `recover` removes); killed after it, `recover` finishes the renames: the new files.
 */
export function commitFiles(root: string, writes: readonly { readonly path: string; readonly text: string }[]): void {
  recover(root);
  const renames = writes.map((w) => ({ from: `${w.path}.commit-${process.pid}.tmp`, to: w.path }));
  for (const [i, w] of writes.entries()) {
    mkdirSync(dirname(join(root, w.path)), { recursive: true }); // a new edition's folder
    writeFileSync(join(root, renames[i]!.from), w.text);
  }
  writeAtomic(join(root, JOURNAL), JSON.stringify({ renames } satisfies Journal));
  finish(root, renames);
}

function finish(root: string, renames: Journal['renames']): void {
  for (const { from, to } of renames) if (existsSync(join(root, from))) renameSync(join(root, from), join(root, to));
  rmSync(join(root, JOURNAL), { force: true });
}

/**
 * Finishes a commit that was interrupted after its journal was written, and removes the temporary files of
 * one interrupted before. Returns what it did, if anything; every tool that reads the locale files runs it first.
 */
export function recover(root: string): string | undefined {
  const journal = join(root, JOURNAL);
  if (existsSync(journal)) {
    const { renames } = JSON.parse(readFileSync(journal, 'utf8')) as Journal;
    finish(root, renames);
    return `finished an import that was interrupted: ${renames.map((r) => r.to).join(', ')}`;
  }
  const stray: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (TEMPORARY.test(entry.name)) stray.push(path);
    }
  };
  if (existsSync(join(root, 'locales'))) visit(join(root, 'locales'));
  for (const path of stray) rmSync(path);
  return stray.length > 0
    ? `removed the unfinished files of an interrupted import: ${stray.map((p) => relative(root, p)).join(', ')}`
    : undefined;
}
