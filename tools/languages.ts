// Starting and publishing an edition: what `npm run i18n:add` and `npm run i18n:publish` write, as functions of
// the project's files. Each validates everything first and returns every file it would write, whole; the
// commands commit them together (tools/commit.ts) or not at all.
import { GLOSSARY_NAMESPACE, UI_NAMESPACE } from '../site/content.ts';
import { describeEdition, type Edition, type EditionEntry, type EditionsFile } from '../site/editions.ts';
import { DEFAULT_FONT, fontForScript } from '../site/fonts.ts';
import { checkProject, localeFile, withWrites, type ProjectFiles, type SourceFile } from './check/check.ts';
import { canonicalTag, cldrKnows, EDITIONS_FILE } from './check/editions.ts';
import { ProblemList, type Problem } from './check/problems.ts';
import { PUBLISHED_STATES, recordFor, serializeJson, sidecarFile, type SegmentRecord } from './check/sidecar.ts';

/** What a command would do: the files to write (none when refused) and every problem found. */
export interface LanguageChange {
  readonly writes: readonly SourceFile[];
  readonly problems: readonly Problem[];
  /** The edition as it would be after the change. */
  readonly edition?: Edition;
  /** Files the change removes, whole. */
  readonly removals?: readonly string[];
}

/**
 * `locales/editions.json` as the tools write it: one line per edition, in the file's order, so that a change
 * of one edition is a change of one line.
 */
export function serializeEditions(file: EditionsFile): string {
  const entry = (value: EditionEntry) =>
    `{ ${Object.entries(value)
      .map(([key, v]) => `${JSON.stringify(key)}: ${JSON.stringify(v)}`)
      .join(', ')} }`;
  const lines = Object.entries(file.editions).map(([locale, value]) => `    ${JSON.stringify(locale)}: ${entry(value)}`);
  return `{\n  "source": ${JSON.stringify(file.source)},\n  "editions": {\n${lines.join(',\n')}\n  }\n}\n`;
}

const refused = (problems: ProblemList): LanguageChange => ({ writes: [], problems: problems.items });

/** Refuses a change whose result fails the check: a bug of the tool, never a half-written language. */
function verified(files: ProjectFiles, writes: readonly SourceFile[], problems: ProblemList, locale: string): LanguageChange {
  const after = checkProject(withWrites(files, writes));
  for (const problem of after.problems) if (problem.severity === 'error') problems.add(problem);
  if (problems.hasErrors || !after.catalog) return refused(problems);
  const editions = after.catalog.editions;
  return { writes, problems: problems.items, edition: describeEdition(locale, editions.editions[locale]!) };
}

/**
 * A new edition for `tag`: its interface strings, glossary and articles, every segment not yet translated (""
 * in the state `initial`, served in English), and its entry in `locales/editions.json` as a `draft`, with the
 * site's web font for its script if there is one. Refused unless the tag is canonical BCP 47 that CLDR knows,
 * names no edition yet, and no file of it exists; and unless the project passes the check as it is.
 */
export function addLanguage(files: ProjectFiles, tag: string): LanguageChange {
  const problems = new ProblemList();
  const checked = checkProject(files);
  if (!checked.catalog) {
    problems.error(EDITIONS_FILE, undefined, 'the project fails the check: fix what npm run i18n:check lists first');
    return refused(problems);
  }
  const { editions, resources } = checked.catalog;
  const canonical = canonicalTag(tag);
  if (!canonical) problems.error(EDITIONS_FILE, tag, 'not a BCP 47 language tag (such as tr, ar, pt-BR)');
  else if (canonical !== tag) problems.error(EDITIONS_FILE, tag, `not a canonical BCP 47 tag: write "${canonical}"`);
  else if (new Intl.Locale(tag).baseName !== tag)
    problems.error(EDITIONS_FILE, tag, 'an edition is a language, with a script or region if it needs one: no extensions');
  else if (!cldrKnows(tag))
    problems.error(EDITIONS_FILE, tag, 'a language CLDR does not know: its direction, script and calendars cannot be found');
  else if (Object.hasOwn(editions.editions, tag))
    problems.error(EDITIONS_FILE, tag, `already an edition (${editions.editions[tag]!.state})`);
  else {
    const existing = files.locales.find((f) => f.path.startsWith(`locales/${tag}/`));
    if (existing)
      problems.error(existing.path, undefined, `locales/${tag}/ already has files: move them away first, nothing is overwritten`);
  }
  if (problems.hasErrors) return refused(problems);

  const source = editions.source;
  const english = resources[source]!;
  const writes: SourceFile[] = [];
  const namespaces = [UI_NAMESPACE, ...checked.catalog.articles.map((a) => a.slug)];
  for (const namespace of namespaces) {
    const ids = Object.keys(english[namespace] ?? {});
    writes.push({ path: localeFile(tag, namespace), text: serializeJson(Object.fromEntries(ids.map((id) => [id, '']))) });
    const records: Record<string, SegmentRecord> = Object.fromEntries(
      ids.map((id) => [id, recordFor(english[namespace]![id]!, '', 'initial')]),
    );
    writes.push({ path: sidecarFile(tag, namespace), text: serializeJson(records) });
  }
  // Names start as the English writes them (Latin script, which every glossary accepts), for the translator to
  // replace: a segment uses them only once it is translated.
  writes.push({ path: localeFile(tag, GLOSSARY_NAMESPACE), text: serializeJson(english[GLOSSARY_NAMESPACE] ?? {}) });
  // The font is named where it is not the default one (Arabic script: Vazirmatn).
  const font = fontForScript(describeEdition(tag, { state: 'draft' }).script);
  const entry: EditionEntry = { state: 'draft', ...(font && font !== DEFAULT_FONT ? { font } : {}) };
  writes.push({ path: EDITIONS_FILE, text: serializeEditions({ ...editions, editions: { ...editions.editions, [tag]: entry } }) });
  return verified(files, writes, problems, tag);
}

/** A segment of an edition that is not ready to publish: its file, id, and why. */
export interface Unfinished {
  readonly file: string;
  readonly id: string;
  /** `untranslated`: "" as i18n:add wrote it; `initial`: a draft text (a fuzzy entry, say) not accepted yet. */
  readonly state: 'untranslated' | 'initial';
}

/**
 * Makes a draft edition published: offered by negotiation, in the sitemap, hreflang sets, switchers and feeds.
 * Refused while any segment is not translated (or reviewed, or final), naming each, unless `allowFallback`
 * (those segments are then served in English, with the notice); and refused for a script no share-card font
 * writes.
 */
export function publishLanguage(
  files: ProjectFiles,
  locale: string,
  allowFallback: boolean,
): LanguageChange & { readonly unfinished: readonly Unfinished[] } {
  const problems = new ProblemList();
  const checked = checkProject(files);
  if (!checked.catalog) {
    problems.error(EDITIONS_FILE, undefined, 'the project fails the check: fix what npm run i18n:check lists first');
    return { ...refused(problems), unfinished: [] };
  }
  const { editions, resources, status, articles } = checked.catalog;
  const entry = Object.hasOwn(editions.editions, locale) ? editions.editions[locale] : undefined;
  if (!entry) problems.error(EDITIONS_FILE, locale, `not an edition: add it first (npm run i18n:add -- ${locale})`);
  else if (entry.state !== 'draft') problems.error(EDITIONS_FILE, locale, 'already published');
  if (problems.hasErrors) return { ...refused(problems), unfinished: [] };

  const edition = describeEdition(locale, entry!);
  if (!fontForScript(edition.script))
    problems.error(
      EDITIONS_FILE,
      locale,
      `no font of the site writes the ${edition.script} script: add one to FONTS in site/fonts.ts before publishing`,
    );
  const unfinished: Unfinished[] = [];
  for (const namespace of [UI_NAMESPACE, ...articles.map((a) => a.slug)])
    for (const id of Object.keys(resources[editions.source]![namespace] ?? {})) {
      const state = status[locale]?.[namespace]?.[id]?.state;
      if (!state || !PUBLISHED_STATES.has(state))
        unfinished.push({ file: localeFile(locale, namespace), id, state: state === 'initial' ? 'initial' : 'untranslated' });
    }
  if (unfinished.length > 0 && !allowFallback)
    problems.error(
      EDITIONS_FILE,
      locale,
      `${unfinished.length} segment(s) not translated yet: translate them, or publish with --allow-fallback to serve them in English`,
    );
  if (problems.hasErrors) return { ...refused(problems), unfinished };
  const text = serializeEditions({ ...editions, editions: { ...editions.editions, [locale]: { ...entry!, state: 'published' } } });
  return { ...verified(files, [{ path: EDITIONS_FILE, text }], problems, locale), unfinished };
}

/**
 * Removes an edition: its entry in `locales/editions.json` and every locale file of it, as one commit. Refused
 * for the source language, for a language that is no edition, and for a published one unless `force` (its
 * readers lose it at the next build). Refused, too, unless the project passes the check without it.
 */
export function removeLanguage(files: ProjectFiles, locale: string, force: boolean): LanguageChange {
  const problems = new ProblemList();
  const checked = checkProject(files);
  if (!checked.catalog) {
    problems.error(EDITIONS_FILE, undefined, 'the project fails the check: fix what npm run i18n:check lists first');
    return refused(problems);
  }
  const { editions } = checked.catalog;
  const entry = Object.hasOwn(editions.editions, locale) ? editions.editions[locale] : undefined;
  if (locale === editions.source) problems.error(EDITIONS_FILE, locale, 'the source language: every edition is translated from it');
  else if (!entry) problems.error(EDITIONS_FILE, locale, `not an edition (${Object.keys(editions.editions).join(', ')})`);
  else if (entry.state === 'published' && !force)
    problems.error(
      EDITIONS_FILE,
      locale,
      'a published edition: its readers would lose it at the next build; remove it with --force if that is what you want',
    );
  if (problems.hasErrors) return refused(problems);
  const { [locale]: _, ...kept } = editions.editions;
  const writes = [{ path: EDITIONS_FILE, text: serializeEditions({ ...editions, editions: kept }) }];
  const removals = files.locales.filter((f) => f.path.startsWith(`locales/${locale}/`)).map((f) => f.path);
  const after = checkProject(withWrites(files, writes, removals));
  for (const problem of after.problems) if (problem.severity === 'error') problems.add(problem);
  if (problems.hasErrors || !after.catalog) return refused(problems);
  return { writes, removals, problems: problems.items, edition: describeEdition(locale, entry!) };
}
