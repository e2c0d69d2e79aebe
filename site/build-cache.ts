import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sha256 } from './hash.ts';
import { writeAtomic } from '../tools/write-atomic.ts';

/** What the cache knows of one file it wrote: the key it was made from, its bytes' hash and size. */
export interface CachedOutput {
  readonly key: string;
  readonly hash: string;
  readonly size: number;
}

/** The record's format: a record of another format is not read (a build without it is slower, never different). */
const FORMAT = 1;

/**
 * The build's record of what is in an output directory: for each file, the key of the inputs it was made from.
 * It lives outside the directory (the directory is uploaded as it is), one record per directory, and is safe to
 * delete: the next build then renders everything once.
 */
export class BuildCache {
  readonly #path: string;
  readonly #dir: string;
  readonly #entries: Map<string, CachedOutput>;
  /** Whether a record of an earlier build was read: without one, what the directory holds is not known. */
  readonly recorded: boolean;

  private constructor(path: string, dir: string, entries: Map<string, CachedOutput>) {
    this.#path = path;
    this.#dir = dir;
    this.#entries = entries;
    this.recorded = entries.size > 0;
  }

  /** The record of `outDir`, in `cacheDir` (empty if there is none, or it cannot be read). */
  static open(cacheDir: string, outDir: string): BuildCache {
    const path = join(cacheDir, `${sha256(outDir).slice(0, 16)}.json`);
    let entries = new Map<string, CachedOutput>();
    try {
      if (existsSync(path)) {
        const record = JSON.parse(readFileSync(path, 'utf8')) as { format?: number; dir?: string; files?: Record<string, CachedOutput> };
        if (record.format === FORMAT && record.dir === outDir && record.files) entries = new Map(Object.entries(record.files));
      }
    } catch {
      // A record cut short or damaged: start again, as without one.
    }
    return new BuildCache(path, outDir, entries);
  }

  get(file: string): CachedOutput | undefined {
    return this.#entries.get(file);
  }

  /** Every file the record lists: what the last build left in the directory. */
  files(): IterableIterator<string> {
    return this.#entries.keys();
  }

  set(file: string, output: CachedOutput): void {
    this.#entries.set(file, output);
  }

  delete(file: string): void {
    this.#entries.delete(file);
  }

  /** Writes the record whole (a crash leaves the old one: files it does not describe are rendered again). */
  save(): void {
    mkdirSync(dirname(this.#path), { recursive: true });
    const files = Object.fromEntries([...this.#entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    writeAtomic(this.#path, JSON.stringify({ format: FORMAT, dir: this.#dir, files }));
  }
}
