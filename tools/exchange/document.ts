import { articleSegments, UI_NAMESPACE } from '../../site/content.ts';
import { createNegotiator } from '../../src/negotiate.ts';
import { checkProject, localeFile, withWrites, type ProjectFiles, type SourceFile } from '../check/check.ts';
import { parseFlatStrings } from '../check/json.ts';
import { ProblemList, type Position, type Problem } from '../check/problems.ts';
import {
  VOUCHED_STATES,
  readSidecar,
  recordFor,
  revision,
  serializeJson,
  sidecarFile,
  type SegmentRecord,
  type SegmentState,
} from '../check/sidecar.ts';

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
  /** Revision of the target this unit was exported from (`revision(target)`, of '' when there was none). */
  readonly revision?: string;
  /** Where the unit (the XLIFF `<unit>`, the PO entry) starts in the exchange file. */
  readonly position?: Position;
}

/** What an XLIFF or PO file says, whichever it was. */
export interface ExchangeDocument {
  readonly sourceLocale: string;
  readonly targetLocale: string;
  readonly units: readonly ExchangeUnit[];
  /** Where the target language is declared, for a problem with it. */
  readonly targetPosition?: Position;
}

/** A segment an import changes: its text, its state, or both. */
export interface Change {
  readonly namespace: string;
  readonly id: string;
  /** The state before (`missing` where the locale had no text), and after. */
  readonly from: SegmentState | 'missing';
  readonly to: SegmentState;
  readonly textChanged: boolean;
}

/** A unit whose target was changed in the project since the exchange file was exported from it. */
export interface Conflict {
  readonly namespace: string;
  readonly id: string;
  readonly position?: Position;
  readonly current: string;
  readonly incoming: string;
}

export interface ImportResult {
  /** Each locale file and sidecar the import writes, in full; none when anything is refused. */
  readonly writes: readonly SourceFile[];
  readonly problems: readonly Problem[];
  readonly changes: readonly Change[];
  readonly conflicts: readonly Conflict[];
  /** The edition the file was read as (`fa` for `fa-IR` or `fa_IR`). */
  readonly locale?: string;
}

export const INTERFACE_NOTE = 'interface';

/** The translatable namespaces of a project, and the block type of each article segment. */
function namespacesOf(files: ProjectFiles, problems: ProblemList) {
  const result = checkProject(files);
  for (const p of result.problems) if (p.severity === 'error') problems.add(p);
  const catalog = result.catalog;
  if (!catalog) return undefined;
  const notes = new Map<string, Map<string, string>>([[UI_NAMESPACE, new Map()]]);
  for (const article of catalog.articles) notes.set(article.slug, new Map(articleSegments(article).map((s) => [s.id, s.type])));
  return { catalog, notes };
}

/**
 * The edition an exchange file's language tag names: canonicalized (`fa_IR` → `fa-IR`), then RFC 4647 Lookup
 * among the translated editions (`fa-IR` → `fa`); undefined when none matches.
 */
export function editionOf(tag: string, translations: readonly string[]): string | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
  return canonical ? createNegotiator(translations, '')(canonical) || undefined : undefined;
}

/** Every segment of a locale, as a translator's tool should see it. Refuses a project that fails the check. */
export function exportDocument(files: ProjectFiles, locale: string): { document?: ExchangeDocument; problems: readonly Problem[] } {
  const problems = new ProblemList();
  const found = namespacesOf(files, problems);
  if (!found || problems.hasErrors) return { problems: problems.items };
  const { catalog, notes } = found;
  const source = catalog.editions.source;
  const translations = Object.keys(catalog.editions.editions).filter((l) => l !== source);
  if (!translations.includes(locale)) {
    problems.error(localeFile(locale, '*'), undefined, `not a translated edition: export one of ${translations.join(', ')}`);
    return { problems: problems.items };
  }
  const units: ExchangeUnit[] = [];
  for (const [namespace, blockTypes] of notes) {
    const records = readSidecar(files, locale, namespace);
    for (const [id, english] of Object.entries(catalog.resources[source]?.[namespace] ?? {})) {
      const target = catalog.resources[locale]?.[namespace]?.[id] ?? catalog.drafts[locale]?.[namespace]?.[id];
      const status = catalog.status[locale]?.[namespace]?.[id];
      const stale = status?.stale ?? false;
      const previous = stale ? records.get(id)?.sourceText : undefined;
      units.push({
        namespace,
        id,
        source: english,
        ...(target === undefined ? {} : { target }),
        state: target === undefined ? 'initial' : (status?.state ?? 'translated'),
        stale,
        ...(previous === undefined ? {} : { previousSource: previous }),
        note: blockTypes.get(id) ?? INTERFACE_NOTE,
        revision: revision(target ?? ''),
      });
    }
  }
  return { document: { sourceLocale: source, targetLocale: locale, units }, problems: [] };
}

/**
 * What an exchange file would write: each locale file and sidecar it touches, in full. Validates everything
 * first, as the check does, and places every problem at its unit in the exchange file (`origin`); any problem
 * refuses the whole file (no writes). A unit whose target changed in the project since the file was exported
 * (its revision no longer matches) is a conflict, and refuses the file too, unless `force`. A unit whose target
 * and state are as they are keeps its record, so a round trip changes no byte.
 */
export function importDocument(
  files: ProjectFiles,
  document: ExchangeDocument,
  origin: string,
  options: { readonly force?: boolean } = {},
): ImportResult {
  const refused = (problems: ProblemList, conflicts: Conflict[] = []): ImportResult => ({
    writes: [],
    problems: problems.items,
    changes: [],
    conflicts,
  });
  const problems = new ProblemList();
  const found = namespacesOf(files, problems);
  if (!found || problems.hasErrors) return refused(problems);
  const { catalog, notes } = found;
  const source = catalog.editions.source;
  const translations = Object.keys(catalog.editions.editions).filter((l) => l !== source);
  const locale = editionOf(document.targetLocale, translations);
  // A file that names no source language (translate-toolkit's xliff2po writes none) is read as this project's.
  if (document.sourceLocale !== '' && editionOf(document.sourceLocale, [source]) !== source)
    problems.error(origin, undefined, `wrong source language "${document.sourceLocale}": the source is ${source}`, document.targetPosition);
  if (!locale)
    problems.error(
      origin,
      undefined,
      `wrong target language "${document.targetLocale}": this site translates into ${translations.join(', ')}`,
      document.targetPosition,
    );
  if (!locale || problems.hasErrors) return refused(problems);

  const current = (namespace: string) => {
    const path = localeFile(locale, namespace);
    const file = files.locales.find((f) => f.path === path);
    return file ? (parseFlatStrings(path, file.text, new ProblemList()) ?? new Map<string, string>()) : new Map<string, string>();
  };
  const targets = new Map<string, Map<string, string>>();
  const records = new Map<string, Map<string, SegmentRecord>>();
  const where = new Map<string, Position | undefined>();
  const seen = new Set<string>();
  const changes: Change[] = [];
  const conflicts: Conflict[] = [];
  const kept: ExchangeUnit[] = [];
  for (const unit of document.units) {
    // Looked up as own keys only: `constructor` or `__proto__` are unknown ids, not what a plain object inherits.
    const english = Object.hasOwn(catalog.resources[source] ?? {}, unit.namespace)
      ? catalog.resources[source]![unit.namespace]!
      : undefined;
    if (!notes.has(unit.namespace) || !english) {
      problems.error(origin, unit.id, `unknown file "${unit.namespace}": not a translatable file of this site`, unit.position);
      continue;
    }
    if (!Object.hasOwn(english, unit.id)) {
      problems.error(origin, unit.id, `unknown segment: ${localeFile(source, unit.namespace)} has no such id`, unit.position);
      continue;
    }
    const key = `${unit.namespace}/${unit.id}`;
    if (seen.has(key)) problems.error(origin, unit.id, 'appears twice', unit.position);
    seen.add(key);
    where.set(key, unit.position);
    if (unit.target === undefined || unit.target === '') continue; // not translated in this file: the locale keeps what it has
    if (!targets.has(unit.namespace)) {
      targets.set(unit.namespace, current(unit.namespace));
      records.set(unit.namespace, readSidecar(files, locale, unit.namespace));
    }
    const nsTargets = targets.get(unit.namespace)!;
    const nsRecords = records.get(unit.namespace)!;
    const before = nsRecords.get(unit.id);
    const status = catalog.status[locale]?.[unit.namespace]?.[unit.id];
    const now = nsTargets.get(unit.id);
    const edited = now !== unit.target;
    // Changed in the project since the export, and not in this file (its text is the one exported): the file has
    // nothing to say about it, and the project's text stays (a three-way merge: another import of other segments
    // of the same export, made meanwhile, is not undone).
    if (edited && !options.force && unit.revision !== undefined && unit.revision === revision(unit.target)) {
      problems.warning(
        origin,
        unit.id,
        'changed in the project since this file was exported, not in this file: the project’s text is kept',
        unit.position,
      );
      kept.push(unit);
      continue;
    }
    // Checked with the rest, so that a refused file names every problem at once, conflicts and all.
    if (edited && !options.force && unit.revision !== revision(now ?? ''))
      conflicts.push({
        namespace: unit.namespace,
        id: unit.id,
        ...(unit.position ? { position: unit.position } : {}),
        current: now ?? '',
        incoming: unit.target,
      });
    const unchanged = !edited && status?.state === unit.state && (status?.stale ?? false) === unit.stale;
    nsTargets.set(unit.id, unit.target);
    if (unchanged && before?.targetHash === revision(unit.target)) continue;
    // A target edited after review needs reviewing again, whatever state the translator's tool left on it.
    const state = edited && unit.state === status?.state && VOUCHED_STATES.has(unit.state) ? 'translated' : unit.state;
    // Still marked stale: the translation keeps the English it was made from; otherwise it now translates this English.
    nsRecords.set(
      unit.id,
      unit.stale && before ? { ...before, state, targetHash: revision(unit.target) } : recordFor(unit.source, unit.target, state),
    );
    if (edited || status?.state !== state)
      changes.push({
        namespace: unit.namespace,
        id: unit.id,
        from: now === undefined ? 'missing' : (status?.state ?? 'translated'),
        to: state,
        textChanged: edited,
      });
  }
  for (const conflict of conflicts)
    problems.error(
      origin,
      conflict.id,
      'conflict: changed in the project since this file was exported (npm run i18n:import -- --force takes this file’s text)',
      conflict.position,
    );
  if (problems.hasErrors && conflicts.length === 0) return refused(problems);

  // The files as they would be, checked together with everything else.
  const writes: SourceFile[] = [];
  for (const [namespace, nsTargets] of targets) {
    const values: Record<string, string> = {};
    const sidecar: Record<string, SegmentRecord> = {};
    for (const id of Object.keys(catalog.resources[source]![namespace]!)) {
      const target = nsTargets.get(id);
      if (target !== undefined) values[id] = target;
      const record = records.get(namespace)!.get(id);
      if (record && target !== undefined) sidecar[id] = record;
    }
    writes.push({ path: localeFile(locale, namespace), text: serializeJson(values) });
    writes.push({ path: sidecarFile(locale, namespace), text: serializeJson(sidecar) });
  }
  // A problem of a segment this file brings is placed at its unit in the exchange file, not in the JSON.
  const namespaceOf = (path: string) => path.replace(/^.*\//, '').replace(/(\.state)?\.json$/, '');
  const place = (candidate: ProjectFiles, only?: ReadonlySet<string>) => {
    for (const problem of checkProject(candidate).problems) {
      if (problem.severity !== 'error' || !problem.file.startsWith(`locales/${locale}/`)) continue;
      const key = `${namespaceOf(problem.file)}/${problem.segment}`;
      if (only && !only.has(key)) continue;
      if (problem.segment !== undefined && where.has(key)) problems.error(origin, problem.segment, problem.message, where.get(key));
      else problems.add(problem);
    }
  };
  const after = withWrites(files, writes);
  place(after);
  // A text the file holds but that is not applied must still be one this edition could publish: a file of
  // another language, or a broken one, is refused whole.
  if (kept.length > 0) {
    const proposed = new Map<string, Map<string, string>>();
    for (const unit of kept) {
      if (!proposed.has(unit.namespace)) proposed.set(unit.namespace, new Map(targets.get(unit.namespace) ?? current(unit.namespace)));
      proposed.get(unit.namespace)!.set(unit.id, unit.target!);
    }
    place(
      withWrites(
        after,
        [...proposed].map(([namespace, values]) => ({
          path: localeFile(locale, namespace),
          text: serializeJson(Object.fromEntries(values)),
        })),
      ),
      new Set(kept.map((u) => `${u.namespace}/${u.id}`)),
    );
  }
  if (problems.hasErrors) return refused(problems, conflicts);
  return { writes, problems: problems.items, changes, conflicts, locale };
}
