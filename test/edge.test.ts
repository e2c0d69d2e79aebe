import { SELF } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.tsx';
import { catalogWith, SLUG } from './catalog-fixture.ts';

const BASE = 'https://example.com';
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  SELF.fetch(`${BASE}${path}`, { method, headers, redirect: 'manual' });
const EDITIONS = ['en', 'fa', 'ru'] as const;

describe('validators', () => {
  it('each edition has a strong ETag, the same on every request, and no two editions share one', async () => {
    const tags = new Set<string>();
    for (const locale of EDITIONS) {
      const first = (await get(`/${locale}/${SLUG}`)).headers.get('ETag');
      const again = (await get(`/${locale}/${SLUG}`)).headers.get('ETag');
      expect(first).toMatch(new RegExp(`^"${locale}-[0-9a-f]{24}"$`));
      expect(again).toBe(first);
      tags.add(first!);
    }
    expect(tags.size).toBe(3);
  });

  const conditional = [
    { description: 'the same ETag', header: (tag: string) => tag, status: 304 },
    { description: 'the ETag weakened by the edge (weak comparison)', header: (tag: string) => `W/${tag}`, status: 304 },
    { description: 'a list that contains the ETag', header: (tag: string) => `"stale", W/"other", ${tag}`, status: 304 },
    { description: '*', header: () => '*', status: 304 },
    { description: 'another edition’s ETag', header: (tag: string) => tag.replace('"en-', '"fa-'), status: 200 },
    { description: 'a malformed header', header: () => 'not-a-tag', status: 200 },
  ];
  for (const { description, header, status } of conditional) {
    it(`If-None-Match with ${description} answers ${status}`, async () => {
      const tag = (await get(`/en/${SLUG}`)).headers.get('ETag')!;
      const response = await get(`/en/${SLUG}`, { 'If-None-Match': header(tag) });
      expect(response.status).toBe(status);
      if (status === 304) {
        expect(await response.text()).toBe('');
        expect(response.headers.get('ETag')).toBe(tag);
        expect(response.headers.get('Cache-Control')).toContain('public');
        expect(response.headers.get('Content-Language')).toBe('en');
      }
    });
  }

  it('a 304 round trip works for the JSON edition and the stylesheet too', async () => {
    const json = await get(`/fa/${SLUG}.json`);
    expect((await get(`/fa/${SLUG}.json`, { 'If-None-Match': json.headers.get('ETag')! })).status).toBe(304);
    const html = await (await get(`/en/${SLUG}`)).text();
    const css = /href="(\/assets\/site-[a-z0-9]+\.css)"/.exec(html)![1]!;
    const sheet = await get(css);
    expect(sheet.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect((await get(css, { 'If-None-Match': sheet.headers.get('ETag')! })).status).toBe(304);
  });

  it('HEAD answers like GET, without a body', async () => {
    const full = await get(`/ru/${SLUG}`);
    const head = await get(`/ru/${SLUG}`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const name of ['ETag', 'Cache-Control', 'Content-Language', 'Content-Type', 'Link', 'Content-Security-Policy'])
      expect(head.headers.get(name), name).toBe(full.headers.get(name));
    expect(head.headers.get('Content-Length')).toBe(String(new TextEncoder().encode(await full.text()).byteLength));
  });

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    it(`${method} is refused with 405 and Allow: GET, HEAD`, async () => {
      for (const path of ['/', `/en/${SLUG}`, '/no-such-page']) {
        const response = await get(path, {}, method);
        expect(response.status).toBe(405);
        expect(response.headers.get('Allow')).toBe('GET, HEAD');
      }
    });
  }
});

describe('cache rules', () => {
  it('editions, front pages, the JSON edition and the sitemap are public, short for browsers and longer at the edge, and set no cookie', async () => {
    for (const path of ['/en/', '/fa/', `/ru/${SLUG}`, `/fa/${SLUG}.json`, '/sitemap.xml', '/robots.txt']) {
      const response = await get(path, { Cookie: 'lang=ru', 'Accept-Language': 'fa' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Cache-Control'), path).toBe('public, max-age=300, s-maxage=86400, stale-while-revalidate=86400');
      expect(response.headers.get('Set-Cookie'), path).toBeNull();
      expect(response.headers.get('Vary'), path).toBeNull();
    }
  });

  it('negotiating responses vary on Accept-Language and Cookie and are never stored publicly', async () => {
    for (const path of ['/', `/${SLUG}`, `/?lang=fa`, `/en/${SLUG}?lang=ru`, '/no-such-page']) {
      const response = await get(path, { 'Accept-Language': 'ru' });
      expect(response.headers.get('Vary'), path).toBe('Accept-Language, Cookie');
      expect(response.headers.get('Cache-Control'), path).toBe('private, no-store');
    }
  });

  it('the same edition URL gives the same bytes whatever the reader’s language or cookie', async () => {
    const a = await (await get(`/fa/${SLUG}`, { 'Accept-Language': 'ru' })).text();
    const b = await (await get(`/fa/${SLUG}`, { 'Accept-Language': 'en', Cookie: 'lang=ru' })).text();
    expect(a).toBe(b);
  });
});

/** The hreflang alternates of a page, as <link> elements and as the Link header. */
async function alternatesOf(path: string) {
  const response = await get(path);
  const html = await response.text();
  const links = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
  const header = [...(response.headers.get('Link') ?? '').matchAll(/<([^>]+)>; rel="alternate"; hreflang="([^"]+)"/g)].map(
    (m) => `${m[2]} ${m[1]}`,
  );
  const canonical = /<link rel="canonical" href="([^"]+)"\/>/.exec(html)?.[1];
  return { html, links, header, canonical };
}

describe('alternates for search engines and sharing', () => {
  for (const family of [(l: string) => `/${l}/${SLUG}`, (l: string) => `/${l}/`]) {
    it(`${family('xx')}: every edition lists itself and every other edition with absolute URLs, plus x-default, in HTML and in Link`, async () => {
      const expected = [
        ...EDITIONS.map((l) => `${l} ${BASE}${family(l)}`),
        `x-default ${BASE}${family('xx').includes(SLUG) ? `/${SLUG}` : '/'}`,
      ];
      for (const locale of EDITIONS) {
        const { links, header, canonical } = await alternatesOf(family(locale));
        expect(links).toEqual(expected);
        expect(header).toEqual(expected);
        expect(canonical).toBe(`${BASE}${family(locale)}`);
      }
    });
  }

  it('each edition has a localized title and description, og:locale and og:locale:alternate', async () => {
    const { html } = await alternatesOf(`/ru/${SLUG}`);
    expect(html).toMatch(/<title>Путин и\sРаиси[^<]+<\/title>/);
    expect(html).toMatch(/<meta name="description" content="[^"]*Роухани[^"]*"\/>/);
    expect(html).toContain('<meta property="og:locale" content="ru_RU"/>');
    expect(html).toContain('<meta property="og:locale:alternate" content="en_GB"/>');
    expect(html).toContain('<meta property="og:locale:alternate" content="fa_IR"/>');
  });

  it('the sitemap lists each edition with the full, reciprocal set of xhtml:link alternates', async () => {
    const response = await get('/sitemap.xml');
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    const entries = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => ({
      loc: /<loc>([^<]+)<\/loc>/.exec(m[1]!)![1]!,
      links: [...m[1]!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((l) => ({
        hreflang: l[1]!,
        href: l[2]!,
      })),
    }));
    expect(entries.map((e) => e.loc)).toEqual(expect.arrayContaining(EDITIONS.map((l) => `${BASE}/${l}/${SLUG}`)));
    for (const entry of entries) {
      expect(entry.links.map((l) => l.hreflang)).toEqual(['en', 'fa', 'ru', 'x-default']);
      expect(entry.links.map((l) => l.href)).toContain(entry.loc); // self
      for (const link of entry.links) expect(link.href.startsWith(`${BASE}/`)).toBe(true); // absolute
      for (const other of entry.links.filter((l) => l.hreflang !== 'x-default')) {
        const back = entries.find((e) => e.loc === other.href); // reciprocal
        expect(back?.links.map((l) => l.href)).toContain(entry.loc);
      }
    }
  });

  it('robots.txt points at the sitemap', async () => {
    expect(await (await get('/robots.txt')).text()).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });
});

describe('the JSON edition', () => {
  it('gives the blocks in order with segment ids, types and text, the formatted date, lang and dir', async () => {
    const response = await get(`/fa/${SLUG}.json`);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('Content-Language')).toBe('fa');
    const edition = (await response.json()) as {
      lang: string;
      dir: string;
      published: { date: string; text: string };
      fallbackSegments: string[];
      blocks: { type: string; segments: { id: string; role?: string; text: string; lang: string; fallback: boolean }[] }[];
    };
    expect(edition.lang).toBe('fa');
    expect(edition.dir).toBe('rtl');
    expect(edition.published).toMatchObject({ date: '2022-01-19', text: '۲۹ دی ۱۴۰۰' });
    expect(edition.fallbackSegments).toEqual([]);
    expect(edition.blocks[0]).toMatchObject({ type: 'headline', segments: [{ id: 'headline', lang: 'fa', fallback: false }] });
    expect(edition.blocks.find((b) => b.type === 'photo')?.segments.map((s) => s.role)).toEqual(['alt', 'caption', 'credit']);
    expect(edition.blocks.at(-1)?.type).toBe('source');
    expect(edition.blocks.flatMap((b) => b.segments).length).toBe(31);
  });
});

describe('a segment missing from a locale', () => {
  const app = createApp(catalogWith((c) => delete c.resources.fa![SLUG]!['eaeu-free-trade']));

  it('is shown in English, marked lang="en" dir="ltr", under a notice in the reader’s language', async () => {
    const html = await (await app.request(`/fa/${SLUG}`)).text();
    expect(html).toMatch(/<span data-segment="eaeu-free-trade" lang="en" dir="ltr" class="fallback">Iran’s relations/);
    expect(html).toMatch(/<p class="notice" role="note"><span data-segment="untranslated-notice">[^<]*[\u0600-\u06FF]/);
    expect(html).not.toContain('>eaeu-free-trade<');
  });

  it('is marked in the JSON edition', async () => {
    const edition = (await (await app.request(`/fa/${SLUG}.json`)).json()) as {
      fallbackSegments: string[];
      blocks: { segments: { id: string; lang: string; fallback: boolean }[] }[];
    };
    expect(edition.fallbackSegments).toEqual(['eaeu-free-trade']);
    const segment = edition.blocks.flatMap((b) => b.segments).find((s) => s.id === 'eaeu-free-trade');
    expect(segment).toMatchObject({ lang: 'en', fallback: true });
  });
});

describe('errors', () => {
  it('a 500 page leaks no stack trace, is never cached, and the error is logged once with method and path', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = createApp(catalogWith((c) => ((c.articles[0]!.blocks[3] as { segments: unknown }).segments = null)));
    const response = await app.request(`/ru/${SLUG}`);
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain('<html lang="ru"');
    expect(html).not.toMatch(/TypeError|at .*\.tsx?|null/);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/^GET \/ru\/putin-raisi-kremlin-meeting: 500: TypeError/);
    errors.mockRestore();
  });
});

describe('security headers', () => {
  it('every HTML response has a nonce-free CSP with no inline script and the other security headers', async () => {
    for (const path of [`/fa/${SLUG}`, '/en/', '/en/no-such-page']) {
      const response = await get(path);
      const csp = response.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|nonce-|script-src [^;]*'self'/);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('Permissions-Policy')).toContain('camera=()');
      expect(response.headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d+/);
    }
  });

  it('pages carry no inline script or style', async () => {
    for (const locale of EDITIONS) {
      const html = await (await get(`/${locale}/${SLUG}`)).text();
      expect(html).not.toMatch(/<script|<style| style=/);
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
  ];
  for (const path of hostile) {
    it(`a redirect never leaves the site: ${path}`, async () => {
      const response = await SELF.fetch(`${BASE}${path}`, { redirect: 'manual', headers: { 'Accept-Language': 'fa' } });
      expect(response.status).toBeLessThan(500);
      const location = response.headers.get('Location');
      if (location !== null) {
        expect(location).toMatch(/^\/(?![/\\])/);
        expect(new URL(location, BASE).origin).toBe(BASE);
      }
    });
  }
});
