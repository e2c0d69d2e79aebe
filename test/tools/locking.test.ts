// One writer at a time, with real processes: two imports at once, an import during a preview rebuild, a lock
// held by a live process (waited for, then refused naming it), a lock or a commit left by a dead one.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_LOCK } from '../../tools/commit.ts';
import { removeScratch, runTool, scratchProject, snapshot, startTool } from './scratch.ts';

/** How many times the two concurrent imports run: I18N_CONCURRENCY_RUNS=100 for a long run. */
const RUNS = Number(process.env.I18N_CONCURRENCY_RUNS ?? 3);
let root: string;
let landed: Record<string, string>;

beforeAll(() => {
  root = scratchProject('locking');
  landed = snapshot(root);
});
afterAll(() => removeScratch(root));

/** Puts every locale file back as it landed. */
const restore = () => {
  for (const [name, text] of Object.entries(landed)) writeFileSync(join(root, 'locales', name), text);
};

const ui = (locale: string) => JSON.parse(readFileSync(join(root, 'locales', locale, 'ui.json'), 'utf8')) as Record<string, string>;

/** An export of `locale` with one segment's target replaced: as a translator's tool saves it. */
function edited(name: string, locale: string, from: string, to: string): string {
  const file = join(root, name);
  expect(runTool(root, 'i18n-export.ts', [locale, '--out', file]).status).toBe(0);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
  return file;
}

/** A process that holds the locale lock until `release` exists. */
function holdLock(release: string): Promise<ChildProcess> {
  const script = `
    import { existsSync } from 'node:fs';
    import { withLocaleLock } from ${JSON.stringify(join(root, 'tools', 'commit.ts'))};
    withLocaleLock(${JSON.stringify(root)}, () => {
      console.log('locked');
      while (!existsSync(${JSON.stringify(release)})) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve(child));
    child.on('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
  });
}

/** The pid of a process that has ended: nothing runs under it. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('one writer at a time', () => {
  it(
    `two imports into one language at once both land, ${RUNS} time(s) over: no change is lost`,
    async () => {
      const a = edited('ru-a.xlf', 'ru', 'Новости на вашем языке', 'Новости на нашем языке');
      const b = edited('ru-b.xlf', 'ru', '>Читать статью<', '>Прочитать статью<');
      try {
        for (let i = 0; i < RUNS; i++) {
          const runs = await Promise.all([startTool(root, 'i18n-import.ts', [a]), startTool(root, 'i18n-import.ts', [b])]);
          for (const run of runs) expect(run.status, run.out).toBe(0);
          expect(ui('ru'), `run ${i + 1}`).toMatchObject({ 'site-name': 'Новости на нашем языке', 'read-article': 'Прочитать статью' });
          const check = runTool(root, 'i18n-check.ts');
          expect(check.status, check.out).toBe(0);
          restore();
        }
      } finally {
        restore();
      }
    },
    RUNS * 60_000,
  ); // a bound for a busy machine, by the count of runs

  it('an import during a preview rebuild: both finish, the change is written, the rebuild is not disturbed', async () => {
    const file = edited('ru-preview.xlf', 'ru', 'Новости на вашем языке', 'Новости на нашем языке');
    const preview = { WRANGLER_COMMAND: 'dev', SITE_ORIGIN: 'http://127.0.0.1:8787' };
    try {
      const [imported, built] = await Promise.all([
        startTool(root, 'i18n-import.ts', [file]),
        startTool(root, 'build.ts', [], { env: preview }),
      ]);
      expect(imported.status, imported.out).toBe(0);
      expect(built.status, built.out).toBe(0);
      expect(built.out).not.toContain('removed the unfinished files');
      expect(ui('ru')['site-name']).toBe('Новости на нашем языке');
    } finally {
      restore();
    }
  });

  it('a lock held by a live process is waited for, then refused naming its holder; nothing is written', async () => {
    const file = edited('ru-held.xlf', 'ru', 'Новости на вашем языке', 'Новости на нашем языке');
    const release = join(root, 'release-held');
    const holder = await holdLock(release);
    try {
      const before = snapshot(root);
      const run = runTool(root, 'i18n-import.ts', [file], { env: { I18N_LOCK_WAIT: '0.3' } });
      expect(run.status).toBe(1);
      expect(run.out.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^i18n:import: .*\\.locales\\.lock: held by .* \\(pid ${holder.pid} on ${hostname()}, since .*\\); waited 0\\.3 s\\. Try again when it has finished`,
          ),
        ),
      ]);
      expect(snapshot(root)).toEqual(before);
    } finally {
      writeFileSync(release, '');
      await new Promise((resolve) => holder.on('exit', resolve));
    }
    // Released: the same import goes through.
    try {
      expect(runTool(root, 'i18n-import.ts', [file]).status).toBe(0);
      expect(ui('ru')['site-name']).toBe('Новости на нашем языке');
    } finally {
      restore();
    }
  });

  it('a lock left by a dead process on this host is broken; one of another host is waited for and named', () => {
    const lock = join(root, LOCALE_LOCK);
    try {
      writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: hostname(), command: 'i18n-import.ts x.xlf', since: 'then' }));
      expect(runTool(root, 'i18n-check.ts').status).toBe(0);
      expect(existsSync(lock)).toBe(false);

      writeFileSync(lock, JSON.stringify({ pid: 1, host: 'elsewhere.example', command: 'i18n-import.ts y.xlf', since: 'then' }));
      const run = runTool(root, 'i18n-check.ts', [], { env: { I18N_LOCK_WAIT: '0' } });
      expect(run.status).toBe(1);
      expect(run.out).toContain('held by i18n-import.ts y.xlf (pid 1 on elsewhere.example, since then)');
    } finally {
      rmSync(lock, { force: true });
    }
  });

  it('recovery leaves a live writer’s files alone, and removes a dead one’s', async () => {
    const release = join(root, 'release-live');
    // A live process (it holds no lock): its temporary file must survive another tool's recovery.
    const live = await holdLockless(release);
    const mine = join(root, 'locales', 'ru', `ui.json.commit-${live.pid}.tmp`);
    const dead = join(root, 'locales', 'ru', `ui.json.commit-${deadPid()}.tmp`);
    writeFileSync(mine, '{}\n');
    writeFileSync(dead, '{}\n');
    try {
      const check = runTool(root, 'i18n-check.ts');
      expect(check.status, check.out).toBe(0);
      expect(existsSync(mine)).toBe(true);
      expect(existsSync(dead)).toBe(false);
      expect(check.out).toContain(`removed the unfinished files of an interrupted import: locales/ru/ui.json.commit-`);
    } finally {
      writeFileSync(release, '');
      await new Promise((resolve) => live.on('exit', resolve));
      rmSync(mine, { force: true });
    }
  });
});

/** A process that runs until `release` exists. */
function holdLockless(release: string): Promise<ChildProcess> {
  const script = `const { existsSync } = require('node:fs'); console.log('running'); while (!existsSync(${JSON.stringify(release)})) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout!.once('data', () => resolve(child)));
}
