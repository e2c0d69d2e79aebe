import type { Article } from '../../site/content.ts';
import { localeFile, type ProjectFiles, type SourceFile } from '../check/check.ts';
import { isIsoDate } from '../check/content.ts';
import { parseFlatStrings } from '../check/json.ts';
import { ProblemList } from '../check/problems.ts';
import { readSidecar, recordFor, revision } from '../check/sidecar.ts';
import { carryOver } from '../memory/placeables.ts';
import { MEMORY_FILE, storeEntries, type MemoryEntry } from '../memory/store.ts';
import { align } from './align.ts';
import {
  articleContent,
  articleWrites,
  newId,
  readArticleInput,
  verifyArticle,
  type ArticleChange,
  type ArticleFile,
  type EditionText,
  type Prefilled,
} from './files.ts';
import { englishArticle, type SegmentRole } from './segments.ts';

/** What `article:update` did, segment by segment. */
export interface UpdateReport {
  readonly slug: string;
  readonly unchanged: readonly string[];
  /** Segments whose English changed: their translations are stale in every edition until updated or confirmed. */
  readonly edited: readonly { readonly id: string; readonly before: string; readonly after: string }[];
  readonly added: readonly string[];
  /** Segments the corrected English no longer has: their translations are kept in the memory. */
  readonly removed: readonly string[];
  readonly prefilled: readonly Prefilled[];
  /** Translations of edited segments that no longer fit the English (other names or numbers): kept in the memory, untranslated here. */
  readonly setAside: readonly { readonly locale: string; readonly id: string }[];
  /** Translations the memory file keeps from now on. */
  readonly remembered: number;
}

export interface UpdateOptions {
  /** The article to correct, where the file gives no slug and its headline changed. */
  readonly slug?: string;
  /** The correction's date (YYYY-MM-DD), recorded as the article's `modified.date`: today in the article's time zone unless given. */
  readonly date?: string;
  /** What was corrected, kept with the date (not shown to readers). */
  readonly note?: string;
}

/** Each segment of an article with its role, from its content file. */
function previousSegments(article: Article, english: ReadonlyMap<string, string>) {
  const segments: { id: string; role: SegmentRole; message: string }[] = [];
  const add = (id: string, role: SegmentRole) => segments.push({ id, role, message: english.get(id) ?? '' });
  for (const block of article.blocks) {
    if (block.type === 'photo') {
      add(block.alt, 'photo-alt');
      add(block.caption, 'photo-caption');
      add(block.credit, 'photo-credit');
    } else if (block.type === 'paragraph') {
      if (block.dateline) add(block.dateline, 'dateline');
      for (const id of block.segments) add(id, 'paragraph');
    } else add(block.segment, block.type === 'source' ? 'source-line' : block.type);
  }
  for (const note of article.notes ?? []) add(note.segment, 'note');
  return segments;
}

/**
 * A correction: the article file's English aligned with the article's (see `align`). An unchanged segment keeps
 * its id and every translation, byte for byte; an edited one keeps its id, and its translations become stale
 * (their data arguments renamed to the new English's where only the numbers changed); a new one gets a new id,
 * untranslated or a draft from the memory; a removed one leaves the article, its translations kept in the
 * memory (as are an edited segment's, with the English they were made from). The correction's date becomes
 * the article's `modified.date`. Refused whole, every problem named, as `article:add` is.
 */
export function updateArticle(
  files: ProjectFiles,
  memoryFile: SourceFile | undefined,
  file: ArticleFile,
  options: UpdateOptions,
): ArticleChange<UpdateReport> {
  const problems = new ProblemList();
  const refused = () => ({ writes: [], problems: problems.items });
  const input = readArticleInput(files, memoryFile, file, problems);
  if (!input) return refused();
  const { catalog, memory, stored, isName, source } = input;
  const { meta } = source;
  const slug = options.slug ?? input.slug;
  const previous = catalog.articles.find((a) => a.slug === slug);
  if (!previous)
    problems.error(
      file.path,
      undefined,
      `slug: no article "${slug}" to correct (content/${slug}.json): give its slug (slug: in the file, or --slug), or add it with npm run article:add`,
      (meta.slug ?? meta.headline).position,
    );
  // en-CA writes a date as YYYY-MM-DD.
  const date = options.date ?? new Intl.DateTimeFormat('en-CA', { timeZone: meta.timeZone }).format(new Date());
  if (!isIsoDate(date)) problems.error(file.path, undefined, `--date: "${date}" is not a date YYYY-MM-DD`);
  else if (date < meta.published.text)
    problems.error(
      file.path,
      undefined,
      `--date: a correction (${date}) cannot come before publication (${meta.published.text})`,
      meta.published.position,
    );
  if (problems.hasErrors || !previous) return refused();

  const sourceLocale = catalog.editions.source;
  const oldEnglish = new Map(Object.entries(catalog.resources[sourceLocale]?.[slug] ?? {}));
  const before = previousSegments(previous, oldEnglish);
  const english = englishArticle(source, input.writer);
  const alignment = align(before, english.segments);
  const taken = new Set([...before.map((s) => s.id)]);
  const ids = english.segments.map((segment, i) => {
    const aligned = alignment.segments[i]!;
    return aligned.change === 'new' ? newId(segment, taken) : aligned.id;
  });
  const messages = new Map(english.segments.map((s, i) => [ids[i]!, s.message]));
  const edited = alignment.segments.flatMap((a) =>
    a.change === 'edited' ? [{ id: a.id, before: oldEnglish.get(a.id) ?? '', after: messages.get(a.id)! }] : [],
  );
  const added = ids.filter((_, i) => alignment.segments[i]!.change === 'new');
  const unchangedText = edited.length === 0 && added.length === 0 && alignment.removed.length === 0;
  const sameFacts =
    JSON.stringify(articleContent(meta, slug, english.segments, ids, english.arguments, previous, previous.modified)) ===
    JSON.stringify(previous);
  if (unchangedText && sameFacts)
    return {
      writes: [],
      problems: problems.items,
      report: { slug, unchanged: ids, edited: [], added: [], removed: [], prefilled: [], setAside: [], remembered: 0 },
    };
  const modified = { date, ...(options.note ? { note: options.note } : {}) };
  const content = articleContent(meta, slug, english.segments, ids, english.arguments, previous, modified);

  const remember: MemoryEntry[] = [];
  const editions = new Map<string, EditionText>();
  const prefilled: Prefilled[] = [];
  const carried = new Set<string>();
  for (const locale of Object.keys(catalog.editions.editions)) {
    if (locale === sourceLocale) continue;
    const path = localeFile(locale, slug);
    const text = files.locales.find((f) => f.path === path)?.text;
    const values = (text === undefined ? undefined : parseFlatStrings(path, text, new ProblemList())) ?? new Map<string, string>();
    const records = readSidecar(files, locale, slug);
    const next: EditionText = { values: new Map(), records: new Map() };
    const keep = (id: string) => {
      const value = values.get(id);
      // A draft (initial) is no translation yet; an untranslated segment has none.
      if (value !== undefined && value !== '' && records.get(id)?.state !== 'initial')
        remember.push({
          lang: locale,
          source: records.get(id)?.sourceText ?? oldEnglish.get(id) ?? '',
          target: value,
          origin: `${slug}/${id}`,
        });
    };
    ids.forEach((id, i) => {
      const change = alignment.segments[i]!.change;
      const value = values.get(id);
      const record = records.get(id);
      if (change === 'unchanged') {
        if (value !== undefined) next.values.set(id, value);
        if (record) next.records.set(id, record);
      } else if (change === 'edited' && value) {
        keep(id);
        const renamed = carryOver(value, oldEnglish.get(id)!, messages.get(id)!, isName) ?? value;
        next.values.set(id, renamed);
        if (record) next.records.set(id, renamed === value ? record : { ...record, targetHash: revision(renamed) });
        carried.add(`${locale}/${id}`);
      } else if (change === 'new') {
        const match = memory.exact(locale, messages.get(id)!);
        if (!match) return;
        next.values.set(id, match.target);
        next.records.set(id, recordFor(messages.get(id)!, match.target, 'initial'));
        prefilled.push({ locale, id, origin: match.entry.origin });
        carried.add(`${locale}/${id}`);
      }
    });
    for (const id of alignment.removed) keep(id);
    editions.set(locale, next);
  }
  const setAside: { locale: string; id: string }[] = [];
  const writes = verifyArticle(
    files,
    slug,
    () => articleWrites(content, messages, editions, sourceLocale),
    (locale, id) => carried.has(`${locale}/${id}`),
    (locale, id) => {
      editions.get(locale)!.values.delete(id);
      editions.get(locale)!.records.delete(id);
      const p = prefilled.findIndex((x) => x.locale === locale && x.id === id);
      if (p >= 0) prefilled.splice(p, 1);
      else setAside.push({ locale, id });
    },
    problems,
  );
  if (!writes) return refused();
  const remembered = remember.filter((e) => !stored.some((s) => s.lang === e.lang && s.source === e.source && s.target === e.target));
  if (remembered.length > 0) writes.push({ path: MEMORY_FILE, text: storeEntries(stored, remember) });
  return {
    writes,
    problems: problems.items,
    report: {
      slug,
      unchanged: ids.filter((_, i) => alignment.segments[i]!.change === 'unchanged'),
      edited,
      added,
      removed: alignment.removed,
      prefilled,
      setAside,
      remembered: remembered.length,
    },
  };
}
