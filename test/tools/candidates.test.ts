// The translation memory's matches in the exchange files: XLIFF 2.0's translation candidates, PO comments.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import xliff2js from 'xliff/xliff2js';
import { addArticle } from '../../tools/article/add.ts';
import { withWrites } from '../../tools/check/check.ts';
import { ProblemList } from '../../tools/check/problems.ts';
import { exportDocument, importDocument } from '../../tools/exchange/document.ts';
import { readPo, writePo } from '../../tools/exchange/po.ts';
import { readXliff, writeXliff } from '../../tools/exchange/xliff.ts';
import { memoryCandidates } from '../../tools/memory/candidates.ts';
import { projectMemory } from '../../tools/memory/memory.ts';
import { readProjectFiles, ROOT } from '../../tools/project-files.ts';

const EXAMPLE = 'examples/caspian-rail-freight-route.md';
const SLUG = 'caspian-rail-freight-route';
// The example article, its background sentence shortened by a word: a 22/23 (95.7%) match of the earlier article's.
const text = readFileSync(join(ROOT, EXAMPLE), 'utf8').replace('its nuclear programme', 'its programme');
const added = addArticle(readProjectFiles(), undefined, { path: EXAMPLE, bytes: new TextEncoder().encode(text) });
const files = withWrites(readProjectFiles(), added.writes);
const memory = projectMemory(files, undefined, new ProblemList())!.memory;
const ORIGIN = 'putin-raisi-kremlin-meeting/deal-restored-sanctions';

const exported = (locale: string) => exportDocument(files, locale).document!;
const formats = [
  { name: 'XLIFF 2.0', write: (l: string) => writeXliff(exported(l), memoryCandidates(memory, l)), read: readXliff },
  { name: 'PO', write: (l: string) => writePo(exported(l), new Date(), memoryCandidates(memory, l)), read: readPo },
] as const;

describe('matches from the memory in the exchange files', () => {
  it('a segment still to translate is offered its close match, scored; a translated one none', () => {
    const candidates = memoryCandidates(memory, 'fa');
    const units = exported('fa').units;
    const unit = units.find((u) => u.namespace === SLUG && u.id === 'if-deal-restored-most')!;
    expect(candidates(unit).map((c) => [c.origin, c.similarity])).toEqual([[ORIGIN, 95.7]]);
    const translated = units.find((u) => u.namespace === 'putin-raisi-kremlin-meeting' && u.id === 'deal-restored-sanctions')!;
    expect(candidates(translated)).toEqual([]);
  });

  it('XLIFF: <mtc:matches> before the notes, each match naming the segment, its similarity and origin', () => {
    const xml = formats[0].write('fa');
    expect(xml).toContain('xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"');
    expect(xml).toMatch(
      new RegExp(
        `<unit id="if-deal-restored-most">\\s*<mtc:matches>\\s*<mtc:match ref="#s1" similarity="95\\.7" type="tm" origin="${ORIGIN}">\\s*<source>If the deal is restored, most \\{us\\} sanctions on \\{iran\\} will be lifted and it will scale down its nuclear programme\\.</source>\\s*<target>[^<]+</target>\\s*</mtc:match>\\s*</mtc:matches>\\s*<notes>[\\s\\S]*?<segment id="s1" state="initial">`,
      ),
    );
  });

  it('PO: an extracted comment per match, which msgfmt accepts', () => {
    const po = formats[1].write('ru');
    expect(po).toContain(`#. memory 95.7% (${ORIGIN}): В случае восстановления сделки`);
    if (spawnSync('msgfmt', ['--version']).status !== 0) return;
    const dir = mkdtempSync(join(tmpdir(), 'po-'));
    try {
      writeFileSync(join(dir, 'ru.po'), po);
      const run = spawnSync('msgfmt', ['--check', '-o', join(dir, 'ru.mo'), join(dir, 'ru.po')], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const { name, write, read } of formats)
    it(`${name}: importing an export with matches changes nothing (a match is an offer, not a translation)`, () => {
      const result = importDocument(files, read(write('fa')), 'fa.file');
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      for (const file of result.writes) expect(file.text, file.path).toBe(files.locales.find((f) => f.path === file.path)?.text);
    });

  it('another XLIFF 2.0 library (xliff’s xliff2js) reads the export with matches, every unit', async () => {
    const result = (await xliff2js(formats[0].write('fa'))) as { resources: Record<string, Record<string, unknown>> };
    expect(Object.values(result.resources).flatMap((r) => Object.keys(r))).toHaveLength(exported('fa').units.length);
  });
});
