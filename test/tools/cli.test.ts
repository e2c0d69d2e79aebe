import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeScratch, runTool, scratchProject, snapshot as snapshotOf } from './scratch.ts';

const SLUG = 'putin-raisi-kremlin-meeting';
let root: string;

beforeAll(() => {
  root = scratchProject('cli-test');
});
afterAll(() => removeScratch(root));

const run = (script: string, ...args: string[]) => runTool(root, script, args);

/** A tool with Node options before it (a module to preload, say). */
const runWith = (options: string[], script: string, ...args: string[]) => runTool(root, script, args, { node: options });

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
const snapshot = () => snapshotOf(root);

/** Runs `change` on the copy, then puts every locale file back as it was (including files it removed). */
const restoring = (change: () => void) => {
  const before = snapshot();
  try {
    change();
  } finally {
    for (const name of Object.keys(snapshot())) if (!(name in before)) rmSync(join(root, 'locales', name));
    for (const [name, text] of Object.entries(before)) writeFileSync(join(root, 'locales', name), text);
  }
};

/** A segment's value in one of the copy's locale files. */
const valueOf = (locale: string, namespace: string, id: string) =>
  (JSON.parse(readFileSync(join(root, 'locales', locale, `${namespace}.json`), 'utf8')) as Record<string, string>)[id];
const setValue = (locale: string, namespace: string, id: string, value: string) => {
  const path = join(root, 'locales', locale, `${namespace}.json`);
  const values = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  values[id] = value;
  writeFileSync(path, `${JSON.stringify(values, null, 2)}\n`);
};

describe('the translators’ tools, as processes', () => {
  it('i18n:check passes the landed files and prints a summary per locale', () => {
    const { status, out } = run('i18n-check.ts');
    expect(status).toBe(0);
    // Every English interface string and article segment, all translated, none missing or stale.
    const english = (name: string) => Object.keys(JSON.parse(readFileSync(join(root, 'locales', 'en', name), 'utf8'))).length;
    const segments = english('ui.json') + english(`${SLUG}.json`);
    expect(out).toMatch(/^locale {2}edition {4}segments {2}translated {2}draft {2}missing {2}stale {2}errors {2}done$/m);
    for (const locale of ['fa', 'ru'])
      expect(out).toMatch(new RegExp(`^${locale}\\s+published\\s+${segments}\\s+${segments}\\s+0\\s+0\\s+0\\s+0\\s+100\\.0%$`, 'm'));
  });

  it('a truncated locale file makes i18n:check fail, naming the file, line and column', () => {
    const path = join(root, 'locales', 'ru', `${SLUG}.json`);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, 400));
    try {
      const { status, out } = run('i18n-check.ts');
      expect(status).toBe(1);
      expect(out).toMatch(/^locales\/ru\/putin-raisi-kremlin-meeting\.json:\d+:\d+: not valid JSON: /m);
      const built = build();
      expect(built.status).toBe(1);
      expect(built.out).toMatch(/^locales\/ru\/putin-raisi-kremlin-meeting\.json:\d+:\d+: not valid JSON: /m);
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
      expect(broken.out).toMatch(/^locales\/ru\/ui\.json:1:\d+: not valid JSON: /m);
      expect(broken.out).toContain('build: the preview keeps serving the last good build');
      expect(readFileSync(page, 'utf8')).toBe(good);
    } finally {
      writeFileSync(path, text);
    }
  });

  it('the preview builds into a folder of its own: a build of public/ for another origin leaves what the preview serves as it was', () => {
    const preview = {
      WRANGLER_COMMAND: 'dev',
      SITE_ORIGIN: 'http://127.0.0.1:8899',
      BUILD_DIR: '.wrangler/preview/8899/public',
      BUILD_PREVIEW: '1',
    };
    expect(build(preview).status).toBe(0);
    const page = join(root, preview.BUILD_DIR, 'ru', `${SLUG}.html`);
    const served = readFileSync(page, 'utf8');
    expect(served).toContain('<link rel="canonical" href="http://127.0.0.1:8899/ru/');
    const other = build();
    expect(other.status, other.out).toBe(0);
    expect(readFileSync(page, 'utf8')).toBe(served);
    expect(readFileSync(join(root, 'public', 'ru', `${SLUG}.html`), 'utf8')).toContain(
      '<link rel="canonical" href="https://news.example.org/ru/',
    );
  });

  it('the build refuses a local SITE_ORIGIN when wrangler deploys, and builds for it in dev', () => {
    const local = { SITE_ORIGIN: 'http://127.0.0.1:8787' };
    const deploy = build({ ...local, WRANGLER_COMMAND: 'deploy' });
    expect(deploy.status).toBe(1);
    expect(deploy.out).toContain(
      'build: refusing to build for http://127.0.0.1:8787 and `wrangler deploy` it: a loopback address; set SITE_ORIGIN in wrangler.toml [vars]',
    );
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
      expect(out).toContain('read as fa, 0 changed, 0 file(s) written');
      expect(snapshot()).toEqual(before);
    });

    it(`${format}: a file with a broken target is refused whole and nothing is written`, () => {
      const before = snapshot();
      const file = join(root, `ru-broken.${format}`);
      run('i18n-export.ts', 'ru', '--out', file);
      // Two edits: a good one that must not be written either, and a broken one.
      const text = readFileSync(file, 'utf8')
        .replace('Новости на вашем языке', 'Новости на нашем языке')
        .replace('Сегмент', 'Сегмент {broken');
      writeFileSync(file, text);
      const { status, out } = run('i18n-import.ts', file);
      expect(status).toBe(1);
      // Named in the file the translator has, at its entry: not in the JSON it would have written.
      expect(out).toMatch(new RegExp(`ru-broken\\.${format}:\\d+:\\d+: review-segment: ICU syntax error`));
      expect(out).not.toMatch(/locales\/ru\/ui\.json/);
      expect(out).toContain('refused; nothing written');
      expect(snapshot()).toEqual(before);
    });
  }

  it('an import that changes a target writes the locale file and its sidecar, prints each segment it changes, and leaves no temporary file', () =>
    restoring(() => {
      const file = join(root, 'ru.xlf');
      run('i18n-export.ts', 'ru', '--out', file);
      writeFileSync(file, readFileSync(file, 'utf8').replace('Новости на вашем языке', 'Новости на нашем языке'));
      const { status, out } = run('i18n-import.ts', file);
      expect(status).toBe(0);
      expect(out).toContain('i18n:import: ru ui/site-name: reviewed → translated, text changed');
      expect(out).toContain('wrote locales/ru/ui.json');
      expect(out).toContain('wrote locales/ru/ui.state.json');
      expect(valueOf('ru', 'ui', 'site-name')).toBe('Новости на нашем языке');
      expect(readdirSync(join(root, 'locales'), { recursive: true, encoding: 'utf8' }).filter((n) => /tmp|commit/.test(n))).toEqual([]);
    }));

  it('--confirm records that a stale translation still fits its changed English', () =>
    restoring(() => {
      const path = join(root, 'locales', 'en', `${SLUG}.json`);
      writeFileSync(path, readFileSync(path, 'utf8').replace('organised crime', 'organized crime'));
      expect(run('i18n-check.ts').out).toMatch(
        /locales\/fa\/putin-raisi-kremlin-meeting\.json:\d+:\d+: raisi-terrorism-syria: warning: stale/,
      );
      expect(run('i18n-check.ts', '--confirm', 'fa', 'raisi-terrorism-syria').status).toBe(0);
      const after = run('i18n-check.ts').out;
      expect(after).not.toMatch(/locales\/fa\/.*raisi-terrorism-syria: warning: stale/);
      expect(after).toMatch(/locales\/ru\/.*raisi-terrorism-syria: warning: stale/);
    }));

  it('a hand edit of a reviewed segment counts as translated until --confirm restores it after a second look', () =>
    restoring(() => {
      setValue('fa', 'ui', 'read-article', 'خواندن این مطلب');
      const check = run('i18n-check.ts');
      expect(check.out).toMatch(
        /^locales\/fa\/ui\.json:\d+:\d+: read-article: warning: edited since it was reviewed: counted as translated/m,
      );
      const file = join(root, 'fa.xlf');
      run('i18n-export.ts', 'fa', '--out', file);
      expect(readFileSync(file, 'utf8')).toMatch(/<unit id="read-article">[\s\S]*?<segment state="translated">/);
      expect(run('i18n-check.ts', '--confirm', 'fa', 'read-article').status).toBe(0);
      expect(run('i18n-check.ts').out).not.toContain('read-article: warning');
    }));

  it('an export older than the files is refused: each conflict is shown with both texts, nothing is written; --force takes the file’s', () =>
    restoring(() => {
      const file = join(root, 'fa-old.po');
      run('i18n-export.ts', 'fa', '--out', file);
      // The translator changes the segment in the file; meanwhile someone changes it in the project.
      writeFileSync(file, readFileSync(file, 'utf8').replace('msgstr "خواندن مطلب"', 'msgstr "خواندن مطلب کامل"'));
      setValue('fa', 'ui', 'read-article', 'خواندن این مطلب');
      const before = snapshot();
      const refused = run('i18n-import.ts', file);
      expect(refused.status).toBe(1);
      expect(refused.out).toMatch(/fa-old\.po:\d+:1: read-article: conflict: changed in the project since this file was exported/);
      expect(refused.out).toContain('    now:     خواندن این مطلب');
      expect(refused.out).toContain('    in file: خواندن مطلب کامل');
      expect(refused.out).toContain('i18n:import: refused; nothing written');
      expect(snapshot()).toEqual(before);
      const forced = run('i18n-import.ts', file, '--force');
      expect(forced.status).toBe(0);
      expect(forced.out).toContain('i18n:import: fa ui/read-article: translated → reviewed, text changed');
      expect(valueOf('fa', 'ui', 'read-article')).toBe('خواندن مطلب کامل');
    }));

  it('a Persian export relabelled trgLang="ru" is refused whole, every segment named at its unit', () =>
    restoring(() => {
      const file = 'fa-as-ru.xlf';
      run('i18n-export.ts', 'fa', '--out', file);
      writeFileSync(join(root, file), readFileSync(join(root, file), 'utf8').replace('trgLang="fa"', 'trgLang="ru"'));
      const before = snapshot();
      const { status, out } = run('i18n-import.ts', file);
      expect(status).toBe(1);
      expect(out).toMatch(/^fa-as-ru\.xlf:\d+:5: headline: letters outside the Cyrillic script of "ru" \(“/m);
      expect(out.match(/letters outside the Cyrillic script/g)!.length).toBeGreaterThan(40);
      expect(snapshot()).toEqual(before);
    }));

  it('a file that says fa_IR is imported as fa', () =>
    restoring(() => {
      const file = join(root, 'fa-IR.po');
      run('i18n-export.ts', 'fa', '--out', file);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"Language: fa\\n"', '"Language: fa_IR\\n"'));
      const { status, out } = run('i18n-import.ts', file);
      expect(status).toBe(0);
      expect(out).toContain('read as fa');
    }));

  it('an XLIFF with a DOCTYPE is refused with one clear line: no stack trace, nothing written', () => {
    const file = 'entities.xlf';
    writeFileSync(join(root, file), '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff>&e;</xliff>\n');
    const before = snapshot();
    const { status, out } = run('i18n-import.ts', file);
    expect(status).toBe(1);
    expect(out.trim().split('\n')).toEqual([
      'entities.xlf:2:1: refused: a DOCTYPE or ENTITY declaration (an exchange file needs none, and entities can read files or expand without end)',
      'i18n:import: refused; nothing written',
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('ids and texts are printed with their control characters escaped: nothing can erase a line or fake one', () => {
    const file = 'evil.po';
    run('i18n-export.ts', 'ru', '--out', file);
    writeFileSync(
      join(root, file),
      readFileSync(join(root, file), 'utf8').replace(
        'msgctxt "site-name"',
        'msgctxt "site-name\u001b[2K\\ri18n:import: 59 segments read, 0 changed"',
      ),
    );
    const { status, out } = run('i18n-import.ts', file);
    expect(status).toBe(1);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).toContain('site-name\\u{001B}[2K\\u{000D}i18n:import: 59 segments read, 0 changed: unknown segment');
  });

  it('an import killed between its writes leaves the old files or the new: the next tool finishes it', () =>
    restoring(() => {
      const file = join(root, 'ru-kill.xlf');
      run('i18n-export.ts', 'ru', '--out', file);
      writeFileSync(file, readFileSync(file, 'utf8').replace('Новости на вашем языке', 'Новости на нашем языке'));
      // Preloaded into the import alone: after the first rename of its commit, the process is killed.
      const killer = join(root, 'kill-after-first-rename.mjs');
      writeFileSync(
        killer,
        `import fs from 'node:fs';\nimport { syncBuiltinESMExports } from 'node:module';\nconst rename = fs.renameSync;\nfs.renameSync = (from, to) => {\n  rename(from, to);\n  if (String(from).includes('.commit-')) process.kill(process.pid, 'SIGKILL');\n};\nsyncBuiltinESMExports();\n`,
      );
      const killed = runWith(['--import', killer], 'i18n-import.ts', file);
      expect(killed.status).toBeNull();
      // Between the writes: the locale file is new, its sidecar still old, and the commit's journal is there.
      expect(valueOf('ru', 'ui', 'site-name')).toBe('Новости на нашем языке');
      expect(readdirSync(join(root, 'locales'))).toContain('.commit.json');
      const check = run('i18n-check.ts');
      expect(check.out).toContain('i18n: finished an import that was interrupted: locales/ru/ui.json, locales/ru/ui.state.json');
      expect(check.status).toBe(0);
      expect(check.out).not.toContain('site-name: warning');
      const sidecar = JSON.parse(readFileSync(join(root, 'locales', 'ru', 'ui.state.json'), 'utf8')) as Record<string, { state: string }>;
      expect(sidecar['site-name']!.state).toBe('translated');
      expect(readdirSync(join(root, 'locales'))).not.toContain('.commit.json');
    }));

  it('i18n:remove takes a draft away whole, through the same commit; a published edition only with --force', () =>
    restoring(() => {
      const editions = readFileSync(join(root, 'locales', 'editions.json'), 'utf8');
      expect(run('i18n-add.ts', 'tr').status).toBe(0);
      const removed = run('i18n-remove.ts', 'tr');
      expect(removed.status, removed.out).toBe(0);
      expect(removed.out).toContain('i18n:remove: removed locales/tr/ui.json');
      expect(readdirSync(join(root, 'locales'))).not.toContain('tr');
      expect(readFileSync(join(root, 'locales', 'editions.json'), 'utf8')).toBe(editions);
      const refused = run('i18n-remove.ts', 'ru');
      expect(refused.status).toBe(1);
      expect(refused.out).toContain('ru: a published edition');
      expect(refused.out).toContain('i18n:remove: refused; nothing removed');
    }));
});
