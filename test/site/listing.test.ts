import { describe, expect, it } from 'vitest';
import { LISTING } from '../../site/listing.ts';
import { planSite } from '../../site/plan.ts';
import { catalogWith, FONTS, ORIGIN, SLUG } from './catalog.ts';
import { createSiteApp } from '../../site/app.tsx';

// A newsroom of 45 articles (the landed one copied under new slugs, a day apart): more than two pages of the
// front page's 20, and fewer than the feed's 50.
const COUNT = 45;
const slugOf = (i: number) => (i === 0 ? SLUG : `${SLUG}-${i}`);
const catalog = catalogWith((c) => {
  const base = c.articles[0]!;
  const first = Date.parse(`${base.published.date}T00:00:00Z`);
  for (let i = 1; i < COUNT; i++) {
    const slug = slugOf(i);
    c.articles.push({
      ...structuredClone(base),
      slug,
      published: { ...base.published, date: new Date(first + i * 86_400_000).toISOString().slice(0, 10) },
    });
    for (const table of [c.resources, c.drafts, c.status])
      for (const locale of Object.keys(table)) if (table[locale]![SLUG]) table[locale]![slug] = structuredClone(table[locale]![SLUG]!);
  }
});
const app = createSiteApp({ catalog, origin: ORIGIN, fonts: FONTS });
const html = async (path: string) => {
  const response = await app.request(path);
  expect(response.status, path).toBe(200);
  return response.text();
};
const articleLinks = (page: string) => [...page.matchAll(/<h2><a href="\/fa\/([a-z0-9-]+)">/g)].map((m) => m[1]!);

describe('lists that stay the same size as the archive grows', () => {
  it('the front page lists the 20 newest articles and links the next page (rel=next), which links back', async () => {
    const front = await html('/fa/');
    expect(articleLinks(front)).toEqual(Array.from({ length: LISTING.pageSize }, (_, i) => slugOf(COUNT - 1 - i)));
    expect(front).toContain('<link rel="next" href="/fa/page/2/"/>');
    expect(front).not.toContain('rel="prev"');
    const second = await html('/fa/page/2/');
    expect(second).toContain('<link rel="prev" href="/fa/"/>');
    expect(second).toContain('<link rel="next" href="/fa/page/3/"/>');
    expect(second).toContain('<link rel="canonical" href="https://news.example.org/fa/page/2/"/>');
    expect(second).toMatch(/<h1><span data-segment="page-title">صفحهٔ ۲<\/span><\/h1>/);
  });

  it('following the pages from the front page reaches every article once, and no page after the last', async () => {
    const seen: string[] = [];
    let path: string | undefined = '/fa/';
    while (path) {
      const page = await html(path);
      seen.push(...articleLinks(page));
      path = /<link rel="next" href="([^"]+)"\/>/.exec(page)?.[1];
    }
    expect(seen.sort()).toEqual(Array.from({ length: COUNT }, (_, i) => slugOf(i)).sort());
    expect((await app.request(`/fa/page/${Math.ceil(COUNT / LISTING.pageSize) + 1}/`)).status).toBe(404);
    expect((await app.request('/fa/page/1/')).status).toBe(404);
  });

  it('the feed has the latest entries, newest first, and no more than its size', async () => {
    const feed = await html('/fa/feed.atom');
    const entries = [...feed.matchAll(/<entry>\s*<id>[^<]*\/fa\/([a-z0-9-]+)<\/id>/g)].map((m) => m[1]);
    expect(entries.length).toBe(Math.min(COUNT, LISTING.feedSize));
    expect(entries[0]).toBe(slugOf(COUNT - 1));
  });

  it('the plan lists each page once: 3 list pages per edition, and a sitemap part per published edition', () => {
    const plan = planSite(catalog, { code: 'test', origin: ORIGIN, cards: false, fonts: FONTS });
    const urls = plan.map((o) => o.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.filter((u) => /^\/fa\/(page\/\d+\/)?$/.test(u))).toEqual(['/fa/', '/fa/page/2/', '/fa/page/3/']);
    expect(urls.filter((u) => u.startsWith('/sitemaps/'))).toEqual(['/sitemaps/en-1.xml', '/sitemaps/fa-1.xml', '/sitemaps/ru-1.xml']);
  });
});

describe('what each output is keyed by', () => {
  const plan = (edit?: Parameters<typeof catalogWith>[0]) =>
    new Map(
      planSite(edit ? catalogWith(edit) : catalogWith(() => {}), { code: 'test', origin: ORIGIN, cards: true, fonts: FONTS }).map((o) => [
        o.url,
        o.key,
      ]),
    );
  const changed = (before: Map<string, string>, after: Map<string, string>) =>
    [...after]
      .filter(([url, key]) => before.get(url) !== key)
      .map(([url]) => url)
      .sort();
  const base = plan();

  const cases = [
    {
      description: 'a Persian body segment: the Persian article, its JSON edition and review page',
      edit: (c: Parameters<Parameters<typeof catalogWith>[0]>[0]) => (c.resources.fa![SLUG]!['delegation'] = 'متن تازه.'),
      expected: [`/fa/${SLUG}`, `/fa/${SLUG}.json`, `/fa/${SLUG}/review`],
    },
    {
      description: 'a Persian headline: those, its card, and the Persian lists that show it (front page, feed)',
      edit: (c: Parameters<Parameters<typeof catalogWith>[0]>[0]) => (c.resources.fa![SLUG]!['headline'] = 'عنوان تازه'),
      expected: [`/fa/${SLUG}`, `/fa/${SLUG}.json`, `/fa/${SLUG}/review`, `/fa/${SLUG}/card.png`, '/fa/', '/fa/feed.atom'],
    },
    {
      description: 'a glossary name only Persian body segments use: the Persian pages of the article that show them',
      edit: (c: Parameters<Parameters<typeof catalogWith>[0]>[0]) => (c.resources.fa!.glossary!['khandoozi'] = 'خاندوزی تازه'),
      expected: [`/fa/${SLUG}`, `/fa/${SLUG}.json`, `/fa/${SLUG}/review`],
    },
    {
      description: 'the origin: every page but the stylesheets, the icon and the cards (which name no URL)',
      origin: 'https://other.example',
      expected: undefined,
    },
  ];
  for (const { description, edit, expected, origin } of cases)
    it(`${description}`, () => {
      const after = origin
        ? new Map(
            planSite(
              catalogWith(() => {}),
              { code: 'test', origin, cards: true, fonts: FONTS },
            ).map((o) => [o.url, o.key]),
          )
        : plan(edit);
      if (expected) expect(changed(base, after)).toEqual(expected.sort());
      else {
        const kept = (u: string) => u.startsWith('/assets/') || u.endsWith('/card.png');
        expect(changed(base, after)).toEqual([...base.keys()].filter((u) => !kept(u)).sort());
      }
    });
});
