import { alternates, articleFamily } from './alternates.ts';
import { blockSegments, type Block, type BlockType } from './content.ts';
import type { Edition } from './editions.ts';
import type { ArticleView, Segment } from './site.ts';

/** A segment in the JSON edition. */
export interface JsonSegment {
  readonly id: string;
  /** Its part in the block: `alt`, `caption` and `credit` of a photo, `dateline` of a paragraph. */
  readonly role?: 'alt' | 'caption' | 'credit' | 'dateline';
  readonly text: string;
  readonly lang: string;
  /** True where the edition lacks the segment and the English is given instead. */
  readonly fallback: boolean;
  /** True where the English changed since this translation was made: shown as it is, pending an update. */
  readonly stale: boolean;
}

export interface JsonBlock {
  readonly type: BlockType;
  readonly segments: readonly JsonSegment[];
}

function roles(block: Block): readonly (JsonSegment['role'] | undefined)[] {
  if (block.type === 'photo') return ['alt', 'caption', 'credit'];
  if (block.type === 'paragraph' && block.dateline) return ['dateline', ...block.segments.map(() => undefined)];
  return blockSegments(block).map(() => undefined);
}

/** The article for apps: the blocks in order, with segment ids, types and text, and what fell back to English. */
export function jsonEdition(view: ArticleView, origin: string, published: readonly Edition[]) {
  const { edition, article } = view;
  const locale = edition.locale;
  const segment = (s: Segment, role: JsonSegment['role'] | undefined): JsonSegment => ({
    id: s.id,
    ...(role ? { role } : {}),
    text: s.text,
    lang: s.lang,
    fallback: s.lang !== locale,
    stale: view.stale.includes(s.id),
  });
  const family = articleFamily(article.slug);
  return {
    slug: article.slug,
    lang: locale,
    dir: edition.dir,
    url: `${origin}${family.path(locale)}`,
    alternates: alternates(origin, family, published),
    publisher: article.publisher,
    published: { date: view.date.iso, text: view.date.text, ...(view.date.secondary ? { secondary: view.date.secondary } : {}) },
    fallbackSegments: view.fallbacks,
    staleSegments: view.stale,
    blocks: article.blocks.map((block): JsonBlock => ({
      type: block.type,
      segments: blockSegments(block).map((id, i) => segment(view.segments.get(id)!, roles(block)[i])),
    })),
    /** Editor's notes: each with the segment it is about. */
    notes: view.notes.map((note) => ({ ...segment(note.segment, undefined), on: note.on })),
  };
}
