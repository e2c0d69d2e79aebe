import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

const cases = [
  {
    description: 'an unknown article in an edition: 404 in that edition',
    path: '/fa/no-such-article',
    header: 'en',
    status: 404,
    lang: 'fa',
  },
  {
    description: 'an unknown edition: 404 in the negotiated language',
    path: '/de/putin-raisi-kremlin-meeting',
    header: 'ru',
    status: 404,
    lang: 'ru',
  },
  {
    description: 'an unknown top-level page: 404 in the negotiated language',
    path: '/no-such-page',
    header: 'fa-IR',
    status: 404,
    lang: 'fa',
  },
  { description: 'a deep unknown path: 404', path: '/en/a/b/c', header: 'en', status: 404, lang: 'en' },
  { description: 'an edition without its slash is sent to its front page', path: '/ru', header: 'en', status: 301, lang: undefined },
] as const;

describe('errors', () => {
  for (const { description, path, header, status, lang } of cases) {
    it(description, async () => {
      const response = await SELF.fetch(`https://example.com${path}`, { headers: { 'Accept-Language': header }, redirect: 'manual' });
      expect(response.status).toBe(status);
      const html = await response.text();
      if (lang) {
        expect(response.headers.get('Content-Language')).toBe(lang);
        expect(html).toContain(`<html lang="${lang}"`);
      }
    });
  }

  it('each edition has a front page listing the article with its date', async () => {
    for (const [locale, date] of [
      ['en', 'January 19, 2022'],
      ['fa', '۲۹ دی ۱۴۰۰'],
      ['ru', '19 января 2022 г.'],
    ] as const) {
      const response = await SELF.fetch(`https://example.com/${locale}/`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(`href="/${locale}/putin-raisi-kremlin-meeting"`);
      expect(html).toContain(date);
    }
  });

  it('the language switcher names each other edition in its own language, with hreflang', async () => {
    const html = await (await SELF.fetch('https://example.com/fa/putin-raisi-kremlin-meeting')).text();
    expect(html).toContain('hreflang="en" lang="en" dir="ltr">English</a>');
    expect(html).toContain('hreflang="ru" lang="ru" dir="ltr">Русский</a>');
    expect(html).toContain('<span aria-current="page" lang="fa">فارسی</span>');
  });
});

describe('the front page names the editions in the reader’s language', () => {
  for (const [locale, list] of [
    ['en', 'Every article is published in English, Persian, and Russian.'],
    ['fa', 'انگلیسی،\u200f فارسی، و روسی'],
    ['ru', 'английский, персидский и русский'],
  ] as const) {
    it(`${locale}: ${list}`, async () => {
      expect(await (await SELF.fetch(`https://example.com/${locale}/`)).text()).toContain(list);
    });
  }
});
