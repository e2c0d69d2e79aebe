import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject, withWrites } from '../../tools/check/check.ts';
import { serializeJson } from '../../tools/check/sidecar.ts';
import { formatProblem, ProblemList } from '../../tools/check/problems.ts';
import { TranslationMemory } from '../../tools/memory/lookup.ts';
import { exportMemory, importMemory } from '../../tools/memory/memory.ts';
import { carryOver, comparable, glossaryNames } from '../../tools/memory/placeables.ts';
import { similarity } from '../../tools/memory/similarity.ts';
import { MEMORY_FILE, projectEntries, type MemoryEntry } from '../../tools/memory/store.ts';
import { readTmx, writeTmx } from '../../tools/memory/tmx.ts';
import { readProjectFiles } from '../../tools/project-files.ts';

const landed = readProjectFiles();
const catalog = checkProject(landed).catalog!;
const isName = glossaryNames(Object.keys(catalog.resources.en!.glossary!));
const LANGUAGES = { source: 'en', editions: ['en', 'fa', 'ru'] };

describe('similarity: token-level Levenshtein, as CAT tools score a fuzzy match', () => {
  const cases = [
    { description: 'the same text', a: 'Talks in {vienna} have stalled.', b: 'Talks in {vienna} have stalled.', expected: 1 },
    {
      description: 'one word of five changed',
      a: 'Talks in {vienna} have stalled.',
      b: 'Talks in {vienna} have resumed.',
      expected: 5 / 6,
    },
    {
      description: 'an argument is one token',
      a: '{x, select, a {one two three} other {four}} left',
      b: '{x, select, a {one} other {two}} left',
      expected: 1 / 2,
    },
    { description: 'nothing in common', a: 'alpha beta', b: 'gamma delta', expected: 0 },
    { description: 'one text empty', a: '', b: 'word', expected: 0 },
  ];
  for (const { description, a, b, expected } of cases) it(description, () => expect(similarity(a, b)).toBeCloseTo(expected, 6));
});

describe('placeables: numbers and dates are carried over, names are words', () => {
  it('compares messages with their data arguments renamed by order, names kept', () => {
    expect(comparable('{putin} came in {year2017, number, ::group-off} and {year2018, number, ::group-off}', isName)).toBe(
      '{putin} came in {1, number, ::group-off} and {2, number, ::group-off}',
    );
  });
  const cases = [
    {
      description: 'a year renamed in the translation',
      translation: 'نخستین از {year2017, number, ::group-off}',
      from: 'the first since {year2017, number, ::group-off}',
      to: 'the first since {year2016, number, ::group-off}',
      expected: 'نخستین از {year2016, number, ::group-off}',
    },
    {
      description: 'two arguments swapped by name, each renamed once',
      translation: '{b, number} / {a, number}',
      from: '{a, number} and {b, number}',
      to: '{b, number} and {a, number}',
      expected: '{a, number} / {b, number}',
    },
    {
      description: 'a different number of arguments: not carried',
      translation: '{a, number}',
      from: '{a, number}',
      to: '{a, number} {b, number}',
      expected: undefined,
    },
  ];
  for (const { description, translation, from, to, expected } of cases)
    it(description, () => expect(carryOver(translation, from, to, isName)).toBe(expected));
});

describe('the translation memory', () => {
  const entries = projectEntries(landed, catalog);
  const memory = new TranslationMemory(entries, isName);
  const ru = catalog.resources.ru!['putin-raisi-kremlin-meeting']!;

  it('holds every published translation of every article, with the English it was made from', () => {
    expect(entries.filter((e) => e.lang === 'ru')).toHaveLength(Object.keys(ru).length);
    // The English headline edited: the translations are stale, and the memory pairs them with the English they translate.
    const path = 'locales/en/putin-raisi-kremlin-meeting.json';
    const english = JSON.parse(landed.locales.find((f) => f.path === path)!.text) as Record<string, string>;
    const edited = withWrites(landed, [{ path, text: serializeJson({ ...english, headline: english.headline!.replace(' in ', ' at ') }) }]);
    const headline = projectEntries(edited, checkProject(edited).catalog!).filter(
      (e) => e.origin === 'putin-raisi-kremlin-meeting/headline',
    );
    expect(headline.map((e) => [e.lang, e.source])).toEqual([
      ['fa', english.headline],
      ['ru', english.headline],
    ]);
  });

  it('an exact match, its data arguments renamed to the new English’s', () => {
    const english =
      '“Just like you, we have also stood up against {us} sanctions from {years, plural, one {# year} other {# years}} ago,” the president said.';
    const match = memory.exact('ru', english)!;
    expect(match.entry.origin).toBe('putin-raisi-kremlin-meeting/raisi-sanctions-quote');
    expect(match.target).toBe(ru['raisi-sanctions-quote']!.replaceAll('{sanctionsYears,', '{years,'));
    expect(memory.exact('ru', english.replace('Just', 'Only'))).toBeUndefined();
  });

  it('fuzzy matches: scored (one word of 23 dropped: 22/23, 96%), at least 70%, never the segment itself', () => {
    const english = 'If the deal is restored, most {us} sanctions on {iran} will be lifted and it will scale down its programme.';
    const matches = memory.fuzzy('fa', english);
    expect(matches.map((m) => [m.entry.origin, Math.round(m.score * 100)])).toEqual([
      ['putin-raisi-kremlin-meeting/deal-restored-sanctions', 96],
    ]);
    expect(memory.fuzzy('fa', english, { exclude: 'putin-raisi-kremlin-meeting/deal-restored-sanctions' })).toEqual([]);
    expect(memory.fuzzy('fa', 'Nothing like any sentence of the article.')).toEqual([]);
  });
});

describe('TMX 1.4', () => {
  const sample: MemoryEntry[] = [
    { lang: 'fa', source: 'Talks in {vienna} & more <i>now</i>', target: 'گفت‌وگو در {vienna}', origin: 'a/talks', state: 'reviewed' },
    { lang: 'ru', source: 'Talks in {vienna} & more <i>now</i>', target: 'Переговоры в {vienna_prep}', origin: 'a/talks' },
  ];

  it('an export read back is the same translations', () => {
    const problems = new ProblemList();
    const read = readTmx('memory.tmx', writeTmx(sample, 'en'), LANGUAGES, problems);
    expect(problems.items).toEqual([]);
    expect(read).toEqual(sample.map(({ state: _, ...e }) => e));
  });

  it('reads character references and inline codes, and languages as the editions (fa-IR is fa)', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-US" datatype="plaintext"/>
<body><tu><tuv xml:lang="en-US"><seg>Met <ph x="1">{putin}</ph> &amp; left</seg></tuv><tuv xml:lang="fa-IR"><seg>&#x062F;&#1583; <ph x="1">{putin}</ph></seg></tuv></tu></body></tmx>`;
    const problems = new ProblemList();
    expect(readTmx('other.tmx', xml, LANGUAGES, problems)).toEqual([
      { lang: 'fa', source: 'Met {putin} & left', target: 'دد {putin}', origin: 'other.tmx' },
    ]);
  });

  const refusals = [
    {
      description: 'a DOCTYPE',
      xml: '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4"/>',
      expected: /^m\.tmx:2:\d+: a DOCTYPE/,
    },
    { description: 'not well-formed', xml: '<tmx version="1.4">\n<body>\n</tmx>', expected: /^m\.tmx:3:\d+: not well-formed XML/ },
    {
      description: 'another version',
      xml: '<tmx version="1.1"><header srclang="en"/><body/></tmx>',
      expected: /^m\.tmx:1:\d+: not a TMX 1\.4 file/,
    },
    {
      description: 'a unit without English',
      xml: '<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv xml:lang="fa"><seg>متن</seg></tuv></tu></body></tmx>',
      expected: /^m\.tmx:2:\d+: a <tu> without English/,
    },
    {
      description: 'a segment that is no ICU message',
      xml: '<tmx version="1.4"><header srclang="en"/><body>\n\n<tu><tuv xml:lang="en"><seg>{broken</seg></tuv><tuv xml:lang="fa"><seg>متن</seg></tuv></tu></body></tmx>',
      expected: /^m\.tmx:3:\d+: <tuv xml:lang="en">: ICU syntax error/,
    },
  ];
  for (const { description, xml, expected } of refusals)
    it(`refuses ${description}, at its line`, () => {
      const problems = new ProblemList();
      expect(readTmx('m.tmx', xml, LANGUAGES, problems)).toBeUndefined();
      expect(problems.items.map(formatProblem)[0]).toMatch(expected);
    });

  it('an import adds what the memory lacks to the memory file, and nothing when it has it all', () => {
    const tmx = { path: 'in.tmx', text: writeTmx([...sample, ...projectEntries(landed, catalog).slice(0, 3)], 'en') };
    const result = importMemory(landed, undefined, tmx);
    expect(result.problems).toEqual([]);
    expect(result.added).toBe(2);
    expect(JSON.parse(result.writes[0]!.text)).toHaveLength(2);
    const again = importMemory(landed, { path: MEMORY_FILE, text: result.writes[0]!.text }, tmx);
    expect([again.added, again.writes]).toEqual([0, []]);
  });
});

const python = '/usr/bin/python3';
const hasToolkit = spawnSync(python, ['-c', 'import translate.storage.tmx']).status === 0;

describe.runIf(hasToolkit)('the TMX export, as translate-toolkit reads it', () => {
  it('every translation, with its language pair (en → fa, en → ru)', () => {
    const { tmx } = exportMemory(landed, undefined);
    const dir = mkdtempSync(join(tmpdir(), 'tmx-'));
    try {
      writeFileSync(join(dir, 'memory.tmx'), tmx!);
      const script = `
import json, sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
out = []
for unit in store.units:
    langs = [tuv.get('{http://www.w3.org/XML/1998/namespace}lang') for tuv in unit.xmlelement.iter('tuv')]
    out.append([langs[0], langs[1], unit.source, unit.target])
print(json.dumps(out, ensure_ascii=False))`;
      const run = spawnSync(python, ['-c', script, join(dir, 'memory.tmx')], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const units = JSON.parse(run.stdout) as [string, string, string, string][];
      const expected = projectEntries(landed, catalog).map((e) => ['en', e.lang, e.source, e.target]);
      expect(units).toEqual(expected);
      expect(new Set(units.map(([s, t]) => `${s}→${t}`))).toEqual(new Set(['en→fa', 'en→ru']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
