// The build's first step: read content/ and locales/, check them (or take the check's result from the last build,
// where nothing changed), and plan each edition's fonts. All that reading and checking holds every file's text and
// the check's workings at once: for a large project site/build.ts runs it in a process of its own
// (site/prepare-process.ts), whose memory is the system's again when it ends, before the pages are rendered (a
// thread's is not: the allocator keeps it), so a large build's peak is one step's, not their sum.
import type { CheckResult } from '../tools/check/check.ts';
import { readProjectFiles } from '../tools/project-files.ts';
import { checkWithCache } from './check-cache.ts';
import { Editions } from './editions.ts';
import { planFonts, type FontPlan } from './font-subset.ts';
import { Formatter } from './format.ts';

/** What the step hands back: the check's result, and the fonts where the check let them be planned. */
export interface Prepared {
  readonly result: CheckResult;
  /** A hash of every file the check read and of the code: what the catalog is made from. */
  readonly checkKey: string;
  readonly fonts?: FontPlan;
  /** Why the fonts could not be planned (a font package of another version, say). */
  readonly fontProblem?: string;
}

/** Where the step keeps its records, and the code's version (a change of it is a change of the check). */
export interface PrepareOptions {
  readonly cacheDir: string;
  readonly fontCache: string;
  readonly code: string;
}

export async function prepare({ cacheDir, fontCache, code }: PrepareOptions): Promise<Prepared> {
  const { result, key: checkKey } = checkWithCache(readProjectFiles(), cacheDir, code);
  if (!result.catalog) return { result, checkKey };
  const editions = new Editions(result.catalog.editions);
  // The editions and their names in their own languages are all the fonts need: no i18next holding every text.
  const formatter = new Formatter(editions.formatLocaleOf);
  try {
    return { result, checkKey, fonts: await planFonts({ editions, autonym: (l) => formatter.autonym(l) }, result.catalog, fontCache) };
  } catch (error) {
    return { result, checkKey, fontProblem: (error as Error).message };
  }
}
