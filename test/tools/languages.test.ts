import { describe, expect, it } from 'vitest';
import { checkProject, withWrites, type ProjectFiles } from '../../tools/check/check.ts';
import { formatProblem } from '../../tools/check/problems.ts';
import { addLanguage, publishLanguage, removeLanguage, serializeEditions } from '../../tools/languages.ts';
import { readProjectFiles } from '../../tools/project-files.ts';

const SLUG = 'putin-raisi-kremlin-meeting';
const landed = readProjectFiles();

const messages = (result: { problems: readonly { severity: string }[] }) =>
  result.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p as never));

/** The project after `i18n:add` of each locale. */
function added(...locales: string[]): ProjectFiles {
  let files = landed;
  for (const locale of locales) {
    const result = addLanguage(files, locale);
    expect(messages(result)).toEqual([]);
    files = withWrites(files, result.writes);
  }
  return files;
}

/** Every segment of a locale's files given a text (as a translator editing the JSON would). */
function translated(files: ProjectFiles, locale: string, text: (id: string, english: string) => string): ProjectFiles {
  const english = (namespace: string) =>
    JSON.parse(files.locales.find((f) => f.path === `locales/en/${namespace}.json`)!.text) as Record<string, string>;
  return {
    ...files,
    locales: files.locales.map((f) => {
      const m = new RegExp(`^locales/${locale}/(ui|${SLUG})\\.json$`).exec(f.path);
      if (!m) return f;
      const values = Object.fromEntries(Object.entries(english(m[1]!)).map(([id, en]) => [id, text(id, en)]));
      return { path: f.path, text: `${JSON.stringify(values, null, 2)}\n` };
    }),
  };
}

describe('locales/editions.json as the tools write it', () => {
  it('the landed file is already in that form: the tools change only the lines of the editions they touch', () => {
    const file = JSON.parse(landed.editions.text);
    expect(serializeEditions(file)).toBe(landed.editions.text);
    const after = addLanguage(landed, 'tr').writes.find((w) => w.path === landed.editions.path)!.text;
    expect(after.split('\n').filter((line) => !landed.editions.text.split('\n').includes(line))).toEqual([
      '    "ru": { "state": "published" },',
      '    "tr": { "state": "draft" }',
    ]);
  });
});

describe('i18n:add', () => {
  const cases = [
    { description: 'a left-to-right language in Latin script', tag: 'tr', dir: 'ltr', script: 'Latn', font: undefined },
    {
      description: 'a right-to-left language gets the site’s Arabic-script font',
      tag: 'ar',
      dir: 'rtl',
      script: 'Arab',
      font: 'vazirmatn',
    },
    { description: 'a language with a region', tag: 'pt-BR', dir: 'ltr', script: 'Latn', font: undefined },
    { description: 'a script with no site font: the reader’s own fonts', tag: 'hi', dir: 'ltr', script: 'Deva', font: undefined },
  ] as const;
  for (const { description, tag, dir, script, font } of cases)
    it(`${tag}: ${description}`, () => {
      const { edition, problems } = addLanguage(landed, tag);
      expect(problems).toEqual([]);
      expect(edition).toMatchObject({ locale: tag, state: 'draft', dir, script });
      expect(edition?.font).toBe(font);
    });

  it('leaves a project that passes the check with no warning, every segment of the draft counted as missing', () => {
    const result = checkProject(added('tr', 'ar'));
    expect(result.problems).toEqual([]);
    const ar = result.summaries.find((s) => s.locale === 'ar')!;
    expect(ar).toMatchObject({ edition: 'draft', translated: 0, draft: 0, missing: ar.segments, done: 0 });
  });

  it('refuses when files of the language are already there: nothing is overwritten', () => {
    const files = { ...landed, locales: [...landed.locales, { path: 'locales/tr/ui.json', text: '{}\n' }] };
    const result = addLanguage(files, 'tr');
    expect(result.writes).toEqual([]);
    expect(messages(result)).toEqual([
      'locales/tr/ui.json:1:1: locales/tr/ already has files: move them away first, nothing is overwritten',
    ]);
  });

  it('refuses the source language and every published one', () => {
    for (const tag of ['en', 'fa', 'ru'])
      expect(messages(addLanguage(landed, tag))).toEqual([`locales/editions.json:1:1: ${tag}: already an edition (published)`]);
  });
});

describe('a draft being translated', () => {
  it('a segment a translator wrote into the JSON counts as translated; the rest still fall back to English', () => {
    const files = added('tr');
    const one = {
      ...files,
      locales: files.locales.map((f) =>
        f.path === `locales/tr/${SLUG}.json` ? { ...f, text: f.text.replace('"dateline": ""', '"dateline": "{tehran}, {iran} —"') } : f,
      ),
    };
    const result = checkProject(one);
    expect(messages(result)).toEqual([]);
    expect(result.catalog!.resources.tr![SLUG]!.dateline).toBe('{tehran}, {iran} —');
    expect(result.catalog!.status.tr![SLUG]!.dateline).toEqual({ state: 'translated', stale: false });
    expect(result.summaries.find((s) => s.locale === 'tr')).toMatchObject({ translated: 1 });
  });

  it('an Arabic draft is held to the Arabic script once a segment is written', () => {
    const files = added('ar');
    const latin = {
      ...files,
      locales: files.locales.map((f) =>
        f.path === `locales/ar/${SLUG}.json`
          ? { ...f, text: f.text.replace('"dateline": ""', '"dateline": "Dateline {tehran}، {iran} –"') }
          : f,
      ),
    };
    expect(messages(checkProject(latin))).toEqual([
      expect.stringMatching(/^locales\/ar\/putin-raisi-kremlin-meeting\.json:\d+:\d+: dateline: letters outside the Arabic script of "ar"/),
    ]);
  });
});

describe('i18n:publish', () => {
  it('refuses a draft with untranslated segments, naming each, and publishes it with --allow-fallback', () => {
    const files = added('tr');
    const refused = publishLanguage(files, 'tr', false);
    expect(refused.writes).toEqual([]);
    expect(refused.unfinished).toContainEqual({ file: `locales/tr/${SLUG}.json`, id: 'headline', state: 'untranslated' });
    expect(refused.unfinished).toHaveLength(checkProject(files).summaries.find((s) => s.locale === 'tr')!.segments);
    const allowed = publishLanguage(files, 'tr', true);
    expect(allowed.edition?.state).toBe('published');
    expect(JSON.parse(allowed.writes[0]!.text).editions.tr).toEqual({ state: 'published' });
  });

  it('publishes without --allow-fallback once every segment is translated', () => {
    // Turkish stand-ins keep each segment's arguments and tags (the check compares them with the English).
    const files = translated(added('tr'), 'tr', (_, english) => `TR ${english}`);
    const result = publishLanguage(files, 'tr', false);
    expect(messages(result)).toEqual([]);
    expect(result.unfinished).toEqual([]);
    expect(result.edition?.state).toBe('published');
  });

  it('refuses a script no share-card font writes, even with --allow-fallback', () => {
    expect(messages(publishLanguage(added('hi'), 'hi', true))).toEqual([
      'locales/editions.json:1:1: hi: no font of the site writes the Deva script: add one to FONTS in site/fonts.ts before publishing',
    ]);
  });

  it('refuses what is not a draft', () => {
    expect(messages(publishLanguage(landed, 'ru', true))).toEqual(['locales/editions.json:1:1: ru: already published']);
    expect(messages(publishLanguage(landed, 'tr', true))).toEqual([
      'locales/editions.json:1:1: tr: not an edition: add it first (npm run i18n:add -- tr)',
    ]);
  });
});

describe('i18n:remove', () => {
  it('removes a draft: its entry in locales/editions.json and every file of it, leaving the project as it was', () => {
    const files = added('tr');
    const result = removeLanguage(files, 'tr', false);
    expect(messages(result)).toEqual([]);
    expect(result.writes).toEqual([{ path: landed.editions.path, text: landed.editions.text }]);
    expect([...(result.removals ?? [])].sort()).toEqual(
      files.locales
        .filter((f) => f.path.startsWith('locales/tr/'))
        .map((f) => f.path)
        .sort(),
    );
    expect(checkProject(withWrites(files, result.writes, result.removals)).problems).toEqual(checkProject(landed).problems);
  });

  const refusals = [
    {
      description: 'a published edition without --force',
      locale: 'ru',
      force: false,
      message: 'ru: a published edition: its readers would lose it at the next build; remove it with --force if that is what you want',
    },
    {
      description: 'the source language, even with --force',
      locale: 'en',
      force: true,
      message: 'en: the source language: every edition is translated from it',
    },
    { description: 'a language that is no edition', locale: 'tr', force: false, message: 'tr: not an edition (en, fa, ru)' },
  ];
  for (const { description, locale, force, message } of refusals)
    it(`refuses ${description}`, () => {
      const result = removeLanguage(landed, locale, force);
      expect(result.writes).toEqual([]);
      expect(messages(result)).toEqual([`locales/editions.json:1:1: ${message}`]);
    });

  it('removes a published edition with --force', () => {
    const result = removeLanguage(landed, 'ru', true);
    expect(messages(result)).toEqual([]);
    const before = JSON.parse(landed.editions.text).editions;
    expect(JSON.parse(result.writes[0]!.text).editions).toEqual({ en: before.en, fa: before.fa });
    expect(result.removals).toContain('locales/ru/ui.json');
  });
});
