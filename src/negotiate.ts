import { LOCALES, SOURCE_LOCALE, type Locale } from './locales.ts';

/** One entry of an Accept-Language header. */
export interface LanguageRange {
  /** The range, lower-cased: a language tag or `*`. */
  readonly range: string;
  /** Its weight, 0 to 1. */
  readonly q: number;
}

/** Entries read from one header; the rest is ignored, so a long header costs no more than a short one. */
export const MAX_ENTRIES = 32;
/** Characters read from one header, for the same reason. */
export const MAX_HEADER_LENGTH = 1024;

// RFC 9110 §12.4.2 qvalue, and RFC 4647 §2.1 language-range (extended to the subtags BCP 47 allows).
const QVALUE = /^(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)$/;
const RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/;

/**
 * RFC 9110 §12.5.4: the header's ranges, highest weight first, ties in the header's order.
 * Malformed entries (a bad tag, a bad weight) are skipped.
 */
export function parseAcceptLanguage(header: string): LanguageRange[] {
  const text = header.length > MAX_HEADER_LENGTH ? header.slice(0, MAX_HEADER_LENGTH) : header;
  const ranges: LanguageRange[] = [];
  let start = 0;
  for (let entries = 0; start <= text.length && entries < MAX_ENTRIES; entries++) {
    let end = text.indexOf(',', start);
    if (end === -1) end = text.length;
    const entry = parseEntry(text.slice(start, end));
    if (entry) ranges.push(entry);
    start = end + 1;
  }
  // Array.prototype.sort is stable, so equal weights keep the header's order.
  return ranges.sort((a, b) => b.q - a.q);
}

function parseEntry(entry: string): LanguageRange | undefined {
  const parts = entry.split(';');
  const range = (parts[0] ?? '').trim().toLowerCase();
  if (!RANGE.test(range)) return undefined;
  let q = 1;
  for (let i = 1; i < parts.length; i++) {
    const param = (parts[i] ?? '').trim();
    if (param.length < 2 || (param[0] !== 'q' && param[0] !== 'Q') || param[1] !== '=') continue;
    const value = param.slice(2);
    if (!QVALUE.test(value)) return undefined;
    q = Number(value);
  }
  return { range, q };
}

/** RFC 4647 §3.3.1 Basic Filtering: does `range` match `tag`? */
function basicFilterMatches(range: string, tag: string): boolean {
  return range === '*' || tag === range || tag.startsWith(`${range}-`);
}

/**
 * RFC 4647 §3.4 Lookup of one range: the range itself, then shorter and shorter prefixes of it.
 * A single-letter subtag left at the end is dropped with the subtag after it (§3.4, step 3).
 */
function lookupRange(range: string, available: readonly Locale[]): Locale | undefined {
  let candidate = range;
  for (;;) {
    const found = available.find((locale) => locale === candidate);
    if (found) return found;
    let cut = candidate.lastIndexOf('-');
    if (cut === -1) return undefined;
    if (cut >= 2 && candidate[cut - 2] === '-') cut -= 2;
    candidate = candidate.slice(0, cut);
  }
}

/**
 * Chooses the edition for an Accept-Language header: RFC 9110 weights, RFC 4647 Lookup per range,
 * `*` for any edition not excluded, and English when nothing acceptable is published.
 * Never guesses across languages: a reader who accepts only Ukrainian gets English, not Russian.
 */
export function negotiate(header: string | null | undefined): Locale {
  if (!header) return SOURCE_LOCALE;
  const ranges = parseAcceptLanguage(header);
  const excluded = ranges.filter((r) => r.q === 0 && r.range !== '*');
  const available = LOCALES.filter((locale) => !excluded.some((r) => basicFilterMatches(r.range, locale)));
  for (const { range, q } of ranges) {
    if (q === 0) break;
    if (range === '*') {
      // RFC 9110 §12.5.4: `*` stands for every language no other range of the header names.
      const other = available.find((locale) => !ranges.some((r) => r.range !== '*' && lookupRange(r.range, [locale])));
      if (other) return other;
      continue;
    }
    const found = lookupRange(range, available);
    if (found) return found;
  }
  return SOURCE_LOCALE;
}
