import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import { catalog } from '../src/generated/catalog.ts';
import { LOCALES } from '../src/locales.ts';
import { MAX_ENTRIES, MAX_HEADER_LENGTH, negotiate } from '../src/negotiate.ts';

/** Fixed seed and enough runs to matter: a failure here reproduces. */
const RUNS = { seed: 20220119, numRuns: 1000 } as const;

// --- Accept-Language ---------------------------------------------------------------------------------------
const tag = fc.oneof(
  fc.constantFrom(
    'en',
    'fa',
    'ru',
    'EN',
    'Fa',
    'rU',
    'fa-IR',
    'fa-Arab-IR',
    'ru-RU',
    'en-US',
    'uk',
    'de-DE',
    'zh-Hant-TW',
    '*',
    'x-pirate',
    'i-default',
  ),
  fc.stringMatching(/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,3}$/),
  fc.string({ maxLength: 12 }),
);
const weight = fc.oneof(
  fc.constantFrom(
    '',
    ';q=0',
    ';q=1',
    ';q=0.5',
    ';q=0.000',
    ';q=1.000',
    ';q=NaN',
    ';q=-1',
    ';q=1.0001',
    ';q=abc',
    ';q=',
    ';Q=0.9',
    ' ; q=0.3',
    ';level=1',
  ),
  fc.integer({ min: 0, max: 1000 }).map((n) => `;q=${(n / 1000).toFixed(3)}`),
);
const entry = fc.tuple(fc.constantFrom('', ' ', '\t', '  '), tag, weight).map(([space, t, w]) => `${space}${t}${w}`);
/** Headers as browsers and attackers send them: a few entries, or ten thousand. */
const header = fc.oneof(
  { weight: 9, arbitrary: fc.array(entry, { maxLength: 40 }).map((entries) => entries.join(',')) },
  {
    weight: 1,
    arbitrary: fc
      .array(entry, { minLength: 1, maxLength: 5 })
      .map((entries) => Array.from({ length: 10_000 }, (_, i) => entries[i % entries.length]).join(',')),
  },
);
const anyString = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u0000', '\u0001', '\u007f', '\r', '\n', ',', ';', '=', '-', '*'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 2000,
});

const swapCase = (text: string) => text.replace(/[a-z]/gi, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));

describe('negotiation, on arbitrary headers', () => {
  it('never throws and always returns a published edition, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, header), (h) => {
        expect(LOCALES).toContain(negotiate(h));
      }),
      RUNS,
    );
  });

  it('ignores case', () => {
    fc.assert(
      fc.property(header, (h) => {
        expect(negotiate(swapCase(h))).toBe(negotiate(h));
      }),
      RUNS,
    );
  });

  it('honours q=0: an edition the reader refuses is never chosen over one they accept', () => {
    fc.assert(
      fc.property(fc.constantFrom('fa', 'ru'), header, (refused, h) => {
        expect(negotiate(`${refused};q=0, ${h}`)).not.toBe(refused);
      }),
      RUNS,
    );
  });

  it(`reads only the first ${MAX_ENTRIES} entries: what follows them changes nothing`, () => {
    const short = fc.array(
      fc.tuple(tag, weight).map(([t, w]) => `${t}${w}`.slice(0, 20)),
      { minLength: MAX_ENTRIES, maxLength: MAX_ENTRIES },
    );
    fc.assert(
      fc.property(short, fc.oneof(anyString, header), (first, rest) => {
        const head = first.join(',');
        expect(negotiate(`${head},${rest}`)).toBe(negotiate(head));
      }),
      RUNS,
    );
  });

  it(`reads only the first ${MAX_HEADER_LENGTH} characters: a longer header costs no more`, () => {
    fc.assert(
      fc.property(fc.oneof(anyString, header), fc.oneof(anyString, header), (h, tail) => {
        const long = (h + ' '.repeat(MAX_HEADER_LENGTH)).slice(0, MAX_HEADER_LENGTH);
        expect(negotiate(long + tail)).toBe(negotiate(long));
      }),
      RUNS,
    );
  });
});

// --- Routing --------------------------------------------------------------------------------------------------
const app = createApp(catalog);
const ORIGIN = 'https://example.com';
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

describe('routing, on arbitrary paths and query strings', () => {
  it('never answers 5xx, never redirects off the site, and reflects nothing', async () => {
    await fc.assert(
      fc.asyncProperty(request, fc.constantFrom('GET', 'HEAD', 'POST'), header, async (path, method, acceptLanguage) => {
        let url: URL;
        try {
          url = new URL(`${ORIGIN}${path}`);
        } catch {
          return; // not a request any client can send
        }
        const response = await app.request(url.href, { method, headers: { 'Accept-Language': acceptLanguage } });
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
