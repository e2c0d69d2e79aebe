import {
  GLOSSARY_NAMESPACE,
  UI_NAMESPACE,
  articleSegments,
  type Article,
  type ArgumentSpec,
  type Catalog,
  type SegmentStatus,
} from '../../site/content.ts';
import { describeEdition, type EditionState } from '../../site/editions.ts';
import { sha256 } from '../../site/hash.ts';
import { ALLOWED_TAGS, isAllowedTag, NOTE_TAG } from '../../site/rich-text.ts';
import { parseArticle } from './content.ts';
import { EDITIONS_FILE, parseEditions } from './editions.ts';
import { IcuSyntaxError, messageShape, type ArgumentKind, type MessageShape } from './icu.ts';
import { locateProperties, parseFlatStrings, positionInString } from './json.ts';
import { ProblemList, type Position, type Problem } from './problems.ts';
import { MAX_LOCALE_FILE_BYTES, MAX_SEGMENT_LENGTH, mebibytes } from '../limits.ts';
import { foreignWords, invisibleCharacters, rulesFor, scriptName, unusableCharacters, withoutClosers } from './rules.ts';
import {
  PUBLISHED_STATES,
  VOUCHED_STATES,
  parseSidecar,
  revision,
  serializeJson,
  sidecarFile,
  type SegmentRecord,
  type SegmentState,
} from './sidecar.ts';

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

/** The project's files as they would be after `writes` (each in place of the file it names, or added) and `removals`. */
export function withWrites(files: ProjectFiles, writes: readonly SourceFile[], removals: readonly string[] = []): ProjectFiles {
  const written = new Set([...writes.map((w) => w.path), ...removals]);
  const merged = (kept: readonly SourceFile[], prefix: string) => [
    ...kept.filter((f) => !written.has(f.path)),
    ...writes.filter((w) => w.path.startsWith(prefix) && w.path !== files.editions.path),
  ];
  return {
    editions: writes.find((w) => w.path === files.editions.path) ?? files.editions,
    content: merged(files.content, 'content/'),
    locales: merged(files.locales, 'locales/'),
  };
}

/** Per translated edition: how much of it is there, and how much of that is ready. */
export interface LocaleSummary {
  readonly locale: string;
  /** The edition's state in locales/editions.json. */
  readonly edition: EditionState;
  readonly segments: number;
  /** In a published state (translated, reviewed, final). */
  readonly translated: number;
  /** In the `initial` state: there, but served in English until it is translated. */
  readonly draft: number;
  readonly missing: number;
  readonly stale: number;
  /** Segments with an error: not counted as done, whatever their state. */
  readonly errors: number;
  /** Published, not stale, without an error. */
  readonly done: number;
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

const SEGMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NAME = /^[A-Za-z][A-Za-z0-9]*(?:_[a-z]+)?$/;

const ARGUMENT_KINDS: Record<keyof UnionKeys<ArgumentSpec>, ReadonlySet<ArgumentKind>> = {
  weekday: new Set(['argument', 'select']),
  number: new Set(['argument', 'number', 'plural']),
  date: new Set(['date']),
};
type UnionKeys<T> = { [K in T extends unknown ? keyof T : never]: true };

export const localeFile = (locale: string, namespace: string): string => `locales/${locale}/${namespace}.json`;

/** A table of locale → namespace → segment id → value, built without a plain object's inherited keys. */
type Table<T> = Record<string, Record<string, Record<string, T>>>;
/**
 * What checking one article found where it found no error: its warnings (placed), the segments each edition
 * publishes or holds as drafts with their states, the segments not translated yet, and the names they use. Kept
 * between checks by whoever checks often (the build), under a key of every file the article's check reads, so an
 * article none of them changed in is not checked again: the result is the same, to the order of the warnings.
 */
export interface ArticleCheck {
  readonly problems: readonly Problem[];
  /** Per edition, a line per segment in the order the check found them: `id` for the source, `id state stale` for a translation. */
  readonly segments: Readonly<Record<string, string>>;
  /** `locale id` of each segment not translated yet. */
  readonly untranslated: readonly string[];
  /** Per edition, the names (glossary entries and their bases) its segments use. */
  readonly names: Readonly<Record<string, readonly string[]>>;
}

/** Where `checkProject` keeps and finds articles' checks, and the hash of a file's text (the keys are made of them). */
export interface CheckMemo {
  readonly hashOf: (file: SourceFile) => string;
  readonly get: (slug: string, key: string) => ArticleCheck | undefined;
  readonly set: (slug: string, key: string, check: ArticleCheck) => void;
}

const put = <T>(table: Table<T>, locale: string, namespace: string, id: string, value: T) => {
  const byNamespace = (table[locale] ??= Object.create(null) as Record<string, Record<string, T>>);
  (byNamespace[namespace] ??= Object.create(null) as Record<string, T>)[id] = value;
};

/**
 * Validates every content and locale file against English and the content model. Pure: it reads the texts it
 * is given and returns each problem with its file, position and segment, and the catalog the pages are built
 * from: published texts (the source, and translations translated, reviewed or final), drafts apart.
 */
export function checkProject(files: ProjectFiles, memo?: CheckMemo): CheckResult {
  const problems = new ProblemList();
  const editionsFile = parseEditions(files.editions.path, files.editions.text, problems);
  if (!editionsFile) return { problems: problems.items, summaries: [] };
  const locales = Object.keys(editionsFile.editions);
  const source = editionsFile.source;
  const scripts = new Map(locales.map((l) => [l, describeEdition(l, editionsFile.editions[l]!).script]));
  const articles: Article[] = [];
  // Articles whose content file fails: their locale files are not read, and that is not their problem.
  const unreadArticles = new Set<string>();
  for (const file of [...files.content].sort((a, b) => a.path.localeCompare(b.path))) {
    const article = parseArticle(file.path, file.text, problems);
    if (article) articles.push(article);
    else unreadArticles.add(file.path.replace(/^.*\//, '').replace(/\.json$/, ''));
  }
  const namespaces = new Set([UI_NAMESPACE, GLOSSARY_NAMESPACE, ...articles.map((a) => a.slug)]);

  // Read every locale file that exists.
  const unreadable = new Set<string>();
  const literals = new Map<string, { text: string; offsets: ReadonlyMap<string, number> }>();
  const read = new Map<string, Map<string, string>>();
  const sidecars = new Map<string, Map<string, SegmentRecord>>();
  const recorded = new Map<string, string>();
  for (const file of files.locales) {
    if (file.path.endsWith('.state.json')) {
      sidecars.set(file.path, parseSidecar(file.path, file.text, problems, recorded));
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
    if (!namespaces.has(namespace)) {
      if (!unreadArticles.has(namespace)) problems.warning(file.path, undefined, `not read: no article content/${namespace}.json`);
      continue;
    }
    if (file.text.length > MAX_LOCALE_FILE_BYTES) {
      problems.error(
        file.path,
        undefined,
        `larger than the ${mebibytes(MAX_LOCALE_FILE_BYTES)} a locale file may have (TRANSLATING.md, "Limits")`,
      );
      unreadable.add(`${locale}/${namespace}`);
      continue;
    }
    const offsets = new Map<string, number>();
    literals.set(file.path, { text: file.text, offsets });
    const values = parseFlatStrings(file.path, file.text, problems, offsets);
    // A file that is not valid JSON is its language's one problem: what it would hold is not guessed at.
    if (!values) {
      unreadable.add(`${locale}/${namespace}`);
      continue;
    }
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

  const context: NamespaceContext = {
    problems,
    resources: Object.create(null) as Table<string>,
    drafts: Object.create(null) as Table<string>,
    status: Object.create(null) as Table<SegmentStatus>,
    erroneous: new Set(),
    untranslated: new Map(),
    unreadable,
    positionIn: (path, id, index) => {
      const file = literals.get(path);
      // A file read fast has no offsets yet: found now, as a problem asks.
      if (file && file.offsets.size === 0) locateProperties(file.text, new Map(), file.offsets as Map<string, number>);
      const literal = file?.offsets.get(id);
      return file && literal !== undefined ? positionInString(file.text, literal, index) : undefined;
    },
    fileValues,
    sidecars,
    locales,
    source,
    scripts,
  };

  // Glossaries: names, one line each, in the language's script or in Latin (as names of organisations often are).
  const glossaries = new Map<string, Map<string, string>>();
  for (const locale of locales) {
    const glossary = fileValues(locale, GLOSSARY_NAMESPACE) ?? new Map<string, string>();
    const path = localeFile(locale, GLOSSARY_NAMESPACE);
    for (const [name, value] of glossary) {
      if (!NAME.test(name)) problems.error(path, name, 'a name is letters and digits, with an optional case suffix such as _gen');
      if (value.trim() === '') problems.error(path, name, 'empty');
      if (/[{}<>]/.test(value)) problems.error(path, name, 'a name may not contain { } < or >');
      checkCharacters(problems, path, name, value);
      checkText(context, locale, path, name, value, 'Latn');
      put(context.resources, locale, GLOSSARY_NAMESPACE, name, value);
    }
    glossaries.set(locale, glossary);
  }

  // Interface strings: the same keys and arguments as English.
  checkNamespace(context, UI_NAMESPACE, () => () => false);

  const usedNames = new Map<string, Set<string>>(locales.map((locale) => [locale, new Set<string>()]));
  // What an article's check reads, besides its content file: in every edition, its locale file, its sidecar and
  // the glossary.
  const byPath = memo ? new Map(files.locales.map((f) => [f.path, f])) : undefined;
  const contentByPath = memo ? new Map(files.content.map((f) => [f.path, f])) : undefined;
  const hashAt = (path: string, from: ReadonlyMap<string, SourceFile>) => {
    const file = from.get(path);
    return file ? memo!.hashOf(file) : '-';
  };
  const articleKey = (slug: string) =>
    sha256(
      [
        memo!.hashOf(files.editions),
        hashAt(`content/${slug}.json`, contentByPath!),
        ...locales.flatMap((l) =>
          [localeFile(l, slug), sidecarFile(l, slug), localeFile(l, GLOSSARY_NAMESPACE)].map((p) => hashAt(p, byPath!)),
        ),
      ].join(' '),
    );
  // Articles: the same segments as the content file, names from each glossary, the same data arguments.
  for (const article of articles) {
    const key = memo ? articleKey(article.slug) : undefined;
    const kept = key === undefined ? undefined : memo!.get(article.slug, key);
    if (kept) {
      replayArticle(context, article.slug, kept, read, usedNames);
      continue;
    }
    const mark = { problems: problems.size, erroneous: context.erroneous.size };
    const names = new Map<string, Set<string>>(locales.map((locale) => [locale, new Set<string>()]));
    const segments = articleSegments(article);
    const english = fileValues(source, article.slug);
    const path = localeFile(source, article.slug);
    if (english) {
      for (const { id } of segments)
        if (!english.has(id)) problems.error(path, id, `missing: content/${article.slug}.json names this segment`);
      for (const id of english.keys())
        if (!segments.some((s) => s.id === id)) problems.error(path, id, `no block of content/${article.slug}.json names this segment`);
    }
    const englishNames = new Map<string, string[]>();
    const roles: SegmentRoles = {
      noted: new Set((article.notes ?? []).map((note) => note.on)),
      datelines: new Set(article.blocks.flatMap((block) => (block.type === 'paragraph' && block.dateline ? [block.dateline] : []))),
    };
    checkNamespace(
      context,
      article.slug,
      (locale, segment, shape, file) => {
        for (const name of shape.arguments.keys()) names.get(locale)?.add(name).add(nameBase(name));
        if (locale === source) englishNames.set(segment, [...shape.arguments.keys()]);
        const glossary = unreadable.has(`${locale}/${GLOSSARY_NAMESPACE}`) ? undefined : glossaries.get(locale)!;
        return checkArguments(problems, article, glossary, locale, segment, shape, file);
      },
      roles,
    );
    // A segment not translated yet will use the names its English uses.
    for (const { locale, id } of context.untranslated.get(article.slug) ?? [])
      for (const name of englishNames.get(id) ?? []) names.get(locale)?.add(name);
    for (const [locale, used] of names) for (const name of used) usedNames.get(locale)!.add(name);
    // Kept only where the article's check found no error: a build with one does not go on.
    if (key !== undefined && !problems.hasErrorsSince(mark.problems) && context.erroneous.size === mark.erroneous)
      memo!.set(article.slug, key, {
        problems: problems.itemsSince(mark.problems),
        segments: Object.fromEntries(locales.map((l) => [l, segmentLines(context, l, article.slug)])),
        untranslated: (context.untranslated.get(article.slug) ?? []).map(({ locale, id }) => `${locale} ${id}`),
        names: Object.fromEntries([...names].map(([l, used]) => [l, [...used]])),
      });
  }
  // A language with a file that cannot be read uses names no one can see: no warning about them.
  const partlyRead = (locale: string) => [...unreadable].some((key) => key.startsWith(`${locale}/`));
  for (const locale of locales.filter((l) => !partlyRead(l)))
    for (const name of glossaries.get(locale)?.keys() ?? [])
      if (!usedNames.get(locale)!.has(name)) problems.warning(localeFile(locale, GLOSSARY_NAMESPACE), name, 'not used by any segment');

  const sorted = [...problems.items].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const translatable = [UI_NAMESPACE, ...articles.map((a) => a.slug)];
  const summaries = locales
    .filter((l) => l !== source)
    .map((locale) => ({ ...summarize(context, locale, translatable), edition: editionsFile.editions[locale]!.state }));
  if (problems.hasErrors) return { problems: sorted, summaries };
  const { resources, drafts, status } = context;
  return { problems: sorted, summaries, catalog: { editions: editionsFile, articles, resources, drafts, status } };
}

interface NamespaceContext {
  readonly problems: ProblemList;
  /** Published texts: what the pages show. */
  readonly resources: Table<string>;
  /** Translations in the `initial` state: listed for review, served in the source language. */
  readonly drafts: Table<string>;
  readonly status: Table<SegmentStatus>;
  /** `locale/namespace/id` of every segment with an error. */
  readonly erroneous: Set<string>;
  /** By namespace, every segment not translated yet ("" in the state initial). */
  readonly untranslated: Map<string, { readonly locale: string; readonly id: string }[]>;
  /** `locale/namespace` of every locale file that could not be read (not JSON, too large): all its segments are in error. */
  readonly unreadable: ReadonlySet<string>;
  /** Where the character at `index` of a segment's text is in its file. */
  readonly positionIn: (path: string, id: string, index: number) => Position | undefined;
  readonly fileValues: (locale: string, namespace: string) => Map<string, string> | undefined;
  readonly sidecars: ReadonlyMap<string, ReadonlyMap<string, SegmentRecord>>;
  /** Every edition, the source they are translated from, and each edition's script (ISO 15924). */
  readonly locales: readonly string[];
  readonly source: string;
  readonly scripts: ReadonlyMap<string, string>;
}

/** An edition's segments of an article as `ArticleCheck` keeps them. */
function segmentLines(context: NamespaceContext, locale: string, slug: string): string {
  if (locale === context.source) return Object.keys(context.resources[locale]?.[slug] ?? {}).join('\n');
  return Object.entries(context.status[locale]?.[slug] ?? {})
    .map(([id, { state, stale }]) => `${id} ${state} ${stale ? 1 : 0}`)
    .join('\n');
}

/** An article's check as it was kept: what checking it again would add to the problems and the catalog. */
function replayArticle(
  context: NamespaceContext,
  slug: string,
  kept: ArticleCheck,
  read: ReadonlyMap<string, ReadonlyMap<string, string>>,
  usedNames: ReadonlyMap<string, Set<string>>,
): void {
  for (const problem of kept.problems) context.problems.add(problem);
  for (const [locale, lines] of Object.entries(kept.segments)) {
    if (lines === '') continue;
    const values = read.get(localeFile(locale, slug))!;
    for (const line of lines.split('\n')) {
      const [id = '', state, stale] = line.split(' ');
      if (locale === context.source) {
        put(context.resources, locale, slug, id, values.get(id)!);
        continue;
      }
      put(context.status, locale, slug, id, { state: state as SegmentState, stale: stale === '1' });
      put(PUBLISHED_STATES.has(state as SegmentState) ? context.resources : context.drafts, locale, slug, id, values.get(id)!);
    }
  }
  for (const entry of kept.untranslated) {
    const [locale = '', id = ''] = entry.split(' ');
    let list = context.untranslated.get(slug);
    if (!list) context.untranslated.set(slug, (list = []));
    list.push({ locale, id });
  }
  for (const [locale, names] of Object.entries(kept.names)) for (const name of names) usedNames.get(locale)?.add(name);
}

function summarize(context: NamespaceContext, locale: string, namespaces: readonly string[]): Omit<LocaleSummary, 'edition'> {
  let segments = 0;
  let translated = 0;
  let draft = 0;
  let stale = 0;
  let errors = 0;
  let done = 0;
  for (const namespace of namespaces) {
    const ids = Object.keys(context.resources[context.source]?.[namespace] ?? {});
    segments += ids.length;
    if (context.unreadable.has(`${locale}/${namespace}`)) {
      errors += ids.length;
      continue;
    }
    for (const id of ids) {
      const status = context.status[locale]?.[namespace]?.[id];
      const erroneous = context.erroneous.has(`${locale}/${namespace}/${id}`);
      if (erroneous) errors++;
      if (!status) continue;
      if (status.state === 'initial') draft++;
      else translated++;
      if (status.stale) stale++;
      if (status.state !== 'initial' && !status.stale && !erroneous) done++;
    }
  }
  return { locale, segments, translated, draft, missing: segments - translated - draft, stale, errors, done };
}

/**
 * Refuses what no text may be: longer than `MAX_SEGMENT_LENGTH` characters, or holding characters that are not
 * text (controls, non-characters, U+FFFD for bytes that were not UTF-8). False when the text is refused.
 */
function checkCharacters(problems: ProblemList, path: string, id: string, text: string): boolean {
  let ok = true;
  // Code points, counted only where they may be few enough (a UTF-16 unit is at most one code point).
  const length = text.length > MAX_SEGMENT_LENGTH * 2 ? text.length : [...text].length;
  if (length > MAX_SEGMENT_LENGTH) {
    problems.error(
      path,
      id,
      `${length} characters, more than the ${MAX_SEGMENT_LENGTH} a segment may have (TRANSLATING.md, "Limits"): split it`,
    );
    ok = false;
  }
  const unusable = unusableCharacters(text.length > MAX_SEGMENT_LENGTH * 2 ? text.slice(0, MAX_SEGMENT_LENGTH * 2) : text);
  if (unusable.length > 0) {
    problems.error(
      path,
      id,
      `characters that are not text (${unusable.join(', ')}): a control character, a non-character, or U+FFFD where bytes were not UTF-8; retype the text around them`,
    );
    ok = false;
  }
  return ok;
}

/** Checks a segment's arguments in its namespace; returns which of them are names, which each language may inflect. */
type ArgumentCheck = (locale: string, segment: string, shape: MessageShape, file: string) => IsName;
type IsName = (argument: string) => boolean;

/**
 * The rules every text of a locale is checked against: its language's table, invisible characters, and its
 * script: letters outside the edition's script (or `also`, for names) mean another language's text.
 */
function checkText(context: NamespaceContext, locale: string, path: string, id: string, text: string, also?: string): void {
  const { problems } = context;
  for (const rule of rulesFor(locale)) if (rule.pattern.test(text)) problems[rule.severity](path, id, rule.message);
  const invisible = invisibleCharacters(locale, text);
  if (invisible.length > 0)
    problems.warning(
      path,
      id,
      `invisible format characters (${invisible.join(', ')}): nothing shows them, and they break search and copying`,
    );
  const script = context.scripts.get(locale)!;
  const foreign = foreignWords(text, script, also);
  if (foreign && foreign.length > 0)
    problems.error(
      path,
      id,
      `letters outside the ${scriptName(script)} script of "${locale}" (${foreign.map((w) => `“${w}”`).join(', ')}): is this text of another language? Names come from the glossary`,
    );
}

/** What an article's blocks allow its segments beyond English's shape. */
interface SegmentRoles {
  /** Segments an editor's note is about: a translation may say where its marker goes (`<note></note>`). */
  readonly noted: ReadonlySet<string>;
  /** Datelines: each edition writes one as its newsroom does, and may leave out a name (the country after a capital). */
  readonly datelines: ReadonlySet<string>;
}

const NO_ROLES: SegmentRoles = { noted: new Set(), datelines: new Set() };

/**
 * Checks one namespace in every locale against English: keys, ICU syntax, empty values, text rules, arguments
 * and tags, and each translation's state. `namesOf` checks what is particular to the namespace and returns the
 * arguments that are names (which each language may inflect), so the rest must match English exactly.
 */
function checkNamespace(context: NamespaceContext, namespace: string, namesOf: ArgumentCheck, roles: SegmentRoles = NO_ROLES): void {
  const { problems, fileValues, locales, source } = context;
  const english = fileValues(source, namespace);
  const englishShapes = new Map<string, MessageShape>();
  for (const locale of locales) {
    const values = locale === source ? english : fileValues(locale, namespace);
    if (!values) continue;
    const path = localeFile(locale, namespace);
    const accepted = new Map<string, string>();
    for (const [id, message] of values) {
      const before = problems.size;
      if (locale === source && !SEGMENT_ID.test(id)) problems.error(path, id, 'segment ids are lower-case words joined by hyphens');
      else if (english && !english.has(id)) {
        problems.error(path, id, 'English has no such segment');
        continue;
      }
      if (!checkCharacters(problems, path, id, message)) {
        context.erroneous.add(`${locale}/${namespace}/${id}`);
        continue;
      }
      if (message.trim() === '') {
        // Not translated yet (as npm run i18n:add writes a new language): served in English until it is.
        if (message === '' && locale !== source && context.sidecars.get(sidecarFile(locale, namespace))?.get(id)?.state === 'initial') {
          let list = context.untranslated.get(namespace);
          if (!list) context.untranslated.set(namespace, (list = []));
          list.push({ locale, id });
          continue;
        }
        problems.error(path, id, 'empty (a segment not translated yet is "" in the state initial, and served in English)');
        context.erroneous.add(`${locale}/${namespace}/${id}`);
        continue;
      }
      let shape: MessageShape;
      try {
        shape = messageShape(message);
      } catch (error) {
        if (!(error instanceof IcuSyntaxError)) throw error;
        // At the character that is wrong, as an editor jumps to it.
        const at = error.offset === undefined ? undefined : context.positionIn(path, id, error.offset);
        problems.error(path, id, error.message, at);
        context.erroneous.add(`${locale}/${namespace}/${id}`);
        continue;
      }
      checkText(context, locale, path, id, shape.text);
      for (const tag of shape.tags)
        if (tag === NOTE_TAG) checkNoteMark(problems, path, id, message, roles.noted.has(id));
        else if (!isAllowedTag(tag))
          problems.error(
            path,
            id,
            `tag <${tag}> is not allowed: a segment may use only ${ALLOWED_TAGS.map((t) => `<${t}>`).join(' and ')}`,
          );
      const isName = namesOf(locale, id, shape, path);
      const sourceShape = englishShapes.get(id);
      if (locale === source) englishShapes.set(id, shape);
      else if (sourceShape) {
        compareWithEnglish(problems, path, id, shape, sourceShape, isName, roles.datelines.has(id));
        checkStyle(problems, path, id, shape, sourceShape);
      }
      if (problems.hasErrorsSince(before)) context.erroneous.add(`${locale}/${namespace}/${id}`);
      accepted.set(id, message);
    }
    if (english && locale !== source) {
      for (const [id, text] of english) if (!values.has(id)) problems.error(path, id, `missing (English: "${text}")`);
      recordStatus(context, locale, namespace, english, accepted);
    } else
      // Keep English order, so every edition lists its segments alike.
      for (const [id, message] of accepted) put(context.resources, locale, namespace, id, message);
  }
}

function compareWithEnglish(
  problems: ProblemList,
  path: string,
  id: string,
  shape: MessageShape,
  source: MessageShape,
  isName: IsName,
  namesOptional: boolean,
): void {
  const plain = (s: MessageShape) => new Set([...s.arguments.keys()].filter((a) => !isName(a)));
  const mine = plain(shape);
  const theirs = plain(source);
  for (const a of theirs) if (!mine.has(a)) problems.error(path, id, `argument {${a}} of the English is missing`);
  for (const a of mine) if (!theirs.has(a)) problems.error(path, id, `argument {${a}} is not in the English`);
  const myNames = new Set([...shape.arguments.keys()].filter(isName).map(nameBase));
  for (const a of source.arguments.keys())
    if (isName(a) && !myNames.has(a) && !namesOptional) problems.error(path, id, `name {${a}} of the English is missing`);
  // The note marker's place is each language's own (checkNoteMark): not compared with English.
  for (const t of source.tags) if (t !== NOTE_TAG && !shape.tags.has(t)) problems.error(path, id, `tag <${t}> of the English is missing`);
  for (const t of shape.tags) if (t !== NOTE_TAG && !source.tags.has(t)) problems.error(path, id, `tag <${t}> is not in the English`);
}

/** `<note></note>`: only in a segment an editor's note is about, once, and empty (it marks a place). */
function checkNoteMark(problems: ProblemList, path: string, id: string, message: string, noted: boolean): void {
  if (!noted)
    problems.error(
      path,
      id,
      `<${NOTE_TAG}></${NOTE_TAG}> marks where an editor's note's marker goes: no editor's note is about this segment`,
    );
  else if ((message.match(new RegExp(`<${NOTE_TAG}>`, 'g')) ?? []).length > 1)
    problems.error(path, id, `<${NOTE_TAG}></${NOTE_TAG}> may appear once`);
  else if (!message.includes(`<${NOTE_TAG}></${NOTE_TAG}>`))
    problems.error(path, id, `<${NOTE_TAG}></${NOTE_TAG}> holds nothing: it marks a place`);
}

/** An article segment's arguments: data arguments from the content file, everything else a glossary name. */
function checkArguments(
  problems: ProblemList,
  article: Article,
  /** Undefined when the glossary could not be read: its names are not looked up. */
  glossary: ReadonlyMap<string, string> | undefined,
  locale: string,
  id: string,
  shape: MessageShape,
  path: string,
): IsName {
  for (const [name, kinds] of shape.arguments) {
    const spec = Object.hasOwn(article.arguments, name) ? article.arguments[name] : undefined;
    if (spec) {
      const type = 'weekday' in spec ? 'weekday' : 'date' in spec ? 'date' : 'number';
      for (const kind of kinds)
        if (!ARGUMENT_KINDS[type].has(kind)) problems.error(path, id, `argument {${name}} is a ${type} and cannot be formatted as ${kind}`);
      continue;
    }
    if (kinds.size !== 1 || !kinds.has('argument')) problems.error(path, id, `name {${name}} is inserted as it is, not formatted`);
    if (glossary && !glossary.has(name)) problems.error(path, id, `name {${name}} is not in ${localeFile(locale, GLOSSARY_NAMESPACE)}`);
  }
  return (argument) => !Object.hasOwn(article.arguments, argument);
}

const STOPS: Record<string, RegExp> = { '.': /[.。]$/, '?': /[?؟]$/ };

/** Warnings: what is probably wrong but may be deliberate. */
function checkStyle(problems: ProblemList, path: string, id: string, shape: MessageShape, source: MessageShape): void {
  if (/\p{L}/u.test(source.text) && shape.text === source.text) problems.warning(path, id, 'identical to the English: not translated?');
  const englishEnd = withoutClosers(source.text);
  const end = withoutClosers(shape.text);
  for (const [stop, pattern] of Object.entries(STOPS))
    if (englishEnd.endsWith(stop) && !pattern.test(end))
      problems.warning(path, id, `the English ends with "${stop}" and the translation does not`);
}

/**
 * Each translation's state, from the sidecar's record of it: stale where the English changed since; back to
 * `translated` where a reviewed or final text was edited since (the record keeps the revision it was given
 * to). Published states go to the pages; `initial` ones are drafts.
 */
function recordStatus(
  context: NamespaceContext,
  locale: string,
  namespace: string,
  english: ReadonlyMap<string, string>,
  accepted: ReadonlyMap<string, string>,
): void {
  const file = sidecarFile(locale, namespace);
  const records = context.sidecars.get(file);
  if (!records)
    context.problems.warning(
      file,
      undefined,
      'missing: states and stale segments cannot be known (npm run i18n:check -- --confirm records them)',
    );
  for (const [id, message] of english) {
    const target = accepted.get(id);
    if (target === undefined) continue;
    const record = records?.get(id);
    let state: SegmentState = record?.state ?? 'translated';
    if (records && !record) context.problems.warning(file, id, 'no record of the English this was translated from');
    // Written by someone since the tools left it untranslated or a draft: a translation now.
    if (record?.state === 'initial' && record.targetHash !== revision(target)) state = 'translated';
    if (record && VOUCHED_STATES.has(record.state) && record.targetHash !== revision(target)) {
      state = 'translated';
      context.problems.warning(
        localeFile(locale, namespace),
        id,
        `edited since it was ${record.state}: counted as translated until someone reviews it again (npm run i18n:check -- --confirm ${locale} ${id})`,
      );
    }
    const stale = record !== undefined && record.sourceHash !== revision(message);
    if (stale)
      context.problems.warning(
        localeFile(locale, namespace),
        id,
        `stale: the English changed since this was translated (it was: "${record.sourceText}")`,
      );
    put(context.status, locale, namespace, id, { state, stale });
    put(PUBLISHED_STATES.has(state) ? context.resources : context.drafts, locale, namespace, id, target);
  }
  for (const id of records?.keys() ?? [])
    if (!english.has(id)) context.problems.warning(file, id, 'a record of a segment English does not have');
}
