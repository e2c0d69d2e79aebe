import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fixture from '../fixtures/negotiation.json';
import { ORIGIN, startEdge } from './edge.ts';

let edge: Miniflare;
beforeAll(() => {
  edge = startEdge();
});
afterAll(() => edge.dispose());

/** Whether an HTTP client can send the header at all: RFC 9110 §5.5 allows no control character but tab. */
const sendable = (header: string | null) => header === null || /^[\t\x20-\x7e\x80-\xff]*$/.test(header);

describe('GET / negotiates over HTTP', () => {
  for (const { description, header, expected } of fixture.headers) {
    it.skipIf(!sendable(header))(`redirects: ${description}`, async () => {
      const response = await edge.dispatchFetch(`${ORIGIN}/`, {
        headers: header === null ? {} : { 'Accept-Language': header },
        redirect: 'manual',
      });
      await response.arrayBuffer();
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
      const response = await edge.dispatchFetch(`${ORIGIN}${path}`, { headers, redirect: 'manual' });
      await response.arrayBuffer();
      const url = new URL(path, ORIGIN);
      if (/^\/(en|fa|ru)\//.test(url.pathname)) {
        expect(response.status).toBe(200);
        expect(response.headers.get('Content-Language')).toBe(expected);
        expect(response.headers.get('Set-Cookie')).toBeNull();
        return;
      }
      const lang = url.searchParams.get('lang');
      expect(response.status).toBe(302);
      expect((response.headers.get('Location') ?? '').startsWith(`/${expected}/`)).toBe(true);
      expect(response.headers.get('Vary')).toBe('Accept-Language, Cookie');
      if (lang === expected) expect(response.headers.get('Set-Cookie')).toMatch(new RegExp(`^lang=${expected};`));
      else expect(response.headers.get('Set-Cookie')).toBeNull();
    });
  }

  it('a choice made with ?lang= is remembered by the next negotiation', async () => {
    const choose = await edge.dispatchFetch(`${ORIGIN}/putin-raisi-kremlin-meeting?lang=ru`, { redirect: 'manual' });
    expect(choose.headers.get('Location')).toBe('/ru/putin-raisi-kremlin-meeting');
    const cookie = (choose.headers.get('Set-Cookie') ?? '').split(';')[0]!;
    const next = await edge.dispatchFetch(`${ORIGIN}/`, { headers: { Cookie: cookie, 'Accept-Language': 'fa' }, redirect: 'manual' });
    expect(next.headers.get('Location')).toBe('/ru/');
  });
});
