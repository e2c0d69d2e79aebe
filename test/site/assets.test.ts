import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Editions } from '../../site/editions.ts';
import { FONTS, fontPath } from '../../site/fonts.ts';
import { stylesheet } from '../../site/style.ts';
import { catalog, siteApp } from './catalog.ts';

const editions = new Editions(catalog.editions);
const css = stylesheet(editions.of('fa'));
const vazirmatn = FONTS.vazirmatn!;

describe('the Persian font in the stylesheet', () => {
  it('is self-hosted under a versioned path, in the two weights the page uses', () => {
    expect(fontPath(vazirmatn)).toMatch(/^\/fonts\/vazirmatn-\d+\.\d+\.\d+\/$/);
    for (const file of Object.values(vazirmatn.files)) expect(css).toContain(`url("${fontPath(vazirmatn)}${file}") format("woff2")`);
  });

  it('is only for Arabic script (unicode-range), swaps in when ready, and only the Persian edition asks for it', () => {
    expect(css.match(/@font-face \{[^}]*font-display: swap; unicode-range: U\+0600-06FF/g)?.length).toBe(2);
    expect(css).toMatch(/html\[lang="fa"\] \{ font-family: Vazirmatn, /);
    expect(css).not.toMatch(/:lang\(fa\)[^{]*\{[^}]*font-family/);
    for (const locale of ['en', 'ru']) expect(stylesheet(editions.of(locale))).not.toMatch(/@font-face|font-family: Vazirmatn/);
  });

  it('each edition links its own stylesheet: English and Russian, with the same rules, share one file', async () => {
    const site = siteApp();
    const linked = async (locale: string) =>
      /<link rel="stylesheet" href="([^"]+)"/.exec(await (await site.request(`/${locale}/`)).text())![1];
    expect(await linked('en')).toBe(await linked('ru'));
    expect(await linked('fa')).not.toBe(await linked('en'));
  });

  it('is in the static assets, as woff2, cached for a year', async () => {
    for (const file of Object.values(vazirmatn.files)) {
      const response = await env.ASSETS.fetch(new URL(`${fontPath(vazirmatn)}${file}`, 'https://assets.local'));
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('font/woff2');
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(new Uint8Array(await response.arrayBuffer()).slice(0, 4)).toEqual(new TextEncoder().encode('wOF2'));
    }
  });
});
