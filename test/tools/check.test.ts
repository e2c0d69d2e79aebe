import { describe, expect, it } from 'vitest';
import { checkProject, type ProjectFiles } from '../../tools/check/check.ts';
import { formatProblem } from '../../tools/check/problems.ts';
import { readProjectFiles } from '../../tools/project-files.ts';

const projectFiles = readProjectFiles();

/** A small article with one segment of each kind, and its en and fa files: each case below breaks one thing. */
const article = {
  slug: 'demo',
  publisher: 'Example',
  language: 'en',
  published: { date: '2022-01-19', timeZone: 'Asia/Tehran' },
  dateline: { place: 'Tehran' },
  arguments: { year: { number: 2017 }, day: { weekday: '2022-01-19' } },
  blocks: [
    { type: 'headline', segment: 'title' },
    { type: 'standfirst', segment: 'summary' },
    { type: 'paragraph', segments: ['body'] },
  ],
};
const good = {
  en: {
    demo: {
      title: '{iran} talks',
      summary: 'Since {year, number, ::group-off}.',
      body: 'On {day, select, wednesday {Wednesday} other {another day}}.',
    },
    glossary: { iran: 'Iran' },
    ui: { hello: 'Hello' },
  },
  fa: {
    demo: {
      title: 'گفت‌وگوی {iran}',
      summary: 'از {year, number, ::group-off}.',
      body: 'روز {day, select, wednesday {چهارشنبه} other {دیگر}}.',
    },
    glossary: { iran: 'ایران' },
    ui: { hello: 'سلام' },
  },
  ru: {
    demo: {
      title: 'Переговоры {iran_gen}',
      summary: 'С {year, number, ::group-off} года.',
      body: 'В {day, select, wednesday {среду} other {другой день}}.',
    },
    glossary: { iran: 'Иран', iran_gen: 'Ирана' },
    ui: { hello: 'Здравствуйте' },
  },
};

type Texts = Record<string, Record<string, Record<string, string>>>;

const EDITIONS = { source: 'en', editions: { en: { state: 'published' }, fa: { state: 'published' }, ru: { state: 'published' } } };

function project(edit: (texts: Texts) => void = () => {}, raw: Record<string, string> = {}): ProjectFiles {
  const texts = structuredClone(good) as Texts;
  edit(texts);
  const locales = Object.entries(texts).flatMap(([locale, namespaces]) =>
    Object.entries(namespaces).map(([ns, values]) => {
      const path = `locales/${locale}/${ns}.json`;
      return { path, text: raw[path] ?? JSON.stringify(values, null, 2) };
    }),
  );
  return {
    editions: { path: 'locales/editions.json', text: raw['locales/editions.json'] ?? JSON.stringify(EDITIONS) },
    content: [{ path: 'content/demo.json', text: raw['content/demo.json'] ?? JSON.stringify(article) }],
    locales,
  };
}

/** `file:line:column` of a segment's value in the fixture's file (JSON.stringify with two spaces), found by text. */
function at(files: ProjectFiles, path: string, id: string): string {
  const text = [...files.locales, ...files.content].find((f) => f.path === path)!.text;
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith(`  ${JSON.stringify(id)}: `));
  return `${path}:${line + 1}:${`  ${JSON.stringify(id)}: `.length + 1}`;
}

/** `file:line:column` of the character at `index` of a segment's text (a one-line value with no escapes). */
function atCharacter(files: ProjectFiles, path: string, id: string, index: number): string {
  const [file, line, column] = at(files, path, id).split(':');
  return `${file}:${line}:${Number(column) + 1 + index}`;
}

/** The fixture project with its content file changed. */
const withArticle = (change: (a: typeof article) => object) =>
  project(undefined, { 'content/demo.json': JSON.stringify(change(structuredClone(article))) });

const errorsOf = (files: ProjectFiles) =>
  checkProject(files)
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);

const cases: { description: string; files: ProjectFiles; expected: (files: ProjectFiles) => string }[] = [
  {
    description: 'a content file whose blocks name one segment twice (placed at the second naming)',
    files: withArticle((a) => ({ ...a, blocks: [...a.blocks, { type: 'paragraph', segments: ['body'] }] })),
    expected: () => 'content/demo.json:1:374: body: blocks[3].segments[0]: named by more than one block',
  },
  {
    description: 'a content file with an impossible date',
    files: withArticle((a) => ({ ...a, published: { ...a.published, date: '2022-02-30' } })),
    expected: () => 'content/demo.json:1:74: published.date: must be a date YYYY-MM-DD',
  },
  {
    description: 'a date style the formatter does not know (the site names gregorian beside ICU’s own)',
    files: project((t) => (t.ru!.demo!.body = 'В {day, date, longish}.')),
    expected: (f) =>
      `${atCharacter(f, 'locales/ru/demo.json', 'body', 2)}: body: ICU syntax error: {day, date, longish} names no date style (short, medium, long, full, gregorian, or a skeleton ::…)`,
  },
  {
    description: 'a content file corrected before it was published',
    files: withArticle((a) => ({ ...a, modified: { date: '2022-01-18' } })),
    expected: (f) =>
      `content/demo.json:1:${f.content[0]!.text.indexOf('"2022-01-18"') + 1}: modified.date: a correction cannot come before the article was published`,
  },
  {
    description: 'a content file whose slug is not its file name',
    files: withArticle((a) => ({ ...a, slug: 'other' })),
    expected: () => 'content/demo.json:1:9: slug: "other" must match the file name "demo"',
  },
  {
    description: 'a missing segment (placed where the file’s object ends, where it belongs)',
    files: project((t) => delete t.fa!.demo!.body),
    expected: () => 'locales/fa/demo.json:4:1: body: missing (English: "On {day, select, wednesday {Wednesday} other {another day}}.")',
  },
  {
    description: 'a segment English does not have',
    files: project((t) => (t.ru!.demo!.extra = 'Лишнее')),
    expected: (f) => `${at(f, 'locales/ru/demo.json', 'extra')}: extra: English has no such segment`,
  },
  {
    description: 'an empty value',
    files: project((t) => (t.fa!.demo!.title = ' ')),
    expected: (f) =>
      `${at(f, 'locales/fa/demo.json', 'title')}: title: empty (a segment not translated yet is "" in the state initial, and served in English)`,
  },
  {
    description: 'an unclosed brace, named as such at the brace',
    files: project((t) => (t.ru!.demo!.title = 'Переговоры {iran_gen')),
    expected: (f) =>
      `${atCharacter(f, 'locales/ru/demo.json', 'title', 11)}: title: ICU syntax error: unclosed brace: this { is never closed`,
  },
  {
    description: 'an unclosed brace before a closed argument, at the brace (not where the parser gave up)',
    files: project((t) => (t.ru!.demo!.title = 'Переговоры {iran_gen и {iran}')),
    expected: (f) =>
      `${atCharacter(f, 'locales/ru/demo.json', 'title', 11)}: title: ICU syntax error: unclosed brace: this { is never closed`,
  },
  {
    description: 'a brace that closes nothing, at the brace',
    files: project((t) => (t.ru!.demo!.title = 'Переговоры {iran_gen}}, {x')),
    expected: (f) =>
      `${atCharacter(f, 'locales/ru/demo.json', 'title', 21)}: title: ICU syntax error: a closing brace } that closes nothing`,
  },
  {
    description: 'a plural without its other branch, in words',
    files: project((t) => (t.ru!.demo!.summary = 'С {year, plural, one {# года}}.')),
    expected: (f) =>
      `${atCharacter(f, 'locales/ru/demo.json', 'summary', 29)}: summary: ICU syntax error: a plural or select without its other {…} branch`,
  },
  {
    description: 'a control character, placed at its segment',
    files: project((t) => (t.ru!.ui!.hello = 'Здравствуйте\u0001')),
    expected: (f) =>
      `${at(f, 'locales/ru/ui.json', 'hello')}: hello: characters that are not text (U+0001): a control character, a non-character, or U+FFFD where bytes were not UTF-8; retype the text around them`,
  },
  ...['\u000b', '\u0085', '\ufffe', '\ufffd', '\ud800', '\u{10ffff}'].map((c) => ({
    description: `a character that is not text (${JSON.stringify(c)}) in a glossary name, a segment or an interface string`,
    files: project((t) => (t.fa!.glossary!.iran = `ایران${c}`)),
    expected: (f: ProjectFiles) =>
      `${at(f, 'locales/fa/glossary.json', 'iran')}: iran: characters that are not text (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}): a control character, a non-character, or U+FFFD where bytes were not UTF-8; retype the text around them`,
  })),
  {
    description: 'a segment longer than the limit',
    files: project((t) => (t.ru!.demo!.body = `В {day, select, wednesday {среду} other {другой день}}.${'а'.repeat(4000)}`)),
    expected: (f) =>
      `${at(f, 'locales/ru/demo.json', 'body')}: body: 4055 characters, more than the 4000 a segment may have (TRANSLATING.md, "Limits"): split it`,
  },
  {
    description: 'a number skeleton whose closing brace is missing: an ICU syntax error where it is, not a missing name',
    files: project((t) => (t.fa!.demo!.title = 'گفت‌وگوی {year, number, ::group-off با {iran}')),
    expected: (f) =>
      `${atCharacter(f, 'locales/fa/demo.json', 'title', 9)}: title: ICU syntax error: {year, number, ::…} has words that are no number skeleton ("با", "{iran"): is its closing } missing?`,
  },
  {
    description: 'a data argument renamed (a misnamed placeholder, placed where its value starts)',
    files: project((t) => (t.fa!.demo!.summary = 'از {yaer, number, ::group-off}.')),
    expected: (f) => `${at(f, 'locales/fa/demo.json', 'summary')}: summary: argument {year} of the English is missing`,
  },
  {
    description: 'a name the glossary lacks',
    files: project((t) => (t.ru!.demo!.title = 'Переговоры {iran_dat}')),
    expected: (f) => `${at(f, 'locales/ru/demo.json', 'title')}: title: name {iran_dat} is not in locales/ru/glossary.json`,
  },
  {
    description: 'a name of the English dropped',
    files: project((t) => (t.fa!.demo!.title = 'گفت‌وگو')),
    expected: (f) => `${at(f, 'locales/fa/demo.json', 'title')}: title: name {iran} of the English is missing`,
  },
  {
    description: 'Arabic yeh in Persian',
    files: project((t) => (t.fa!.demo!.title = 'گفت‌وگوي {iran}')),
    expected: (f) => `${at(f, 'locales/fa/demo.json', 'title')}: title: Arabic ي or ك: Persian writes ی (U+06CC) and ک (U+06A9)`,
  },
  {
    description: 'a Latin digit typed into Persian',
    files: project((t) => (t.fa!.demo!.summary = 'از {year, number, ::group-off} و 2.')),
    expected: (f) =>
      `${at(f, 'locales/fa/demo.json', 'summary')}: summary: a digit typed into Persian text: numbers are ICU arguments, formatted in Persian digits`,
  },
  {
    description: 'a Latin digit typed into a Persian interface string, by the same rule',
    files: project((t) => (t.fa!.ui!.hello = 'سلام 2')),
    expected: (f) =>
      `${at(f, 'locales/fa/ui.json', 'hello')}: hello: a digit typed into Persian text: numbers are ICU arguments, formatted in Persian digits`,
  },
  {
    description: 'Persian text in the Russian file: letters outside the edition’s script',
    files: project((t) => (t.ru!.demo!.title = 'گفت‌وگوی {iran_gen}')),
    expected: (f) =>
      `${at(f, 'locales/ru/demo.json', 'title')}: title: letters outside the Cyrillic script of "ru" (“گفت\\u{200C}وگوی”): is this text of another language? Names come from the glossary`,
  },
  {
    description: 'an English word left in the Persian file',
    files: project((t) => (t.fa!.ui!.hello = 'سلام hello')),
    expected: (f) =>
      `${at(f, 'locales/fa/ui.json', 'hello')}: hello: letters outside the Arabic script of "fa" (“hello”): is this text of another language? Names come from the glossary`,
  },
  {
    description: 'a bidi override in a segment, printed escaped',
    files: project((t) => (t.ru!.ui!.hello = 'Здравствуйте\u202e')),
    expected: (f) =>
      `${at(f, 'locales/ru/ui.json', 'hello')}: hello: a bidi embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069): it reorders the text after it, on the page and in titles; the page isolates what needs isolating`,
  },
  {
    description: 'a truncated file, where the JSON breaks',
    files: project(undefined, { 'locales/ru/demo.json': '{\n  "title": "Переговоры {iran_gen}",\n  "summary": "С' }),
    expected: () => 'locales/ru/demo.json:3:14: not valid JSON: unexpected end of string',
  },
  {
    description: 'a duplicate key, at its second place',
    files: project(undefined, { 'locales/fa/ui.json': '{\n  "hello": "سلام",\n  "hello": "درود"\n}' }),
    expected: () => 'locales/fa/ui.json:3:12: hello: appears twice (first at line 2)',
  },
];

describe('the locale check names the file, the line and column, the segment and the problem', () => {
  it('passes the small fixture project unchanged', () => {
    expect(errorsOf(project())).toEqual([]);
  });

  for (const { description, files, expected } of cases) {
    it(description, () => {
      expect(errorsOf(files), errorsOf(files).join('\n')).toContain(expected(files));
      expect(checkProject(files).catalog).toBeUndefined();
    });
  }

  it('passes the landed content/ and locales/ with no error', () => {
    const result = checkProject(projectFiles);
    expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(result.catalog?.articles.map((a) => a.slug)).toEqual(['putin-raisi-kremlin-meeting']);
  });

  it('a segment with an error is not counted as done', () => {
    const files = project((t) => {
      t.fa!.demo!.summary = 'از {yaer, number, ::group-off}.';
      t.fa!.ui!.hello = 'سلام 2';
    });
    const fa = checkProject(files).summaries.find((s) => s.locale === 'fa')!;
    expect(fa).toMatchObject({ segments: 4, translated: 4, errors: 2, done: 2 });
  });

  it('a control character in an id or a text is printed escaped: it cannot erase the line or fake another', () => {
    const files = project((t) => (t.ru!.demo!['evil\u001b[2K\rok'] = 'Текст\u001b[1A'));
    const lines = errorsOf(files);
    expect(lines.some((l) => l.includes('evil\\u{001B}[2K\\u{000D}ok: English has no such segment'))).toBe(true);
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('a segment of spaces up to the limit is checked in one pass (the closing-punctuation rule is linear)', () => {
    const files = project((t) => (t.ru!.demo!.summary = `С {year, number, ::group-off}${' '.repeat(3900)}x`));
    expect(warningsOf(files)).toContain(
      `${at(files, 'locales/ru/demo.json', 'summary')}: summary: warning: the English ends with "." and the translation does not`,
    );
  });

  it('a file holding a 54-million-character segment is refused for its size, not parsed', () => {
    const files = project((t) => (t.ru!.demo!.summary = 'а'.repeat(54_000_000)));
    expect(errorsOf(files)).toEqual([
      'locales/ru/demo.json:1:1: larger than the 1.0 MiB a locale file may have (TRANSLATING.md, "Limits")',
    ]);
  });

  it('a file that is not valid JSON is the one problem of its language: no cascade, and its summary counts its segments as errors', () => {
    const files = project(undefined, { 'locales/fa/demo.json': '{\n  "title": "گفت‌وگوی {iran}"\n  "summary": "x"\n}' });
    const result = checkProject(files);
    const persian = result.problems.map(formatProblem).filter((l) => l.startsWith('locales/fa/') && !l.includes('not in the form'));
    expect(persian.filter((l) => !l.includes('.state.json'))).toEqual(['locales/fa/demo.json:3:3: not valid JSON: comma expected']);
    expect(result.summaries.find((s) => s.locale === 'fa')).toMatchObject({ errors: 3, done: 1 });
  });

  it('a glossary that is not valid JSON: no segment is said to lack its names', () => {
    const files = project(undefined, { 'locales/ru/glossary.json': '{ "iran": "Иран", ' });
    const errors = errorsOf(files);
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line).toMatch(/^locales\/ru\/glossary\.json:1:\d+: not valid JSON: /);
  });
});

const warningsOf = (files: ProjectFiles) =>
  checkProject(files)
    .problems.filter((p) => p.severity === 'warning')
    .map(formatProblem);

describe('warnings: probably wrong, possibly deliberate', () => {
  const warningCases: { description: string; files: ProjectFiles; expected: (files: ProjectFiles) => string }[] = [
    {
      description: 'a segment identical to English (in a language of the same script, where it is no error)',
      files: project((t) => (t.tr = structuredClone(t.en!)), {
        'locales/editions.json': JSON.stringify({ ...EDITIONS, editions: { ...EDITIONS.editions, tr: { state: 'draft' } } }),
      }),
      expected: (f) => `${at(f, 'locales/tr/ui.json', 'hello')}: hello: warning: identical to the English: not translated?`,
    },
    {
      description: 'straight quotes in Russian',
      files: project((t) => (t.ru!.demo!.summary = 'С "{year, number, ::group-off}" года.')),
      expected: (f) =>
        `${at(f, 'locales/ru/demo.json', 'summary')}: summary: warning: straight quotes: Russian uses « » (and „ “ inside them)`,
    },
    {
      description: 'a full stop that English has and the translation lacks',
      files: project((t) => (t.fa!.demo!.summary = 'از {year, number, ::group-off}')),
      expected: (f) =>
        `${at(f, 'locales/fa/demo.json', 'summary')}: summary: warning: the English ends with "." and the translation does not`,
    },
    {
      description: 'a glossary name no segment uses',
      files: project((t) => (t.ru!.glossary!.iran_dat = 'Ирану')),
      expected: (f) => `${at(f, 'locales/ru/glossary.json', 'iran_dat')}: iran_dat: warning: not used by any segment`,
    },
    {
      description: 'an invisible format character (a zero-width space), printed escaped',
      files: project((t) => (t.ru!.ui!.hello = 'Здравст\u200bвуйте')),
      expected: (f) =>
        `${at(f, 'locales/ru/ui.json', 'hello')}: hello: warning: invisible format characters (U+200B): nothing shows them, and they break search and copying`,
    },
    {
      description: 'a byte order mark inside a glossary name',
      files: project((t) => (t.fa!.glossary!.iran = '\ufeffایران')),
      expected: (f) =>
        `${at(f, 'locales/fa/glossary.json', 'iran')}: iran: warning: invisible format characters (U+FEFF): nothing shows them, and they break search and copying`,
    },
  ];
  for (const { description, files, expected } of warningCases) {
    it(description, () => {
      expect(warningsOf(files)).toContain(expected(files));
      expect(checkProject(files).catalog).toBeDefined();
    });
  }

  it('what a language needs is no warning: the zero-width non-joiner in Persian, no-break spaces in Russian', () => {
    const files = project((t) => {
      t.fa!.ui!.hello = 'سلام‌ها';
      t.ru!.demo!.summary = 'С {year, number, ::group-off}\u00a0года.';
    });
    expect(warningsOf(files).filter((w) => w.includes('invisible'))).toEqual([]);
  });
});

describe('stale segments', () => {
  const SLUG = 'putin-raisi-kremlin-meeting';
  const changed: ProjectFiles = {
    ...projectFiles,
    locales: projectFiles.locales.map((f) =>
      f.path === `locales/en/${SLUG}.json` ? { path: f.path, text: f.text.replace('organised crime', 'organized crime') } : f,
    ),
  };

  it('changing an English segment reports it stale in fa and in ru, naming locale and segment', () => {
    const warnings = warningsOf(changed).filter((w) => w.includes('stale'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^locales\/fa\/putin-raisi-kremlin-meeting\.json:\d+:\d+: raisi-terrorism-syria: warning: stale: the English changed since this was translated \(it was: ".*organised crime/,
      ),
      expect.stringMatching(/^locales\/ru\/putin-raisi-kremlin-meeting\.json:\d+:\d+: raisi-terrorism-syria: warning: stale/),
    ]);
  });

  it('the summary counts stale segments per locale, and the catalog marks them', () => {
    const result = checkProject(changed);
    expect(result.summaries.map((s) => [s.locale, s.stale, s.missing])).toEqual([
      ['fa', 1, 0],
      ['ru', 1, 0],
    ]);
    expect(result.catalog?.status.fa?.[SLUG]?.['raisi-terrorism-syria']).toEqual({ state: 'reviewed', stale: true });
    expect(result.catalog?.status.fa?.[SLUG]?.['raisi-no-limits']).toEqual({ state: 'reviewed', stale: false });
  });

  it('the landed files have nothing stale, nothing missing, and no warning', () => {
    const result = checkProject(projectFiles);
    expect(result.problems.map(formatProblem)).toEqual([]);
    for (const summary of result.summaries)
      expect(summary).toMatchObject({ missing: 0, stale: 0, draft: 0, errors: 0, translated: summary.segments, done: summary.segments });
  });
});
