import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, startEdge } from './edge.ts';

let edge: Miniflare;
beforeAll(() => {
  edge = startEdge();
});
afterAll(() => edge.dispose());

const get = (path: string, headers: Record<string, string> = {}) => edge.dispatchFetch(`${ORIGIN}${path}`, { headers, redirect: 'manual' });

const cases = [
  {
    description: 'an unknown article in an edition: 404 in that edition, the same for everyone',
    path: '/fa/no-such-article',
    header: 'en',
    status: 404,
    lang: 'fa',
    negotiated: false,
  },
  {
    description: 'an unknown edition: 404 in the negotiated language',
    path: '/de/putin-raisi-kremlin-meeting',
    header: 'ru',
    status: 404,
    lang: 'ru',
    negotiated: true,
  },
  {
    description: 'an unknown top-level page: 404 in the negotiated language',
    path: '/no-such-page',
    header: 'fa-IR',
    status: 404,
    lang: 'fa',
    negotiated: true,
  },
  { description: 'a deep unknown path: 404', path: '/en/a/b/c', header: 'fa', status: 404, lang: 'en', negotiated: false },
  {
    description: 'the 404 page’s own address answers 404, not the page with 200',
    path: '/ru/404',
    header: 'en',
    status: 404,
    lang: 'ru',
    negotiated: false,
  },
  {
    description: 'the error page’s own address answers 404, not the page with 200',
    path: '/fa/error',
    header: 'en',
    status: 404,
    lang: 'fa',
    negotiated: false,
  },
  {
    description: 'an edition without its slash is sent to its front page (the platform’s redirect)',
    path: '/ru',
    header: 'en',
    status: 307,
    lang: undefined,
    negotiated: false,
  },
] as const;

describe('errors', () => {
  for (const { description, path, header, status, lang, negotiated } of cases) {
    it(description, async () => {
      const response = await get(path, { 'Accept-Language': header });
      expect(response.status).toBe(status);
      const html = await response.text();
      if (lang) {
        expect(response.headers.get('Content-Language')).toBe(lang);
        expect(html).toContain(`<html lang="${lang}"`);
        expect(html).toContain('<meta name="robots" content="noindex"/>');
        expect(response.headers.get('Cache-Control')).toBe(negotiated ? 'private, no-store' : 'public, max-age=60, s-maxage=300');
        expect(response.headers.get('Vary')).toBe(negotiated ? 'Accept-Language, Cookie' : null);
      }
    });
  }

  it('HEAD of an unknown path: 404 without a body', async () => {
    const response = await edge.dispatchFetch(`${ORIGIN}/fa/nothing`, { method: 'HEAD' });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
  });

  it('each edition has a front page listing the article with its date', async () => {
    for (const [locale, date] of [
      ['en', '19\u00a0January 2022'],
      ['fa', 'چهارشنبه ۲۹\u00a0دی\u00a0۱۴۰۰'],
      ['ru', '19\u00a0января 2022\u00a0г.'],
    ] as const) {
      const response = await get(`/${locale}/`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(`href="/${locale}/putin-raisi-kremlin-meeting"`);
      expect(html).toContain(date);
    }
  });
});

describe('the language switcher', () => {
  it('names each other edition in its own language, with hreflang, through the URL that remembers the choice', async () => {
    const html = await (await get('/fa/putin-raisi-kremlin-meeting')).text();
    expect(html).toContain('<a href="/putin-raisi-kremlin-meeting?lang=en" hreflang="en" lang="en" dir="ltr">English</a>');
    expect(html).toContain('<a href="/putin-raisi-kremlin-meeting?lang=ru" hreflang="ru" lang="ru" dir="ltr">Русский</a>');
    expect(html).toContain('<span aria-current="page" lang="fa">فارسی</span>');
  });

  it('every switcher link reaches the worker, which remembers the choice and leads to that edition', async () => {
    for (const page of ['/fa/putin-raisi-kremlin-meeting', '/ru/', '/en/no-such-page']) {
      const html = await (await get(page)).text();
      for (const [, href, lang] of html.matchAll(/<a href="([^"]+)" hreflang="([^"]+)"/g)) {
        const response = await get(href!.replace(/&amp;/g, '&'));
        await response.arrayBuffer();
        expect(response.status, href).toBe(302);
        expect(response.headers.get('Set-Cookie'), href).toMatch(new RegExp(`^lang=${lang};`));
        const target = await get(response.headers.get('Location')!);
        await target.arrayBuffer();
        expect(target.status, href).toBe(200);
        expect(target.headers.get('Content-Language'), href).toBe(lang);
      }
    }
  });
});

describe('the front page names the editions in the reader’s language', () => {
  for (const [locale, list] of [
    ['en', 'Every article is published in English, Persian and Russian.'],
    ['fa', 'انگلیسی، فارسی و روسی'],
    ['ru', 'английский, персидский и\u00a0русский'],
  ] as const) {
    it(`${locale}: ${list}`, async () => {
      expect(await (await get(`/${locale}/`)).text()).toContain(list);
    });
  }
});
