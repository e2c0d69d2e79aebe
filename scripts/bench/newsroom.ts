// A synthetic newsroom for measuring the build at scale: a scratch copy of the project whose article is copied
// under N slugs (dated one day apart, newest first), in M languages (the project's own, then languages added and
// published as a translator would: `i18n:add`, then `i18n:publish --allow-fallback`).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withWrites, type ProjectFiles, type SourceFile } from '../../tools/check/check.ts';
import { addLanguage, publishLanguage } from '../../tools/languages.ts';
import { ROOT } from '../../tools/project-files.ts';

/** Languages added after the project's own, in order: scripts the share cards can write (Latin, Cyrillic, Arabic). */
export const EXTRA_LANGUAGES = [
  'de',
  'fr',
  'es',
  'tr',
  'uk',
  'ar',
  'pl',
  'pt',
  'it',
  'nl',
  'ur',
  'sv',
  'cs',
  'ro',
  'hu',
  'bg',
  'sr',
] as const;

/** What a scratch copy holds: the project's code and configuration, without its build output. */
const COPIED = [
  'site',
  'src',
  'tools',
  'scripts',
  'content',
  'locales',
  'wrangler.toml',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/** A scratch copy of the project at `dir` (node_modules linked, not copied). */
export function scratchCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of COPIED)
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (src) => !src.includes(`${join('src', 'generated')}`) });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

function readFiles(dir: string, paths: readonly string[]): SourceFile[] {
  return paths.map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') }));
}

function write(dir: string, files: readonly SourceFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
}

/** The slug of synthetic article `i` (0 is the project's own article). */
export const syntheticSlug = (base: string, i: number): string => (i === 0 ? base : `${base}-${i}`);

/**
 * Makes the scratch copy at `dir` a newsroom of `articles` articles in `languages` languages. Returns the slugs,
 * newest first, and the locales.
 */
export function makeNewsroom(dir: string, articles: number, languages: number): { slugs: string[]; locales: string[] } {
  scratchCopy(dir);
  const contentPath = 'content/putin-raisi-kremlin-meeting.json';
  const base = JSON.parse(readFileSync(join(dir, contentPath), 'utf8')) as { slug: string; published: { date: string } };
  const editionsPath = 'locales/editions.json';
  const own = Object.keys((JSON.parse(readFileSync(join(dir, editionsPath), 'utf8')) as { editions: object }).editions);
  const extra = EXTRA_LANGUAGES.slice(0, Math.max(0, languages - own.length));
  if (own.length + extra.length < languages) throw new Error(`at most ${own.length + EXTRA_LANGUAGES.length} languages`);

  // Languages first, on the one article, through the translators' own tools.
  const localeFiles = (locales: readonly string[]) =>
    locales.flatMap((l) =>
      ['ui', 'glossary', base.slug].flatMap((ns) => [
        `locales/${l}/${ns}.json`,
        ...(ns === 'glossary' ? [] : [`locales/${l}/${ns}.state.json`]),
      ]),
    );
  let files: ProjectFiles = {
    editions: readFiles(dir, [editionsPath])[0]!,
    content: readFiles(dir, [contentPath]),
    locales: readFiles(
      dir,
      localeFiles(own).filter((p) => existsSync(join(dir, p))),
    ),
  };
  for (const locale of extra) {
    const added = addLanguage(files, locale);
    if (added.writes.length === 0) throw new Error(`i18n:add ${locale}: ${added.problems.map((p) => p.message).join('; ')}`);
    files = withWrites(files, added.writes);
    const published = publishLanguage(files, locale, true);
    if (published.writes.length === 0) throw new Error(`i18n:publish ${locale}: ${published.problems.map((p) => p.message).join('; ')}`);
    files = withWrites(files, published.writes);
  }
  write(dir, [files.editions, ...files.locales]);

  // Then the articles: the same text under new slugs, one day apart.
  const locales = [...own, ...extra];
  const first = Date.parse(`${base.published.date}T00:00:00Z`);
  const slugs: string[] = [];
  for (let i = 0; i < articles; i++) {
    const slug = syntheticSlug(base.slug, i);
    slugs.push(slug);
    if (i === 0) continue;
    const date = new Date(first + i * 86_400_000).toISOString().slice(0, 10);
    const content = { ...base, slug, published: { ...base.published, date } };
    writeFileSync(join(dir, 'content', `${slug}.json`), `${JSON.stringify(content, null, 2)}\n`);
    for (const locale of locales)
      for (const suffix of ['.json', '.state.json']) {
        const from = join(dir, 'locales', locale, `${base.slug}${suffix}`);
        if (existsSync(from)) cpSync(from, join(dir, 'locales', locale, `${slug}${suffix}`));
      }
  }
  return { slugs: slugs.reverse(), locales };
}
