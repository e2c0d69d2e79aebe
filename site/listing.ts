import type { Article } from './content.ts';

/** How much of the archive each listing shows: fixed, whatever the archive's size. */
export const LISTING = {
  /** Articles on each page of an edition's list (the front page is its first page). */
  pageSize: 20,
  /** Entries in an edition's feed: the latest. */
  feedSize: 50,
  /** URLs in each part of an edition's sitemap (the protocol allows 50,000 and 50 MB; each URL names every edition). */
  sitemapSize: 1000,
} as const;

/** Articles newest first (by publication date, then slug): the order of the front pages and the feeds. */
export function newestFirst(articles: Iterable<Article>): Article[] {
  return [...articles].sort((a, b) => b.published.date.localeCompare(a.published.date) || a.slug.localeCompare(b.slug));
}

/** Articles oldest first: the order of the sitemap's parts, so a new article changes only the last part. */
export function oldestFirst(articles: Iterable<Article>): Article[] {
  return newestFirst(articles).reverse();
}

/** `items` in runs of `size`; at least one run, so an empty archive still has its first page. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs.length > 0 ? runs : [[]];
}

/** The date a reader and a crawler see as the article's last change: its correction's, else its publication's. */
export const lastModified = (article: Article): string => article.modified?.date ?? article.published.date;
