import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { asToolFailure, ToolFailure } from './failure.ts';
import { isDead, withLock } from './lock.ts';
import { writeAtomic } from './write-atomic.ts';

/** The record of a commit in progress: present only between its first rename and its last. */
const JOURNAL = join('locales', '.commit.json');
/** The lock every writer of locales/ holds, and every reader while it recovers and reads: outside locales/, which the preview watches. */
export const LOCALE_LOCK = '.locales.lock';
// The temporary files of a commit (`.commit-<pid>.tmp`) and of a single atomic write (`.<pid>.tmp`), and whose they are.
const TEMPORARY = /\.(?:commit-)?(\d+)\.tmp$/;

interface Journal {
  /** The process that wrote it: recovery finishes a commit only once its writer is dead. */
  readonly pid?: number;
  readonly host?: string;
  readonly renames: readonly { readonly from: string; readonly to: string }[];
  /** Files the commit removes, after its renames. */
  readonly removals?: readonly string[];
}

/** The command line of this process, as a person would recognise it in a message about the lock. */
const thisCommand = () => [basename(process.argv[1] ?? 'node'), ...process.argv.slice(2)].join(' ');

/**
 * Runs `work` as the one process reading or writing the locale files of the project at `root`: every tool
 * that writes them holds this lock from its first read to its last write, and every reader (the check, the
 * export, the build) while it recovers and reads, so no one reads a commit half done or writes over another.
 */
export function withLocaleLock<T>(root: string, work: () => T): T {
  return withLock(join(root, LOCALE_LOCK), thisCommand(), work);
}

/** Refuses a path under the project whose folders or file are symbolic links: a write would land outside it. */
export function refuseSymlinks(root: string, path: string): void {
  let at = root;
  for (const part of path.split(/[\\/]/)) {
    at = join(at, part);
    let isLink = false;
    try {
      isLink = lstatSync(at).isSymbolicLink();
    } catch {
      return; // does not exist yet: nothing below it does either
    }
    if (isLink)
      throw new ToolFailure(
        `${relative(root, at).split(sep).join('/')}: a symbolic link; the locale files must be real files and folders inside the project: replace it with the files themselves`,
      );
  }
}

/**
 * Writes several files of the project as one, and removes others: all of it or none, whatever happens to the
 * process. Holds the locale lock. Each new text goes to a temporary file beside its target; then a journal
 * listing the renames and removals is written (atomically); then the renames and removals; then the journal is
 * removed. A process killed before the journal leaves the old files (and temporary files `recover` removes);
 * killed after it, `recover` finishes the commit: the new files. A failure before the journal (a full disk)
 * removes the temporary files and changes nothing.
 */
export function commitFiles(
  root: string,
  writes: readonly { readonly path: string; readonly text: string }[],
  removals: readonly string[] = [],
): void {
  if (writes.length === 0 && removals.length === 0) return;
  withLocaleLock(root, () => {
    recover(root);
    for (const path of [...writes.map((w) => w.path), ...removals]) refuseSymlinks(root, path);
    const renames = writes.map((w) => ({ from: `${w.path}.commit-${process.pid}.tmp`, to: w.path }));
    try {
      for (const [i, w] of writes.entries()) {
        mkdirSync(dirname(join(root, w.path)), { recursive: true }); // a new edition's folder
        writeFileSync(join(root, renames[i]!.from), w.text);
      }
      writeAtomic(join(root, JOURNAL), JSON.stringify({ pid: process.pid, host: hostname(), renames, removals } satisfies Journal));
    } catch (error) {
      for (const { from } of renames) rmSync(join(root, from), { force: true });
      throw asToolFailure(
        error,
        'nothing was written',
        relative(root, (error as NodeJS.ErrnoException).path ?? root)
          .split(sep)
          .join('/'),
      );
    }
    finish(root, { renames, removals });
  });
}

function finish(root: string, { renames, removals = [] }: Journal): void {
  // Each step names the file it is for, relative to the project, if it fails.
  const step = (path: string, work: () => void) => {
    try {
      work();
    } catch (error) {
      throw asToolFailure(
        error,
        `a commit of the locale files cannot be finished (${JOURNAL} lists it): fix that, then run any i18n command to finish it`,
        path,
      );
    }
  };
  for (const { from, to } of renames) step(to, () => existsSync(join(root, from)) && renameSync(join(root, from), join(root, to)));
  for (const path of removals)
    step(path, () => {
      rmSync(join(root, path), { force: true });
      const folder = dirname(join(root, path));
      if (existsSync(folder) && readdirSync(folder).length === 0) rmdirSync(folder);
    });
  rmSync(join(root, JOURNAL), { force: true });
}

/**
 * Finishes a commit that was interrupted after its journal was written, and removes the temporary files of
 * one interrupted before: only those of a writer that is dead (a live one holds the lock and finishes its
 * own). Returns what it did, if anything; every tool that reads the locale files runs it first, holding the lock.
 */
export function recover(root: string): string | undefined {
  return withLocaleLock(root, () => {
    const journal = join(root, JOURNAL);
    if (existsSync(journal)) {
      let record: Journal;
      try {
        record = JSON.parse(readFileSync(journal, 'utf8')) as Journal;
      } catch (error) {
        const failure = asToolFailure(error, 'cannot read the record of an interrupted commit', JOURNAL);
        throw failure instanceof ToolFailure
          ? failure
          : new ToolFailure(`${JOURNAL}: not the record of a commit these tools wrote: move it away, then look at locales/ with git diff`);
      }
      const writer = { pid: record.pid ?? 0, ...(record.host ? { host: record.host } : {}) };
      if (record.pid !== undefined && record.pid !== process.pid && !isDead(writer))
        throw new ToolFailure(
          `${JOURNAL}: a commit of pid ${record.pid} on ${record.host ?? 'this host'} is in progress without the lock: wait for it to finish, then try again`,
        );
      finish(root, record);
      return `finished an import that was interrupted: ${[...record.renames.map((r) => r.to), ...(record.removals ?? []).map((p) => `${p} (removed)`)].join(', ')}`;
    }
    const stray: string[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        const writer = TEMPORARY.exec(entry.name)?.[1];
        if (entry.isDirectory()) visit(path);
        else if (writer !== undefined && isDead({ pid: Number(writer) })) stray.push(path);
      }
    };
    if (existsSync(join(root, 'locales'))) visit(join(root, 'locales'));
    for (const path of stray) rmSync(path, { force: true });
    return stray.length > 0
      ? `removed the unfinished files of an interrupted import: ${stray.map((p) => relative(root, p).split(sep).join('/')).join(', ')}`
      : undefined;
  });
}
