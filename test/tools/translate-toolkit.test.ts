// The exchange files read and written by someone else's code: translate-toolkit (Debian's python3-translate),
// whose xliff2po, po2xliff and pofilter are what many CAT pipelines run. A round trip through it changes
// nothing; a translation made in its files lands.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeScratch, runTool, scratchProject, snapshot } from './scratch.ts';

const available = spawnSync('xliff2po', ['--version']).status === 0;
let root: string;
let landed: Record<string, string>;

beforeAll(() => {
  root = scratchProject('translate-toolkit');
  landed = snapshot(root);
});
afterAll(() => removeScratch(root));

/** A translate-toolkit command, in the scratch project. */
function toolkit(command: string, ...args: string[]): void {
  const run = spawnSync(command, ['--progress=none', ...args], { cwd: root, encoding: 'utf8' });
  expect(run.status, `${command}: ${run.stderr}`).toBe(0);
}

const exportAs = (locale: string, format: string, file: string) =>
  expect(runTool(root, 'i18n-export.ts', [locale, '--out', file, '--format', format]).status).toBe(0);

/** Each round trip: what is exported, what translate-toolkit does to it, and the file imported. */
const ROUND_TRIPS = [
  { description: 'XLIFF 1.2 → xliff2po → PO', format: 'xliff-1.2', steps: [['xliff2po', 'x.xlf', 'x.po']], imported: 'x.po' },
  {
    description: 'XLIFF 1.2 → xliff2po → po2xliff → XLIFF 1.1',
    format: 'xliff-1.2',
    steps: [
      ['xliff2po', 'x.xlf', 'x.po'],
      ['po2xliff', 'x.po', 'y.xlf'],
    ],
    imported: 'y.xlf',
  },
  { description: 'PO → po2xliff → XLIFF 1.1', format: 'po', steps: [['po2xliff', 'x.po', 'y.xlf']], imported: 'y.xlf' },
  {
    description: 'PO → po2xliff → xliff2po → PO',
    format: 'po',
    steps: [
      ['po2xliff', 'x.po', 'y.xlf'],
      ['xliff2po', 'y.xlf', 'z.po'],
    ],
    imported: 'z.po',
  },
] as const;

describe.runIf(available)('through translate-toolkit', () => {
  for (const locale of ['fa', 'ru'])
    for (const { description, format, steps, imported } of ROUND_TRIPS)
      it(`${locale}: ${description}, imported, changes nothing`, () => {
        exportAs(locale, format, format === 'po' ? 'x.po' : 'x.xlf');
        for (const [command, input, output] of steps) toolkit(command, input, output);
        // xliff2po writes no language: the import is told it.
        const run = runTool(root, 'i18n-import.ts', [imported, '--language', locale]);
        expect(run.status, run.out).toBe(0);
        expect(run.out).toMatch(new RegExp(`segments read as ${locale}, 0 changed, 0 file\\(s\\) written`));
        expect(snapshot(root)).toEqual(landed);
      });

  it('a translation made in the PO that xliff2po wrote lands, with its state, and the codes typed as text are kept', () => {
    try {
      exportAs('ru', 'xliff-1.2', 'x.xlf');
      toolkit('xliff2po', 'x.xlf', 'x.po');
      const po = readFileSync(join(root, 'x.po'), 'utf8');
      expect(po).toContain('msgstr "Новости на вашем языке"');
      writeFileSync(join(root, 'x.po'), po.replace('msgstr "Новости на вашем языке"', 'msgstr "Новости на нашем языке"'));
      const run = runTool(root, 'i18n-import.ts', ['x.po', '--language', 'ru']);
      expect(run.status, run.out).toBe(0);
      expect(run.out).toContain('i18n:import: ru ui/site-name: reviewed → translated, text changed');
      expect(JSON.parse(readFileSync(join(root, 'locales', 'ru', 'ui.json'), 'utf8'))['site-name']).toBe('Новости на нашем языке');
    } finally {
      for (const [name, text] of Object.entries(landed)) writeFileSync(join(root, 'locales', name), text);
    }
  });

  // The checks of markup and escapes; pythonbraceformat and brackets count braces, which ICU plurals and
  // Russian's inflected names ({putin_ins}) change on purpose.
  const CHECKS = ['xmltags', 'escapes', 'newlines', 'tabs', 'printf', 'variables', 'accelerators', 'blank', 'untranslated'];
  for (const locale of ['fa', 'ru'])
    it(`${locale}: pofilter reads the PO export and its checks of markup, escapes and variables find nothing but a note marker the translation placed`, () => {
      exportAs(locale, 'po', 'x.po');
      rmSync(join(root, 'failed.po'), { force: true });
      toolkit('pofilter', ...CHECKS.flatMap((t) => ['-t', t]), 'x.po', 'failed.po');
      // pofilter writes a file only when a check fails. A translation may put an editor's note's marker where its
      // language puts it (<note></note>), a tag its English lacks: pofilter reports that tag, and nothing else.
      const failed = existsSync(join(root, 'failed.po')) ? readFileSync(join(root, 'failed.po'), 'utf8') : '';
      const marked = Object.entries(landed)
        .filter(([name]) => name.startsWith(`${locale}/`) && !name.endsWith('.state.json'))
        .flatMap(([, text]) => Object.entries(JSON.parse(text) as Record<string, string>))
        .filter(([, text]) => text.includes('<note></note>'))
        .map(([id]) => id)
        .sort();
      expect([...failed.matchAll(/^msgctxt "([^"]*)"$/gm)].map((m) => m[1]).sort()).toEqual(marked);
      expect(failed.match(/^# \(pofilter\) .*$/gm) ?? []).toEqual(marked.map(() => '# (pofilter) xmltags: Added XML tags'));
      // And it does check: an entry left untranslated is reported.
      writeFileSync(
        join(root, 'x.po'),
        readFileSync(join(root, 'x.po'), 'utf8').replace(/(msgctxt "site-name"\nmsgid "[^"]*"\nmsgstr )"[^"]*"/, '$1""'),
      );
      toolkit('pofilter', ...CHECKS.flatMap((t) => ['-t', t]), 'x.po', 'failed.po');
      expect(readFileSync(join(root, 'failed.po'), 'utf8')).toMatch(/^msgctxt "site-name"$/m);
    });
});
