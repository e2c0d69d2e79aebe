import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArticleFile } from './files.ts';

/** The article file a command names, as bytes (relative to where npm was run); exits 2 saying so when it cannot be read. */
export function readArticleFile(command: string, path: string): ArticleFile {
  try {
    return { path, bytes: readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), path)) };
  } catch (error) {
    console.error(`${command}: ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    process.exit(2);
  }
}
