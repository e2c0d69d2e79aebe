import { describe, expect, it } from 'vitest';
import { Editions } from '../../site/editions.ts';
import { stylesheet } from '../../site/style.ts';
import { catalog, siteApp, SLUG } from './catalog.ts';

const site = siteApp();
const article = Object.keys(catalog.resources.en![SLUG]!).length;
const ui = Object.keys(catalog.resources.en!.ui!).length;

describe('the parallel review page', () => {
  it('shows every segment of the article and every interface string, the English beside the translation, each in its own lang and dir, with id and state', async () => {
    const response = await site.request(`/fa/${SLUG}/review`);
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Robots-Tag')).toBe('noindex');
    const html = await response.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).not.toContain('rel="alternate"');
    expect(html.match(/<tr id="[^"]+" data-state=/g)?.length).toBe(article + ui);
    expect(html.match(new RegExp(`<tr id="${SLUG}-`, 'g'))?.length).toBe(article);
    expect(html.match(/<tr id="ui-/g)?.length).toBe(ui);
    expect(html).toMatch(
      new RegExp(
        `<tr id="${SLUG}-headline" data-state="reviewed"><th scope="row"><code dir="ltr">headline</code></th><td lang="en" dir="ltr">Putin and Raisi back closer ties in Kremlin meeting</td><td lang="fa" dir="rtl">پوتین`,
      ),
    );
    expect(html).toMatch(
      /<tr id="ui-editions-list" data-state="reviewed">.*?<td lang="en" dir="ltr">Every article is published in English, Persian and Russian\.<\/td>/,
    );
  });

  it('can be filtered by state without a script: a radio button per state, and a stylesheet rule that hides the other rows', async () => {
    const html = await (await site.request(`/ru/${SLUG}/review`)).text();
    for (const state of ['missing', 'initial', 'stale', 'translated', 'reviewed', 'final'])
      expect(html).toContain(`<input type="radio" name="show" id="show-${state}"/>`);
    expect(html).toContain('<input type="radio" name="show" id="show-all" checked=""/>');
    expect(html).not.toMatch(/<script/);
    const css = stylesheet(new Editions(catalog.editions).of('ru'), []);
    expect(css).toContain('body:has(#show-stale:checked) .review tbody tr:not([data-state="stale"]) { display: none; }');
  });

  it('its language switcher leads to the other translation’s review page, and to the English article', async () => {
    const html = await (await site.request(`/fa/${SLUG}/review`)).text();
    expect(html).toContain(`<a href="/ru/${SLUG}/review" hreflang="ru"`);
    expect(html).toContain(`<a href="/en/${SLUG}" hreflang="en"`);
    expect((await site.request(`/ru/${SLUG}/review`)).status).toBe(200);
  });

  it('marks stale and missing segments', async () => {
    const app = siteApp((c) => {
      delete c.resources.ru![SLUG]!['delegation'];
      delete c.status.ru![SLUG]!['delegation'];
      c.status.ru![SLUG]!['headline'] = { state: 'reviewed', stale: true };
    });
    const html = await (await app.request(`/ru/${SLUG}/review`)).text();
    expect(html).toMatch(new RegExp(`<tr id="${SLUG}-headline" data-state="stale">.*?<td><span data-segment="state-stale">устарело`));
    expect(html).toMatch(
      new RegExp(
        `<tr id="${SLUG}-delegation" data-state="missing">.*?<td lang="ru" dir="ltr"></td><td><span data-segment="state-missing">нет перевода`,
      ),
    );
  });

  it('the JSON edition marks stale segments', async () => {
    const app = siteApp((c) => (c.status.ru![SLUG]!['headline'] = { state: 'reviewed', stale: true }));
    const edition = (await (await app.request(`/ru/${SLUG}.json`)).json()) as {
      staleSegments: string[];
      blocks: { segments: { id: string; stale: boolean }[] }[];
    };
    expect(edition.staleSegments).toEqual(['headline']);
    expect(edition.blocks[0]!.segments[0]).toMatchObject({ id: 'headline', stale: true });
    expect(edition.blocks[1]!.segments[0]).toMatchObject({ stale: false });
  });

  it('English has no review page', async () => {
    expect((await site.request(`/en/${SLUG}/review`)).status).toBe(404);
  });
});

describe('a draft (a segment in the initial state, as a fuzzy PO entry is imported)', () => {
  // The check puts a draft apart from the published texts: so does this fixture.
  const DRAFT = 'Черновик: Путин принял Раиси';
  const app = siteApp((c) => {
    delete c.resources.ru![SLUG]!['headline'];
    (c.drafts.ru ??= {})[SLUG] = { headline: DRAFT };
    c.status.ru![SLUG]!['headline'] = { state: 'initial', stale: false };
  });

  it('is not published: the page shows the English, marked, under the notice, and its title is the English', async () => {
    const html = await (await app.request(`/ru/${SLUG}`)).text();
    expect(html).not.toContain(DRAFT);
    expect(html).toMatch(/<h1><span data-segment="headline" lang="en" dir="ltr" class="fallback">Putin and Raisi back closer ties/);
    expect(html).toMatch(/<title>Putin and Raisi back closer ties in Kremlin meeting \| /);
    expect(html).toContain('<p class="notice" role="note">');
  });

  it('is listed on the review page, with its text and its state', async () => {
    const html = await (await app.request(`/ru/${SLUG}/review`)).text();
    expect(html).toMatch(new RegExp(`<tr id="${SLUG}-headline" data-state="initial">.*?<td lang="ru" dir="ltr">${DRAFT}</td>`));
  });

  it('is a fallback in the JSON edition', async () => {
    const edition = (await (await app.request(`/ru/${SLUG}.json`)).json()) as { fallbackSegments: string[] };
    expect(edition.fallbackSegments).toEqual(['headline']);
  });
});
