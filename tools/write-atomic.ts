import { renameSync, writeFileSync } from 'node:fs';

/** Writes a file whole or not at all: a temporary file beside it, then a rename over it. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}
