import { describe, expect, it } from 'vitest';
import { siteApp } from './catalog.ts';

const site = siteApp();

const SLUG = 'putin-raisi-kremlin-meeting';

const editions = [
  {
    description: 'English reads left to right, in Latin script, with a Gregorian date written the British way (en_GB)',
    locale: 'en',
    dir: 'ltr',
    script: /Putin and Raisi back closer ties in Kremlin meeting/,
    date: '19\u00a0January 2022',
  },
  {
    description:
      'Persian reads right to left, in Persian script, dated in the Solar Hijri calendar with Persian digits, its weekday first as Persian news sites print it',
    locale: 'fa',
    dir: 'rtl',
    script: /[\u0600-\u06FF]{3,}/,
    date: 'چهارشنبه ۲۹\u00a0دی\u00a0۱۴۰۰',
  },
  {
    description: 'Russian reads left to right, in Cyrillic, with the genitive month',
    locale: 'ru',
    dir: 'ltr',
    script: /[\u0400-\u04FF]{3,}/,
    date: '19\u00a0января 2022\u00a0г.',
  },
] as const;

describe('each edition of the article', () => {
  for (const { description, locale, dir, script, date } of editions) {
    it(`${locale}: ${description}`, async () => {
      const response = await site.request(`/${locale}/${SLUG}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toMatch(/^text\/html; charset=utf-8/i);
      expect(response.headers.get('Content-Language')).toBe(locale);
      const html = await response.text();
      expect(html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}" dir="${dir}">`));
      expect(html).toMatch(script);
      expect(html).toContain(`<time datetime="2022-01-19">${date}</time>`);
    });
  }
});
