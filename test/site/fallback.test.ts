import { describe, expect, it } from 'vitest';
import enSegments from '../../locales/en/putin-raisi-kremlin-meeting.json';
import { renderPage } from '../../site/render-jobs.ts';
import { siteApp, SLUG } from './catalog.ts';

describe('a segment missing from a locale', () => {
  const app = siteApp((c) => delete c.resources.fa![SLUG]!['eaeu-free-trade']);

  it('is shown in English, marked lang="en" dir="ltr", under a notice in the reader’s language', async () => {
    const html = await (await app.request(`/fa/${SLUG}`)).text();
    expect(html).toMatch(/<span data-segment="eaeu-free-trade" lang="en" dir="ltr" class="fallback">Iran’s relations/);
    expect(html).toMatch(/<p class="notice" role="note"><span data-segment="untranslated-notice">[^<]*[\u0600-\u06FF]/);
    expect(html).not.toContain('>eaeu-free-trade<');
  });

  it('is marked in the JSON edition', async () => {
    const edition = (await (await app.request(`/fa/${SLUG}.json`)).json()) as {
      fallbackSegments: string[];
      blocks: { segments: { id: string; lang: string; fallback: boolean }[] }[];
    };
    expect(edition.fallbackSegments).toEqual(['eaeu-free-trade']);
    const segment = edition.blocks.flatMap((b) => b.segments).find((s) => s.id === 'eaeu-free-trade');
    expect(segment).toMatchObject({ lang: 'en', fallback: true });
  });

  it('falls back to English through i18next, names and all', async () => {
    const html = await (await siteApp((c) => delete c.resources.ru![SLUG]!['shamkhani-oil']).request(`/ru/${SLUG}`)).text();
    expect(html).toContain(`lang="en" dir="ltr" class="fallback">From Tehran`);
    expect(enSegments['shamkhani-oil']).toMatch(/^From \{tehran\}/);
  });

  it('a glossary name missing from a locale is given in English, by the same fallback', async () => {
    const html = await (await siteApp((c) => delete c.resources.fa!.glossary!.vienna).request(`/fa/${SLUG}`)).text();
    expect(html).toContain('<bdi dir="ltr">Vienna</bdi>');
  });
});

describe('nothing broken reaches a reader', () => {
  it('a segment that cannot be formatted stops the build, naming the edition, the file and the segment', async () => {
    const broken = siteApp((c) => (c.resources.fa![SLUG]!['deal-restored-sanctions'] = 'اگر {unknownValue, number} توافق'));
    const response = await broken.request(`/fa/${SLUG}`);
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/^fa\/putin-raisi-kremlin-meeting\/deal-restored-sanctions: /);
    await expect(renderPage(broken, `/fa/${SLUG}`)).rejects.toThrow(
      /\/fa\/putin-raisi-kremlin-meeting: 500 \(fa\/putin-raisi-kremlin-meeting\/deal-restored-sanctions: /,
    );
  });
});
