import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Editions } from '../../site/editions.ts';
import { FONTS, fontPath } from '../../site/fonts.ts';
import { stylesheet } from '../../site/style.ts';
import { catalog } from './catalog.ts';

const editions = new Editions(catalog.editions).all;
const css = stylesheet(editions);
const vazirmatn = FONTS.vazirmatn!;

describe('the Persian font in the stylesheet', () => {
  it('is self-hosted under a versioned path, in the two weights the page uses', () => {
    expect(fontPath(vazirmatn)).toMatch(/^\/fonts\/vazirmatn-\d+\.\d+\.\d+\/$/);
    for (const file of Object.values(vazirmatn.files)) expect(css).toContain(`url("${fontPath(vazirmatn)}${file}") format("woff2")`);
  });

  it('is only for Arabic script (unicode-range), swaps in when ready, and only the Persian edition asks for it', () => {
    expect(css.match(/@font-face \{[^}]*font-display: swap; unicode-range: U\+0600-06FF/g)?.length).toBe(2);
    expect(css).toMatch(/html\[lang="fa"\] \{ font-family: Vazirmatn, /);
    expect(css).not.toMatch(/html\[lang="(en|ru)"\][^{]*\{[^}]*font-family/);
    expect(css).not.toMatch(/:lang\(fa\)[^{]*\{[^}]*font-family/);
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
