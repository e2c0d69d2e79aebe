import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { negotiate, parseAcceptLanguage } from '../src/negotiate.ts';
import fixture from './fixtures/negotiation.json';

describe('negotiate(Accept-Language)', () => {
  for (const { description, header, expected } of fixture.headers) {
    it(description, () => {
      expect(negotiate(header)).toBe(expected);
    });
  }

  it('sorts by weight and keeps the header order for equal weights', () => {
    expect(parseAcceptLanguage('a;q=0.5, b, c;q=0.5, d').map((r) => r.range)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('GET / negotiates over HTTP', () => {
  for (const { description, header, expected } of fixture.headers) {
    it(`redirects: ${description}`, async () => {
      const response = await SELF.fetch('https://example.com/', {
        headers: header === null ? {} : { 'Accept-Language': header },
        redirect: 'manual',
      });
      expect(response.status).toBe(302);
      expect(response.headers.get('Location')).toBe(`/${expected}/`);
      expect(response.headers.get('Vary')).toBe('Accept-Language, Cookie');
      expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    });
  }
});

describe('an explicit choice beats the header; a locale in the path beats both', () => {
  for (const { description, header, path, expected, ...rest } of fixture.requests) {
    const cookie = 'cookie' in rest ? rest.cookie : undefined;
    it(description, async () => {
      const headers: Record<string, string> = { 'Accept-Language': header };
      if (cookie) headers.Cookie = cookie;
      const response = await SELF.fetch(`https://example.com${path}`, { headers, redirect: 'manual' });
      const url = new URL(path, 'https://example.com');
      const pathLocale = /^\/(en|fa|ru)\//.exec(url.pathname)?.[1];
      const lang = url.searchParams.get('lang');
      if (pathLocale && !(lang && /^(en|fa|ru)$/.test(lang))) {
        expect(response.status).toBe(200);
        expect(response.headers.get('Content-Language')).toBe(expected);
        expect(response.headers.get('Set-Cookie')).toBeNull();
        return;
      }
      expect(response.status).toBe(302);
      const location = response.headers.get('Location') ?? '';
      expect(location.startsWith(`/${expected}/`)).toBe(true);
      expect(response.headers.get('Vary')).toBe('Accept-Language, Cookie');
      if (lang === expected) expect(response.headers.get('Set-Cookie')).toMatch(new RegExp(`^lang=${expected};`));
      else expect(response.headers.get('Set-Cookie')).toBeNull();
    });
  }

  it('a choice made with ?lang= is remembered by the next negotiation', async () => {
    const choose = await SELF.fetch('https://example.com/putin-raisi-kremlin-meeting?lang=ru', { redirect: 'manual' });
    expect(choose.headers.get('Location')).toBe('/ru/putin-raisi-kremlin-meeting');
    const cookie = (choose.headers.get('Set-Cookie') ?? '').split(';')[0]!;
    const next = await SELF.fetch('https://example.com/', { headers: { Cookie: cookie, 'Accept-Language': 'fa' }, redirect: 'manual' });
    expect(next.headers.get('Location')).toBe('/ru/');
  });
});
