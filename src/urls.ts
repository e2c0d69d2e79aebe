import { LOCALES, type Locale } from './locales.ts';

/** Where each page lives: the one place that spells the site's paths. */
export const paths = {
  /** The negotiating URL: redirects each reader to an edition. */
  home: () => '/',
  front: (locale: Locale) => `/${locale}/`,
  article: (locale: Locale, slug: string) => `/${locale}/${slug}`,
  /** The article's negotiating URL: redirects each reader to their edition of it. */
  articleAnyEdition: (slug: string) => `/${slug}`,
  articleJson: (locale: Locale, slug: string) => `/${locale}/${slug}.json`,
  review: (locale: Locale, slug: string) => `/${locale}/${slug}/review`,
  /** A link that switches edition and remembers the choice. */
  choose: (path: string, locale: Locale) => `${path}?lang=${locale}`,
  sitemap: () => '/sitemap.xml',
};

/** A page that exists in every edition: its path in each, and the negotiating path for x-default. */
export interface PageFamily {
  readonly path: (locale: Locale) => string;
  readonly xDefault: string;
}

export const articleFamily = (slug: string): PageFamily => ({
  path: (locale) => paths.article(locale, slug),
  xDefault: paths.articleAnyEdition(slug),
});

export const frontFamily: PageFamily = { path: paths.front, xDefault: paths.home() };

/** One `rel="alternate"` entry: an edition's absolute URL, or x-default. */
export interface Alternate {
  readonly hreflang: Locale | 'x-default';
  readonly href: string;
}

/**
 * Google's rules for hreflang: every edition lists itself and every other edition with absolute URLs,
 * plus x-default for the URL that chooses among them.
 */
export function alternates(origin: string, family: PageFamily): readonly Alternate[] {
  return [
    ...LOCALES.map((locale) => ({ hreflang: locale, href: `${origin}${family.path(locale)}` })),
    { hreflang: 'x-default', href: `${origin}${family.xDefault}` },
  ];
}

/** The same set as an HTTP `Link` header (RFC 8288), with the canonical URL first. */
export function linkHeader(canonical: string, set: readonly Alternate[]): string {
  return [`<${canonical}>; rel="canonical"`, ...set.map((a) => `<${a.href}>; rel="alternate"; hreflang="${a.hreflang}"`)].join(', ');
}
