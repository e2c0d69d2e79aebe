import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { planSite } from '../../site/plan.ts';
import { catalog, FONTS, ORIGIN, siteApp } from './catalog.ts';

// The pages the build wrote (npm test builds first) are served here by the static assets binding, with the
// `_headers` the build wrote. Cards are left out: the site app renders them only with the build's renderer.
const plan = planSite(catalog, { code: 'test', origin: ORIGIN, cards: false, fonts: FONTS });
const app = siteApp();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/** Headers the platform sets itself, for the file or for the one transfer. */
const PLATFORM = new Set(['etag', 'content-length', 'cf-cache-status', 'date', 'transfer-encoding']);

describe('the built static assets', () => {
  it('hold a file for every page the plan lists, at least every edition’s front page, feed, 404 and article', () => {
    const editions = Object.keys(catalog.editions.editions).length;
    expect(new Set(plan.map((o) => o.file)).size).toBe(plan.length);
    expect(plan.length).toBeGreaterThanOrEqual(editions * (4 + catalog.articles.length * 2));
  });

  for (const output of plan) {
    it(`${output.url}: the built ${output.file} is byte for byte what the app renders in workerd, with the same headers`, async () => {
      const built = await env.ASSETS.fetch(new URL(output.url, 'https://assets.local'));
      expect(built.status).toBe(200);
      const bytes = new Uint8Array(await built.arrayBuffer());
      const rendered = await app.request(output.url);
      const expected = new Uint8Array(await rendered.arrayBuffer());
      expect(bytes.byteLength).toBe(expected.byteLength);
      // Every page is UTF-8 text, so equal texts are equal bytes (and a difference reads as text).
      expect(decoder.decode(bytes)).toBe(decoder.decode(expected));
      const own = (headers: Headers) => [...headers].filter(([name]) => !PLATFORM.has(name)).sort(([a], [b]) => (a < b ? -1 : 1));
      expect(own(built.headers)).toEqual(own(rendered.headers));
    });
  }
});
