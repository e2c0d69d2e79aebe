import type { ArgumentSpec } from '../../site/content.ts';
import type { Position } from '../check/problems.ts';
import type { EnglishWriter } from './english.ts';
import type { Located } from './front-matter.ts';
import { NOTE_MARK, type ArticleSource } from './markdown.ts';
import { paragraphSegments } from './sentences.ts';

/** What a segment is in the article: the block it makes, or the part of one. */
export type SegmentRole =
  | 'headline'
  | 'standfirst'
  | 'photo-alt'
  | 'photo-caption'
  | 'photo-credit'
  | 'dateline'
  | 'paragraph'
  | 'subheading'
  | 'note'
  | 'source-line';

/** The id of each segment an article has one of: the same in every article. */
export const FIXED_IDS: Readonly<Partial<Record<SegmentRole, string>>> = {
  headline: 'headline',
  standfirst: 'standfirst',
  'photo-alt': 'photo-alt',
  'photo-caption': 'photo-caption',
  'photo-credit': 'photo-credit',
  dateline: 'dateline',
  'source-line': 'source-line',
};

/** One English segment of an article file, before it has an id. */
export interface EnglishSegment {
  readonly role: SegmentRole;
  /** The ICU message. */
  readonly message: string;
  /** The text as the file writes it: what a new id is made from. */
  readonly plain: string;
  readonly position: Position;
  /** The body block (paragraph or subheading) it is part of, by index; -1 outside the body. */
  readonly block: number;
  /** Labels of the footnotes marked in it. */
  readonly marks: readonly string[];
  /** A note's own label. */
  readonly label?: string;
}

/** An article file's English, segment by segment, with the data arguments and the names the glossary lacks. */
export interface EnglishArticle {
  readonly segments: readonly EnglishSegment[];
  readonly arguments: Readonly<Record<string, ArgumentSpec>>;
  readonly unknownNames: readonly { readonly name: string; readonly position: Position }[];
}

/**
 * Cuts an article file into segments, top to bottom as the page shows them: headline, standfirst, the photo's
 * texts, the dateline, the body's paragraphs (a long one into its sentences) and subheadings, the source line,
 * and the editor's notes in the order they are marked.
 */
export function englishArticle(source: ArticleSource, writer: EnglishWriter): EnglishArticle {
  const { meta } = source;
  const segments: EnglishSegment[] = [];
  const args: Record<string, ArgumentSpec> = {};
  const unknownNames: { name: string; position: Position }[] = [];
  const add = (role: SegmentRole, text: string, position: Position, block = -1, label?: string) => {
    const marks: string[] = [];
    const plain = text.replace(new RegExp(NOTE_MARK, 'g'), () => (marks.push(''), ''));
    const written = writer.write(plain);
    Object.assign(args, written.arguments);
    for (const name of written.unknownNames) if (!unknownNames.some((u) => u.name === name)) unknownNames.push({ name, position });
    segments.push({ role, message: written.message, plain, position, block, marks, ...(label === undefined ? {} : { label }) });
  };
  const located = (role: SegmentRole, value: Located, text = value.text) => add(role, text, value.position);

  located('headline', meta.headline);
  located('standfirst', meta.standfirst);
  if (meta.photo) {
    located('photo-alt', meta.photo.alt);
    located('photo-caption', meta.photo.caption);
    located('photo-credit', meta.photo.credit);
  }
  located('dateline', meta.dateline, `${meta.dateline.text} –`);
  source.body.forEach((block, index) => {
    if (block.type === 'subheading') return add('subheading', block.text, block.position, index);
    let marked = 0;
    for (const sentence of paragraphSegments(block.text)) {
      const before = segments.length;
      add('paragraph', sentence, block.position, index);
      const added = segments[before]!;
      const labels = block.notes.slice(marked, marked + added.marks.length);
      marked += labels.length;
      segments[before] = { ...added, marks: labels };
    }
  });
  located('source-line', meta.source, `Source: ${meta.source.text}`);
  for (const note of source.notes) add('note', note.text, note.position, -1, note.label);
  return { segments, arguments: args, unknownNames };
}
