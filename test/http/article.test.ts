// A new article, as a newsroom adds one: `article:add` of the example file in a scratch copy of the project,
// built and bundled as `wrangler deploy` would, served by the edge in every edition; refused whole for a bad
// file; corrected with `article:update` once translated; its memory exported as TMX for other tools.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../src/paths.ts';
import { ROOT } from '../../tools/project-files.ts';
import { standIn } from '../stand-in.ts';
import { bundleWorker } from './bundle.ts';
import { ORIGIN, startEdge } from './edge.ts';
import { makeScratch, runTool } from './scratch.ts';

const EXAMPLE = 'examples/caspian-rail-freight-route.md';
const SLUG = 'caspian-rail-freight-route';
const EDITIONS = ['en', 'fa', 'ru'];
let scratch: string;
let edge: Miniflare | undefined;

beforeAll(() => {
  scratch = makeScratch('article-', ['examples']);
});
afterAll(async () => {
  await edge?.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

/** A newsroom's or translator's command in the scratch copy. */
const tool = (script: string, ...args: string[]) => runTool(scratch, script, ...args);
const get = (path: string) => edge!.dispatchFetch(`${ORIGIN}${path}`, { redirect: 'manual' });
const text = async (path: string) => (await get(path)).text();
/** Text with the no-break spaces typography adds at build read as the spaces the editor wrote. */
const spaced = (html: string) => html.replace(/[\u00a0\u202f]/g, ' ');
const json = (path: string) => JSON.parse(readFileSync(join(scratch, path), 'utf8')) as Record<string, string>;

/** Every file of content/ and locales/, as text: what a refused command must leave as it was. */
const snapshot = () =>
  new Map(
    ['content', 'locales'].flatMap((dir) =>
      readdirSync(join(scratch, dir), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.json'))
        .map((name) => [`${dir}/${name}`, readFileSync(join(scratch, dir, name), 'utf8')] as const),
    ),
  );

describe('a new article is one command, served in every edition', () => {
  it('article:add writes the content file and every edition’s segments, lists the names the glossary lacks', () => {
    const { status, stdout, stderr } = tool('article-add.ts', EXAMPLE);
    expect(status, stderr).toBe(0);
    for (const path of [`content/${SLUG}.json`, ...EDITIONS.map((l) => `locales/${l}/${SLUG}.json`), `locales/fa/${SLUG}.state.json`])
      expect(stdout).toContain(`article:add: wrote ${path}`);
    expect(stderr).toContain(`${EXAMPLE}:22:1: warning: “Arash Tabrizi”: a name locales/en/glossary.json does not have`);
    const english = json(`locales/en/${SLUG}.json`);
    expect(english.headline).toBe('{iran} and {russia} open a rail freight route to the Gulf');
    expect(english['talks-vienna-restoring-2015']).toBe(
      'Talks in {vienna} on restoring the {year2015, number, ::group-off} nuclear deal have stalled.',
    );
    const check = tool('i18n-check.ts');
    expect(check.status, check.out).toBe(0);
  });

  it('the article is served in every edition: English, and the others in English with the notice where untranslated', async () => {
    await edge?.dispose();
    const bundle = join(scratch, '.wrangler', 'bundle');
    bundleWorker(scratch, bundle);
    edge = startEdge(scratch, bundle);
    const en = await get(paths.article('en', SLUG));
    expect(en.status).toBe(200);
    // The typography added at build (no-break spaces by rule) is not the editor's: read the text without it.
    const page = spaced(await en.text());
    expect(page).toContain('Iran and Russia open a rail freight route to the Gulf');
    expect(page).toContain('The first train on the 3,000-kilometre route left Moscow on Monday and is due in Tehran within 12 days.');
    for (const locale of ['fa', 'ru']) {
      const response = await get(paths.article(locale, SLUG));
      expect(response.status, locale).toBe(200);
      const html = await response.text();
      expect(html).toContain('<p class="notice" role="note">');
      const english = json(`locales/en/${SLUG}.json`);
      const segments = [...html.matchAll(/<span data-segment="([^"]+)"( lang="en" dir="ltr" class="fallback")?>/g)].filter(([, id]) =>
        Object.hasOwn(english, id!),
      );
      // Every segment of the article (the photo's alt text is an attribute, not a span), each the English, marked.
      expect(new Set(segments.map((m) => m[1])), locale).toEqual(new Set(Object.keys(english).filter((id) => id !== 'photo-alt')));
      expect(
        segments.every((m) => m[2]),
        locale,
      ).toBe(true);
    }
  });

  it('a segment of the earlier article arrives as a draft in fa and ru: on the review page, not on the article', async () => {
    for (const locale of ['fa', 'ru']) {
      const earlier = json(`locales/${locale}/putin-raisi-kremlin-meeting.json`)['deal-restored-sanctions']!;
      expect(json(`locales/${locale}/${SLUG}.json`)['if-deal-restored-most']).toBe(earlier);
      expect(json(`locales/${locale}/${SLUG}.state.json`)['if-deal-restored-most']).toMatchObject({ state: 'initial' });
      const review = spaced(await text(paths.review(locale, SLUG)));
      const firstWords = earlier.split(' ').slice(0, 3).join(' ');
      expect(review, locale).toContain(firstWords);
      expect(spaced(await text(paths.article(locale, SLUG))), locale).not.toContain(firstWords);
    }
  });

  it('the article is on every front page, in the feeds and in the sitemap', async () => {
    for (const locale of EDITIONS) {
      expect(await text(paths.front(locale)), locale).toContain(`href="${paths.article(locale, SLUG)}"`);
      expect(await text(paths.feed(locale)), locale).toContain(`${ORIGIN}${paths.article(locale, SLUG)}`);
    }
    for (const locale of EDITIONS) {
      expect(await text(paths.sitemap())).toContain(`<loc>${ORIGIN}${paths.sitemapPart(locale, 1)}</loc>`);
      expect(await text(paths.sitemapPart(locale, 1))).toContain(`<loc>${ORIGIN}${paths.article(locale, SLUG)}</loc>`);
    }
  });
});

describe('a bad article file is refused whole, named at its line', () => {
  const example = readFileSync(join(ROOT, EXAMPLE), 'utf8');
  const cases = [
    { description: 'no headline', bytes: Buffer.from(example.replace(/^headline: .*\n/m, '')), expected: 'bad.md:2:1: headline: missing' },
    { description: 'a duplicate slug', bytes: Buffer.from(example), expected: `bad.md:3:7: slug: "${SLUG}" is an article already` },
    {
      description: 'an unknown front-matter key',
      bytes: Buffer.from(example.replace('timeZone:', 'byline: A. Reporter\ntimeZone:')),
      expected: 'bad.md:7:1: front matter: unknown key "byline"',
    },
    {
      description: 'a control character',
      bytes: Buffer.from(example.replace('Talks in Vienna', 'Talks\u001b[2K in Vienna')),
      expected: 'bad.md:30:6: a control or invisible character (U+001B)',
    },
    {
      description: 'a file that is not UTF-8',
      bytes: Buffer.from(example.replace('Talks in Vienna', 'Talks in Vi\u00e9nna'), 'latin1'),
      expected: 'bad.md:30:1: not UTF-8',
    },
  ];
  for (const { description, bytes, expected } of cases)
    it(description, () => {
      const before = snapshot();
      writeFileSync(join(scratch, 'bad.md'), bytes);
      const { status, stdout, stderr } = tool('article-add.ts', 'bad.md');
      expect(status).toBe(1);
      expect(stderr.split('\n')[0]).toContain(expected);
      expect(stderr).toContain('article:add: refused; nothing written');
      expect(stdout).toBe('');
      expect(snapshot()).toEqual(before);
    });
});

describe('a correction keeps every translation', () => {
  it('translated in fa and ru, then one paragraph edited: exactly its segments are stale, every other translation byte for byte', () => {
    const english = json(`locales/en/${SLUG}.json`);
    for (const locale of ['fa', 'ru']) {
      // As a translator saves the JSON, then has it recorded.
      const translations = Object.fromEntries(Object.entries(english).map(([id, en]) => [id, standIn(en, locale)]));
      writeFileSync(join(scratch, 'locales', locale, `${SLUG}.json`), `${JSON.stringify(translations, null, 2)}\n`);
      const confirmed = tool('i18n-check.ts', '--confirm', locale, '--all', '--state', 'translated');
      expect(confirmed.status, confirmed.out).toBe(0);
    }
    const before = { fa: json(`locales/fa/${SLUG}.json`), ru: json(`locales/ru/${SLUG}.json`) };
    const edited = readFileSync(join(ROOT, EXAMPLE), 'utf8')
      .replace('both governments see as', 'both governments regard as')
      .replace('according to Iranian customs figures', 'according to figures from Iranian customs');
    writeFileSync(join(scratch, 'corrected.md'), edited);
    const update = tool('article-update.ts', 'corrected.md', '--date', '2026-03-19');
    expect(update.status, update.out).toBe(0);
    expect(update.stdout).toContain('16 unchanged, 2 edited, 0 new, 0 removed');
    expect(update.stdout).toContain('was: The route is part of a corridor that both governments see as a way around Western sanctions.');

    const check = tool('i18n-check.ts');
    expect(check.status, check.out).toBe(0);
    const stale = [
      ...check.out.matchAll(/^locales\/(fa|ru)\/caspian-rail-freight-route\.json:\d+:\d+: ([a-z0-9-]+): warning: stale:/gm),
    ].map((m) => `${m[1]} ${m[2]}`);
    expect(stale.sort()).toEqual([
      'fa route-part-corridor-both',
      'fa trade-between-two-countries',
      'ru route-part-corridor-both',
      'ru trade-between-two-countries',
    ]);
    for (const locale of ['fa', 'ru'] as const) expect(json(`locales/${locale}/${SLUG}.json`), locale).toEqual(before[locale]);
    expect(readFileSync(join(scratch, 'locales', 'fa', `${SLUG}.json`), 'utf8')).toBe(`${JSON.stringify(before.fa, null, 2)}\n`);
    expect(JSON.parse(readFileSync(join(scratch, 'content', `${SLUG}.json`), 'utf8')).modified).toEqual({ date: '2026-03-19' });
  });
});

const python = '/usr/bin/python3';
describe.runIf(spawnSync(python, ['-c', 'import translate.storage.tmx']).status === 0)('the memory, exported as TMX', () => {
  it('i18n:memory --out writes TMX 1.4 that translate-toolkit reads, en → fa and en → ru, the new article included', () => {
    const run = tool('i18n-memory.ts', '--out', 'memory.tmx');
    expect(run.status, run.out).toBe(0);
    expect(run.stdout).toMatch(/written \(TMX 1\.4\): en → fa: \d+, en → ru: \d+/);
    const script = `
import json, sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
pairs = {}
for unit in store.units:
    langs = [tuv.get('{http://www.w3.org/XML/1998/namespace}lang') for tuv in unit.xmlelement.iter('tuv')]
    pairs.setdefault(langs[0] + ' ' + langs[1], []).append([unit.source, unit.target])
print(json.dumps(pairs, ensure_ascii=False))`;
    const read = spawnSync(python, ['-c', script, join(scratch, 'memory.tmx')], { encoding: 'utf8' });
    expect(read.stderr).toBe('');
    const pairs = JSON.parse(read.stdout) as Record<string, [string, string][]>;
    expect(Object.keys(pairs).sort()).toEqual(['en fa', 'en ru']);
    const english = json(`locales/en/${SLUG}.json`);
    expect(pairs['en ru']).toContainEqual([
      english['talks-vienna-restoring-2015'],
      json(`locales/ru/${SLUG}.json`)['talks-vienna-restoring-2015'],
    ]);
  });
});
