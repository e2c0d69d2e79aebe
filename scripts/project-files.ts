import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ProjectFiles, SourceFile } from '../src/check/check.ts';

/** The project root: the folder above scripts/. */
export const ROOT = join(import.meta.dirname, '..');

function jsonFiles(dir: string, depth: number): SourceFile[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const found: SourceFile[] = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const path = join(abs, entry.name);
    if (entry.isDirectory() && depth > 0) found.push(...jsonFiles(relative(ROOT, path), depth - 1));
    else if (entry.isFile() && entry.name.endsWith('.json'))
      found.push({ path: relative(ROOT, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** Reads `content/*.json` and `locales/<locale>/*.json` as the check expects them. */
export function readProjectFiles(): ProjectFiles {
  return { content: jsonFiles('content', 0), locales: jsonFiles('locales', 1) };
}
