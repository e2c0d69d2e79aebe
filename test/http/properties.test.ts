import fc from 'fast-check';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserHeader, RUNS } from '../properties.ts';
import { ORIGIN, startEdge } from './edge.ts';

let edge: Miniflare;
beforeAll(() => {
  edge = startEdge();
});
afterAll(() => edge.dispose());

const MARKER = '<svg onload=alert(1)>';

const segment = fc.oneof(
  fc.constantFrom(
    'en',
    'fa',
    'ru',
    'de',
    'putin-raisi-kremlin-meeting',
    'putin-raisi-kremlin-meeting.json',
    'review',
    'sitemap.xml',
    'robots.txt',
    'assets',
    '404',
    'fonts',
  ),
  fc.constantFrom(
    '',
    '.',
    '..',
    '%2e%2e',
    '%2F',
    '%2f%2fevil.example',
    '%5C',
    '\\',
    '%5Cevil.example',
    '%00',
    '%C0%AF',
    '%FF',
    '%E0%A4%A',
    '%',
    '%%',
    'evil.example',
    'https:',
  ),
  fc.constant(encodeURIComponent(MARKER)),
  fc.webSegment(),
  fc.string({ minLength: 1000, maxLength: 5000 }).map(encodeURIComponent),
);
const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?lang=fa',
    '?lang=ru',
    '?lang=en',
    '?lang=https://evil.example',
    '?lang=//evil.example',
    '?lang=%2F%2Fevil.example',
    '?lang=',
    '?lang=fa&lang=ru',
  ),
  fc.string({ maxLength: 60 }).map((s) => `?lang=${encodeURIComponent(s)}`),
  fc.constant(`?q=${encodeURIComponent(MARKER)}`),
);
const request = fc
  .tuple(fc.array(segment, { minLength: 0, maxLength: 6 }), fc.boolean(), query)
  .map(([segments, slash, q]) => `/${segments.join('/')}${slash ? '/' : ''}${q}`);

// Over HTTP, through the static assets and the worker as the edge routes them. Accept-Language headers are of
// the sizes a client can send (the edge refuses headers past 32 KB); the worker's negotiation is tested on
// any size in test/worker/properties.test.ts.
describe('routing, on arbitrary paths and query strings', () => {
  it('never answers 5xx, never redirects off the site, and reflects nothing', async () => {
    await fc.assert(
      fc.asyncProperty(request, fc.constantFrom('GET', 'HEAD', 'POST'), browserHeader, async (path, method, acceptLanguage) => {
        let url: URL;
        try {
          url = new URL(`${ORIGIN}${path}`);
        } catch {
          return; // not a request any client can send
        }
        const response = await edge.dispatchFetch(url.href, { method, headers: { 'Accept-Language': acceptLanguage }, redirect: 'manual' });
        expect(response.status).toBeLessThan(500);
        const location = response.headers.get('Location');
        if (location !== null) {
          expect(location).toMatch(/^\/(?![/\\])/);
          expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
        }
        const body = await response.text();
        expect(body).not.toContain(MARKER);
        expect(body).not.toContain('evil.example');
        expect(location ?? '').not.toContain('<');
      }),
      { ...RUNS },
    );
  });
});
