// The incremental build, as a newsroom runs it: in a scratch copy of the project, each kind of change is built
// incrementally (renders only what the change touches) and from nothing into another folder, and the two
// folders must be the same, byte for byte: the cache makes a build faster, never different.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScratch, runTool } from '../http/scratch.ts';

const SLUG = 'putin-raisi-kremlin-meeting';
let root: string;

beforeAll(() => {
  root = makeScratch('build-');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `npm run build` of the scratch copy into `dir`; returns how many pages it rendered. */
const build = (dir = 'public') => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'site', 'build.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BUILD_DIR: dir, SITE_ORIGIN: 'https://news.example.org' },
  });
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  return Number(/: (\d+) rendered/.exec(run.stdout)![1]);
};
/** Every file under a folder of the scratch copy, by its path inside it. */
const files = (dir: string) =>
  new Map(
    readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(join(root, dir).length + 1), readFileSync(join(e.parentPath, e.name))] as const),
  );
const edit = (path: string, change: (json: Record<string, string>) => void) => {
  const file = join(root, path);
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  change(json);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
};
/** The incremental build and a build from nothing agree on every byte of every file. */
const sameAsClean = () => {
  rmSync(join(root, 'clean'), { recursive: true, force: true });
  build('clean');
  const incremental = files('public');
  const clean = files('clean');
  expect([...incremental.keys()].sort()).toEqual([...clean.keys()].sort());
  for (const [path, bytes] of clean) expect(incremental.get(path)!.equals(bytes), path).toBe(true);
};

describe('the incremental build', () => {
  it('a first build renders every page; a second, with nothing changed, renders none', () => {
    expect(build()).toBeGreaterThan(20);
    expect(build()).toBe(0);
  });

  const changes = [
    {
      description: 'a Persian body segment: the article’s Persian page, JSON edition and review page',
      change: () =>
        edit(`locales/fa/${SLUG}.json`, (j) => (j['delegation'] = `${j['delegation']!.slice(0, -1)}، به نقل از خبرگزاری ایرنا.`)),
      rendered: 3,
    },
    {
      description: 'a Russian headline: also its card, the Russian front page and feed',
      change: () => edit(`locales/ru/${SLUG}.json`, (j) => (j['headline'] = `${j['headline']} (обновлено)`)),
      rendered: 6,
    },
    {
      description: 'an English body segment: every edition of the article (the fallbacks, stale marks and review pages show it)',
      change: () => edit(`locales/en/${SLUG}.json`, (j) => (j['delegation'] = j['delegation']!.replace('along with', 'with'))),
      rendered: 8,
    },
    {
      description: 'a Persian interface string: every Persian page, and its front page’s card',
      change: () => edit('locales/fa/ui.json', (j) => (j['read-article'] = 'خواندن کامل مطلب')),
      rendered: 8,
    },
  ];
  for (const { description, change, rendered } of changes)
    it(`${description}: ${rendered} pages rendered, and the result is what a build from nothing makes`, () => {
      change();
      expect(build()).toBe(rendered);
      sameAsClean();
    });

  it('a new language published: every page is rendered again (the switchers and alternates name it), the same as from nothing', () => {
    expect(runTool(root, 'i18n-add.ts', 'de').status).toBe(0);
    expect(runTool(root, 'i18n-publish.ts', 'de', '--allow-fallback').status).toBe(0);
    expect(build()).toBeGreaterThan(30);
    sameAsClean();
  });

  it('a removed article: its files leave the folder, and the rest is what a build from nothing makes', () => {
    const copy = 'second-article';
    writeFileSync(
      join(root, 'content', `${copy}.json`),
      readFileSync(join(root, 'content', `${SLUG}.json`), 'utf8').replace(`"slug": "${SLUG}"`, `"slug": "${copy}"`),
    );
    for (const locale of ['en', 'fa', 'ru', 'de'])
      for (const suffix of ['.json', '.state.json']) {
        const from = join(root, 'locales', locale, `${SLUG}${suffix}`);
        try {
          writeFileSync(join(root, 'locales', locale, `${copy}${suffix}`), readFileSync(from));
        } catch {
          // English has no sidecar.
        }
      }
    build();
    expect(files('public').has(`fa/${copy}.html`)).toBe(true);
    rmSync(join(root, 'content', `${copy}.json`));
    for (const locale of ['en', 'fa', 'ru', 'de'])
      for (const suffix of ['.json', '.state.json']) rmSync(join(root, 'locales', locale, `${copy}${suffix}`), { force: true });
    build();
    expect(files('public').has(`fa/${copy}.html`)).toBe(false);
    sameAsClean();
  });

  it('a deleted cache makes the next build render everything once, to the same bytes', () => {
    const before = files('public');
    rmSync(join(root, '.cache'), { recursive: true, force: true });
    expect(build()).toBeGreaterThan(30);
    const after = files('public');
    for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), path).toBe(true);
  });
});
