import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PROJECT = join(import.meta.dirname, '..', '..');
const SLUG = 'putin-raisi-kremlin-meeting';
let root: string;

// A copy of the project's files inside it (so node_modules resolves), which the tools may change.
beforeAll(() => {
  mkdirSync(join(PROJECT, '.wrangler'), { recursive: true });
  root = mkdtempSync(join(PROJECT, '.wrangler', 'cli-test-'));
  for (const dir of ['tools', 'site', 'src', 'content', 'locales', 'wrangler.toml', 'tsconfig.json'])
    cpSync(join(PROJECT, dir), join(root, dir), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (script: string, ...args: string[]) => {
  const result = spawnSync(process.execPath, [join(root, 'tools', script), ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
};

/** The build, as wrangler runs it before `dev` and `deploy`. */
const build = (env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'site', 'build.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
};

/** Every locale file, as text: what must not change when a tool refuses. */
const snapshot = () => {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(root, 'locales'), { recursive: true, encoding: 'utf8' }))
    if (name.endsWith('.json')) files[name] = readFileSync(join(root, 'locales', name), 'utf8');
  return files;
};

describe('the translators’ tools, as processes', () => {
  it('i18n:check passes the landed files and prints a summary per locale', () => {
    const { status, out } = run('i18n-check.ts');
    expect(status).toBe(0);
    // Every English interface string and article segment, all translated, none missing or stale.
    const english = (name: string) => Object.keys(JSON.parse(readFileSync(join(root, 'locales', 'en', name), 'utf8'))).length;
    const segments = english('ui.json') + english(`${SLUG}.json`);
    expect(out).toMatch(new RegExp(`^fa\\s+${segments}\\s+${segments}\\s+0\\s+0\\s+100\\.0%$`, 'm'));
    expect(out).toMatch(new RegExp(`^ru\\s+${segments}\\s+${segments}\\s+0\\s+0\\s+100\\.0%$`, 'm'));
  });

  it('a truncated locale file makes i18n:check fail, naming the file, line and column', () => {
    const path = join(root, 'locales', 'ru', `${SLUG}.json`);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, 400));
    try {
      const { status, out } = run('i18n-check.ts');
      expect(status).toBe(1);
      expect(out).toMatch(/^locales\/ru\/putin-raisi-kremlin-meeting\.json: not valid JSON at line \d+, column \d+/m);
      const built = build();
      expect(built.status).toBe(1);
      expect(built.out).toMatch(/^locales\/ru\/putin-raisi-kremlin-meeting\.json: not valid JSON at line \d+/m);
      expect(built.out).toContain('build: nothing built');
    } finally {
      writeFileSync(path, text);
    }
  });

  it('in the live preview, a broken file is named and the last good build stays served (the preview does not stop)', () => {
    const preview = { WRANGLER_COMMAND: 'dev', SITE_ORIGIN: 'http://127.0.0.1:8787' };
    expect(build(preview).status).toBe(0);
    const page = join(root, 'public', 'ru', `${SLUG}.html`);
    const good = readFileSync(page, 'utf8');
    const path = join(root, 'locales', 'ru', 'ui.json');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, '{ "broken": ');
    try {
      const broken = build(preview);
      expect(broken.status).toBe(0);
      expect(broken.out).toMatch(/^locales\/ru\/ui\.json: not valid JSON at line 1, column \d+/m);
      expect(broken.out).toContain('build: the preview keeps serving the last good build');
      expect(readFileSync(page, 'utf8')).toBe(good);
    } finally {
      writeFileSync(path, text);
    }
  });

  it('the build refuses a local SITE_ORIGIN when wrangler deploys, and builds for it in dev', () => {
    const local = { SITE_ORIGIN: 'http://127.0.0.1:8787' };
    const deploy = build({ ...local, WRANGLER_COMMAND: 'deploy' });
    expect(deploy.status).toBe(1);
    expect(deploy.out).toContain('build: refusing to build for http://127.0.0.1:8787 and `wrangler deploy` it: a local address');
    const dev = build({ ...local, WRANGLER_COMMAND: 'dev' });
    expect(dev.status).toBe(0);
    expect(readFileSync(join(root, 'public', 'robots.txt'), 'utf8')).toContain('Sitemap: http://127.0.0.1:8787/sitemap.xml');
  });

  for (const format of ['xlf', 'po']) {
    it(`${format}: export then import changes no byte`, () => {
      const before = snapshot();
      const file = join(root, `fa.${format}`);
      expect(run('i18n-export.ts', 'fa', '--out', file).status).toBe(0);
      const { status, out } = run('i18n-import.ts', file);
      expect(status).toBe(0);
      expect(out).toContain('0 file(s) changed');
      expect(snapshot()).toEqual(before);
    });

    it(`${format}: a file with a broken target is refused whole and nothing is written`, () => {
      const before = snapshot();
      const file = join(root, `ru-broken.${format}`);
      run('i18n-export.ts', 'ru', '--out', file);
      // Two edits: a good one that must not be written either, and a broken one.
      const text = readFileSync(file, 'utf8')
        .replace('Новости на трех языках', 'Новости на трёх языках')
        .replace('Сегмент', 'Сегмент {broken');
      writeFileSync(file, text);
      const { status, out } = run('i18n-import.ts', file);
      expect(status).toBe(1);
      expect(out).toMatch(/locales\/ru\/ui\.json: review-segment: ICU syntax error/);
      expect(out).toContain('refused; nothing written');
      expect(snapshot()).toEqual(before);
    });
  }

  it('an import that changes a target writes the locale file and its sidecar, and leaves no temporary file', () => {
    const file = join(root, 'ru.xlf');
    run('i18n-export.ts', 'ru', '--out', file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Новости на трех языках', 'Новости на трёх языках'));
    const { status, out } = run('i18n-import.ts', file);
    expect(status).toBe(0);
    expect(out).toContain('wrote locales/ru/ui.json');
    expect(out).toContain('wrote locales/ru/ui.state.json');
    expect(JSON.parse(readFileSync(join(root, 'locales', 'ru', 'ui.json'), 'utf8'))['site-name']).toBe('Новости на трёх языках');
    expect(readdirSync(join(root, 'locales', 'ru')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('--confirm records that a stale translation still fits its changed English', () => {
    const path = join(root, 'locales', 'en', `${SLUG}.json`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('organised crime', 'organized crime'));
    expect(run('i18n-check.ts').out).toMatch(/locales\/fa\/putin-raisi-kremlin-meeting\.json: raisi-terrorism-syria: warning: stale/);
    expect(run('i18n-check.ts', '--confirm', 'fa', 'raisi-terrorism-syria').status).toBe(0);
    const after = run('i18n-check.ts').out;
    expect(after).not.toMatch(/locales\/fa\/.*raisi-terrorism-syria: warning: stale/);
    expect(after).toMatch(/locales\/ru\/.*raisi-terrorism-syria: warning: stale/);
  });
});
