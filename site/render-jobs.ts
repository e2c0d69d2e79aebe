import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { writeAtomic } from '../tools/write-atomic.ts';
import { sha256 } from './hash.ts';

/** A page to render: its URL in the site app, and the file it goes to, under the directory `root`. */
export interface Job {
  readonly url: string;
  readonly file: string;
  readonly root: string;
  /** The hash of the file's bytes as an earlier build wrote them: the same bytes are not written again. */
  readonly previous?: string;
}

/** A page rendered and written. */
export interface Written {
  readonly file: string;
  readonly root: string;
  readonly hash: string;
  readonly size: number;
  /** Milliseconds it took to render, check and write (for the build's figures). */
  readonly ms: number;
}

/** A page the site app did not render: the build stops and names it. */
export class RenderError extends Error {
  override name = 'RenderError';
}

/**
 * A page of the site app, as bytes. An edition's 404 page answers 404; every other page must answer 200, or the
 * build stops with the page and what the app said (a segment that cannot be formatted answers 500, naming it).
 */
export async function renderPage(app: Hono, url: string): Promise<Uint8Array> {
  const response = await app.request(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const expected = /\/404$/.test(url) ? 404 : 200;
  if (response.status !== expected)
    throw new RenderError(`${url}: ${response.status}${response.status === 500 ? ` (${new TextDecoder().decode(bytes)})` : ''}`);
  return bytes;
}

/** A check of a rendered page (its path in the assets directory, its bytes): each problem, or none. */
export type PageCheck = (file: string, bytes: Uint8Array) => string[];

/**
 * Renders each job's page, checks it (`check`: every character has a glyph in its edition's fonts), and writes
 * it at once (whole or not at all): nothing is held but the page at hand.
 */
export async function renderJobs(app: Hono, jobs: readonly Job[], check?: PageCheck): Promise<Written[]> {
  const written: Written[] = [];
  // Folders made for this batch: a folder is made once, not for every page in it.
  const made = new Set<string>();
  for (const job of jobs) {
    const start = performance.now();
    const bytes = await renderPage(app, job.url);
    const problems = check?.(job.file, bytes) ?? [];
    if (problems.length > 0) throw new RenderError(`characters no web font of their edition has:\n  ${problems.join('\n  ')}`);
    const target = join(job.root, job.file);
    const hash = sha256(bytes);
    if (hash !== job.previous || !existsSync(target)) {
      const folder = dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeAtomic(target, bytes);
    }
    written.push({ file: job.file, root: job.root, hash, size: bytes.byteLength, ms: performance.now() - start });
  }
  return written;
}
