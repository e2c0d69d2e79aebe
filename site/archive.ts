import type { Article } from './content.ts';
import type { SiteConfig } from './config.ts';
import { newestFirst } from './listing.ts';
import type { Output } from './plan.ts';

/** Which files of the plan go to the archive tier (the R2 bucket) rather than the static assets. */
export interface Tiers {
  readonly archived: ReadonlySet<string>;
}

const DAY = 86_400_000;

/**
 * The archive tier's boundary: an article's pages (its editions, JSON editions, review pages and cards) move
 * together, the oldest articles first: those published more than `afterDays` before the newest article, and those
 * past `staticFiles` once every other file and the newer articles are counted. Lists, feeds, sitemaps and the
 * edition pages stay static (with `otherFiles`, the fonts and `_headers`). The newest article, not the clock, is the reference: a build is a function of its
 * inputs.
 */
export function assignTiers(plan: readonly Output[], articles: readonly Article[], config: SiteConfig, otherFiles: number): Tiers {
  const archived = new Set<string>();
  const { enabled, afterDays, staticFiles } = config.archive;
  if (!enabled) return { archived };
  const byArticle = new Map<string, string[]>();
  let shared = 0;
  for (const output of plan) {
    if (output.article === undefined) shared++;
    else {
      let files = byArticle.get(output.article);
      if (!files) byArticle.set(output.article, (files = []));
      files.push(output.file);
    }
  }
  const ordered = newestFirst(articles);
  const newest = ordered[0] ? Date.parse(ordered[0].published.date) : 0;
  let count = shared + otherFiles;
  let full = false;
  for (const article of ordered) {
    const files = byArticle.get(article.slug) ?? [];
    const old = afterDays !== undefined && newest - Date.parse(article.published.date) > afterDays * DAY;
    full ||= staticFiles !== undefined && count + files.length > staticFiles;
    if (old || full) for (const file of files) archived.add(file);
    else count += files.length;
  }
  return { archived };
}
