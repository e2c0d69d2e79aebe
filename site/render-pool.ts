import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createSiteApp } from './app.tsx';
import { cardsOnDemand } from './card-renderer.ts';
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
 * Renders the jobs on the machine's cores: this thread, and a worker thread for each other core, each with its own
 * site app over the same catalog (a thread's copy of it; this one shares the build's), fed batches of jobs (the
 * jobs of one group kept together) until none is left. A small build renders in this thread alone. Rejects with
 * the first page that failed; the pages written before it stay written.
 */
export async function renderPages(jobs: readonly (Job & { group: string })[], options: RenderOptions): Promise<Written[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), Math.ceil(jobs.length / BATCH)));
  const written: Written[] = [];
  const record = (batch: readonly Written[]) => {
    for (const w of batch) {
      written.push(w);
      options.onWritten?.(w);
    }
  };
  const app = createSiteApp({
    catalog: options.catalog,
    origin: options.origin,
    fonts: options.fonts,
    ...(options.cards ? { cards: cardsOnDemand() } : {}),
  });
  const check = glyphChecker(new Editions(options.catalog.editions).all, options.fonts);
  if (jobs.length < THREAD_THRESHOLD || threads === 1) {
    record(await renderJobs(app, jobs, check));
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

  const workers: Worker[] = [];
  let failed: Error | undefined;
  try {
    // The other threads: each is sent two batches ahead, so it has the next while this thread renders one.
    const others = new Promise<void>((resolve, reject) => {
      let ready = 0;
      let outstanding = 0;
      const settleIfDone = () => {
        if (ready === threads - 1 && outstanding === 0 && batches.length === 0) resolve();
      };
      for (let t = 1; t < threads; t++) {
        const worker = new Worker(new URL('./render-worker.ts', import.meta.url), {
          workerData: { catalog: options.catalog, origin: options.origin, fonts: options.fonts, cards: options.cards },
        });
        workers.push(worker);
        const send = (count: number) => {
          for (let i = 0; i < count; i++) {
            const work = batches.shift();
            if (!work) break;
            worker.postMessage(work);
            outstanding++;
          }
        };
        worker.on('message', (message: { ready?: true; written?: Written[]; error?: string }) => {
          if (message.error !== undefined) return reject((failed = new RenderError(message.error)));
          if (message.ready) {
            ready++;
            send(2);
          } else {
            outstanding--;
            record(message.written ?? []);
            send(1);
          }
          settleIfDone();
        });
        worker.on('error', (error) => reject((failed = error)));
        worker.on('exit', (code) => {
          if (code !== 0) reject((failed = new RenderError(`a render thread stopped (exit code ${code})`)));
        });
      }
    });
    // (Awaited below; a failure of this thread's first must not leave it unhandled.)
    others.catch(() => undefined);
    // This thread renders too, a batch at a time, letting the others' messages in between.
    while (batches.length > 0 && !failed) {
      record(await renderJobs(app, batches.shift()!, check));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await others;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return written;
}
