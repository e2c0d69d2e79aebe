import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITION_CACHE_CONTROL } from '../../src/headers.ts';
import { paths } from '../../src/paths.ts';
import { ORIGIN, startEdge } from './edge.ts';

let edge: Miniflare;
beforeAll(() => {
  edge = startEdge();
});
afterAll(() => edge.dispose());

const SLUG = 'putin-raisi-kremlin-meeting';
const EDITIONS = ['en', 'fa', 'ru'] as const;
const get = (url: string) => edge.dispatchFetch(url.startsWith('/') ? `${ORIGIN}${url}` : url, { redirect: 'manual' });

/** Every absolute URL in a JSON-LD value. */
const urlsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? /^https?:\/\//.test(value)
      ? [value]
      : []
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(urlsIn)
      : [];

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('what a shared link leads to, served by the edge', () => {
  it('each edition’s card is a 1200×630 PNG of its own, cached like its page', async () => {
    const hashes = new Set<string>();
    for (const locale of EDITIONS) {
      const html = await (await get(paths.article(locale, SLUG))).text();
      const image = /<meta property="og:image" content="([^"]+)"/.exec(html)![1]!;
      expect(image).toBe(`${ORIGIN}${paths.card(locale, SLUG)}`);
      const response = await get(image);
      expect(response.status, image).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('image/png');
      expect(response.headers.get('Cache-Control')).toBe(EDITION_CACHE_CONTROL);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
      hashes.add(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(hashes.size).toBe(EDITIONS.length);
  });

  it('every URL of the site that an edition’s JSON-LD names is served (200; the home page after its negotiation)', async () => {
    for (const locale of EDITIONS) {
      const html = await (await get(paths.article(locale, SLUG))).text();
      const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
      const own = [...new Set(urlsIn(data).map((url) => url.replace(/#.*$/, '')))].filter((url) => url.startsWith(ORIGIN));
      expect(own.length).toBeGreaterThanOrEqual(4);
      for (const url of own) {
        let response = await get(url);
        await response.arrayBuffer();
        if (url === `${ORIGIN}${paths.home()}`) {
          expect(response.status, url).toBe(302);
          response = await get(response.headers.get('Location')!);
          await response.arrayBuffer();
        }
        expect(response.status, url).toBe(200);
      }
    }
  });

  for (const locale of EDITIONS) {
    it(`${locale}: the Atom feed is served as Atom, and is well-formed Atom in the edition’s language`, async () => {
      const response = await get(paths.feed(locale));
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toMatch(/^application\/atom\+xml(;\s*charset=utf-8)?$/);
      expect(response.headers.get('Content-Language')).toBe(locale);
      expect(response.headers.get('Cache-Control')).toBe(EDITION_CACHE_CONTROL);
      const parser = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '@',
        isArray: (name) => ['entry', 'link'].includes(name),
      });
      const { feed } = parser.parse(await response.text(), true);
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed['@xml:lang']).toBe(locale);
      for (const required of ['id', 'title', 'updated', 'author']) expect(feed[required], required).toBeDefined();
      expect(feed.updated['#text'] ?? feed.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)$/);
      expect(feed.entry).toHaveLength(1);
      const [entry] = feed.entry;
      const page = await (await get(paths.article(locale, SLUG))).text();
      const h1 = /<h1>(.*?)<\/h1>/s.exec(page)![1]!.replace(/<[^>]+>/g, '');
      expect(entry.title['#text']).toBe(new XMLParser().parse(`<t>${h1}</t>`).t);
      for (const link of [...feed.link, ...entry.link]) {
        const target = await get(link['@href']);
        await target.arrayBuffer();
        expect(target.status, link['@href']).toBe(200);
      }
    });
  }
});
