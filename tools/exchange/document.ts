import { checkProject, localeFile, type ProjectFiles, type SourceFile } from '../check/check.ts';
import { parseFlatStrings } from '../check/json.ts';
import { ProblemList, type Problem } from '../check/problems.ts';
import { readSidecar, recordFor, serializeJson, sidecarFile, type SegmentRecord, type SegmentState } from '../check/sidecar.ts';
import { articleSegments, UI_NAMESPACE } from '../../site/content.ts';

/** One segment in an exchange file. */
export interface ExchangeUnit {
  /** The locale file it belongs to: an article's slug, or `ui`. */
  readonly namespace: string;
  readonly id: string;
  /** The English the target translates. */
  readonly source: string;
  readonly target?: string;
  readonly state: SegmentState;
  /** The target was made from other English (given here) and awaits an update or a confirmation. */
  readonly stale: boolean;
  readonly previousSource?: string;
  /** What the segment is: the block type of an article segment, `interface` for the page's strings. */
  readonly note?: string;
}

/** What an XLIFF or PO file says, whichever it was. */
export interface ExchangeDocument {
  readonly sourceLocale: string;
  readonly targetLocale: string;
  readonly units: readonly ExchangeUnit[];
}

export const INTERFACE_NOTE = 'interface';

/** The translatable namespaces of a project, and the block type of each article segment. */
function namespacesOf(files: ProjectFiles, problems: ProblemList) {
  const result = checkProject(files);
  for (const p of result.problems) if (p.severity === 'error') problems.items.push(p);
  const catalog = result.catalog;
  if (!catalog) return undefined;
  const notes = new Map<string, Map<string, string>>([[UI_NAMESPACE, new Map()]]);
  for (const article of catalog.articles) notes.set(article.slug, new Map(articleSegments(article).map((s) => [s.id, s.type])));
  return { catalog, notes };
}

/** Every segment of a locale, as a translator's tool should see it. Refuses a project that fails the check. */
export function exportDocument(files: ProjectFiles, locale: string): { document?: ExchangeDocument; problems: readonly Problem[] } {
  const problems = new ProblemList();
  const found = namespacesOf(files, problems);
  if (!found || problems.hasErrors) return { problems: problems.items };
  const { catalog, notes } = found;
  const SOURCE_LOCALE = catalog.editions.source;
  const translations = Object.keys(catalog.editions.editions).filter((l) => l !== SOURCE_LOCALE);
  if (!translations.includes(locale)) {
    problems.error(localeFile(locale, '*'), undefined, `not a translated edition: export one of ${translations.join(', ')}`);
    return { problems: problems.items };
  }
  const units: ExchangeUnit[] = [];
  for (const [namespace, blockTypes] of notes) {
    const records = readSidecar(files, locale, namespace);
    for (const [id, source] of Object.entries(catalog.resources[SOURCE_LOCALE]?.[namespace] ?? {})) {
      const target = catalog.resources[locale]?.[namespace]?.[id];
      const status = catalog.status[locale]?.[namespace]?.[id];
      const stale = status?.stale ?? false;
      const previous = stale ? records.get(id)?.sourceText : undefined;
      units.push({
        namespace,
        id,
        source,
        ...(target === undefined ? {} : { target }),
        state: target === undefined ? 'initial' : (status?.state ?? 'translated'),
        stale,
        ...(previous === undefined ? {} : { previousSource: previous }),
        note: blockTypes.get(id) ?? INTERFACE_NOTE,
      });
    }
  }
  return { document: { sourceLocale: SOURCE_LOCALE, targetLocale: locale, units }, problems: [] };
}

/**
 * The files an exchange file would write: each locale file and sidecar it touches, in full.
 * Validates everything first, as the check does; any problem refuses the whole file (no writes).
 * A unit whose target and state are as exported keeps its record, so a round trip changes no byte.
 */
export function importDocument(
  files: ProjectFiles,
  document: ExchangeDocument,
  origin: string,
): { writes: readonly SourceFile[]; problems: readonly Problem[] } {
  const problems = new ProblemList();
  const found = namespacesOf(files, problems);
  if (!found || problems.hasErrors) return { writes: [], problems: problems.items };
  const { catalog, notes } = found;
  const SOURCE_LOCALE = catalog.editions.source;
  const translations = Object.keys(catalog.editions.editions).filter((l) => l !== SOURCE_LOCALE);
  const locale = document.targetLocale;
  if (document.sourceLocale !== SOURCE_LOCALE)
    problems.error(origin, undefined, `wrong source language "${document.sourceLocale}": the source is ${SOURCE_LOCALE}`);
  if (!translations.includes(locale))
    problems.error(
      origin,
      undefined,
      `wrong target language "${document.targetLocale}": this site translates into ${translations.join(', ')}`,
    );
  if (problems.hasErrors) return { writes: [], problems: problems.items };

  const current = (namespace: string) => {
    const path = localeFile(locale, namespace);
    const file = files.locales.find((f) => f.path === path);
    return file ? (parseFlatStrings(path, file.text, new ProblemList()) ?? new Map<string, string>()) : new Map<string, string>();
  };
  const targets = new Map<string, Map<string, string>>();
  const records = new Map<string, Map<string, SegmentRecord>>();
  const seen = new Set<string>();
  for (const unit of document.units) {
    const english = catalog.resources[SOURCE_LOCALE]?.[unit.namespace];
    if (!notes.has(unit.namespace) || !english) {
      problems.error(origin, unit.id, `unknown file "${unit.namespace}": not a translatable file of this site`);
      continue;
    }
    if (english[unit.id] === undefined) {
      problems.error(origin, unit.id, `unknown segment: ${localeFile(SOURCE_LOCALE, unit.namespace)} has no such id`);
      continue;
    }
    const key = `${unit.namespace}/${unit.id}`;
    if (seen.has(key)) problems.error(origin, unit.id, 'appears twice');
    seen.add(key);
    if (unit.target === undefined || unit.target === '') continue; // not translated in this file: the locale keeps what it has
    if (!targets.has(unit.namespace)) {
      targets.set(unit.namespace, current(unit.namespace));
      records.set(unit.namespace, readSidecar(files, locale, unit.namespace));
    }
    const nsTargets = targets.get(unit.namespace)!;
    const nsRecords = records.get(unit.namespace)!;
    const before = nsRecords.get(unit.id);
    const status = catalog.status[locale]?.[unit.namespace]?.[unit.id];
    const edited = nsTargets.get(unit.id) !== unit.target;
    const unchanged = !edited && status?.state === unit.state && (status?.stale ?? false) === unit.stale;
    nsTargets.set(unit.id, unit.target);
    if (unchanged && before) continue;
    // A target edited after review needs reviewing again, whatever state the translator's tool left on it.
    const state =
      edited && unit.state === status?.state && (unit.state === 'reviewed' || unit.state === 'final') ? 'translated' : unit.state;
    // Still marked stale: the translation keeps the English it was made from; otherwise it now translates this English.
    nsRecords.set(unit.id, unit.stale && before ? { ...before, state } : recordFor(unit.source, state));
  }
  if (problems.hasErrors) return { writes: [], problems: problems.items };

  // The files as they would be, checked together with everything else.
  const writes: SourceFile[] = [];
  for (const [namespace, nsTargets] of targets) {
    const order = Object.keys(catalog.resources[SOURCE_LOCALE]![namespace]!);
    const values: Record<string, string> = {};
    const sidecar: Record<string, SegmentRecord> = {};
    for (const id of order) {
      const target = nsTargets.get(id);
      if (target !== undefined) values[id] = target;
      const record = records.get(namespace)!.get(id);
      if (record && target !== undefined) sidecar[id] = record;
    }
    writes.push({ path: localeFile(locale, namespace), text: serializeJson(values) });
    writes.push({ path: sidecarFile(locale, namespace), text: serializeJson(sidecar) });
  }
  const replaced = new Set(writes.map((w) => w.path));
  const after: ProjectFiles = {
    editions: files.editions,
    content: files.content,
    locales: [...files.locales.filter((f) => !replaced.has(f.path)), ...writes],
  };
  const touched = new Set(writes.map((w) => w.path));
  for (const problem of checkProject(after).problems)
    if (problem.severity === 'error' && (touched.has(problem.file) || problem.file.startsWith(`locales/${locale}/`)))
      problems.items.push(problem);
  return problems.hasErrors ? { writes: [], problems: problems.items } : { writes, problems: problems.items };
}
