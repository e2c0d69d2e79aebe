import { describe, expect, it } from 'vitest';
import { siteApp, SLUG } from './catalog.ts';

const site = siteApp();

describe('the parallel review page', () => {
  it('shows each segment’s English beside its translation, each in its own lang and dir, with id and state', async () => {
    const response = await site.request(`/fa/${SLUG}/review`);
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Robots-Tag')).toBe('noindex');
    const html = await response.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).not.toContain('rel="alternate"');
    expect(html.match(/<tr id="segment-/g)?.length).toBe(31);
    expect(html).toMatch(
      /<tr id="segment-headline" data-state="reviewed"><th scope="row"><code dir="ltr">headline<\/code><\/th><td lang="en" dir="ltr">Putin and Raisi back closer ties in Kremlin meeting<\/td><td lang="fa" dir="rtl">پوتین/,
    );
  });

  it('marks stale and missing segments', async () => {
    const app = siteApp((c) => {
      delete c.resources.ru![SLUG]!['delegation'];
      c.status.ru![SLUG]!['headline'] = { state: 'reviewed', stale: true };
    });
    const html = await (await app.request(`/ru/${SLUG}/review`)).text();
    expect(html).toMatch(/<tr id="segment-headline" data-state="stale">.*?<td><span data-segment="state-stale">устарело/);
    expect(html).toMatch(
      /<tr id="segment-delegation" data-state="missing">.*?<td lang="en" dir="ltr"><\/td><td><span data-segment="state-missing">нет перевода/,
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
