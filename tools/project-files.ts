import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ProjectFiles, SourceFile } from './check/check.ts';
import { recover } from './commit.ts';
import { EDITIONS_FILE } from './check/editions.ts';

/** The project root: the folder above tools/. */
export const ROOT = join(import.meta.dirname, '..');

function jsonFiles(dir: string, depth: number): SourceFile[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const found: SourceFile[] = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const path = join(abs, entry.name);
    if (entry.isDirectory() && depth > 0) found.push(...jsonFiles(relative(ROOT, path), depth - 1));
    else if (entry.isFile() && entry.name.endsWith('.json') && depth === 0)
      found.push({ path: relative(ROOT, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Reads `locales/editions.json`, `content/*.json` and `locales/<locale>/*.json` as the check expects them,
 * after finishing any import that was interrupted (so the files are all old or all new).
 */
export function readProjectFiles(): ProjectFiles {
  const recovered = recover(ROOT);
  if (recovered) console.error(`i18n: ${recovered}`);
  const editions = join(ROOT, EDITIONS_FILE);
  return {
    editions: { path: EDITIONS_FILE, text: existsSync(editions) ? readFileSync(editions, 'utf8') : '' },
    content: jsonFiles('content', 0),
    locales: jsonFiles('locales', 1),
  };
}
