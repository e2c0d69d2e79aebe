// A thread of the build's render pool (site/render-pool.ts): the site app over the catalog it is handed, rendering
// the jobs it is sent, one batch at a time, and answering with what it wrote.
import { parentPort, workerData } from 'node:worker_threads';
import { createSiteApp } from './app.tsx';
import { CardRenderer } from './card-renderer.ts';
import type { Catalog } from './content.ts';
import { renderJobs, type Job } from './render-jobs.ts';

const { catalog, origin, cards } = workerData as { catalog: Catalog; origin: string; cards: boolean };
const app = createSiteApp({ catalog, origin, ...(cards ? { cards: await CardRenderer.fromPackages() } : {}) });

parentPort!.on('message', (jobs: readonly Job[]) => {
  renderJobs(app, jobs).then(
    (written) => parentPort!.postMessage({ written }),
    (error: Error) => parentPort!.postMessage({ error: error.message }),
  );
});
parentPort!.postMessage({ ready: true });
