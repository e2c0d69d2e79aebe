// A thread of the build's render pool (site/render-pool.ts): the site app over the catalog it is handed, rendering
// the jobs it is sent, one batch at a time, and answering with what it wrote.
import { parentPort, workerData } from 'node:worker_threads';
import { createSiteApp } from './app.tsx';
import { cardsOnDemand } from './card-renderer.ts';
import type { Catalog } from './content.ts';
import type { EditionFonts } from './style.ts';
import { renderJobs, type Job } from './render-jobs.ts';
import { Editions } from './editions.ts';
import { glyphChecker } from './font-subset.ts';

const { catalog, origin, fonts, cards } = workerData as { catalog: Catalog; origin: string; fonts: EditionFonts; cards: boolean };
const app = createSiteApp({ catalog, origin, fonts, ...(cards ? { cards: cardsOnDemand() } : {}) });

const check = glyphChecker(new Editions(catalog.editions).all, fonts);

parentPort!.on('message', (jobs: readonly Job[]) => {
  renderJobs(app, jobs, check).then(
    (written) => parentPort!.postMessage({ written }),
    (error: Error) => parentPort!.postMessage({ error: error.message }),
  );
});
parentPort!.postMessage({ ready: true });
