import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addArticle } from '../../tools/article/add.ts';
import { EnglishWriter, weekdayDate } from '../../tools/article/english.ts';
import { idFromText, slugFromHeadline, uniqueId } from '../../tools/article/ids.ts';
import { readArticleSource } from '../../tools/article/markdown.ts';
import { sentences } from '../../tools/article/sentences.ts';
import { updateArticle } from '../../tools/article/update.ts';
import { checkProject, withWrites, type ProjectFiles } from '../../tools/check/check.ts';
import { formatProblem, ProblemList } from '../../tools/check/problems.ts';
import { MEMORY_FILE } from '../../tools/memory/store.ts';
import { readProjectFiles, ROOT } from '../../tools/project-files.ts';
import { standIn, translated } from '../stand-in.ts';

const EXAMPLE = 'examples/caspian-rail-freight-route.md';
const SLUG = 'caspian-rail-freight-route';
const example = readFileSync(join(ROOT, EXAMPLE), 'utf8');
const landed = readProjectFiles();
const bytes = (text: string) => new TextEncoder().encode(text);
const errors = (problems: readonly { severity: string }[]) =>
  problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p as never));
const values = (files: ProjectFiles, path: string) =>
  JSON.parse(files.locales.find((f) => f.path === path)?.text ?? files.content.find((f) => f.path === path)!.text) as Record<
    string,
    unknown
  >;

/** The project after `article:add` of the example article. */
function added(text = example): ProjectFiles {
  const result = addArticle(landed, undefined, { path: EXAMPLE, bytes: bytes(text) });
  expect(errors(result.problems)).toEqual([]);
  return withWrites(landed, result.writes);
}

describe('sentences: Intl.Segmenter with the abbreviations of a news text', () => {
  const cases = [
    { description: 'two sentences', input: 'It rained. Then it stopped.', expected: ['It rained.', 'Then it stopped.'] },
    { description: 'a title', input: 'Mr. Putin spoke. He left.', expected: ['Mr. Putin spoke.', 'He left.'] },
    {
      description: 'a country’s initials',
      input: 'The U.S. Treasury said so. Iran did not.',
      expected: ['The U.S. Treasury said so.', 'Iran did not.'],
    },
    { description: 'a month', input: 'On Jan. 19 they met. Talks went on.', expected: ['On Jan. 19 they met.', 'Talks went on.'] },
    { description: 'an initial', input: 'J. Smith wrote it. Nobody read it.', expected: ['J. Smith wrote it.', 'Nobody read it.'] },
    {
      description: 'a quotation that ends a sentence',
      input: '“We agree.” The talks ended.',
      expected: ['“We agree.”', 'The talks ended.'],
    },
    {
      description: 'no break inside an italic span',
      input: 'He said <i>yes. No</i>. Then he left.',
      expected: ['He said <i>yes. No</i>.', 'Then he left.'],
    },
  ];
  for (const { description, input, expected } of cases) it(description, () => expect(sentences(input)).toEqual(expected));
});

describe('English as the locale files keep it', () => {
  const glossary = new Map(Object.entries(values(landed, 'locales/en/glossary.json') as Record<string, string>));
  const writer = new EnglishWriter(glossary, '2022-01-19');
  const cases = [
    {
      description: 'the longest name first: "Ebrahim Raisi" before "Raisi"',
      input: 'Ebrahim Raisi met Putin; Raisi smiled.',
      message: '{raisiFull} met {putin}; {raisi} smiled.',
    },
    { description: 'a possessive keeps its name', input: "Iran's oil", message: '{iran}’s oil' },
    { description: 'straight quotes become typographic', input: 'He said "no" and \'maybe\'.', message: 'He said “no” and ‘maybe’.' },
    {
      description: 'a year, without grouping',
      input: 'the first since 2017',
      message: 'the first since {year2017, number, ::group-off}',
      args: { year2017: { number: 2017 } },
    },
    {
      description: 'a number with grouping',
      input: '3,000 troops',
      message: '{number3000, number} troops',
      args: { number3000: { number: 3000 } },
    },
    { description: 'a decimal', input: '$4.9 billion', message: '${number4d9, number} billion', args: { number4d9: { number: 4.9 } } },
    { description: 'a number before a hyphen', input: 'a 20-year deal', message: 'a {number20, number}-year deal' },
    {
      description: 'no number inside a word, a time or a date',
      input: 'G20, COVID-19, 10:30, 19/01, 007',
      message: 'G20, COVID-19, 10:30, 19/01, 007',
    },
    {
      description: '"on Wednesday": a weekday select on the date of that week',
      input: 'They met on Wednesday.',
      message:
        'They met on {weekday20220119, select, monday {Monday} tuesday {Tuesday} wednesday {Wednesday} thursday {Thursday} friday {Friday} saturday {Saturday} other {Sunday}}.',
      args: { weekday20220119: { weekday: '2022-01-19' } },
    },
    { description: 'a weekday not after "on" stays a word', input: 'Wednesday’s meeting', message: 'Wednesday’s meeting' },
    {
      description: 'a name the glossary lacks is listed, not guessed',
      input: 'Arash Tabrizi, head of the Iranian railways, spoke in Tehran.',
      message: 'Arash Tabrizi, head of the Iranian railways, spoke in {tehran}.',
      names: ['Arash Tabrizi'],
    },
    {
      description: 'a capitalised word opening a sentence is no name',
      input: 'Officials said. Talks resumed.',
      message: 'Officials said. Talks resumed.',
      names: [],
    },
  ];
  for (const { description, input, message, args, names } of cases)
    it(description, () => {
      const written = writer.write(input);
      expect(written.message).toBe(message);
      if (args) expect(written.arguments).toEqual(args);
      if (names) expect(written.unknownNames).toEqual(names);
    });

  it('a weekday is read in the week around publication', () => {
    expect(['Sunday', 'Monday', 'Wednesday', 'Thursday', 'Saturday'].map((d) => weekdayDate('2022-01-19', d))).toEqual([
      '2022-01-16',
      '2022-01-17',
      '2022-01-19',
      '2022-01-20',
      '2022-01-22',
    ]);
  });
});

describe('ids', () => {
  it('are the first words that say something, unique', () => {
    expect(idFromText('The first train, carrying 40 containers, left Moscow')).toBe('first-train-carrying-40');
    expect(idFromText('Iran’s relations with the <i>EAEU</i>')).toBe('iran-relations-eaeu');
    const taken = new Set(['talks-resumed']);
    expect([uniqueId('talks-resumed', taken), uniqueId('talks-resumed', taken)]).toEqual(['talks-resumed-2', 'talks-resumed-3']);
    expect(slugFromHeadline('Iran and Russia open a rail freight route to the Gulf')).toBe('iran-and-russia-open-a-rail-freight-route');
  });
});

describe('an article file that is refused, named at its line', () => {
  const frontMatter = example.slice(0, example.indexOf('---', 3) + 4);
  const cases = [
    {
      description: 'no headline',
      text: example.replace(/^headline: .*\n/m, ''),
      expected: [
        `${EXAMPLE}:2:1: headline: missing (the front matter must give headline, standfirst, published, dateline, source, sourceUrl)`,
      ],
    },
    {
      description: 'an unknown front-matter key',
      text: example.replace('timeZone:', 'author: Someone\ntimeZone:'),
      expected: [expect.stringMatching(/^examples\/caspian-rail-freight-route\.md:7:1: front matter: unknown key "author"/)],
    },
    {
      description: 'a key given twice',
      text: example.replace('timeZone:', 'headline: Again\ntimeZone:'),
      expected: [`${EXAMPLE}:7:1: front matter: a key given twice`],
    },
    {
      description: 'a control character',
      text: example.replace('a project first', 'a project\u0007 first'),
      expected: [`${EXAMPLE}:16:105: a control or invisible character (U+0007): nothing shows it, and it can hide or reorder text`],
    },
    {
      description: 'a bidi override',
      text: example.replace('Sanctions and trade', 'Sanctions \u202eand trade'),
      expected: [expect.stringMatching(/^examples\/caspian-rail-freight-route\.md:25:14: a control or invisible character \(U\+202E\)/)],
    },
    {
      description: 'a date that is none',
      text: example.replace('2026-03-18', '2026-02-30'),
      expected: [`${EXAMPLE}:6:12: published: must be a date YYYY-MM-DD`],
    },
    {
      description: 'a link',
      text: example.replace('a ceremony in Tehran', 'a [ceremony](https://example.org) in Tehran'),
      expected: [expect.stringMatching(/^examples\/caspian-rail-freight-route\.md:23:\d+: a link: an article's text is words/)],
    },
    {
      description: 'a list',
      text: `${example}\n- one\n- two\n`,
      expected: [expect.stringMatching(/:38:1: a list: an article's body is paragraphs/)],
    },
    {
      description: 'a heading of another level',
      text: example.replace('## Sanctions', '### Sanctions'),
      expected: [`${EXAMPLE}:25:1: a level-3 heading: subheadings are ## (the headline is in the front matter)`],
    },
    {
      description: 'braces in the text',
      text: example.replace('any other', 'any {other}'),
      expected: [`${EXAMPLE}:22:51: “{”: not allowed in an article's text (it marks arguments and tags)`],
    },
    {
      description: 'a footnote no marker points to',
      text: `${example}\n[^2]: A second note.\n`,
      expected: [`${EXAMPLE}:38:1: [^2]: a footnote no marker points to: mark where it applies`],
    },
    {
      description: 'a photo without its credit',
      text: example.replace(/^photoCredit: .*\n/m, ''),
      expected: [`${EXAMPLE}:11:11: photoCredit: missing (a photo has photoAlt, photoCaption and photoCredit together)`],
    },
    {
      description: 'no front matter',
      text: example.slice(frontMatter.length),
      expected: [
        `${EXAMPLE}:2:1: no front matter: the file starts with a line ---, then headline:, standfirst:, published: … and a line ---`,
      ],
    },
  ];
  for (const { description, text, expected } of cases)
    it(description, () => {
      const result = addArticle(landed, undefined, { path: EXAMPLE, bytes: bytes(text) });
      expect(result.writes).toEqual([]);
      expect(errors(result.problems)).toEqual(expected);
    });

  it('a file that is not UTF-8, at the line of its first byte that is not', () => {
    const latin1 = Uint8Array.from([...bytes(example.replace('Arash Tabrizi', 'Arash Tabriz?'))].map((b) => (b === 63 ? 0xe9 : b)));
    const problems = new ProblemList();
    expect(readArticleSource(EXAMPLE, latin1, problems)).toBeUndefined();
    expect(errors(problems.items)).toEqual([`${EXAMPLE}:22:1: not UTF-8: save the file as UTF-8`]);
  });

  it('a duplicate slug: an article already there', () => {
    const result = addArticle(added(), undefined, { path: EXAMPLE, bytes: bytes(example) });
    expect(result.writes).toEqual([]);
    expect(errors(result.problems)).toEqual([
      `${EXAMPLE}:3:7: slug: "${SLUG}" is an article already (content/${SLUG}.json): to correct it, npm run article:update -- ${EXAMPLE}`,
    ]);
  });
});

describe('article:add', () => {
  const files = added();
  const english = values(files, `locales/en/${SLUG}.json`) as Record<string, string>;

  it('passes the check: the content file, the English, and every edition’s segments with their records', () => {
    const result = checkProject(files);
    expect(errors(result.problems)).toEqual([]);
    const article = result.catalog!.articles.find((a) => a.slug === SLUG)!;
    expect(article.notes).toEqual([{ segment: 'note-earlier-version-article', on: 'expected-cross-caucasus-reach' }]);
    expect(article.photo).toEqual({ photographer: 'Leyla Haddadi', agency: 'AP' });
    expect(Object.keys(english)).toEqual([
      'headline',
      'standfirst',
      'photo-alt',
      'photo-caption',
      'photo-credit',
      'dateline',
      'iran-russia-opened-rail',
      'first-train-carrying-40',
      'expected-cross-caucasus-reach',
      'road-shorter-cheaper-safer',
      'subheading-sanctions-trade',
      'route-part-corridor-both',
      'trade-between-two-countries',
      'talks-vienna-restoring-2015',
      'if-deal-restored-most',
      'missing-162-kilometre-link',
      'source-line',
      'note-earlier-version-article',
    ]);
  });

  it('a segment the earlier article translated is a draft in fa and ru; every other is untranslated', () => {
    const earlier = values(landed, 'locales/ru/putin-raisi-kremlin-meeting.json');
    for (const locale of ['fa', 'ru']) {
      const text = values(files, `locales/${locale}/${SLUG}.json`);
      const states = values(files, `locales/${locale}/${SLUG}.state.json`) as Record<string, { state: string }>;
      const drafted = Object.keys(text).filter((id) => text[id] !== '');
      expect(drafted, locale).toEqual(['dateline', 'if-deal-restored-most']);
      expect(Object.values(states).every((r) => r.state === 'initial')).toBe(true);
      if (locale === 'ru') expect(text['if-deal-restored-most']).toBe(earlier['deal-restored-sanctions']);
    }
    const catalog = checkProject(files).catalog!;
    expect(catalog.drafts.fa![SLUG]).toHaveProperty('if-deal-restored-most');
    expect(catalog.resources.fa![SLUG]).toBeUndefined();
  });

  it('lists the names the glossary lacks as warnings, at their lines', () => {
    const result = addArticle(landed, undefined, { path: EXAMPLE, bytes: bytes(example) });
    expect(result.problems.map((p) => formatProblem(p).replace(/: a name .*$/, ''))).toEqual([
      `${EXAMPLE}:13:14: warning: “Leyla Haddadi”`,
      `${EXAMPLE}:22:1: warning: “Arash Tabrizi”`,
      `${EXAMPLE}:34:1: warning: “Rasht”`,
      `${EXAMPLE}:34:1: warning: “Astara”`,
      `${EXAMPLE}:9:9: warning: “Caspian Desk”`,
    ]);
  });
});

describe('article:update: every translation stays with its sentence', () => {
  const before = translated(added(), SLUG, ['fa', 'ru']);
  const update = (text: string, date = '2026-03-19') => {
    const result = updateArticle(before, undefined, { path: EXAMPLE, bytes: bytes(text) }, { date });
    expect(errors(result.problems)).toEqual([]);
    return { ...result, files: withWrites(before, result.writes) };
  };
  const stale = (files: ProjectFiles, locale: string) =>
    Object.entries(checkProject(files).catalog!.status[locale]![SLUG]!)
      .filter(([, s]) => s.stale)
      .map(([id]) => id);

  const cases = [
    {
      description: 'one paragraph of two sentences reworded: both stale, nothing else',
      edit: (t: string) =>
        t
          .replace('both governments see as', 'both governments regard as')
          .replace('according to Iranian customs figures', 'according to figures from Iranian customs'),
      edited: ['route-part-corridor-both', 'trade-between-two-countries'],
      added: [],
      removed: [],
    },
    {
      description: 'a number corrected: stale, its translations now name the new number',
      edit: (t: string) => t.replace('finished in 2028', 'finished in 2029'),
      edited: ['missing-162-kilometre-link'],
      added: [],
      removed: [],
    },
    {
      description: 'a paragraph added: a new id, untranslated; the rest unchanged',
      edit: (t: string) => t.replace('## Sanctions', 'Freight rates on the route have not been published.\n\n## Sanctions'),
      edited: [],
      added: ['freight-rates-route-not'],
      removed: [],
    },
    {
      description: 'a paragraph removed: it leaves, its translations go to the memory',
      edit: (t: string) => t.replace('Talks in Vienna on restoring the 2015 nuclear deal have stalled.\n\n', ''),
      edited: [],
      added: [],
      removed: ['talks-vienna-restoring-2015'],
    },
    {
      description: 'a sentence replaced by another: never attached to the old one’s translation',
      edit: (t: string) =>
        t.replace(
          'Talks in Vienna on restoring the 2015 nuclear deal have stalled.',
          'Diplomats in Vienna expect no agreement before the summer.',
        ),
      edited: [],
      added: ['diplomats-vienna-expect-no'],
      removed: ['talks-vienna-restoring-2015'],
    },
    {
      description: 'two paragraphs swapped: each keeps its id and translations',
      edit: (t: string) =>
        t.replace(
          'Talks in Vienna on restoring the 2015 nuclear deal have stalled.\n\nIf the deal is restored, most US sanctions on Iran will be lifted and it will scale down its nuclear programme.',
          'If the deal is restored, most US sanctions on Iran will be lifted and it will scale down its nuclear programme.\n\nTalks in Vienna on restoring the 2015 nuclear deal have stalled.',
        ),
      edited: [],
      added: [],
      removed: [],
    },
  ];
  for (const c of cases)
    it(c.description, () => {
      const text = c.edit(example);
      expect(text).not.toBe(example);
      const { report, files } = update(text);
      expect(report!.edited.map((e) => e.id)).toEqual(c.edited);
      expect(report!.added).toEqual(c.added);
      expect(report!.removed).toEqual(c.removed);
      expect(errors(checkProject(files).problems)).toEqual([]);
      for (const locale of ['fa', 'ru']) {
        expect(stale(files, locale), locale).toEqual(c.edited);
        const was = values(before, `locales/${locale}/${SLUG}.json`);
        const now = values(files, `locales/${locale}/${SLUG}.json`);
        for (const id of report!.unchanged) expect(now[id], `${locale} ${id}`).toBe(was[id]);
        for (const id of c.added) expect(now[id]).toBe('');
        for (const id of c.removed) expect(now).not.toHaveProperty(id);
      }
      expect(values(files, `content/${SLUG}.json`).modified).toEqual({ date: '2026-03-19' });
    });

  it('an edited segment’s translations are stale, shown with the English they were made from', () => {
    const { files } = update(example.replace('finished in 2028', 'finished in 2029'));
    const fa = values(files, `locales/fa/${SLUG}.json`);
    expect(fa['missing-162-kilometre-link']).toBe(
      standIn(values(before, `locales/en/${SLUG}.json`)['missing-162-kilometre-link'] as string, 'fa').replace('year2028', 'year2029'),
    );
    const warning = checkProject(files).problems.find(
      (p) => p.file === `locales/fa/${SLUG}.json` && p.segment === 'missing-162-kilometre-link',
    )!;
    expect(warning.message).toContain(
      'stale: the English changed since this was translated (it was: "The missing {number162, number}-kilometre link inside {iran}, between Rasht and Astara, is due to be finished in {year2028, number, ::group-off}.")',
    );
  });

  it('a removed segment’s translations are findable in the memory, and a later article gets them back as drafts', () => {
    const removal = update(example.replace('Talks in Vienna on restoring the 2015 nuclear deal have stalled.\n\n', ''));
    const memory = JSON.parse(removal.writes.find((w) => w.path === MEMORY_FILE)!.text) as { lang: string; origin: string }[];
    expect(memory.filter((e) => e.origin === `${SLUG}/talks-vienna-restoring-2015`).map((e) => e.lang)).toEqual(['fa', 'ru']);
    const memoryFile = { path: MEMORY_FILE, text: removal.writes.find((w) => w.path === MEMORY_FILE)!.text };
    const later = example
      .replace('slug: caspian-rail-freight-route', 'slug: vienna-talks-stall')
      .replace(
        'Talks in Vienna on restoring the 2015 nuclear deal have stalled.',
        'Talks in Vienna on restoring the 2015 nuclear deal have stalled.',
      );
    const result = addArticle(removal.files, memoryFile, { path: 'later.md', bytes: bytes(later) });
    expect(errors(result.problems)).toEqual([]);
    expect(result.report!.prefilled.filter((p) => p.id === 'talks-vienna-restoring-2015').map((p) => [p.locale, p.origin])).toEqual([
      ['fa', `${SLUG}/talks-vienna-restoring-2015`],
      ['ru', `${SLUG}/talks-vienna-restoring-2015`],
    ]);
  });

  it('the same file again writes nothing', () => {
    const result = updateArticle(before, undefined, { path: EXAMPLE, bytes: bytes(example) }, { date: '2026-03-19' });
    expect(result.writes).toEqual([]);
    expect(result.report!.unchanged).toHaveLength(18);
  });

  it('refuses a correction dated before publication, and an article that is not there', () => {
    const early = updateArticle(before, undefined, { path: EXAMPLE, bytes: bytes(example) }, { date: '2026-03-01' });
    expect(errors(early.problems)).toEqual([
      `${EXAMPLE}:6:12: --date: a correction (2026-03-01) cannot come before publication (2026-03-18)`,
    ]);
    const missing = updateArticle(landed, undefined, { path: EXAMPLE, bytes: bytes(example) }, { date: '2026-03-19' });
    expect(errors(missing.problems)).toEqual([
      `${EXAMPLE}:3:7: slug: no article "${SLUG}" to correct (content/${SLUG}.json): give its slug (slug: in the file, or --slug), or add it with npm run article:add`,
    ]);
  });
});
