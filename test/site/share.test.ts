import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../html.ts';
import { paths } from '../../src/paths.ts';
import { catalog, ORIGIN, siteApp, SLUG } from './catalog.ts';

const site = siteApp();
const LOCALES = ['en', 'fa', 'ru'] as const;

/** What a page says of itself to machines, read with HTMLRewriter: its h1, meta properties, links, JSON-LD. */
async function headOf(response: Response) {
  const meta = new Map<string, string[]>();
  const links: Record<string, string>[] = [];
  const scripts: { type: string | null; text: string }[] = [];
  const notes: string[] = [];
  let inNote = false;
  let h1 = '';
  let inH1 = false;
  let script: { type: string | null; text: string } | undefined;
  await new HTMLRewriter()
    .on('meta[property], meta[name]', {
      element(el) {
        const key = el.getAttribute('property') ?? el.getAttribute('name')!;
        meta.set(key, [...(meta.get(key) ?? []), decodeHtml(el.getAttribute('content') ?? '')]);
      },
    })
    .on('link', {
      element(el) {
        const link: Record<string, string> = {};
        for (const name of ['rel', 'type', 'href', 'hreflang', 'title']) {
          const value = el.getAttribute(name);
          if (value !== null) link[name] = decodeHtml(value);
        }
        links.push(link);
      },
    })
    .on('h1', {
      element(el) {
        inH1 = true;
        el.onEndTag(() => {
          inH1 = false;
        });
      },
      text(chunk) {
        if (inH1) h1 += chunk.text;
      },
    })
    .on('.notes li [data-segment]', {
      element(el) {
        inNote = true;
        notes.push('');
        el.onEndTag(() => {
          inNote = false;
        });
      },
      text(chunk) {
        if (inNote) notes[notes.length - 1] += chunk.text;
      },
    })
    .on('script', {
      element(el) {
        script = { type: el.getAttribute('type'), text: '' };
        scripts.push(script);
      },
      text(chunk) {
        script!.text += chunk.text;
      },
    })
    .transform(response)
    .text();
  return { h1: decodeHtml(h1), meta, links, scripts, notes: notes.map(decodeHtml) };
}

const article = async (locale: string) => headOf(await site.request(paths.article(locale, SLUG)));
const jsonLd = (head: Awaited<ReturnType<typeof headOf>>) => {
  expect(head.scripts.map((s) => s.type)).toEqual(['application/ld+json']);
  return JSON.parse(head.scripts[0]!.text) as Record<string, any>;
};

describe('each edition of an article describes itself as a schema.org NewsArticle', () => {
  for (const locale of LOCALES) {
    it(`${locale}: headline as its h1, its language, date, URL, card, publisher and the original`, async () => {
      const head = await article(locale);
      const data = jsonLd(head);
      const url = `${ORIGIN}${paths.article(locale, SLUG)}`;
      expect(data['@context']).toBe('https://schema.org');
      expect(data['@type']).toBe('NewsArticle');
      expect(data.headline).toBe(head.h1);
      expect(data.headline.length).toBeLessThanOrEqual(110);
      expect(data.description).toBe(head.meta.get('description')?.[0]);
      expect(data.inLanguage).toBe(locale);
      expect(data.datePublished).toBe('2022-01-19');
      expect(data.url).toBe(url);
      expect(data.mainEntityOfPage['@id']).toBe(url);
      expect(data.image).toEqual([`${ORIGIN}${paths.card(locale, SLUG)}`]);
      expect(data.author).toEqual({ '@type': 'Organization', name: 'Al Jazeera' });
      expect(data.publisher.name).toBe(head.meta.get('og:site_name')?.[0]);
      expect(data.isBasedOn).toMatchObject({ '@type': 'NewsArticle', url: catalog.articles[0]!.original!.url, inLanguage: 'en' });
    });
  }

  it('the English names its translations, and each translation names the English as its original', async () => {
    const english = jsonLd(await article('en'));
    expect(english.workTranslation.map((t: { url: string }) => t.url)).toEqual(
      ['fa', 'ru'].map((l) => `${ORIGIN}${paths.article(l, SLUG)}`),
    );
    for (const locale of ['fa', 'ru']) {
      const translation = jsonLd(await article(locale));
      expect(translation.translationOfWork).toEqual({
        '@type': 'NewsArticle',
        '@id': english['@id'],
        url: english.url,
        inLanguage: 'en',
      });
      expect(english.workTranslation).toContainEqual({
        '@type': 'NewsArticle',
        '@id': translation['@id'],
        url: translation.url,
        inLanguage: locale,
      });
    }
  });

  it('the editor’s note is a correction, in the words the page shows', async () => {
    for (const locale of LOCALES) {
      const head = await article(locale);
      const data = jsonLd(head);
      expect(head.notes).toHaveLength(1);
      expect(data.correction).toEqual([{ '@type': 'CorrectionComment', text: head.notes[0] }]);
    }
  });

  it('no text can end the script element early: "<" is written as \\u003c', async () => {
    const html = await (
      await siteApp((copy) => {
        // ICU quotes make the "<" literal text (unquoted, it would open a tag, which the check refuses).
        copy.resources.en![SLUG]!.headline = "Putin '<'/script>'<'script>alert(1)'<'/script> Raisi";
      }).request(paths.article('en', SLUG))
    ).text();
    expect(html.match(/<script/g)).toHaveLength(1);
    const script = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!;
    expect(script).not.toContain('<');
    expect(JSON.parse(script).headline).toBe('Putin </script><script>alert(1)</script> Raisi');
  });
});

describe('links that messengers and feed readers follow', () => {
  for (const locale of LOCALES) {
    it(`${locale}: the card (1200×630, its alt the headline) and a large-image Twitter card`, async () => {
      const head = await article(locale);
      expect(head.meta.get('og:image')).toEqual([`${ORIGIN}${paths.card(locale, SLUG)}`]);
      expect(head.meta.get('og:image:type')).toEqual(['image/png']);
      expect(head.meta.get('og:image:width')).toEqual(['1200']);
      expect(head.meta.get('og:image:height')).toEqual(['630']);
      expect(head.meta.get('og:image:alt')).toEqual([head.h1]);
      expect(head.meta.get('twitter:card')).toEqual(['summary_large_image']);
    });

    it(`${locale}: the front page and the article name the edition’s Atom feed`, async () => {
      for (const path of [paths.front(locale), paths.article(locale, SLUG)]) {
        const { links } = await headOf(await site.request(path));
        expect(links.filter((l) => l.type === 'application/atom+xml')).toEqual([
          expect.objectContaining({ rel: 'alternate', href: paths.feed(locale) }),
        ]);
      }
    });
  }

  it('pages that are not for search engines carry no card, feed or structured data', async () => {
    for (const path of [paths.review('fa', SLUG), paths.notFound('ru'), paths.error('en')]) {
      const head = await headOf(await site.request(path));
      expect(head.meta.get('robots'), path).toEqual(['noindex']);
      expect(head.meta.has('og:image'), path).toBe(false);
      expect(head.scripts, path).toEqual([]);
      expect(
        head.links.filter((l) => l.type === 'application/atom+xml'),
        path,
      ).toEqual([]);
    }
  });
});

describe('the Atom feed of an edition', () => {
  for (const locale of LOCALES) {
    it(`${locale}: in the edition’s language, an entry per article titled with its headline`, async () => {
      const response = await site.request(paths.feed(locale));
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
      const feed = await response.text();
      const head = await article(locale);
      expect(feed).toContain(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`);
      const title = /<entry>[\s\S]*?<title type="text">([^<]*)<\/title>/.exec(feed)![1]!;
      expect(decodeHtml(title)).toBe(head.h1);
      expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${ORIGIN}${paths.feed(locale)}"/>`);
    });
  }

  it('an article datelined Tehran is stamped at noon of its day there (+03:30), its hour being unknown', async () => {
    const feed = await (await site.request(paths.feed('en'))).text();
    expect(feed).toContain('<published>2022-01-19T12:00:00+03:30</published>');
  });

  const ZONES = [
    'America/Los_Angeles',
    'America/New_York',
    'UTC',
    'Europe/London',
    'Europe/Moscow',
    'Asia/Tehran',
    'Asia/Tokyo',
    'Australia/Sydney',
  ];
  it(`the stamps name 19 January for readers in ${ZONES.join(', ')}`, async () => {
    const feed = await (await site.request(paths.feed('fa'))).text();
    const stamps = [...feed.matchAll(/<(?:published|updated)>([^<]+)</g)].map((m) => m[1]!);
    expect(stamps.length).toBeGreaterThanOrEqual(3);
    for (const stamp of stamps)
      for (const timeZone of ZONES)
        expect(new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(new Date(stamp)), `${stamp} in ${timeZone}`).toBe(
          '2022-01-19',
        );
  });

  for (const locale of LOCALES)
    it(`${locale}: each entry credits the article’s source as its author, the feed is the site’s`, async () => {
      const feed = await (await site.request(paths.feed(locale))).text();
      const entry = /<entry>[\s\S]*?<\/entry>/.exec(feed)![0];
      expect(entry).toContain(`<author><name>Al Jazeera</name><uri>${catalog.articles[0]!.original!.url}</uri></author>`);
      expect(feed.slice(0, feed.indexOf('<entry>'))).toMatch(/<author><name>[^<]+<\/name><uri>[^<]+<\/uri><\/author>/);
      expect(feed.slice(0, feed.indexOf('<entry>'))).not.toContain('Al Jazeera');
    });
});

describe('an edition’s front page, shared', () => {
  for (const locale of LOCALES)
    it(`${locale}: a description, its card (the edition’s name) and a large-image Twitter card`, async () => {
      const head = await headOf(await site.request(paths.front(locale)));
      const description = head.meta.get('description');
      expect(description).toHaveLength(1);
      expect(description![0]!.length).toBeGreaterThan(20);
      expect(head.meta.get('og:description')).toEqual(description);
      expect(head.meta.get('og:image')).toEqual([`${ORIGIN}${paths.frontCard(locale)}`]);
      expect(head.meta.get('og:image:alt')).toEqual([head.h1]);
      expect(head.meta.get('twitter:card')).toEqual(['summary_large_image']);
    });
});

describe('a correction recorded in the content file (a fixture: the landed article records none)', () => {
  const corrected = siteApp((c) => {
    c.articles[0]!.modified = { date: '2022-01-21', note: 'A fixture: a correction two days later.' };
  });
  const CASES = [
    { locale: 'en', label: 'Updated', date: '21\u00a0January 2022' },
    { locale: 'fa', label: 'به‌روزرسانی:', date: 'جمعه ۱\u00a0بهمن\u00a0۱۴۰۰' },
    { locale: 'ru', label: 'Обновлено', date: '21\u00a0января 2022\u00a0г.' },
  ] as const;
  for (const { locale, label, date } of CASES)
    it(`${locale}: an “${label}” line with its date under the published one, dateModified and article:modified_time`, async () => {
      const html = await (await corrected.request(paths.article(locale, SLUG))).text();
      expect(html).toMatch(
        new RegExp(`<p class="updated"><span data-segment="updated-label">${label}</span> <time datetime="2022-01-21">${date}</time>`),
      );
      expect(html.indexOf('<p class="updated">')).toBeGreaterThan(html.indexOf('<p class="published">'));
      const head = await headOf(new Response(html));
      expect(head.meta.get('article:modified_time')).toEqual(['2022-01-21']);
      expect(jsonLd(head).dateModified).toBe('2022-01-21');
      expect(jsonLd(head).datePublished).toBe('2022-01-19');
      const feed = await (await corrected.request(paths.feed(locale))).text();
      expect(feed).toContain('<updated>2022-01-21T12:00:00+03:30</updated>');
    });

  it('without a correction there is no updated line and no dateModified', async () => {
    const head = await article('en');
    expect(head.meta.has('article:modified_time')).toBe(false);
    expect(jsonLd(head).dateModified).toBeUndefined();
    expect(await (await site.request(paths.article('en', SLUG))).text()).not.toContain('class="updated"');
  });
});
