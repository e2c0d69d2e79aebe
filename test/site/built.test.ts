import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/paths.ts';
import { renderSite } from '../../site/ssg.ts';
import { catalog, siteApp } from './catalog.ts';

// The pages the build wrote (npm test builds first) are served here by the static assets binding.
const NOT_FOUND_PAGES = new Set(Object.keys(catalog.editions.editions).map((l) => paths.notFound(l)));
const app = siteApp();
const rendered = await renderSite(app, NOT_FOUND_PAGES);
const decoder = new TextDecoder('utf-8', { fatal: true });

describe('the built static assets', () => {
  it('hold a file for every page of the site app, and the app renders at least every edition’s pages', () => {
    expect(rendered.files.size).toBe(rendered.headers.size);
    expect(rendered.files.size).toBeGreaterThanOrEqual(Object.keys(catalog.editions.editions).length * 4);
  });

  for (const [path, headers] of rendered.headers) {
    it(`${path}: the built file is byte for byte what the app renders in workerd, with its headers`, async () => {
      const built = await env.ASSETS.fetch(new URL(path, 'https://assets.local'));
      expect(built.status).toBe(200);
      const bytes = new Uint8Array(await built.arrayBuffer());
      const expected = new Uint8Array(await (await app.request(path)).arrayBuffer());
      expect(bytes.byteLength).toBe(expected.byteLength);
      // Every page is UTF-8 text, so equal texts are equal bytes (and a difference reads as text).
      expect(decoder.decode(bytes)).toBe(decoder.decode(expected));
      for (const [name, value] of headers) expect(built.headers.get(name), name).toBe(value);
    });
  }
});
