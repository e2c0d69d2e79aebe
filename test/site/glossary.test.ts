import { describe, expect, it } from 'vitest';
import faGlossary from '../../locales/fa/glossary.json';
import ruGlossary from '../../locales/ru/glossary.json';
import ruSegments from '../../locales/ru/putin-raisi-kremlin-meeting.json';
import { siteApp, SLUG } from './catalog.ts';

const site = siteApp();

const page = async (locale: string) => (await site.request(`/${locale}/${SLUG}`)).text();

describe('names come from each locale’s glossary', () => {
  it('the Russian edition spells names and their cases as the Russian glossary does', async () => {
    const html = await page('ru');
    expect(html).toContain(ruGlossary.raisiFull);
    expect(html).toContain(ruGlossary.putinFull);
    expect(html).toContain(ruGlossary.amirabdollahianFull);
    const caseForms = new Set(
      Object.values(ruSegments).flatMap((text) => [...text.matchAll(/\{([A-Za-z]+_(?:gen|dat|acc|ins|prep))\}/g)].map((m) => m[1]!)),
    );
    expect(caseForms.size).toBeGreaterThan(5);
    for (const key of caseForms) expect(html, key).toContain(ruGlossary[key as keyof typeof ruGlossary]);
  });

  it('the Persian edition spells names as the Persian glossary does', async () => {
    const html = await page('fa');
    for (const key of ['raisiFull', 'putinFull', 'kremlin', 'amirabdollahianFull', 'shamkhani'] as const)
      expect(html).toContain(faGlossary[key]);
  });

  it('changing a spelling in the glossary changes it everywhere the name is used', async () => {
    const app = siteApp((c) => (c.resources.en!.glossary!.raisi = 'Raeisi'));
    const html = await (await app.request(`/en/${SLUG}`)).text();
    expect(html.match(/Raeisi/g)?.length).toBeGreaterThan(10);
    expect(html).not.toMatch(/(?<!Ebrahim )Raisi\b/);
  });

  it('a Latin-script name in the Persian edition is isolated so it cannot reorder the line', async () => {
    const app = siteApp((c) => (c.resources.fa!.glossary!.ap = 'AP Photo'));
    const html = await (await app.request(`/fa/${SLUG}`)).text();
    expect(html).toContain('<bdi dir="ltr">AP Photo</bdi>');
  });

  it('no edition shows an unresolved ICU argument', async () => {
    for (const locale of ['en', 'fa', 'ru']) expect(await page(locale)).not.toMatch(/\{[A-Za-z]/);
  });
});
