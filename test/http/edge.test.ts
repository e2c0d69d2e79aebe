import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IF_NONE_MATCH, ORIGIN, startEdge } from './edge.ts';

const SLUG = 'putin-raisi-kremlin-meeting';
const EDITIONS = ['en', 'fa', 'ru'] as const;

let edge: Miniflare;
beforeAll(() => {
  edge = startEdge();
});
afterAll(() => edge.dispose());

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  edge.dispatchFetch(`${ORIGIN}${path}`, { method, headers, redirect: 'manual' });

describe('validators (the platform’s: a strong ETag per file, 304 for that one tag, weak or strong)', () => {
  it('each edition has a strong ETag, the same on every request, and no two editions share one', async () => {
    const tags = new Set<string>();
    for (const locale of EDITIONS) {
      const first = await get(`/${locale}/${SLUG}`);
      const again = await get(`/${locale}/${SLUG}`);
      await Promise.all([first.arrayBuffer(), again.arrayBuffer()]);
      expect(first.headers.get('ETag')).toMatch(/^"[0-9a-f]{16,}"$/);
      expect(again.headers.get('ETag')).toBe(first.headers.get('ETag'));
      tags.add(first.headers.get('ETag')!);
    }
    expect(tags.size).toBe(3);
  });

  for (const { description, header, status } of IF_NONE_MATCH) {
    it(`If-None-Match with ${description} answers ${status}`, async () => {
      const first = await get(`/en/${SLUG}`);
      await first.arrayBuffer();
      const tag = first.headers.get('ETag')!;
      const response = await get(`/en/${SLUG}`, { 'If-None-Match': header(tag) });
      const body = await response.text();
      expect(response.status).toBe(status);
      if (status === 304) {
        expect(body).toBe('');
        expect(response.headers.get('ETag')).toBe(tag);
        expect(response.headers.get('Cache-Control')).toContain('public');
        expect(response.headers.get('Content-Language')).toBe('en');
      } else expect(body).toContain('<html lang="en"');
    });
  }

  it('a 304 round trip works for the JSON edition and the stylesheet too', async () => {
    const json = await get(`/fa/${SLUG}.json`);
    await json.arrayBuffer();
    expect((await get(`/fa/${SLUG}.json`, { 'If-None-Match': json.headers.get('ETag')! })).status).toBe(304);
    const html = await (await get(`/en/${SLUG}`)).text();
    const css = /href="(\/assets\/site-[0-9a-f]+\.css)"/.exec(html)![1]!;
    const sheet = await get(css);
    await sheet.arrayBuffer();
    expect(sheet.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(sheet.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect((await get(css, { 'If-None-Match': sheet.headers.get('ETag')! })).status).toBe(304);
  });

  it('HEAD answers like GET, without a body', async () => {
    const full = await get(`/ru/${SLUG}`);
    await full.arrayBuffer();
    const head = await get(`/ru/${SLUG}`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const name of ['ETag', 'Cache-Control', 'Content-Language', 'Content-Type', 'Link', 'Content-Security-Policy'])
      expect(head.headers.get(name), name).toBe(full.headers.get(name));
  });

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    it(`${method} is refused with 405 and Allow: GET, HEAD, by the assets and by the worker alike`, async () => {
      for (const path of ['/', `/${SLUG}`, `/en/${SLUG}`, '/fa/', '/no-such-page']) {
        const response = await get(path, {}, method);
        await response.arrayBuffer();
        expect(response.status, path).toBe(405);
        expect(response.headers.get('Allow'), path).toBe('GET, HEAD');
      }
    });
  }
});

describe('cache rules', () => {
  it('editions, front pages, the JSON edition, the sitemap and robots.txt are public, short for browsers and longer at the edge, and set no cookie', async () => {
    for (const path of ['/en/', '/fa/', `/ru/${SLUG}`, `/fa/${SLUG}.json`, '/sitemap.xml', '/robots.txt']) {
      const response = await get(path, { Cookie: 'lang=ru', 'Accept-Language': 'fa' });
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Cache-Control'), path).toBe('public, max-age=300, s-maxage=86400, stale-while-revalidate=86400');
      expect(response.headers.get('Set-Cookie'), path).toBeNull();
      expect(response.headers.get('Vary'), path).toBeNull();
    }
  });

  it('negotiating responses vary on Accept-Language and Cookie and are never stored publicly', async () => {
    for (const path of ['/', `/${SLUG}`, `/?lang=fa`, `/${SLUG}?lang=ru`, '/no-such-page']) {
      const response = await get(path, { 'Accept-Language': 'ru' });
      await response.arrayBuffer();
      expect(response.headers.get('Vary'), path).toBe('Accept-Language, Cookie');
      expect(response.headers.get('Cache-Control'), path).toBe('private, no-store');
    }
  });

  it('an edition’s own URL is that edition for everyone, whatever the query, cookie or language: ?lang= there is not asked of the worker', async () => {
    const a = await get(`/fa/${SLUG}`, { 'Accept-Language': 'ru' });
    const b = await get(`/fa/${SLUG}?lang=ru`, { 'Accept-Language': 'en', Cookie: 'lang=ru' });
    expect(b.status).toBe(200);
    expect(b.headers.get('Set-Cookie')).toBeNull();
    expect(await b.text()).toBe(await a.text());
  });
});

/** The hreflang alternates of a page, as <link> elements, and its Link header (none: the HTML carries them). */
async function alternatesOf(path: string, headers: Record<string, string> = {}) {
  const response = await get(path, headers);
  const html = await response.text();
  const links = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
  const canonical = /<link rel="canonical" href="([^"]+)"\/>/.exec(html)?.[1];
  return { html, links, header: response.headers.get('Link'), canonical };
}

/** The sitemap as a crawler reads it: the index, then every part it names, each URL with its alternates. */
async function sitemapEntries() {
  const index = await get('/sitemap.xml');
  expect(index.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
  const parts = [...(await index.text()).matchAll(/<sitemap>\s*<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const entries: { loc: string; links: { hreflang: string; href: string }[] }[] = [];
  for (const part of parts) {
    expect(part.startsWith(`${ORIGIN}/sitemaps/`)).toBe(true);
    const response = await get(part.slice(ORIGIN.length));
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    for (const m of xml.matchAll(/<url>([\s\S]*?)<\/url>/g))
      entries.push({
        loc: /<loc>([^<]+)<\/loc>/.exec(m[1]!)![1]!,
        links: [...m[1]!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((l) => ({
          hreflang: l[1]!,
          href: l[2]!,
        })),
      });
  }
  return { parts, entries };
}

describe('alternates for search engines and sharing', () => {
  for (const family of [(l: string) => `/${l}/${SLUG}`, (l: string) => `/${l}/`]) {
    it(`${family('xx')}: every edition lists itself and every other edition with absolute URLs, plus x-default, in its HTML (no per-page Link header)`, async () => {
      const expected = [
        ...EDITIONS.map((l) => `${l} ${ORIGIN}${family(l)}`),
        `x-default ${ORIGIN}${family('xx').includes(SLUG) ? `/${SLUG}` : '/'}`,
      ];
      for (const locale of EDITIONS) {
        const { links, header, canonical } = await alternatesOf(family(locale));
        expect(links).toEqual(expected);
        expect(header).toBeNull();
        expect(canonical).toBe(`${ORIGIN}${family(locale)}`);
      }
    });
  }

  it('each edition has a localized title and description, og:locale and og:locale:alternate', async () => {
    const { html } = await alternatesOf(`/ru/${SLUG}`);
    expect(html).toMatch(/<title>[^<]*Путин[^<]*<\/title>/);
    expect(html).toMatch(/<meta name="description" content="[^"]*Роухани[^"]*"\/>/);
    expect(html).toContain('<meta property="og:locale" content="ru_RU"/>');
    expect(html).toContain('<meta property="og:locale:alternate" content="en_GB"/>');
    expect(html).toContain('<meta property="og:locale:alternate" content="fa_IR"/>');
  });

  it('the sitemap is an index of one part per edition, listing each edition with the full, reciprocal set of xhtml:link alternates', async () => {
    const { parts, entries } = await sitemapEntries();
    expect(parts).toEqual(EDITIONS.map((l) => `${ORIGIN}/sitemaps/${l}-1.xml`));
    expect(entries.map((e) => e.loc)).toEqual(expect.arrayContaining(EDITIONS.map((l) => `${ORIGIN}/${l}/${SLUG}`)));
    for (const entry of entries) {
      expect(entry.links.map((l) => l.hreflang)).toEqual(['en', 'fa', 'ru', 'x-default']);
      expect(entry.links.map((l) => l.href)).toContain(entry.loc); // self
      for (const link of entry.links) expect(link.href.startsWith(`${ORIGIN}/`)).toBe(true); // absolute
      for (const other of entry.links.filter((l) => l.hreflang !== 'x-default')) {
        const back = entries.find((e) => e.loc === other.href); // reciprocal
        expect(back?.links.map((l) => l.href)).toContain(entry.loc);
      }
    }
  });

  it('robots.txt points at the sitemap', async () => {
    expect(await (await get('/robots.txt')).text()).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});

describe('one origin, from configuration: nothing a request sends reaches a page', () => {
  const hostile = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', Forwarded: 'host=evil.example' };
  for (const path of [`/fa/${SLUG}`, '/ru/', `/en/${SLUG}.json`, '/sitemap.xml', '/robots.txt', '/fa/no-such-page']) {
    it(`${path} names only ${ORIGIN}, whatever Host the request gives`, async () => {
      const response = await edge.dispatchFetch(`https://evil.example${path}`, { headers: hostile, redirect: 'manual' });
      const text = await response.text();
      expect(text).not.toContain('evil.example');
      expect(response.headers.get('Link') ?? '').not.toContain('evil.example');
      expect(text.includes(ORIGIN) || path.includes('no-such-page')).toBe(true);
    });
  }

  it('a 30,000-character Host costs the same as any other: the page is a file', async () => {
    const long = `${'a'.repeat(30_000)}.example`;
    const response = await edge.dispatchFetch(`https://evil.example/fa/${SLUG}`, { headers: { Host: long } });
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).not.toContain('aaaaaaaaaa');
  });
});

describe('the JSON edition', () => {
  it('gives the blocks in order with segment ids, types and text, the formatted date, lang and dir', async () => {
    const response = await get(`/fa/${SLUG}.json`);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('Content-Language')).toBe('fa');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const edition = (await response.json()) as {
      lang: string;
      dir: string;
      url: string;
      published: { date: string; text: string };
      fallbackSegments: string[];
      blocks: { type: string; segments: { id: string; role?: string; text: string; lang: string; fallback: boolean }[] }[];
    };
    expect(edition.lang).toBe('fa');
    expect(edition.dir).toBe('rtl');
    expect(edition.url).toBe(`${ORIGIN}/fa/${SLUG}`);
    expect(edition.published).toMatchObject({ date: '2022-01-19', text: 'چهارشنبه ۲۹\u00a0دی\u00a0۱۴۰۰' });
    expect(edition.fallbackSegments).toEqual([]);
    expect(edition.blocks[0]).toMatchObject({ type: 'headline', segments: [{ id: 'headline', lang: 'fa', fallback: false }] });
    expect(edition.blocks.find((b) => b.type === 'photo')?.segments.map((s) => s.role)).toEqual(['alt', 'caption', 'credit']);
    expect(edition.blocks.at(-1)?.type).toBe('source');
    expect(edition.blocks.flatMap((b) => b.segments).length).toBe(31);
  });
});

describe('security headers', () => {
  it('every response, file or worker’s, has a nonce-free CSP with no inline script and the other security headers', async () => {
    for (const path of [
      `/fa/${SLUG}`,
      '/en/',
      '/en/no-such-page',
      '/',
      `/${SLUG}`,
      `/fa/${SLUG}.json`,
      '/fonts/vazirmatn-33.0.3/OFL.txt',
    ]) {
      const response = await get(path, { 'Accept-Language': 'fa' });
      await response.arrayBuffer();
      const csp = response.headers.get('Content-Security-Policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("style-src 'self'");
      expect(csp, path).not.toMatch(/unsafe-inline|nonce-|script-src [^;]*'self'/);
      expect(response.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(response.headers.get('Referrer-Policy'), path).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('Permissions-Policy'), path).toContain('camera=()');
      expect(response.headers.get('Strict-Transport-Security'), path).toMatch(/^max-age=\d+/);
    }
  });

  it('pages carry no inline script or style: the one script element is JSON-LD data, which nothing runs', async () => {
    for (const locale of EDITIONS) {
      const html = await (await get(`/${locale}/${SLUG}`)).text();
      const scripts = html.match(/<script[^>]*>/g) ?? [];
      expect(scripts).toEqual(['<script type="application/ld+json">']);
      expect(html).not.toMatch(/<style| style=/);
    }
  });

  const hostile = [
    '//evil.example',
    '/%2F%2Fevil.example',
    '/\\evil.example',
    '/?lang=https://evil.example',
    '//evil.example?lang=fa',
    '/%5Cevil.example?lang=ru',
    '/%2F%2Fevil.example/?lang=en',
    '/https://evil.example?lang=fa',
    '/fa//evil.example',
    '/fa/%2F%2Fevil.example/',
  ];
  for (const path of hostile) {
    it(`a redirect never leaves the site: ${path}`, async () => {
      const response = await edge.dispatchFetch(`${ORIGIN}${path}`, { redirect: 'manual', headers: { 'Accept-Language': 'fa' } });
      await response.arrayBuffer();
      expect(response.status).toBeLessThan(500);
      const location = response.headers.get('Location');
      if (location !== null) {
        expect(location).toMatch(/^\/(?![/\\])/);
        expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
      }
    });
  }
});
