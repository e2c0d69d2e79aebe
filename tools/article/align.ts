import { similarity } from '../memory/similarity.ts';
import { FIXED_IDS, type SegmentRole } from './segments.ts';

/** A segment on either side of a correction: its role in the article and its English. */
export interface AlignedText {
  readonly role: SegmentRole;
  readonly message: string;
}

/** What became of a segment of the corrected English: the old segment it continues, if any. */
export type Aligned = { readonly change: 'unchanged' | 'edited'; readonly id: string } | { readonly change: 'new' };

export interface Alignment {
  /** For each segment of the new English, in order. */
  readonly segments: readonly Aligned[];
  /** Old segments the new English no longer has. */
  readonly removed: readonly string[];
}

/** An edited segment keeps its id only when it is at least this alike to the old (token-level, see `similarity`). */
export const EDIT_MINIMUM = 0.5;
/** …and clearly more alike than any old segment left over: within this margin, it is a new segment. */
const AMBIGUITY_MARGIN = 0.05;

// Segments an article has one of keep their id whatever their text.
const SINGLE: ReadonlySet<string> = new Set(Object.keys(FIXED_IDS));

/**
 * Aligns the corrected English with the old, so that every translation stays with its sentence:
 * 1. a segment an article has one of (headline, dateline…) is itself, edited if its text changed;
 * 2. a segment whose text is unchanged keeps its id, wherever it moved;
 * 3. the rest are aligned in order (edit distance over the segments, substitution allowed between segments of
 *    one role at least EDIT_MINIMUM alike, costing 1 − similarity; an insertion or deletion costs 1): a
 *    substituted pair is the same segment, edited;
 * 4. an edit no more alike than a removed segment would be is not sure: the segment is new.
 * Anything not aligned is new (its id is made afresh) or removed.
 */
export function align(previous: readonly (AlignedText & { readonly id: string })[], next: readonly AlignedText[]): Alignment {
  const result: (Aligned | undefined)[] = next.map(() => undefined);
  const used = new Set<number>();
  next.forEach((segment, j) => {
    if (!SINGLE.has(segment.role)) return;
    const i = previous.findIndex((p) => p.role === segment.role);
    if (i < 0) return;
    used.add(i);
    result[j] = { change: previous[i]!.message === segment.message ? 'unchanged' : 'edited', id: previous[i]!.id };
  });
  next.forEach((segment, j) => {
    if (result[j]) return;
    const i = previous.findIndex((p, k) => !used.has(k) && p.role === segment.role && p.message === segment.message);
    if (i < 0) return;
    used.add(i);
    result[j] = { change: 'unchanged', id: previous[i]!.id };
  });

  const olds = previous.map((_, i) => i).filter((i) => !used.has(i) && !SINGLE.has(previous[i]!.role));
  const news = next.map((_, j) => j).filter((j) => !result[j]);
  const score = (i: number, j: number) => (previous[i]!.role === next[j]!.role ? similarity(previous[i]!.message, next[j]!.message) : 0);
  const scores = olds.map((i) => news.map((j) => score(i, j)));
  // cost[a][b]: aligning the first a old segments left with the first b new ones.
  const cost = Array.from({ length: olds.length + 1 }, (_, a) =>
    Array.from({ length: news.length + 1 }, (_, b) => (a === 0 ? b : b === 0 ? a : 0)),
  );
  for (let a = 1; a <= olds.length; a++)
    for (let b = 1; b <= news.length; b++) {
      const s = scores[a - 1]![b - 1]!;
      cost[a]![b] = Math.min(cost[a - 1]![b]! + 1, cost[a]![b - 1]! + 1, s >= EDIT_MINIMUM ? cost[a - 1]![b - 1]! + 1 - s : Infinity);
    }
  const pairs: [number, number, number][] = [];
  for (let a = olds.length, b = news.length; a > 0 && b > 0;) {
    const s = scores[a - 1]![b - 1]!;
    if (s >= EDIT_MINIMUM && cost[a]![b] === cost[a - 1]![b - 1]! + 1 - s) {
      pairs.push([olds[a - 1]!, news[b - 1]!, s]);
      a--;
      b--;
    } else if (cost[a]![b] === cost[a - 1]![b]! + 1) a--;
    else b--;
  }
  const paired = new Set(pairs.map(([i]) => i));
  const leftOver = olds.filter((i) => !paired.has(i));
  for (const [i, j, s] of pairs) {
    if (leftOver.some((k) => score(k, j) >= s - AMBIGUITY_MARGIN)) continue;
    used.add(i);
    result[j] = { change: 'edited', id: previous[i]!.id };
  }
  return {
    segments: result.map((r) => r ?? { change: 'new' }),
    removed: previous.filter((_, i) => !used.has(i)).map((p) => p.id),
  };
}
