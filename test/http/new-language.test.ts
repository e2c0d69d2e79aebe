// A new language, as a newsroom starts one: `i18n:add` in a scratch copy of the project, built and bundled as
// `wrangler deploy` would, served by the edge; then `i18n:publish`, refused and then allowed, and served again.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../src/paths.ts';
import { ROOT } from '../../tools/project-files.ts';
import { bundleWorker } from './bundle.ts';
import { ORIGIN, startEdge } from './edge.ts';
import { makeScratch, runTool } from './scratch.ts';

const SLUG = 'putin-raisi-kremlin-meeting';
const EXISTING = ['en', 'fa', 'ru'];
let scratch: string;
let edge: Miniflare | undefined;

beforeAll(() => {
  scratch = makeScratch('new-language-');
});
afterAll(async () => {
  await edge?.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

/** A translator's command in the scratch copy. */
const tool = (script: string, ...args: string[]) => runTool(scratch, script, ...args);

/** Builds and bundles the scratch copy, and serves it as the edge would. */
async function deploy(): Promise<void> {
  await edge?.dispose();
  const bundle = join(scratch, '.wrangler', 'bundle');
  bundleWorker(scratch, bundle);
  edge = startEdge(scratch, bundle);
}
const get = (path: string, headers: Record<string, string> = {}) =>
  edge!.dispatchFetch(`${ORIGIN}${path}`, { headers, redirect: 'manual' });
const text = async (path: string) => (await get(path)).text();
/** The sitemap as a crawler reads it: the index and every part it names. */
const sitemap = async () => {
  const index = await text(paths.sitemap());
  const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.slice(ORIGIN.length));
  return [index, ...(await Promise.all(parts.map(text)))].join('\n');
};

/** Every file under a directory, by its path inside it. */
const filesUnder = (dir: string): Map<string, Buffer> =>
  new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const path = join(e.parentPath, e.name);
        return [path.slice(dir.length + 1), readFileSync(path)];
      }),
  );

describe('a new language is one command: draft, then publish', () => {
  it('i18n:add tr and ar: their files, every segment untranslated, registered as drafts', () => {
    for (const locale of ['tr', 'ar']) {
      const { status, out } = tool('i18n-add.ts', locale);
      expect(status, out).toBe(0);
      expect(out).toContain(`wrote locales/${locale}/${SLUG}.json`);
    }
    const editions = JSON.parse(readFileSync(join(scratch, 'locales', 'editions.json'), 'utf8'));
    expect(editions.editions.tr).toEqual({ state: 'draft' });
    expect(editions.editions.ar).toEqual({ state: 'draft', font: 'vazirmatn' });
    const segments = JSON.parse(readFileSync(join(scratch, 'locales', 'ar', `${SLUG}.json`), 'utf8'));
    expect(Object.values(segments).every((v) => v === '')).toBe(true);
    const states = JSON.parse(readFileSync(join(scratch, 'locales', 'ar', `${SLUG}.state.json`), 'utf8'));
    expect(Object.keys(states)).toEqual(Object.keys(segments));
    expect(Object.values(states).every((r) => (r as { state: string }).state === 'initial')).toBe(true);
    const check = tool('i18n-check.ts');
    expect(check.status, check.out).toBe(0);
    expect(check.out).toMatch(/^tr\s+draft\s+(\d+)\s+0\s+0\s+\1\s+0\s+0\s+0\.0%$/m);
  });

  it('i18n:add refuses a tag that is not canonical, one CLDR does not know, and one already there', () => {
    for (const [tag, message] of [
      ['TR', 'not a canonical BCP 47 tag: write "tr"'],
      ['tr_TR', 'not a BCP 47 language tag'],
      ['xx', 'a language CLDR does not know'],
      ['tr', 'already an edition (draft)'],
    ]) {
      const before = readFileSync(join(scratch, 'locales', 'editions.json'), 'utf8');
      const { status, out } = tool('i18n-add.ts', tag!);
      expect(status, tag).toBe(1);
      expect(out).toContain(message);
      expect(out).toContain('refused; nothing written');
      expect(readFileSync(join(scratch, 'locales', 'editions.json'), 'utf8')).toBe(before);
    }
  });

  it('the drafts are built and served at their URLs, in English with the notice, noindex; the other editions unchanged byte for byte', async () => {
    await deploy();
    const built = join(scratch, 'public');
    for (const locale of EXISTING) expect(filesUnder(join(built, locale)), locale).toEqual(filesUnder(join(ROOT, 'public', locale)));
    for (const file of ['sitemap.xml', 'robots.txt', ...EXISTING.map((l) => `sitemaps/${l}-1.xml`)])
      expect(readFileSync(join(built, file)), file).toEqual(readFileSync(join(ROOT, 'public', file)));

    const response = await get(paths.article('tr', SLUG));
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Robots-Tag')).toBe('noindex');
    expect(response.headers.get('Content-Language')).toBe('tr');
    const tr = await response.text();
    expect(tr).toContain('<html lang="tr" dir="ltr">');
    expect(tr).toContain('<meta name="robots" content="noindex"/>');
    expect(tr).toContain('<p class="notice" role="note">');
    expect(tr).not.toMatch(/hreflang="[^"]+" href=|rel="canonical"|og:image|application\/ld\+json/);
    // Every segment of the article is the English, marked as such.
    const segments = [...tr.matchAll(/<span data-segment="[^"]+"( lang="en" dir="ltr" class="fallback")?>/g)];
    expect(segments.length).toBeGreaterThan(30);
    expect(segments.every((m) => m[1])).toBe(true);

    const ar = await text(paths.article('ar', SLUG));
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    const sheet = await text(/<link rel="stylesheet" href="([^"]+)"/.exec(ar)![1]!);
    expect(sheet).toMatch(/html \{ font-family: "Vazirmatn", "PT Serif", /);
    expect(sheet).toMatch(
      /@font-face \{ font-family: "Vazirmatn"; src: url\("\/fonts\/vazirmatn-[^"]+\/ar-400-[0-9a-f]{10}\.woff2"\)[^}]*unicode-range: [^}]*U\+06/,
    );
    expect((await get(paths.review('ar', SLUG))).status).toBe(200);
    // Every file of a draft edition is kept out of search engines, the JSON edition too (a rule per edition).
    for (const path of [paths.articleJson('tr', SLUG), paths.front('tr'), paths.review('tr', SLUG)]) {
      const draft = await get(path);
      await draft.arrayBuffer();
      expect(draft.headers.get('X-Robots-Tag'), path).toBe('noindex');
    }
  });

  it('a draft is not offered: not negotiated, not by ?lang=, not in the sitemap, hreflang, switchers or feeds', async () => {
    const negotiated = await get(paths.articleAnyEdition(SLUG), { 'Accept-Language': 'tr' });
    expect(negotiated.status).toBe(302);
    expect(negotiated.headers.get('Location')).toBe(paths.article('en', SLUG));
    const chosen = await get(`${paths.articleAnyEdition(SLUG)}?lang=tr`, { 'Accept-Language': 'ru' });
    expect(chosen.headers.get('Location')).toBe(paths.article('ru', SLUG));
    expect(await sitemap()).not.toMatch(/\/(tr|ar)[/-]/);
    const en = await text(paths.article('en', SLUG));
    expect(en).not.toMatch(/hreflang="(tr|ar)"/);
    expect((await get(paths.feed('tr'))).status).toBe(404);
    expect((await get(paths.card('tr', SLUG))).status).toBe(404);
  });

  it('a segment written into the JSON counts as translated, and --confirm records it so (not as a draft)', () => {
    const file = join(scratch, 'locales', 'tr', `${SLUG}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"dateline": ""', '"dateline": "{tehran}, {iran} –"'));
    expect(tool('i18n-check.ts').out).toMatch(/^tr\s+draft\s+(\d+)\s+1\s+0\s+/m);
    const confirmed = tool('i18n-check.ts', '--confirm', 'tr', 'dateline');
    expect(confirmed.status, confirmed.out).toBe(0);
    const states = JSON.parse(readFileSync(join(scratch, 'locales', 'tr', `${SLUG}.state.json`), 'utf8'));
    expect(states.dateline.state).toBe('translated');
    expect(tool('i18n-check.ts').out).toMatch(/^tr\s+draft\s+(\d+)\s+1\s+0\s+/m);
  });

  it('i18n:publish refuses while segments are untranslated, naming each; --allow-fallback publishes', () => {
    const before = readFileSync(join(scratch, 'locales', 'editions.json'), 'utf8');
    const refused = tool('i18n-publish.ts', 'tr');
    expect(refused.status).toBe(1);
    expect(refused.out).toContain(`locales/tr/${SLUG}.json: headline: not translated yet`);
    expect(refused.out).toContain('locales/tr/ui.json: site-name: not translated yet');
    expect(refused.out).toContain('refused; nothing written');
    expect(readFileSync(join(scratch, 'locales', 'editions.json'), 'utf8')).toBe(before);

    const published = tool('i18n-publish.ts', 'tr', '--allow-fallback');
    expect(published.status, published.out).toBe(0);
    expect(published.out).toContain('tr is published');
    const editions = JSON.parse(readFileSync(join(scratch, 'locales', 'editions.json'), 'utf8'));
    expect(editions.editions.tr.state).toBe('published');
    expect(editions.editions.ar.state).toBe('draft');
  });

  it('published, tr is negotiated and in the sitemap, hreflang, switchers and feeds; nothing under src/ was edited', async () => {
    await deploy();
    const negotiated = await get(paths.articleAnyEdition(SLUG), { 'Accept-Language': 'tr-TR, en;q=0.5' });
    expect(negotiated.headers.get('Location')).toBe(paths.article('tr', SLUG));
    expect(await sitemap()).toContain(`<loc>${ORIGIN}${paths.article('tr', SLUG)}</loc>`);
    expect(await sitemap()).toContain(`<loc>${ORIGIN}${paths.sitemapPart('tr', 1)}</loc>`);
    const en = await text(paths.article('en', SLUG));
    expect(en).toContain(`hreflang="tr" href="${ORIGIN}${paths.article('tr', SLUG)}"`);
    expect(en).toContain('hreflang="tr" lang="tr" dir="ltr">Türkçe</a>');
    const tr = await get(paths.article('tr', SLUG));
    expect(tr.headers.get('X-Robots-Tag')).toBeNull();
    expect(await tr.text()).not.toContain('noindex');
    expect((await get(paths.feed('tr'))).status).toBe(200);
    expect((await get(paths.card('tr', SLUG))).headers.get('Content-Type')).toBe('image/png');
    const source = (root: string) => new Map([...filesUnder(join(root, 'src'))].filter(([path]) => !path.startsWith('generated')));
    expect(source(scratch)).toEqual(source(ROOT));
  });
});
