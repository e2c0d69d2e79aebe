import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import xliff12ToJs from 'xliff/xliff12ToJs';
import xliff2js from 'xliff/xliff2js';
import { checkProject, withWrites, type ProjectFiles } from '../../tools/check/check.ts';
import { formatProblem } from '../../tools/check/problems.ts';
import { recordFor, serializeJson } from '../../tools/check/sidecar.ts';
import { exportDocument, importDocument, type ExchangeDocument, type ExchangeUnit } from '../../tools/exchange/document.ts';
import { readPo, writePo } from '../../tools/exchange/po.ts';
import { ExchangeFormatError, readXliff, STALE_SUBSTATE, writeXliff, writeXliff12 } from '../../tools/exchange/xliff.ts';
import { readProjectFiles } from '../../tools/project-files.ts';

/**
 * The files as a review leaves them: every translation recorded `reviewed`, against the English it has now.
 * These tests are about the exchange, so they start from files in step with their records, however far the
 * review of the landed translations has come (an edit awaiting review is `translated`, an old note stale).
 */
function asReviewed(files: ProjectFiles): ProjectFiles {
  const values = (path: string) => JSON.parse(files.locales.find((f) => f.path === path)?.text ?? '{}') as Record<string, string>;
  const sidecars = files.locales.flatMap(({ path }) => {
    const [, locale, namespace] = /^locales\/([^/]+)\/(.+)\.state\.json$/.exec(path) ?? [];
    if (!locale || !namespace) return [];
    const target = values(`locales/${locale}/${namespace}.json`);
    const records = Object.entries(values(`locales/en/${namespace}.json`)).flatMap(([id, english]) =>
      target[id] ? [[id, recordFor(english, target[id], 'reviewed')]] : [],
    );
    return [{ path, text: serializeJson(Object.fromEntries(records)) }];
  });
  return withWrites(files, sidecars);
}

const projectFiles = asReviewed(readProjectFiles());

const SLUG = 'putin-raisi-kremlin-meeting';
const formats = [
  { name: 'XLIFF 2.0', write: writeXliff, read: readXliff },
  { name: 'PO', write: writePo, read: readPo },
] as const;

const exported = (files: ProjectFiles, locale: 'fa' | 'ru') => {
  const { document, problems } = exportDocument(files, locale);
  expect(problems).toEqual([]);
  return document!;
};

/** The project with one English segment changed, as an editor would change it. */
function withEnglish(id: string, replace: (text: string) => string): ProjectFiles {
  return {
    ...projectFiles,
    locales: projectFiles.locales.map((f) => {
      if (f.path !== `locales/en/${SLUG}.json`) return f;
      const values = JSON.parse(f.text) as Record<string, string>;
      values[id] = replace(values[id]!);
      return { path: f.path, text: `${JSON.stringify(values, null, 2)}\n` };
    }),
  };
}

const existing = (files: ProjectFiles, path: string) => files.locales.find((f) => f.path === path)?.text;

/** The project with one of a locale's segments changed, as a translator or an editor saves it by hand. */
function withTarget(locale: string, namespace: string, id: string, text: string): ProjectFiles {
  return {
    ...projectFiles,
    locales: projectFiles.locales.map((f) => {
      if (f.path !== `locales/${locale}/${namespace}.json`) return f;
      const values = JSON.parse(f.text) as Record<string, string>;
      values[id] = text;
      return { path: f.path, text: `${JSON.stringify(values, null, 2)}\n` };
    }),
  };
}

/** `line:column` where a unit starts in an exchange file: its `<unit id="…">`, or its PO entry (first line after a blank). */
function unitLine(text: string, id: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(`<unit id="${id}">`) || l === `msgctxt "${id}"`);
  if (lines[at]!.includes('<unit')) return `${at + 1}:${lines[at]!.indexOf('<unit') + 1}`;
  let start = at;
  while (start > 0 && lines[start - 1]!.trim() !== '') start--;
  return `${start + 1}:1`;
}

const editUnit = (d: ExchangeDocument, id: string, change: Partial<ExchangeUnit>): ExchangeDocument => ({
  ...d,
  units: d.units.map((u) => (u.id === id ? { ...u, ...change } : u)),
});

describe.each(formats)('$name export and import', ({ name, write, read }) => {
  for (const locale of ['fa', 'ru'] as const) {
    it(`${locale}: exporting then importing an unchanged file changes no byte`, () => {
      const text = write(exported(projectFiles, locale));
      const { writes, problems } = importDocument(projectFiles, read(text), `${locale}.file`);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(writes.length).toBe(4); // ui and the article: locale file and sidecar each
      for (const file of writes) expect(file.text, file.path).toBe(existing(projectFiles, file.path));
    });
  }

  it('a stale segment survives a round trip still stale, and an edited target is recorded against the current English', () => {
    const files = withEnglish('headline', (t) => t.replace(' in ', ' at '));
    const document = read(write(exported(files, 'ru')));
    const headline = document.units.find((u) => u.id === 'headline')!;
    expect(headline.stale).toBe(true);
    const unchanged = importDocument(files, document, 'ru.file');
    for (const file of unchanged.writes) expect(file.text).toBe(existing(files, file.path));

    const edited: ExchangeDocument = {
      ...document,
      units: document.units.map((u) =>
        u.id === 'headline'
          ? { ...u, target: '{putin} и {raisi} на встрече в {kremlin_prep} высказались за сближение', stale: false, state: 'translated' }
          : u,
      ),
    };
    const { writes, problems } = importDocument(files, edited, 'ru.file');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const sidecar = JSON.parse(writes.find((w) => w.path === `locales/ru/${SLUG}.state.json`)!.text) as Record<
      string,
      { state: string; sourceText: string }
    >;
    expect(sidecar.headline).toMatchObject({
      state: 'translated',
      sourceText: '{putin} and {raisi} back closer ties at {kremlin} meeting',
    });
    expect(writes.find((w) => w.path === `locales/ru/${SLUG}.json`)!.text).toContain('высказались за сближение');
  });

  const refusals = [
    {
      description: 'a broken ICU target, placed at its unit in the exchange file',
      edit: (d: ExchangeDocument) => editUnit(d, 'standfirst', { target: `${d.units.find((u) => u.id === 'standfirst')!.target} {broken` }),
      expected: (file: string, text: string) => `${file}:${unitLine(text, 'standfirst')}: `,
      message: /standfirst: ICU syntax error/,
    },
    {
      description: 'a target that drops an argument (a misnamed placeholder), placed at its unit',
      edit: (d: ExchangeDocument) => editUnit(d, 'standfirst', { target: 'متن' }),
      expected: (file: string, text: string) => `${file}:${unitLine(text, 'standfirst')}: `,
      message: /standfirst: argument \{previousVisitYear\} of the English is missing/,
    },
    {
      description: 'an unknown segment id',
      edit: (d: ExchangeDocument) => ({ ...d, units: [...d.units, { ...d.units[0]!, id: 'no-such-segment' }] }),
      expected: (file: string) => `${file}:`,
      message: /no-such-segment: unknown segment/,
    },
    {
      description: 'unit ids that are a plain object’s own names (constructor, __proto__): unknown, not skipped',
      edit: (d: ExchangeDocument) => ({
        ...d,
        units: [...d.units, { ...d.units[0]!, id: 'constructor', target: 'x' }, { ...d.units[0]!, id: '__proto__', target: 'y' }],
      }),
      expected: (file: string) => `${file}:`,
      message: /constructor: unknown segment[\s\S]*__proto__: unknown segment/,
    },
    {
      description: 'a file in the wrong language',
      edit: (d: ExchangeDocument) => ({ ...d, targetLocale: 'de' }),
      expected: (file: string) => `${file}:`,
      message: /wrong target language "de": this site translates into fa, ru/,
    },
  ];
  for (const { description, edit, expected, message } of refusals) {
    it(`refuses ${description} whole, naming each problem, and writes nothing`, () => {
      const text = write(edit(read(write(exported(projectFiles, 'fa')))));
      const file = `fa.${name === 'PO' ? 'po' : 'xlf'}`;
      const { writes, problems } = importDocument(projectFiles, read(text), file);
      expect(writes).toEqual([]);
      const lines = problems.map(formatProblem);
      expect(lines.join('\n')).toMatch(message);
      for (const line of lines.filter((l) => message.test(l) || l.includes(': standfirst: ')))
        expect(line.startsWith(expected(file, text))).toBe(true);
      expect(lines.some((l) => l.startsWith('locales/'))).toBe(false);
    });
  }

  it('refuses a Persian file relabelled as Russian whole: every segment is outside the Cyrillic script', () => {
    const persian = exported(projectFiles, 'fa');
    const text = write({ ...persian, targetLocale: 'ru' });
    const { writes, problems } = importDocument(projectFiles, read(text), 'ru.file');
    expect(writes).toEqual([]);
    const lines = problems.map(formatProblem);
    expect(lines.filter((l) => l.includes('letters outside the Cyrillic script of "ru"')).length).toBeGreaterThan(40);
    expect(lines[0]).toMatch(/^ru\.file:\d+:\d+: /);
  });

  for (const tag of ['fa-IR', 'fa_IR', 'fa-Arab-IR']) {
    it(`reads a file that says ${tag} as the fa edition`, () => {
      const result = importDocument(projectFiles, read(write({ ...exported(projectFiles, 'fa'), targetLocale: tag })), 'file');
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(result.locale).toBe('fa');
    });
  }

  it('reads a file that says ru-RU as the ru edition, and refuses en-US as a target', () => {
    expect(importDocument(projectFiles, read(write({ ...exported(projectFiles, 'ru'), targetLocale: 'ru-RU' })), 'f').locale).toBe('ru');
    const english = importDocument(projectFiles, read(write({ ...exported(projectFiles, 'ru'), targetLocale: 'en-US' })), 'f');
    expect(english.problems.map(formatProblem).join('\n')).toMatch(/wrong target language "en-US"/);
  });

  it('an export older than the files is a conflict for each segment changed since: refused, showing both texts', () => {
    const landedStandfirst = (JSON.parse(existing(projectFiles, `locales/fa/${SLUG}.json`)!) as Record<string, string>).standfirst;
    const old = write(exported(projectFiles, 'fa'));
    const now = withTarget(
      'fa',
      SLUG,
      'standfirst',
      'سفر {rouhani} در سال {previousVisitYear, number, ::group-off} آخرین دیدار بود که یک رئیس‌جمهور ایران با همتای روسی خود در {kremlin} دیدار کرده بود.',
    );
    // The translator's file changes the same segment.
    const edit = read(old);
    const theirs = editUnit(edit, 'standfirst', { target: `${edit.units.find((u) => u.id === 'standfirst')!.target} ` });
    const result = importDocument(now, theirs, 'fa.old');
    expect(result.writes).toEqual([]);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        id: 'standfirst',
        current: expect.stringContaining('آخرین دیدار بود'),
        incoming: `${landedStandfirst} `,
      }),
    ]);
    expect(result.problems.map(formatProblem)).toContain(
      `fa.old:${unitLine(old, 'standfirst')}: standfirst: conflict: changed in the project since this file was exported (npm run i18n:import -- --force takes this file’s text)`,
    );
    const forced = importDocument(now, theirs, 'fa.old', { force: true });
    expect(forced.conflicts).toEqual([]);
    expect(JSON.parse(forced.writes.find((w) => w.path === `locales/fa/${SLUG}.json`)!.text).standfirst).toBe(`${landedStandfirst} `);
  });

  it('a unit changed in the project since the export and left as it was in the file keeps the project’s text, with a warning', () => {
    const old = write(exported(projectFiles, 'fa'));
    const now = withTarget('fa', 'ui', 'read-article', 'خواندن این مطلب');
    const result = importDocument(now, read(old), 'fa.old');
    expect(result.conflicts).toEqual([]);
    expect(result.changes).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      `fa.old:${unitLine(old, 'read-article')}: read-article: warning: changed in the project since this file was exported, not in this file: the project’s text is kept`,
    ]);
    for (const file of result.writes) expect(file.text).toBe(existing(now, file.path));
  });

  it('a translator’s change to a unit whose text did not change since the export is no conflict, and is reported as a change', () => {
    const document = editUnit(read(write(exported(projectFiles, 'ru'))), 'standfirst', {
      target:
        'Последний раз иранский президент встречался с российским коллегой в {kremlin_prep} во время визита {rouhani_gen} в {previousVisitYear, number, ::group-off} году.',
      state: 'translated',
    });
    const result = importDocument(projectFiles, document, 'ru.file');
    expect(result.conflicts).toEqual([]);
    expect(result.changes).toEqual([{ namespace: SLUG, id: 'standfirst', from: 'reviewed', to: 'translated', textChanged: true }]);
  });
});

describe('a PO entry marked fuzzy', () => {
  it('is imported as a draft (initial), which the check keeps out of the published texts', () => {
    const po = writePo(exported(projectFiles, 'ru'))
      .replace('msgctxt "standfirst"', '#, fuzzy\nmsgctxt "standfirst"')
      .replace(/(msgctxt "standfirst"\nmsgid "[^\n]*"\nmsgstr ")/, '$1ЧЕРНОВИК: ');
    const result = importDocument(projectFiles, readPo(po), 'ru.po');
    expect(result.changes).toEqual([{ namespace: SLUG, id: 'standfirst', from: 'reviewed', to: 'initial', textChanged: true }]);
    const after = checkProject({
      ...projectFiles,
      locales: [...projectFiles.locales.filter((f) => !result.writes.some((w) => w.path === f.path)), ...result.writes],
    });
    expect(after.catalog?.resources.ru?.[SLUG]?.standfirst).toBeUndefined();
    expect(after.catalog?.drafts.ru?.[SLUG]?.standfirst).toMatch(/^ЧЕРНОВИК/);
    expect(after.catalog?.status.ru?.[SLUG]?.standfirst).toEqual({ state: 'initial', stale: false });
  });
});

describe('the XLIFF 2.0 file', () => {
  it('has srcLang, trgLang, one unit per segment with its id, English source, target, state and block note, each argument a <ph>', () => {
    const xml = writeXliff(exported(projectFiles, 'fa'));
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fa">/,
    );
    const english = projectFiles.locales.filter((f) => f.path === 'locales/en/ui.json' || f.path === `locales/en/${SLUG}.json`);
    expect(xml.match(/<unit id=/g)?.length).toBe(english.reduce((n, f) => n + Object.keys(JSON.parse(f.text) as object).length, 0));
    expect(xml).toMatch(
      /<unit id="headline">\n {6}<notes>\n {8}<note category="block">headline<\/note>\n {8}<note category="revision">sha256:[0-9a-f]{16}<\/note>\n {6}<\/notes>\n {6}<originalData>\n {8}<data id="d1">\{putin\}<\/data>\n {8}<data id="d2">\{raisi\}<\/data>\n {8}<data id="d3">\{kremlin\}<\/data>\n {6}<\/originalData>\n {6}<segment state="reviewed">\n {8}<source><ph id="1" dataRef="d1" disp="\{putin\}"\/> and <ph id="2" dataRef="d2" disp="\{raisi\}"\/> back closer ties in <ph id="3" dataRef="d3" disp="\{kremlin\}"\/> meeting<\/source>/,
    );
  });

  it('marks a stale segment with a subState and the previous English', () => {
    const xml = writeXliff(
      exported(
        withEnglish('headline', (t) => t.replace(' in ', ' at ')),
        'fa',
      ),
    );
    expect(xml).toContain(`<segment state="reviewed" subState="${STALE_SUBSTATE}">`);
    expect(xml).toContain('<note category="previous-source">{putin} and {raisi} back closer ties in {kremlin} meeting</note>');
  });

  it('a malformed file is named with its line and column', () => {
    const read = () => readXliff('<?xml version="1.0"?>\n<xliff version="2.0">\n  <file id="ui">\n</xliff>');
    expect(read).toThrow(ExchangeFormatError);
    try {
      read();
    } catch (error) {
      expect((error as ExchangeFormatError).position).toMatchObject({ line: 4 });
    }
  });

  const doctypes = [
    { name: 'an external entity', xml: '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff/>' },
    {
      name: 'an entity expansion',
      xml: '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;">]>\n<xliff>&c;</xliff>',
    },
    { name: 'several DOCTYPEs', xml: '<?xml version="1.0"?>\n<!doctype a>\n<!DOCTYPE b>\n<xliff/>' },
  ];
  for (const { name, xml } of doctypes) {
    it(`refuses ${name} (any DOCTYPE) with one clear problem, at its line`, () => {
      expect(() => readXliff(xml)).toThrow(/^refused: a DOCTYPE or ENTITY declaration/);
      try {
        readXliff(xml);
      } catch (error) {
        expect((error as ExchangeFormatError).position).toEqual({ line: 2, column: 1 });
      }
    });
  }

  it('another XLIFF 2.0 library (xliff’s xliff2js) reads every unit of an export', async () => {
    const result = (await xliff2js(writeXliff(exported(projectFiles, 'fa')))) as {
      resources: Record<string, Record<string, { target?: string | unknown[] }>>;
    };
    const units = Object.values(result.resources).flatMap((r) => Object.values(r));
    expect(units.length).toBe(exported(projectFiles, 'fa').units.length);
    // Its targets are text, or text and placeholders (an array).
    expect(units.every((u) => (typeof u.target === 'string' || Array.isArray(u.target)) && u.target.length > 0)).toBe(true);
  });
});

describe('the XLIFF 1.2 file', () => {
  it('another XLIFF 1.2 library (xliff’s xliff12ToJs) reads every unit of an export, each with its target', async () => {
    const document = exported(projectFiles, 'fa');
    const result = (await xliff12ToJs(writeXliff12(document))) as {
      targetLanguage: string;
      resources: Record<string, Record<string, { target?: string | unknown[] }>>;
    };
    expect(result.targetLanguage).toBe('fa');
    const units = Object.values(result.resources).flatMap((r) => Object.values(r));
    expect(units.length).toBe(document.units.length);
    expect(units.every((u) => (typeof u.target === 'string' || Array.isArray(u.target)) && u.target.length > 0)).toBe(true);
  });
});

describe('the PO file', () => {
  it('uses msgctxt for the id, msgid for the English, lists the placeholders, flags ICU, and marks stale entries fuzzy with the previous English', () => {
    const po = writePo(
      exported(
        withEnglish('headline', (t) => t.replace(' in ', ' at ')),
        'ru',
      ),
    );
    expect(po).toContain('"Language: ru\\n"');
    expect(po).toMatch(
      /#: locales\/en\/putin-raisi-kremlin-meeting\.json\n#\. segment: putin-raisi-kremlin-meeting\/headline\n#\. block: headline\n#\. state: reviewed\n#\. revision: sha256:[0-9a-f]{16}\n#\. placeholders: \{putin\} \{raisi\} \{kremlin\}\n#\. previous-source: \{putin\} and \{raisi\} back closer ties in \{kremlin\} meeting\n#, fuzzy, icu-message-format\n#\| msgid "\{putin\} and \{raisi\} back closer ties in \{kremlin\} meeting"\nmsgctxt "headline"\nmsgid "\{putin\} and \{raisi\} back closer ties at \{kremlin\} meeting"\n/,
    );
    expect(po).toContain('msgctxt "site-name"\nmsgid "News in your language"\nmsgstr "Новости на вашем языке"');
  });
});

describe.runIf(spawnSync('msgfmt', ['--version']).status === 0)('the PO file, as GNU gettext reads it', () => {
  for (const locale of ['fa', 'ru'] as const) {
    it(`${locale}: msgfmt --check accepts the export with no warning (headers, Plural-Forms, entries)`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'po-'));
      try {
        writeFileSync(join(dir, `${locale}.po`), writePo(exported(projectFiles, locale)));
        const run = spawnSync('msgfmt', ['--check', '--statistics', '-o', join(dir, 'out.mo'), join(dir, `${locale}.po`)], {
          encoding: 'utf8',
        });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr.split('\n').filter((l) => l.trim() !== '' && !/translated message/.test(l))).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
