/** Where each page lives: the one place that spells the site's paths, for the build and the worker alike. */
export const paths = {
  /** The negotiating URL: redirects each reader to an edition's front page. */
  home: () => '/',
  front: (locale: string) => `/${locale}/`,
  /** Page `n` of an edition's list of articles, newest first: the front page is page 1. */
  frontPage: (locale: string, n: number) => (n === 1 ? `/${locale}/` : `/${locale}/page/${n}/`),
  article: (locale: string, slug: string) => `/${locale}/${slug}`,
  /** The article's negotiating URL: redirects each reader to their edition of it. */
  articleAnyEdition: (slug: string) => `/${slug}`,
  articleJson: (locale: string, slug: string) => `/${locale}/${slug}.json`,
  review: (locale: string, slug: string) => `/${locale}/${slug}/review`,
  /** The picture messengers and search engines show for an edition's link (1200×630 PNG, rendered at build). */
  card: (locale: string, slug: string) => `/${locale}/${slug}/card.png`,
  /** The picture shown for an edition's front page: its name, the site's, and its languages. */
  frontCard: (locale: string) => `/${locale}/card.png`,
  /** An edition's Atom feed. */
  feed: (locale: string) => `/${locale}/feed.atom`,
  /** An edition's page for an address that has none; the worker sends it with status 404. */
  notFound: (locale: string) => `/${locale}/404`,
  /** An edition's page for a request the worker failed to answer; the worker sends it with status 500. */
  error: (locale: string) => `/${locale}/error`,
  /**
   * A link that switches edition and remembers the choice: a negotiating URL with `?lang=`, which the worker
   * answers (the static assets in front of it would serve an edition's own URL without asking the worker).
   */
  choose: (negotiatingPath: string, locale: string) => `${negotiatingPath}?lang=${encodeURIComponent(locale)}`,
  /** The sitemap index: it names every part. */
  sitemap: () => '/sitemap.xml',
  /** Part `n` of an edition's sitemap (its articles, oldest first: a new article changes only the last part). */
  sitemapPart: (locale: string, n: number) => `/sitemaps/${locale}-${n}.xml`,
  robots: () => '/robots.txt',
};

/**
 * The file of the static assets (or the archive's object) that answers a URL path, as Workers Static Assets'
 * `html_handling: auto-trailing-slash` finds it: `/fa/` is `fa/index.html`, `/fa/slug` is `fa/slug.html`, a
 * path with an extension is itself.
 */
export function assetFile(path: string): string {
  const relative = path.slice(1);
  if (relative === '' || relative.endsWith('/')) return `${relative}index.html`;
  return /\.[a-z0-9]+$/.test(relative.slice(relative.lastIndexOf('/') + 1)) ? relative : `${relative}.html`;
}
