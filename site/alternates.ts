import type { Edition } from './editions.ts';
import { paths } from '../src/paths.ts';

/** A page that exists in every edition: its path in each, and the negotiating path for x-default, if it has one. */
export interface PageFamily {
  readonly path: (locale: string) => string;
  readonly xDefault?: string;
}

export const articleFamily = (slug: string): PageFamily => ({
  path: (locale) => paths.article(locale, slug),
  xDefault: paths.articleAnyEdition(slug),
});

export const frontFamily: PageFamily = { path: paths.front, xDefault: paths.home() };

/** Page `n` of every edition's list of articles (the same articles in each); page 1 is the front page. */
export const frontPageFamily = (n: number): PageFamily => (n === 1 ? frontFamily : { path: (locale) => paths.frontPage(locale, n) });

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
    ...(family.xDefault === undefined ? [] : [{ hreflang: 'x-default', href: `${origin}${family.xDefault}` }]),
  ];
}
