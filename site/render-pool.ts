import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createSiteApp } from './app.tsx';
import { CardRenderer } from './card-renderer.ts';
import { Editions } from './editions.ts';
import { glyphChecker } from './font-subset.ts';
import type { Catalog } from './content.ts';
import type { EditionFonts } from './style.ts';
import { RenderError, renderJobs, type Job, type Written } from './render-jobs.ts';

/** What the pages are rendered from. */
export interface RenderOptions {
  readonly catalog: Catalog;
  readonly origin: string;
  readonly fonts: EditionFonts;
  readonly cards: boolean;
  /** Threads to render on: the machine's cores unless said otherwise (`BUILD_THREADS`). */
  readonly threads?: number;
  /** Called after each page is written, for progress. */
  readonly onWritten?: (written: Written) => void;
}

/** Below this many pages, threads cost more to start (each loads the site and the catalog) than they save. */
const THREAD_THRESHOLD = 400;
/** Pages sent to a thread at once: enough to keep it busy, few enough to share the work out evenly. */
const BATCH = 64;

/**
 * Renders the jobs on the machine's cores: a pool of worker threads, each with its own site app over the same
 * catalog, fed batches of jobs (the jobs of one group kept together) until none is left. A small build renders
 * in this thread. Rejects with the first page that failed; the pages written before it stay written.
 */
export async function renderPages(jobs: readonly (Job & { group: string })[], options: RenderOptions): Promise<Written[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), Math.ceil(jobs.length / BATCH)));
  if (jobs.length < THREAD_THRESHOLD || threads === 1) {
    const app = createSiteApp({
      catalog: options.catalog,
      origin: options.origin,
      fonts: options.fonts,
      ...(options.cards ? { cards: await CardRenderer.fromPackages() } : {}),
    });
    const written = await renderJobs(app, jobs, glyphChecker(new Editions(options.catalog.editions).all, options.fonts));
    for (const w of written) options.onWritten?.(w);
    return written;
  }

  const batches: Job[][] = [];
  let batch: Job[] = [];
  for (const [i, job] of jobs.entries()) {
    batch.push({ url: job.url, file: job.file, root: job.root, ...(job.previous ? { previous: job.previous } : {}) });
    if (batch.length >= BATCH && jobs[i + 1]?.group !== job.group) {
      batches.push(batch);
      batch = [];
    }
  }
  if (batch.length > 0) batches.push(batch);

  const written: Written[] = [];
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = threads;
      for (let t = 0; t < threads; t++) {
        const worker = new Worker(new URL('./render-worker.ts', import.meta.url), {
          workerData: { catalog: options.catalog, origin: options.origin, fonts: options.fonts, cards: options.cards },
        });
        workers.push(worker);
        const next = () => {
          const work = batches.shift();
          if (work) worker.postMessage(work);
          else if (--running === 0) resolve();
        };
        worker.on('message', (message: { ready?: true; written?: Written[]; error?: string }) => {
          if (message.error !== undefined) return reject(new RenderError(message.error));
          for (const w of message.written ?? []) {
            written.push(w);
            options.onWritten?.(w);
          }
          next();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new RenderError(`a render thread stopped (exit code ${code})`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return written;
}
