import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ProjectFiles, SourceFile } from './check/check.ts';
import { recover, refuseSymlinks, withLocaleLock } from './commit.ts';
import { EDITIONS_FILE } from './check/editions.ts';
import { asToolFailure, ToolFailure } from './failure.ts';
import { MAX_LOCALE_FILE_BYTES, mebibytes } from './limits.ts';
import { decodeText } from './read-text.ts';

/** The project root: the folder above tools/. */
export const ROOT = join(import.meta.dirname, '..');

/** A project file's text: refused whole past the size limit; bytes that are not UTF-8 read as U+FFFD, which the check names. */
function readSource(path: string): string {
  const shown = relative(ROOT, path).split('\\').join('/');
  const size = statSync(path).size;
  if (size > MAX_LOCALE_FILE_BYTES)
    throw new ToolFailure(
      `${shown}: ${mebibytes(size)}, more than the ${mebibytes(MAX_LOCALE_FILE_BYTES)} a content or locale file may have (TRANSLATING.md, "Limits")`,
    );
  return decodeText(readFileSync(path)).text;
}

function jsonFiles(dir: string, depth: number): SourceFile[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  refuseSymlinks(ROOT, dir);
  const found: SourceFile[] = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const path = join(abs, entry.name);
    if (entry.isSymbolicLink()) refuseSymlinks(ROOT, relative(ROOT, path));
    if (entry.isDirectory() && depth > 0) found.push(...jsonFiles(relative(ROOT, path), depth - 1));
    else if (entry.isFile() && entry.name.endsWith('.json') && depth === 0)
      found.push({ path: relative(ROOT, path).split('\\').join('/'), text: readSource(path) });
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Reads `locales/editions.json`, `content/*.json` and `locales/<locale>/*.json` as the check expects them,
 * holding the locale lock, after finishing any commit whose writer died (so the files are all old or all new).
 * What stops every tool and the build alike (the lock held past the wait, a commit that cannot be finished, a
 * symbolic link, a file past the size limit or unreadable) ends the process with one line saying what to do.
 */
export function readProjectFiles(): ProjectFiles {
  try {
    return readLocked();
  } catch (error) {
    if (!(error instanceof ToolFailure)) throw error;
    console.error(`i18n: ${error.message}`);
    process.exit(1);
  }
}

function readLocked(): ProjectFiles {
  return withLocaleLock(ROOT, () => {
    const recovered = recover(ROOT);
    if (recovered) console.error(`i18n: ${recovered}`);
    const editions = join(ROOT, EDITIONS_FILE);
    try {
      if (existsSync(editions) && lstatSync(editions).isSymbolicLink()) refuseSymlinks(ROOT, EDITIONS_FILE);
      return {
        editions: { path: EDITIONS_FILE, text: existsSync(editions) ? readSource(editions) : '' },
        content: jsonFiles('content', 0),
        locales: jsonFiles('locales', 1),
      };
    } catch (error) {
      throw asToolFailure(error, 'nothing read');
    }
  });
}
