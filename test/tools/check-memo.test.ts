import { describe, expect, it } from 'vitest';
import { checkProject, withWrites, type ArticleCheck, type CheckMemo, type ProjectFiles } from '../../tools/check/check.ts';
import { sha256 } from '../../site/hash.ts';
import { readProjectFiles } from '../../tools/project-files.ts';

const SLUG = 'putin-raisi-kremlin-meeting';
const OTHER = 'second-article';

/** The landed project with its article copied under a second slug: two articles, so one can change alone. */
function twoArticles(): ProjectFiles {
  const files = readProjectFiles();
  const copies = [...files.content, ...files.locales]
    .filter((f) => f.path.includes(`${SLUG}.`) && f.path.endsWith('.json'))
    .map((f) => ({
      path: f.path.replace(SLUG, OTHER),
      text: f.path.startsWith('content/') ? f.text.replace(`"slug": "${SLUG}"`, `"slug": "${OTHER}"`) : f.text,
    }));
  return withWrites(files, copies);
}

/** A memo as the build keeps one between runs (through JSON), counting what it was asked. */
function memoStore() {
  const kept = new Map<string, { key: string; check: string }>();
  const counts = { taken: 0, checked: [] as string[] };
  const memo: CheckMemo = {
    hashOf: (file) => sha256(file.text),
    get: (slug, key) => {
      const article = kept.get(slug);
      if (article?.key !== key) return undefined;
      counts.taken++;
      return JSON.parse(article.check) as ArticleCheck;
    },
    set: (slug, key, check) => {
      counts.checked.push(slug);
      kept.set(slug, { key, check: JSON.stringify(check) });
    },
  };
  return {
    memo,
    counts,
    reset: () => {
      counts.taken = 0;
      counts.checked = [];
    },
  };
}

/** A segment of `slug` in `locale` set to `text`. */
function edit(files: ProjectFiles, locale: string, slug: string, id: string, text: string): ProjectFiles {
  const path = `locales/${locale}/${slug}.json`;
  const values = JSON.parse(files.locales.find((f) => f.path === path)!.text) as Record<string, string>;
  values[id] = text;
  return withWrites(files, [{ path, text: `${JSON.stringify(values, null, 2)}\n` }]);
}

describe("an article's check kept from an earlier check", () => {
  const files = twoArticles();

  it('an unchanged article is taken from the memo, and the result is the same as checking every article again', () => {
    const { memo, counts, reset } = memoStore();
    const fresh = checkProject(files);
    expect(fresh.catalog).toBeDefined();
    expect(checkProject(files, memo)).toEqual(fresh);
    expect(counts.checked.sort()).toEqual([SLUG, OTHER].sort());
    reset();
    expect(checkProject(files, memo)).toEqual(fresh);
    expect(counts).toEqual({ taken: 2, checked: [] });
  });

  it('an edited segment checks its article again, and only it; warnings of the others are kept in their places', () => {
    const { memo, counts, reset } = memoStore();
    // A warning in the article that stays: it is replayed with its position, in its order.
    const ru = JSON.parse(files.locales.find((f) => f.path === `locales/ru/${OTHER}.json`)!.text) as Record<string, string>;
    const warned = edit(files, 'ru', OTHER, 'delegation', ru['delegation']!.replace(/\.$/, ''));
    checkProject(warned, memo);
    reset();
    const fa = JSON.parse(files.locales.find((f) => f.path === `locales/fa/${SLUG}.json`)!.text) as Record<string, string>;
    const edited = edit(warned, 'fa', SLUG, 'delegation', fa['delegation']!.replace('همراهی می‌کنند', 'همراهی کردند'));
    const result = checkProject(edited, memo);
    expect(counts).toEqual({ taken: 1, checked: [SLUG] });
    expect(result).toEqual(checkProject(edited));
    const kept = result.problems.filter((p) => p.file === `locales/ru/${OTHER}.json`);
    expect(kept.map((p) => p.message)).toEqual([
      'the English ends with "." and the translation does not',
      expect.stringMatching(/^edited since it was reviewed/),
    ]);
    // Where the segment's value starts in the file, as the check places it.
    const lines = edited.locales.find((f) => f.path === `locales/ru/${OTHER}.json`)!.text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('  "delegation": ')) + 1;
    const column = '  "delegation": '.length + 1;
    for (const problem of kept) expect(problem).toMatchObject({ severity: 'warning', segment: 'delegation', position: { line, column } });
  });

  it('a changed glossary checks every article again (its names are looked up in it)', () => {
    const { memo, counts, reset } = memoStore();
    checkProject(files, memo);
    reset();
    const glossary = files.locales.find((f) => f.path === 'locales/ru/glossary.json')!;
    const changed = withWrites(files, [{ path: glossary.path, text: glossary.text.replace('"Путин"', '"Владимир Путин"') }]);
    expect(changed.locales).not.toEqual(files.locales);
    expect(checkProject(changed, memo)).toEqual(checkProject(changed));
    expect(counts).toEqual({ taken: 0, checked: [SLUG, OTHER].sort() });
  });

  it('an article with an error is not kept: it is checked again each time, and named each time', () => {
    const { memo, counts, reset } = memoStore();
    const broken = edit(files, 'fa', OTHER, 'delegation', 'هیئتی به همراه {missing} و {raisi} بود.');
    const first = checkProject(broken, memo);
    expect(first.catalog).toBeUndefined();
    expect(counts.checked).toEqual([SLUG]);
    reset();
    expect(checkProject(broken, memo)).toEqual(first);
    expect(counts).toEqual({ taken: 1, checked: [] });
    expect(first.problems.some((p) => p.severity === 'error' && p.file === `locales/fa/${OTHER}.json`)).toBe(true);
  });
});
