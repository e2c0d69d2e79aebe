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

/** The fixture project with its content file changed. */
const withArticle = (change: (a: typeof article) => object) =>
  project(undefined, { 'content/demo.json': JSON.stringify(change(structuredClone(article))) });

const errorsOf = (files: ProjectFiles) =>
  checkProject(files)
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);

const cases: { description: string; files: ProjectFiles; expected: string }[] = [
  {
    description: 'a content file whose blocks name one segment twice',
    files: withArticle((a) => ({ ...a, blocks: [...a.blocks, { type: 'paragraph', segments: ['body'] }] })),
    expected: 'content/demo.json: body: blocks[3].segments[0]: named by more than one block',
  },
  {
    description: 'a content file with an impossible date',
    files: withArticle((a) => ({ ...a, published: { ...a.published, date: '2022-02-30' } })),
    expected: 'content/demo.json: published.date: must be a date YYYY-MM-DD',
  },
  {
    description: 'a content file whose slug is not its file name',
    files: withArticle((a) => ({ ...a, slug: 'other' })),
    expected: 'content/demo.json: slug: "other" must match the file name "demo"',
  },
  {
    description: 'a missing segment',
    files: project((t) => delete t.fa!.demo!.body),
    expected: 'locales/fa/demo.json: body: missing (English: "On {day, select, wednesday {Wednesday} other {another day}}.")',
  },
  {
    description: 'a segment English does not have',
    files: project((t) => (t.ru!.demo!.extra = 'Лишнее')),
    expected: 'locales/ru/demo.json: extra: English has no such segment',
  },
  { description: 'an empty value', files: project((t) => (t.fa!.demo!.title = ' ')), expected: 'locales/fa/demo.json: title: empty' },
  {
    description: 'broken ICU syntax',
    files: project((t) => (t.ru!.demo!.title = 'Переговоры {iran_gen')),
    expected: 'locales/ru/demo.json: title: ICU syntax error at character 12: expect argument closing brace',
  },
  {
    description: 'a data argument renamed',
    files: project((t) => (t.fa!.demo!.summary = 'از {yaer, number, ::group-off}.')),
    expected: 'locales/fa/demo.json: summary: argument {year} of the English is missing',
  },
  {
    description: 'a name the glossary lacks',
    files: project((t) => (t.ru!.demo!.title = 'Переговоры {iran_dat}')),
    expected: 'locales/ru/demo.json: title: name {iran_dat} is not in locales/ru/glossary.json',
  },
  {
    description: 'a name of the English dropped',
    files: project((t) => (t.fa!.demo!.title = 'گفت‌وگو')),
    expected: 'locales/fa/demo.json: title: name {iran} of the English is missing',
  },
  {
    description: 'Arabic yeh in Persian',
    files: project((t) => (t.fa!.demo!.title = 'گفت‌وگوي {iran}')),
    expected: 'locales/fa/demo.json: title: Arabic ي or ك: Persian writes ی (U+06CC) and ک (U+06A9)',
  },
  {
    description: 'a Latin digit typed into Persian',
    files: project((t) => (t.fa!.demo!.summary = 'از {year, number, ::group-off} و 2.')),
    expected: 'locales/fa/demo.json: summary: a digit typed into Persian text: numbers are ICU arguments, formatted in Persian digits',
  },
  {
    description: 'a truncated file',
    files: project(undefined, { 'locales/ru/demo.json': '{\n  "title": "Переговоры {iran_gen}",\n  "summary": "С' }),
    expected: 'locales/ru/demo.json: not valid JSON at line 3, column 14: unexpected end of string',
  },
  {
    description: 'a duplicate key',
    files: project(undefined, { 'locales/fa/ui.json': '{\n  "hello": "سلام",\n  "hello": "درود"\n}' }),
    expected: 'locales/fa/ui.json: hello: duplicate key (again at line 3)',
  },
];

describe('the locale check names the file, the segment and the problem', () => {
  it('passes the small fixture project unchanged', () => {
    expect(errorsOf(project())).toEqual([]);
  });

  for (const { description, files, expected } of cases) {
    it(description, () => {
      expect(errorsOf(files)).toContain(expected);
      expect(checkProject(files).catalog).toBeUndefined();
    });
  }

  it('passes the landed content/ and locales/ with no error', () => {
    const result = checkProject(projectFiles);
    expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(result.catalog?.articles.map((a) => a.slug)).toEqual(['putin-raisi-kremlin-meeting']);
  });
});

const warningsOf = (files: ProjectFiles) =>
  checkProject(files)
    .problems.filter((p) => p.severity === 'warning')
    .map(formatProblem);

describe('warnings: probably wrong, possibly deliberate', () => {
  const warningCases = [
    {
      description: 'a segment identical to English',
      files: project((t) => (t.ru!.ui!.hello = 'Hello')),
      expected: 'locales/ru/ui.json: hello: warning: identical to the English: not translated?',
    },
    {
      description: 'straight quotes in Russian',
      files: project((t) => (t.ru!.demo!.summary = 'С "{year, number, ::group-off}" года.')),
      expected: 'locales/ru/demo.json: summary: warning: straight quotes: Russian uses « » (and „ “ inside them)',
    },
    {
      description: 'a full stop that English has and the translation lacks',
      files: project((t) => (t.fa!.demo!.summary = 'از {year, number, ::group-off}')),
      expected: 'locales/fa/demo.json: summary: warning: the English ends with "." and the translation does not',
    },
    {
      description: 'a glossary name no segment uses',
      files: project((t) => (t.ru!.glossary!.iran_dat = 'Ирану')),
      expected: 'locales/ru/glossary.json: iran_dat: warning: not used by any segment',
    },
  ];
  for (const { description, files, expected } of warningCases) {
    it(description, () => {
      expect(warningsOf(files)).toContain(expected);
      expect(checkProject(files).catalog).toBeDefined();
    });
  }
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
        /^locales\/fa\/putin-raisi-kremlin-meeting\.json: raisi-terrorism-syria: warning: stale: the English changed since this was translated \(it was: ".*organised crime/,
      ),
      expect.stringMatching(/^locales\/ru\/putin-raisi-kremlin-meeting\.json: raisi-terrorism-syria: warning: stale/),
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
    for (const summary of result.summaries) expect(summary).toMatchObject({ missing: 0, stale: 0, translated: summary.segments });
  });
});
