import type { EditionsFile } from './editions.ts';

/** The article model: what `content/<slug>.json` describes, once the check has validated it. */

/** A block of the article, top to bottom, naming the segments it is written from. */
export type Block =
  | { readonly type: 'headline' | 'standfirst' | 'subheading' | 'source'; readonly segment: string }
  | { readonly type: 'photo'; readonly alt: string; readonly caption: string; readonly credit: string }
  | { readonly type: 'paragraph'; readonly segments: readonly string[]; readonly dateline?: string };

export type BlockType = Block['type'];

/** A value the segments use as an ICU argument: a weekday key taken from a date, a number, or a calendar date. */
export type ArgumentSpec = { readonly weekday: string } | { readonly number: number } | { readonly date: string };

/** An editor's note: a segment of its own, shown at the end of the article and marked where it applies. */
export interface EditorNote {
  /** The note's segment id, translated like any other segment. */
  readonly segment: string;
  /** The segment the note is about, which carries its marker. */
  readonly on: string;
}

export interface Article {
  /** URL name of the article, the same in every edition. */
  readonly slug: string;
  /** Who first published the article. */
  readonly publisher: string;
  /** The article as its publisher published it. */
  readonly original?: { readonly url: string };
  /** The language the article was written in: every edition is translated from it. */
  readonly language: string;
  readonly published: {
    /** ISO calendar date (YYYY-MM-DD); the hour is not kept where it is not known. */
    readonly date: string;
    /** IANA time zone of the dateline. */
    readonly timeZone: string;
    readonly note?: string;
  };
  /** The last correction of the article, where one was made after publication: its date (same time zone). */
  readonly modified?: { readonly date: string; readonly note?: string };
  readonly dateline: { readonly place: string };
  readonly photo?: { readonly photographer: string; readonly agency: string; readonly note?: string };
  /** Data arguments of the segments, by ICU argument name. */
  readonly arguments: Readonly<Record<string, ArgumentSpec>>;
  readonly blocks: readonly Block[];
  /** Editor's notes, in the order they are numbered. */
  readonly notes?: readonly EditorNote[];
}

/** Every segment id of a block, in reading order. */
export function blockSegments(block: Block): readonly string[] {
  switch (block.type) {
    case 'photo':
      return [block.alt, block.caption, block.credit];
    case 'paragraph':
      return block.dateline ? [block.dateline, ...block.segments] : block.segments;
    default:
      return [block.segment];
  }
}

/** Every segment id of the article, in reading order, each with the type of its block (`note` for editor's notes). */
export function articleSegments(article: Article): readonly { readonly id: string; readonly type: BlockType | 'note' }[] {
  return [
    ...article.blocks.flatMap((block) => blockSegments(block).map((id) => ({ id, type: block.type }))),
    ...(article.notes ?? []).map((note) => ({ id: note.segment, type: 'note' as const })),
  ];
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** The ICU argument values an article's segments are formatted with. */
export function argumentValues(article: Article): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, spec] of Object.entries(article.arguments)) {
    // A calendar date (and its weekday) does not depend on the time zone: read it in UTC, and format it in UTC.
    values[name] =
      'weekday' in spec
        ? WEEKDAYS[new Date(`${spec.weekday}T00:00:00Z`).getUTCDay()]!
        : 'date' in spec
          ? Date.parse(`${spec.date}T00:00:00Z`)
          : spec.number;
  }
  return values;
}

/** Interface strings' namespace, beside the articles' and the glossary's. */
export const UI_NAMESPACE = 'ui';
/** Names of people, places and organisations, which segments use as ICU arguments. */
export const GLOSSARY_NAMESPACE = 'glossary';

/** Text of one locale: namespace (an article's slug, `ui` or `glossary`) to segment id to ICU message. */
export type LocaleResources = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Where a translated segment stands: its XLIFF state, and whether its English changed since. */
export interface SegmentStatus {
  readonly state: 'initial' | 'translated' | 'reviewed' | 'final';
  readonly stale: boolean;
}

/** The states a segment shows on the review page, in the order its filter lists them. */
export const REVIEW_STATES = ['missing', 'initial', 'stale', 'translated', 'reviewed', 'final'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Everything the pages are built from, validated by the check. */
export interface Catalog {
  readonly editions: EditionsFile;
  readonly articles: readonly Article[];
  /** Locale → namespace → segment id → ICU message: what is published (the source, and translations translated or better). */
  readonly resources: Readonly<Record<string, LocaleResources>>;
  /** Translations still in the `initial` state: shown on the review page, served in the source language. */
  readonly drafts: Readonly<Record<string, LocaleResources>>;
  /** Locale → namespace → segment id → status, for every translation (the source has none). */
  readonly status: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, SegmentStatus>>>>>>;
}
