import { describe, expect, it } from 'vitest';
import type { ProjectFiles } from '../../tools/check/check.ts';
import { formatProblem } from '../../tools/check/problems.ts';
import { exportDocument, importDocument, type ExchangeDocument } from '../../tools/exchange/document.ts';
import { readPo, writePo } from '../../tools/exchange/po.ts';
import { ExchangeFormatError, readXliff, STALE_SUBSTATE, writeXliff } from '../../tools/exchange/xliff.ts';
import { readProjectFiles } from '../../tools/project-files.ts';

const projectFiles = readProjectFiles();

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
      description: 'a broken ICU target',
      edit: (d: ExchangeDocument) => ({
        ...d,
        units: d.units.map((u) => (u.id === 'standfirst' ? { ...u, target: `${u.target} {broken` } : u)),
      }),
      expected: /locales\/(fa|ru)\/putin-raisi-kremlin-meeting\.json: standfirst: ICU syntax error/,
    },
    {
      description: 'a target that drops an argument',
      edit: (d: ExchangeDocument) => ({ ...d, units: d.units.map((u) => (u.id === 'standfirst' ? { ...u, target: 'متن' } : u)) }),
      expected: /standfirst: argument \{previousVisitYear\} of the English is missing/,
    },
    {
      description: 'an unknown segment id',
      edit: (d: ExchangeDocument) => ({ ...d, units: [...d.units, { ...d.units[0]!, id: 'no-such-segment' }] }),
      expected: /no-such-segment: unknown segment/,
    },
    {
      description: 'a file in the wrong language',
      edit: (d: ExchangeDocument) => ({ ...d, targetLocale: 'de' }),
      expected: /wrong target language "de"/,
    },
  ];
  for (const { description, edit, expected } of refusals) {
    it(`refuses ${description} whole, naming each problem, and writes nothing`, () => {
      const document = read(write(edit(read(write(exported(projectFiles, 'fa'))))));
      const { writes, problems } = importDocument(projectFiles, document, `fa.${name}`);
      expect(writes).toEqual([]);
      expect(problems.map(formatProblem).join('\n')).toMatch(expected);
    });
  }
});

describe('the XLIFF 2.0 file', () => {
  it('has srcLang, trgLang, one unit per segment with its id, English source, target, state and block note', () => {
    const xml = writeXliff(exported(projectFiles, 'fa'));
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fa">/,
    );
    const english = projectFiles.locales.filter((f) => f.path === 'locales/en/ui.json' || f.path === `locales/en/${SLUG}.json`);
    expect(xml.match(/<unit id=/g)?.length).toBe(english.reduce((n, f) => n + Object.keys(JSON.parse(f.text) as object).length, 0));
    expect(xml).toContain(
      '<unit id="headline">\n      <notes>\n        <note category="block">headline</note>\n      </notes>\n      <segment state="reviewed">\n        <source>{putin} and {raisi} back closer ties in {kremlin} meeting</source>',
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
    expect(() => readXliff('<?xml version="1.0"?>\n<xliff version="2.0">\n  <file id="ui">\n</xliff>')).toThrow(ExchangeFormatError);
    expect(() => readXliff('<?xml version="1.0"?>\n<xliff version="2.0">\n  <file id="ui">\n</xliff>')).toThrow(/line 4, column \d+/);
  });
});

describe('the PO file', () => {
  it('uses msgctxt for the id, msgid for the English, and marks stale entries fuzzy with the previous English', () => {
    const po = writePo(
      exported(
        withEnglish('headline', (t) => t.replace(' in ', ' at ')),
        'ru',
      ),
    );
    expect(po).toContain('"Language: ru\\n"');
    expect(po).toContain(
      '#: locales/en/putin-raisi-kremlin-meeting.json\n#. block: headline\n#. state: reviewed\n#, fuzzy\n#| msgid "{putin} and {raisi} back closer ties in {kremlin} meeting"\nmsgctxt "headline"\nmsgid "{putin} and {raisi} back closer ties at {kremlin} meeting"\n',
    );
    expect(po).toContain('msgctxt "site-name"\nmsgid "News in three languages"\nmsgstr "Новости на трех языках"');
  });
});
