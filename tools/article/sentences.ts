/**
 * Abbreviations a news text writes with a full stop that ends no sentence: titles, countries' and
 * organisations' initials, months, and Latin. A sentence segmenter (UAX #29) breaks after each of them.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr.',
  'Mrs.',
  'Ms.',
  'Dr.',
  'Prof.',
  'Gen.',
  'Lt.',
  'Col.',
  'Capt.',
  'Sgt.',
  'Gov.',
  'Sen.',
  'Rep.',
  'Rev.',
  'St.',
  'Jr.',
  'Sr.',
  'No.',
  'Nos.',
  'U.S.',
  'U.K.',
  'U.N.',
  'E.U.',
  'Jan.',
  'Feb.',
  'Mar.',
  'Apr.',
  'Jun.',
  'Jul.',
  'Aug.',
  'Sep.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
  'approx.',
  'vs.',
  'etc.',
  'e.g.',
  'i.e.',
]);

/** A paragraph longer than this (in characters) is cut into its sentences, each a segment of its own. */
export const LONG_PARAGRAPH = 160;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Whether a break after `piece`, before `next`, is no sentence's end: an abbreviation, an initial, or a sentence going on in lower case. */
function continues(piece: string, next: string): boolean {
  const last = piece.trimEnd().split(/\s+/).at(-1) ?? '';
  const word = last.replace(/^[“‘"'(]+/, '');
  if (ABBREVIATIONS.has(word)) return true;
  if (/^\p{Lu}\.$/u.test(word)) return true; // an initial: "J. Smith"
  return /^[\s“‘"'(]*\p{Ll}/u.test(next);
}

/** Whether `text` opens a tag it does not close (a sentence may not end inside <i>…</i>). */
const opensTag = (text: string) => (text.match(/<[ib]>/g)?.length ?? 0) > (text.match(/<\/[ib]>/g)?.length ?? 0);

/**
 * The sentences of a paragraph: `Intl.Segmenter`'s sentence breaks (UAX #29), except after an abbreviation,
 * an initial, before a lower-case word, or inside a tag. Each sentence is trimmed.
 */
export function sentences(paragraph: string): string[] {
  const result: string[] = [];
  let current = '';
  const pieces = [...segmenter.segment(paragraph)].map((s) => s.segment);
  pieces.forEach((piece, i) => {
    current += piece;
    const next = pieces[i + 1];
    if (next !== undefined && (continues(current, next) || opensTag(current))) return;
    if (current.trim() !== '') result.push(current.trim());
    current = '';
  });
  return result;
}

/** A paragraph's segments: the whole paragraph, or its sentences where it is long and has more than one. */
export function paragraphSegments(paragraph: string): string[] {
  if (paragraph.length <= LONG_PARAGRAPH) return [paragraph];
  return sentences(paragraph);
}
