import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fontOf } from '../../site/fonts.ts';
import { Editions } from '../../site/editions.ts';
import fonts from '../../site/generated/fonts.json';
import type { EditionFonts } from '../../site/style.ts';
import { catalog, siteApp } from './catalog.ts';

const editions = new Editions(catalog.editions);
const faces = fonts as EditionFonts;
const site = siteApp();
const LOCALES = ['en', 'fa', 'ru'] as const;

/** What a page links: its stylesheet's text, and the fonts it preloads. */
async function linked(locale: string) {
  const html = await (await site.request(`/${locale}/`)).text();
  const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!;
  const css = await (await site.request(href)).text();
  const preloads = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin=""\/>/g)].map(
    (m) => m[1],
  );
  return { href, css, preloads, html };
}

describe('each edition’s web fonts', () => {
  for (const locale of LOCALES) {
    const own = fontOf(editions.of(locale)).family;
    it(`${locale}: set in ${own} first, then the site’s other font for the characters ${own} lacks`, async () => {
      const { css } = await linked(locale);
      expect(css).toMatch(new RegExp(`html \\{ font-family: "${own}", "[^"]+", `));
      for (const face of faces[locale]!)
        expect(css).toContain(
          `@font-face { font-family: "${face.family}"; src: url("${face.url}") format("woff2"); font-weight: ${face.weight}; font-style: normal; font-display: swap; unicode-range: ${face.unicodeRange}; }`,
        );
    });

    it(`${locale}: its pages preload the two weights of ${own}, and only those`, async () => {
      const { preloads } = await linked(locale);
      expect(preloads).toEqual(faces[locale]!.filter((f) => f.own).map((f) => f.url));
      expect(preloads).toHaveLength(2);
    });
  }

  it('each edition has a stylesheet of its own: its fonts are subset to it', async () => {
    const hrefs = new Set(await Promise.all(LOCALES.map(async (l) => (await linked(l)).href)));
    expect(hrefs.size).toBe(LOCALES.length);
  });

  it('the Persian font covers the punctuation of Persian text: « » ( ) : – . ، ؛ ؟ and the Persian digits', () => {
    const vazirmatn = faces.fa!.find((f) => f.own && f.weight === 400)!;
    const ranges = vazirmatn.unicodeRange.split(', ').map((r) =>
      r
        .replace(/U\+/g, '')
        .split('-')
        .map((h) => parseInt(h, 16)),
    );
    const has = (c: string) => ranges.some(([from, to = from]) => c.codePointAt(0)! >= from! && c.codePointAt(0)! <= to!);
    for (const c of '«»():–.،؛؟۰۱۲۳۴۵۶۷۸۹') expect(has(c), c).toBe(true);
  });

  it('Persian notes are numbered «۱.», the stop against its digit (not «۱ .»), in Persian digits', async () => {
    const { css } = await linked('fa');
    expect(css).toContain('@counter-style edition-numbers { system: extends persian; suffix: "."; }');
    expect(css).toContain('ol { list-style-type: edition-numbers; }');
    expect((await linked('ru')).css).not.toContain('@counter-style');
  });

  it('every face is in the static assets, as woff2, under a name that changes with its bytes, cached for a year', async () => {
    for (const face of Object.values(faces).flat()) {
      expect(face.url).toMatch(/^\/fonts\/[a-z0-9-]+-\d+\.\d+\.\d+\/[a-z-]+-(400|700)-[0-9a-f]{10}\.woff2$/);
      const response = await env.ASSETS.fetch(new URL(face.url, 'https://assets.local'));
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('font/woff2');
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(new Uint8Array(await response.arrayBuffer()).slice(0, 4)).toEqual(new TextEncoder().encode('wOF2'));
    }
  });
});
