// What an article is made of on disk, as `article:add` and `article:update` write it: the content file, the
// English segments, and every other edition's segments with their states; checked whole before anything is written.
import { GLOSSARY_NAMESPACE, type Article, type ArgumentSpec, type Block } from '../../site/content.ts';
import { checkProject, localeFile, withWrites, type ProjectFiles, type SourceFile } from '../check/check.ts';
import { ProblemList, type Problem } from '../check/problems.ts';
import { recordFor, serializeJson, sidecarFile, type SegmentRecord } from '../check/sidecar.ts';
import { projectMemory, type ProjectMemory } from '../memory/memory.ts';
import { EnglishWriter } from './english.ts';
import type { FrontMatter } from './front-matter.ts';
import { idFromText, slugFromHeadline, uniqueId } from './ids.ts';
import { readArticleSource, type ArticleSource } from './markdown.ts';
import { FIXED_IDS, type EnglishSegment } from './segments.ts';

/** An article file as the newsroom wrote it: its path (as the user named it) and its bytes. */
export interface ArticleFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** What a command would write, and every problem it found (any error: nothing to write). */
export interface ArticleChange<Report> {
  readonly writes: readonly SourceFile[];
  readonly problems: readonly Problem[];
  readonly report?: Report;
}

/** A segment of an edition written from the memory: a draft (`initial`) for a person to accept. */
export interface Prefilled {
  readonly locale: string;
  readonly id: string;
  /** Where the translation comes from (`<article>/<segment id>`). */
  readonly origin: string;
}

/** What `article:add` and `article:update` start from: the project, its memory, and the article file read. */
export interface ArticleInput extends ProjectMemory {
  readonly source: ArticleSource;
  /** The file's slug, or one made from its headline. */
  readonly slug: string;
  /** Writes the file's English as the locale files keep it, with the project's glossary. */
  readonly writer: EnglishWriter;
}

/**
 * The project (which must pass the check), its translation memory, and the article file, read and validated;
 * undefined, with every problem in `problems`, when any of them is wrong.
 */
export function readArticleInput(
  files: ProjectFiles,
  memoryFile: SourceFile | undefined,
  file: ArticleFile,
  problems: ProblemList,
): ArticleInput | undefined {
  const project = projectMemory(files, memoryFile, problems);
  const source = project && readArticleSource(file.path, file.bytes, problems);
  if (!project || !source) return undefined;
  const { catalog } = project;
  const glossary = new Map(Object.entries(catalog.resources[catalog.editions.source]?.[GLOSSARY_NAMESPACE] ?? {}));
  const { meta } = source;
  return {
    ...project,
    source,
    slug: meta.slug?.text ?? slugFromHeadline(meta.headline.text),
    writer: new EnglishWriter(glossary, meta.published.text),
  };
}

/** A new id for a segment, readable, made from its first words, unique among `taken`. */
export function newId(segment: EnglishSegment, taken: Set<string>): string {
  const fixed = FIXED_IDS[segment.role];
  if (fixed) return uniqueId(fixed, taken);
  const prefix = segment.role === 'subheading' ? 'subheading-' : segment.role === 'note' ? 'note-' : '';
  return uniqueId(`${prefix}${idFromText(segment.plain, prefix ? 3 : 4)}`, taken);
}

/**
 * The content file of an article: the front matter's facts, its data arguments, and its blocks naming each
 * segment by id (`ids`, in the order of `segments`). What the file does not say (a note on the publication
 * date, on the photo) is kept from `previous`.
 */
export function articleContent(
  meta: FrontMatter,
  slug: string,
  segments: readonly EnglishSegment[],
  ids: readonly string[],
  args: Readonly<Record<string, ArgumentSpec>>,
  previous?: Article,
  modified?: Article['modified'],
): Article {
  const idOf = (role: EnglishSegment['role']) => ids[segments.findIndex((s) => s.role === role)]!;
  const blocks: Block[] = [
    { type: 'headline', segment: idOf('headline') },
    { type: 'standfirst', segment: idOf('standfirst') },
  ];
  if (meta.photo) blocks.push({ type: 'photo', alt: idOf('photo-alt'), caption: idOf('photo-caption'), credit: idOf('photo-credit') });
  let dateline: string | undefined = idOf('dateline');
  let block = -1;
  let paragraph: string[] = [];
  segments.forEach((segment, i) => {
    if (segment.block < 0) return;
    if (segment.role === 'subheading') blocks.push({ type: 'subheading', segment: ids[i]! });
    else if (segment.block === block) paragraph.push(ids[i]!);
    else {
      paragraph = [ids[i]!];
      blocks.push({ type: 'paragraph', ...(dateline ? { dateline } : {}), segments: paragraph });
      dateline = undefined;
    }
    block = segment.block;
  });
  blocks.push({ type: 'source', segment: idOf('source-line') });
  const notes = segments.flatMap((segment, i) =>
    segment.role === 'note' ? [{ segment: ids[i]!, on: ids[segments.findIndex((s) => s.marks.includes(segment.label!))]! }] : [],
  );
  const samePublication = previous?.published.date === meta.published.text;
  return {
    slug,
    publisher: meta.source.text,
    original: { url: meta.sourceUrl },
    language: 'en',
    published: {
      date: meta.published.text,
      timeZone: meta.timeZone,
      ...(samePublication && previous?.published.note ? { note: previous.published.note } : {}),
    },
    ...(modified ? { modified } : {}),
    dateline: { place: meta.dateline.text },
    ...(meta.photo
      ? {
          photo: {
            photographer: meta.photo.photographer,
            agency: meta.photo.agency,
            ...(previous?.photo?.note ? { note: previous.photo.note } : {}),
          },
        }
      : {}),
    arguments: args,
    blocks,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** One edition's segments of an article, and the record of each. */
export interface EditionText {
  readonly values: Map<string, string>;
  readonly records: Map<string, SegmentRecord>;
}

/** The files of an article: content, English, and each edition's segments and sidecar, in the English's order. */
export function articleWrites(
  article: Article,
  english: ReadonlyMap<string, string>,
  editions: ReadonlyMap<string, EditionText>,
  source: string,
): SourceFile[] {
  const writes: SourceFile[] = [
    { path: `content/${article.slug}.json`, text: serializeJson(article) },
    { path: localeFile(source, article.slug), text: serializeJson(Object.fromEntries(english)) },
  ];
  for (const [locale, { values, records }] of editions) {
    const ordered = [...english.keys()];
    writes.push({
      path: localeFile(locale, article.slug),
      text: serializeJson(Object.fromEntries(ordered.map((id) => [id, values.get(id) ?? '']))),
    });
    // An untranslated segment is recorded as such; a translation without a record stays without one (the check says so).
    const recorded = ordered.flatMap((id) => {
      const record = records.get(id) ?? (values.get(id) ? undefined : recordFor(english.get(id)!, '', 'initial'));
      return record ? [[id, record] as const] : [];
    });
    writes.push({ path: sidecarFile(locale, article.slug), text: serializeJson(Object.fromEntries(recorded)) });
  }
  return writes;
}

/**
 * Checks the project as it would be after the article's files are written. A translation the command carried
 * (written from the memory, or kept for an edited segment) that the check refuses there is set aside:
 * `setAside(locale, id)` makes it untranslated, and the files are checked again. Any other error refuses all.
 */
export function verifyArticle(
  files: ProjectFiles,
  slug: string,
  write: () => SourceFile[],
  carried: (locale: string, id: string) => boolean,
  setAside: (locale: string, id: string) => void,
  problems: ProblemList,
): SourceFile[] | undefined {
  for (let attempt = 0; attempt < 2; attempt++) {
    const writes = write();
    const errors = checkProject(withWrites(files, writes)).problems.filter((p) => p.severity === 'error');
    const fixable = errors.filter((p) => {
      const m = /^locales\/([^/]+)\/([^/]+)\.json$/.exec(p.file);
      return m !== null && m[2] === slug && p.segment !== undefined && carried(m[1]!, p.segment);
    });
    if (errors.length === 0) return writes;
    if (attempt === 0 && fixable.length === errors.length) {
      for (const p of fixable) setAside(/^locales\/([^/]+)\//.exec(p.file)![1]!, p.segment!);
      continue;
    }
    for (const p of errors) problems.add(p);
  }
  return undefined;
}
