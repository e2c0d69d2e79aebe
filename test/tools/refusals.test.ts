// Bad input and a bad machine, as a translator meets them: every expected failure is one line naming the file
// and what to do, exit status 1, never a stack trace, and nothing written.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeScratch, runTool, scratchProject, snapshot, type Run } from './scratch.ts';

let root: string;
let landed: Record<string, string>;
let export20: string;

beforeAll(() => {
  root = scratchProject('refusals');
  landed = snapshot(root);
  expect(runTool(root, 'i18n-export.ts', ['ru', '--out', 'ru.xlf']).status).toBe(0);
  export20 = readFileSync(join(root, 'ru.xlf'), 'utf8');
});
afterAll(() => removeScratch(root));

/** One line, exit 1, no stack trace, nothing written. */
function refusedInOneLine(run: Run, line: string | RegExp, unchanged = true): void {
  expect(run.status, run.out).toBe(1);
  expect(run.out).not.toMatch(/^\s+at /m);
  const lines = run.out.trim().split('\n');
  expect(lines[0]).toMatch(typeof line === 'string' ? new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : line);
  if (unchanged) expect(snapshot(root)).toEqual(landed);
}

const write = (name: string, data: string | Uint8Array) => writeFileSync(join(root, name), data);
const importing = (file: string, env: Record<string, string> = {}, node: string[] = []) =>
  runTool(root, 'i18n-import.ts', [file], { env, node });

describe('an exchange file that cannot be one', () => {
  const cases = [
    {
      description: 'a missing file',
      prepare: () => 'no-such.xlf',
      line: 'i18n:import: no-such.xlf: no such file or folder (ENOENT); nothing read',
    },
    {
      description: 'an empty file',
      prepare: () => (write('empty.xlf', ''), 'empty.xlf'),
      line: 'i18n:import: empty.xlf: empty: not an exchange file; export it again',
    },
    {
      description: 'a folder',
      prepare: () => (mkdirSync(join(root, 'folder.xlf'), { recursive: true }), 'folder.xlf'),
      line: 'i18n:import: folder.xlf: a folder, not an exchange file',
    },
    {
      description: 'a file past the size limit (refused before it is read)',
      prepare: () => {
        write('huge.xlf', '');
        truncateSync(join(root, 'huge.xlf'), 99 * 1024 * 1024);
        return 'huge.xlf';
      },
      line: 'i18n:import: huge.xlf: 99.0 MiB, more than the 16.0 MiB an exchange file may have (TRANSLATING.md, "Limits"): split it',
    },
    {
      description: 'XML nested 3,000 deep',
      prepare: () => (write('deep.xlf', `<?xml version="1.0"?>\n${'<a>'.repeat(3000)}${'</a>'.repeat(3000)}`), 'deep.xlf'),
      line: /^deep\.xlf:2:\d+: elements nested more than 32 deep: not an exchange file$/,
    },
  ];
  for (const { description, prepare, line } of cases)
    it(`${description}: one line`, () => {
      refusedInOneLine(importing(prepare()), line);
    });

  it('bytes that are not UTF-8: the place is named, and the segment that holds them', () => {
    const bytes = Buffer.from(export20.replace('Новости на вашем языке', 'Новости XX вашем языке'));
    bytes[bytes.indexOf('XX')] = 0xff;
    write('latin.xlf', bytes);
    const run = importing('latin.xlf');
    expect(run.status).toBe(1);
    expect(run.out).toMatch(/^latin\.xlf:\d+:\d+: not UTF-8 \(a byte 0xFF\): save the file as UTF-8 and import it again$/m);
    expect(run.out).toMatch(/^latin\.xlf:\d+:\d+: site-name: characters that are not text \(U\+FFFD\)/m);
    expect(snapshot(root)).toEqual(landed);
  });

  it('a UTF-16 file, as some tools save XLIFF, is read as the same document', () => {
    write('utf16.xlf', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(export20.replace('UTF-8', 'UTF-16'), 'utf16le')]));
    const run = importing('utf16.xlf');
    expect(run.status, run.out).toBe(0);
    expect(run.out).toContain('0 changed, 0 file(s) written');
  });
});

describe('a machine that fails the tools', () => {
  it('a full disk during an import: one line, nothing said to have changed, nothing written, nothing left behind', () => {
    write('ru-edit.xlf', export20.replace('Новости на вашем языке', 'Новости на нашем языке'));
    // Preloaded into the import alone: writing a commit's file fails as on a full disk.
    write(
      'full-disk.mjs',
      `import fs from 'node:fs';\nimport { syncBuiltinESMExports } from 'node:module';\nconst write = fs.writeFileSync;\nfs.writeFileSync = (path, ...rest) => {\n  if (String(path).includes('.commit-')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC', path: String(path) });\n  return write(path, ...rest);\n};\nsyncBuiltinESMExports();\n`,
    );
    const run = importing('ru-edit.xlf', {}, ['--import', join(root, 'full-disk.mjs')]);
    refusedInOneLine(run, /^i18n:import: .*: the disk is full: free some space \(ENOSPC\); nothing was written$/);
    expect(run.out).not.toContain('→');
    expect(readdirSync(join(root, 'locales'), { recursive: true, encoding: 'utf8' }).filter((n) => n.includes('tmp'))).toEqual([]);
  });

  it('a commit that cannot be finished: every tool and the build say so in one line, until it is fixed', () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const from = `locales/ru/ui.json.commit-${dead}.tmp`;
    write(from, '{}\n');
    // Its target is under a file: the rename fails whoever tries it.
    write('locales/.commit.json', JSON.stringify({ pid: dead, renames: [{ from, to: 'locales/ru/ui.json/inside' }] }));
    try {
      const message =
        /^i18n: locales\/ru\/ui\.json\/inside: a part of the path is a file, not a folder \(ENOTDIR\); a commit of the locale files cannot be finished \(locales\/\.commit\.json lists it\): fix that, then run any i18n command to finish it$/;
      refusedInOneLine(runTool(root, 'i18n-check.ts'), message, false);
      const built = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'site', 'build.ts')], { cwd: root, encoding: 'utf8' });
      refusedInOneLine({ status: built.status, out: `${built.stdout}${built.stderr}` }, message, false);
    } finally {
      rmSync(join(root, 'locales', '.commit.json'));
      rmSync(join(root, from));
    }
    // Fixed (here: the record removed): the tools work again.
    expect(runTool(root, 'i18n-check.ts').status).toBe(0);
    expect(snapshot(root)).toEqual(landed);
  });
});

describe('symbolic links under locales/', () => {
  it('i18n:add refuses a language folder that links outside the project, and writes nothing there', () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'ui.json'), 'not yours\n');
    symlinkSync(outside, join(root, 'locales', 'tr'));
    try {
      refusedInOneLine(
        runTool(root, 'i18n-add.ts', ['tr']),
        'i18n: locales/tr: a symbolic link; the locale files must be real files and folders inside the project: replace it with the files themselves',
        false,
      );
      expect(readFileSync(join(outside, 'ui.json'), 'utf8')).toBe('not yours\n');
      expect(readdirSync(outside)).toEqual(['ui.json']);
      refusedInOneLine(runTool(root, 'i18n-check.ts'), 'i18n: locales/tr: a symbolic link', false);
    } finally {
      rmSync(join(root, 'locales', 'tr'));
      rmSync(outside, { recursive: true, force: true });
    }
    expect(snapshot(root)).toEqual(landed);
  });

  it('a locale file that is a link is refused too', () => {
    symlinkSync(join(root, 'locales', 'ru', 'ui.json'), join(root, 'locales', 'fa', 'extra.json'));
    try {
      refusedInOneLine(runTool(root, 'i18n-check.ts'), 'i18n: locales/fa/extra.json: a symbolic link', false);
    } finally {
      rmSync(join(root, 'locales', 'fa', 'extra.json'));
    }
  });
});
