import type { Edition } from './editions.ts';
import { paths } from '../src/paths.ts';

/** A page that exists in every edition: its path in each, and the negotiating path for x-default. */
export interface PageFamily {
  readonly path: (locale: string) => string;
  readonly xDefault: string;
}

export const articleFamily = (slug: string): PageFamily => ({
  path: (locale) => paths.article(locale, slug),
  xDefault: paths.articleAnyEdition(slug),
});

export const frontFamily: PageFamily = { path: paths.front, xDefault: paths.home() };

/** One `rel="alternate"` entry: an edition's absolute URL, or x-default. */
export interface Alternate {
  readonly hreflang: string;
  readonly href: string;
}

/**
 * Google's rules for hreflang: every published edition lists itself and every other one with absolute URLs,
 * plus x-default for the URL that chooses among them.
 */
export function alternates(origin: string, family: PageFamily, editions: readonly Edition[]): readonly Alternate[] {
  return [
    ...editions.map((e) => ({ hreflang: e.locale, href: `${origin}${family.path(e.locale)}` })),
    { hreflang: 'x-default', href: `${origin}${family.xDefault}` },
  ];
}

/** The same set as an HTTP `Link` header (RFC 8288), with the canonical URL first. */
export function linkHeader(canonical: string, set: readonly Alternate[]): string {
  return [`<${canonical}>; rel="canonical"`, ...set.map((a) => `<${a.href}>; rel="alternate"; hreflang="${a.hreflang}"`)].join(', ');
}
