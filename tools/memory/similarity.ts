import { distance } from 'fastest-levenshtein';

// A token: an ICU argument whole (a select's branches included), a word, or one mark of punctuation.
const TOKEN = /\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[\p{L}\p{N}\p{M}’'-]+|\S/gu;

/** The tokens a fuzzy match compares: ICU arguments whole, words, punctuation marks. */
export const tokens = (text: string): string[] => text.match(TOKEN) ?? [];

/**
 * How alike two texts are, from 0 to 1: token-level Levenshtein distance (Levenshtein 1966, on words rather than
 * characters), as translation-memory tools score a fuzzy match: 1 − distance / the longer text's token count
 * (OmegaT, `org.omegat.core.matching.FuzzyMatcher.calcSimilarity`).
 */
export function similarity(a: string, b: string): number {
  return a === b ? 1 : tokenSimilarity(tokens(a), tokens(b));
}

/**
 * `similarity` of two texts already cut into tokens. Each distinct token is mapped to one UTF-16 code unit, so
 * `fastest-levenshtein` (Myers' bit-parallel algorithm) computes the distance over tokens.
 */
export function tokenSimilarity(left: readonly string[], right: readonly string[]): number {
  const longer = Math.max(left.length, right.length);
  if (longer === 0) return 1;
  const codes = new Map<string, string>();
  const encode = (list: readonly string[]) =>
    list
      .map((token) => {
        let code = codes.get(token);
        if (code === undefined) codes.set(token, (code = String.fromCharCode(codes.size + 1)));
        return code;
      })
      .join('');
  return 1 - distance(encode(left), encode(right)) / longer;
}

/** The highest score `similarity` can give texts of these token counts: what a lookup may skip without computing. */
export const similarityBound = (x: number, y: number): number => (Math.max(x, y) === 0 ? 1 : Math.min(x, y) / Math.max(x, y));
