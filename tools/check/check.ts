import {
  GLOSSARY_NAMESPACE,
  UI_NAMESPACE,
  articleSegments,
  type Article,
  type ArgumentSpec,
  type Catalog,
  type SegmentStatus,
} from '../../site/content.ts';
import { ALLOWED_TAGS, isAllowedTag } from '../../site/rich-text.ts';
import { parseArticle } from './content.ts';
import { EDITIONS_FILE, parseEditions } from './editions.ts';
import { rulesFor } from './rules.ts';
import { IcuSyntaxError, messageShape, type ArgumentKind, type MessageShape } from './icu.ts';
import { parseFlatStrings } from './json.ts';
import { ProblemList, type Problem } from './problems.ts';
import { parseSidecar, serializeJson, sidecarFile, sourceHash, type SegmentRecord } from './sidecar.ts';

/** A file of the project, as text, with its path relative to the project root. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** The files the check reads: `locales/editions.json`, `content/<slug>.json` and `locales/<locale>/<namespace>.json`. */
export interface ProjectFiles {
  readonly editions: SourceFile;
  readonly content: readonly SourceFile[];
  readonly locales: readonly SourceFile[];
}

/** Per locale: how much of it is there. */
export interface LocaleSummary {
  readonly locale: string;
  readonly segments: number;
  readonly translated: number;
  readonly missing: number;
  readonly stale: number;
}

export interface CheckResult {
  readonly problems: readonly Problem[];
  readonly summaries: readonly LocaleSummary[];
  /** What the pages are built from; absent when any error was found. */
  readonly catalog?: Catalog;
}

/** Russian and other inflecting languages add case forms of a name: `putin_gen`, `iran_prep`. */
const CASE_SUFFIX = /_(?:nom|gen|dat|acc|ins|prep|loc)$/;
export const nameBase = (name: string): string => name.replace(CASE_SUFFIX, '');

const ARGUMENT_KINDS: Record<keyof UnionKeys<ArgumentSpec>, ReadonlySet<ArgumentKind>> = {
  weekday: new Set(['argument', 'select']),
  number: new Set(['argument', 'number', 'plural']),
};
type UnionKeys<T> = { [K in T extends unknown ? keyof T : never]: true };

export const localeFile = (locale: string, namespace: string): string => `locales/${locale}/${namespace}.json`;

/**
 * Validates every content and locale file against English and the content model.
 * Pure: it reads the texts it is given and returns each problem with its file and segment.
 */
export function checkProject(files: ProjectFiles): CheckResult {
  const problems = new ProblemList();
  const editionsFile = parseEditions(files.editions.path, files.editions.text, problems);
  if (!editionsFile) return { problems: problems.items, summaries: [] };
  const locales = Object.keys(editionsFile.editions);
  const source = editionsFile.source;
  const articles: Article[] = [];
  for (const file of [...files.content].sort((a, b) => a.path.localeCompare(b.path))) {
    const article = parseArticle(file.path, file.text, problems);
    if (article) articles.push(article);
  }
  const namespaces = [UI_NAMESPACE, GLOSSARY_NAMESPACE, ...articles.map((a) => a.slug)];

  // Read every locale file that exists.
  const read = new Map<string, Map<string, string>>();
  const sidecars = new Map<string, Map<string, SegmentRecord>>();
  for (const file of files.locales) {
    if (file.path.endsWith('.state.json')) {
      sidecars.set(file.path, parseSidecar(file.path, file.text, problems));
      continue;
    }
    const m = /^locales\/([^/]+)\/([^/.]+)\.json$/.exec(file.path);
    if (!m) {
      problems.warning(file.path, undefined, 'not read: locale files are locales/<locale>/<name>.json');
      continue;
    }
    const [, locale = '', namespace = ''] = m;
    if (!locales.includes(locale)) {
      problems.warning(file.path, undefined, `not read: "${locale}" is not an edition in ${EDITIONS_FILE}`);
      continue;
    }
    if (!namespaces.includes(namespace)) {
      problems.warning(file.path, undefined, `not read: no article content/${namespace}.json`);
      continue;
    }
    const values = parseFlatStrings(file.path, file.text, problems);
    if (!values) continue;
    read.set(file.path, values);
    if (serializeJson(Object.fromEntries(values)) !== file.text)
      problems.warning(file.path, undefined, 'not in the form the tools write (2-space JSON, final newline): an import will rewrite it');
  }
  const fileValues = (locale: string, namespace: string): Map<string, string> | undefined => {
    const path = localeFile(locale, namespace);
    const values = read.get(path);
    if (!values && !files.locales.some((f) => f.path === path)) problems.error(path, undefined, 'missing file');
    return values;
  };

  const resources: Record<string, Record<string, Record<string, string>>> = {};
  for (const locale of locales) resources[locale] = {};
  const status: StatusTable = {};
  const context: NamespaceContext = { problems, resources, status, fileValues, sidecars, locales, source };

  // Glossaries: names, one line each.
  const glossaries = new Map<string, Map<string, string>>();
  for (const locale of locales) {
    const glossary = fileValues(locale, GLOSSARY_NAMESPACE) ?? new Map<string, string>();
    const path = localeFile(locale, GLOSSARY_NAMESPACE);
    for (const [name, value] of glossary) {
      if (!/^[A-Za-z][A-Za-z0-9]*(?:_[a-z]+)?$/.test(name))
        problems.error(path, name, 'a name is letters and digits, with an optional case suffix such as _gen');
      if (value.trim() === '') problems.error(path, name, 'empty');
      if (/[{}<>]/.test(value)) problems.error(path, name, 'a name may not contain { } < or >');
      checkScript(problems, locale, path, name, value);
    }
    glossaries.set(locale, glossary);
    resources[locale]![GLOSSARY_NAMESPACE] = Object.fromEntries(glossary);
  }

  // Interface strings: the same keys and arguments as English.
  checkNamespace(context, UI_NAMESPACE, () => () => false);

  const usedNames = new Map<string, Set<string>>(locales.map((locale) => [locale, new Set<string>()]));
  // Articles: the same segments as the content file, names from each glossary, the same data arguments.
  for (const article of articles) {
    const segments = articleSegments(article);
    const english = fileValues(source, article.slug);
    const path = localeFile(source, article.slug);
    if (english) {
      for (const { id } of segments)
        if (!english.has(id)) problems.error(path, id, `missing: content/${article.slug}.json names this segment`);
      for (const id of english.keys())
        if (!segments.some((s) => s.id === id)) problems.error(path, id, `no block of content/${article.slug}.json names this segment`);
    }
    checkNamespace(context, article.slug, (locale, segment, shape, file) => {
      for (const name of shape.arguments.keys()) usedNames.get(locale)?.add(name).add(nameBase(name));
      return checkArguments(problems, article, glossaries.get(locale)!, locale, segment, shape, file);
    });
  }
  for (const locale of locales)
    for (const name of glossaries.get(locale)?.keys() ?? [])
      if (!usedNames.get(locale)!.has(name)) problems.warning(localeFile(locale, GLOSSARY_NAMESPACE), name, 'not used by any segment');

  const sorted = [...problems.items].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const translatable = [UI_NAMESPACE, ...articles.map((a) => a.slug)];
  const summaries = locales.filter((l) => l !== source).map((locale) => summarize(locale, source, translatable, resources, status));
  if (problems.hasErrors) return { problems: sorted, summaries };
  return { problems: sorted, summaries, catalog: { editions: editionsFile, articles, resources, status } };
}

type StatusTable = Record<string, Record<string, Record<string, SegmentStatus>>>;

interface NamespaceContext {
  readonly problems: ProblemList;
  readonly resources: Record<string, Record<string, Record<string, string>>>;
  readonly status: StatusTable;
  readonly fileValues: (locale: string, namespace: string) => Map<string, string> | undefined;
  readonly sidecars: ReadonlyMap<string, ReadonlyMap<string, SegmentRecord>>;
  /** Every edition, and the source they are translated from. */
  readonly locales: readonly string[];
  readonly source: string;
}

function summarize(
  locale: string,
  source: string,
  namespaces: readonly string[],
  resources: NamespaceContext['resources'],
  status: StatusTable,
): LocaleSummary {
  let segments = 0;
  let translated = 0;
  let stale = 0;
  for (const namespace of namespaces) {
    const english = Object.keys(resources[source]?.[namespace] ?? {});
    segments += english.length;
    for (const id of english) {
      if (resources[locale]?.[namespace]?.[id] === undefined) continue;
      translated++;
      if (status[locale]?.[namespace]?.[id]?.stale) stale++;
    }
  }
  return { locale, segments, translated, missing: segments - translated, stale };
}

/** Checks a segment's arguments in its namespace; returns which of them are names, which each language may inflect. */
type ArgumentCheck = (locale: string, segment: string, shape: MessageShape, file: string) => IsName;
type IsName = (argument: string) => boolean;

/**
 * Checks one namespace in every locale against English: keys, ICU syntax, empty values, script rules,
 * and arguments and tags. `namesOf` checks what is particular to the namespace and returns the
 * arguments that are names (which each language may inflect), so the rest must match English exactly.
 */
function checkNamespace(context: NamespaceContext, namespace: string, namesOf: ArgumentCheck): void {
  const { problems, resources, fileValues, locales, source } = context;
  const english = fileValues(source, namespace);
  const englishShapes = new Map<string, MessageShape>();
  for (const locale of locales) {
    const values = locale === source ? english : fileValues(locale, namespace);
    if (!values) continue;
    const path = localeFile(locale, namespace);
    const accepted: Record<string, string> = {};
    for (const [id, message] of values) {
      if (english && !english.has(id)) {
        problems.error(path, id, 'English has no such segment');
        continue;
      }
      if (message.trim() === '') {
        problems.error(path, id, 'empty');
        continue;
      }
      let shape: MessageShape;
      try {
        shape = messageShape(message);
      } catch (error) {
        if (!(error instanceof IcuSyntaxError)) throw error;
        problems.error(path, id, error.message);
        continue;
      }
      checkScript(problems, locale, path, id, shape.text);
      for (const tag of shape.tags)
        if (!isAllowedTag(tag))
          problems.error(
            path,
            id,
            `tag <${tag}> is not allowed: a segment may use only ${ALLOWED_TAGS.map((t) => `<${t}>`).join(' and ')}`,
          );
      const isName = namesOf(locale, id, shape, path);
      const sourceShape = englishShapes.get(id);
      if (locale === source) englishShapes.set(id, shape);
      else if (sourceShape) {
        compareWithEnglish(problems, path, id, shape, sourceShape, isName);
        checkStyle(problems, path, id, shape, sourceShape);
      }
      accepted[id] = message;
    }
    if (english && locale !== source) {
      for (const id of english.keys()) if (!values.has(id)) problems.error(path, id, `missing (English: "${english.get(id)}")`);
      recordStatus(context, locale, namespace, english, accepted);
    }
    // Keep English order, so every edition lists its segments alike.
    const ordered: Record<string, string> = {};
    for (const id of english?.keys() ?? values.keys()) if (accepted[id] !== undefined) ordered[id] = accepted[id];
    resources[locale]![namespace] = ordered;
  }
}

function compareWithEnglish(
  problems: ProblemList,
  path: string,
  id: string,
  shape: MessageShape,
  source: MessageShape,
  isName: IsName,
): void {
  const plain = (s: MessageShape) => new Set([...s.arguments.keys()].filter((a) => !isName(a)));
  const mine = plain(shape);
  const theirs = plain(source);
  for (const a of theirs) if (!mine.has(a)) problems.error(path, id, `argument {${a}} of the English is missing`);
  for (const a of mine) if (!theirs.has(a)) problems.error(path, id, `argument {${a}} is not in the English`);
  const myNames = new Set([...shape.arguments.keys()].filter(isName).map(nameBase));
  for (const a of source.arguments.keys())
    if (isName(a) && !myNames.has(a)) problems.error(path, id, `name {${a}} of the English is missing`);
  for (const t of source.tags) if (!shape.tags.has(t)) problems.error(path, id, `tag <${t}> of the English is missing`);
  for (const t of shape.tags) if (!source.tags.has(t)) problems.error(path, id, `tag <${t}> is not in the English`);
}

/** An article segment's arguments: data arguments from the content file, everything else a glossary name. */
function checkArguments(
  problems: ProblemList,
  article: Article,
  glossary: ReadonlyMap<string, string>,
  locale: string,
  id: string,
  shape: MessageShape,
  path: string,
): IsName {
  for (const [name, kinds] of shape.arguments) {
    const spec = article.arguments[name];
    if (spec) {
      const allowed = ARGUMENT_KINDS['weekday' in spec ? 'weekday' : 'number'];
      for (const kind of kinds)
        if (!allowed.has(kind))
          problems.error(
            path,
            id,
            `argument {${name}} is ${'weekday' in spec ? 'a weekday' : 'a number'} and cannot be formatted as ${kind}`,
          );
      continue;
    }
    if (kinds.size !== 1 || !kinds.has('argument')) problems.error(path, id, `name {${name}} is inserted as it is, not formatted`);
    if (!glossary.has(name)) problems.error(path, id, `name {${name}} is not in ${localeFile(locale, GLOSSARY_NAMESPACE)}`);
  }
  return (argument) => article.arguments[argument] === undefined;
}

// Closing quotation marks and brackets that may follow a sentence's last stop.
const CLOSERS = /[\s”’»"')\]]+$/;
const STOPS: Record<string, RegExp> = { '.': /[.。]$/, '?': /[?؟]$/ };

/** Warnings: what is probably wrong but may be deliberate. */
function checkStyle(problems: ProblemList, path: string, id: string, shape: MessageShape, source: MessageShape): void {
  const letters = /\p{L}/u;
  if (letters.test(source.text) && shape.text === source.text) problems.warning(path, id, 'identical to the English: not translated?');
  const englishEnd = source.text.replace(CLOSERS, '');
  const end = shape.text.replace(CLOSERS, '');
  for (const [stop, pattern] of Object.entries(STOPS))
    if (englishEnd.endsWith(stop) && !pattern.test(end))
      problems.warning(path, id, `the English ends with "${stop}" and the translation does not`);
}

/** Compares each segment with the sidecar's record of the English it was translated from. */
function recordStatus(
  context: NamespaceContext,
  locale: string,
  namespace: string,
  english: ReadonlyMap<string, string>,
  accepted: Readonly<Record<string, string>>,
): void {
  const file = sidecarFile(locale, namespace);
  const records = context.sidecars.get(file);
  if (!records)
    context.problems.warning(file, undefined, 'missing: stale segments cannot be found (npm run i18n:check -- --confirm records them)');
  const table: Record<string, SegmentStatus> = {};
  for (const [id, message] of english) {
    if (accepted[id] === undefined) continue;
    const record = records?.get(id);
    if (!record) {
      if (records) context.problems.warning(file, id, 'no record of the English this was translated from');
      table[id] = { state: 'translated', stale: false };
      continue;
    }
    const stale = record.sourceHash !== sourceHash(message);
    if (stale)
      context.problems.warning(
        localeFile(locale, namespace),
        id,
        `stale: the English changed since this was translated (it was: "${record.sourceText}")`,
      );
    table[id] = { state: record.state, stale };
  }
  for (const id of records?.keys() ?? [])
    if (!english.has(id)) context.problems.warning(file, id, 'a record of a segment English does not have');
  (context.status[locale] ??= {})[namespace] = table;
}

/** The rules of the locale's language (tools/check/rules.ts) on one text. */
function checkScript(problems: ProblemList, locale: string, path: string, id: string, text: string): void {
  for (const rule of rulesFor(locale)) if (rule.pattern.test(text)) problems[rule.severity](path, id, rule.message);
}
