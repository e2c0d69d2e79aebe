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

const SEMICOLON = 59;
const SPACE = 32;
const TAB = 9;
const HYPHEN = 45;
const STAR = 42;
const DOT = 46;
const EQUALS = 61;

const isOws = (c: number) => c === SPACE || c === TAB;
const isAlpha = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * RFC 4647 §2.1 language-range (with the digits BCP 47 allows after the first subtag) between `start` and
 * `end`: `*`, or 1–8 letters followed by `-` and 1–8 letters or digits, any number of times.
 */
function isRange(text: string, start: number, end: number): boolean {
  if (end - start === 1 && text.charCodeAt(start) === STAR) return true;
  let length = 0;
  let first = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === HYPHEN) {
      if (length === 0) return false;
      first = false;
      length = 0;
    } else if (isAlpha(c) || (!first && isDigit(c))) {
      if (++length > 8) return false;
    } else return false;
  }
  return length > 0;
}

/** RFC 9110 §12.4.2 qvalue between `start` and `end`, in thousandths; -1 if malformed. */
function qvalue(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < 1 || length > 5) return -1;
  const whole = text.charCodeAt(start);
  if (whole !== 48 && whole !== 49) return -1;
  if (length === 1) return whole === 49 ? 1000 : 0;
  if (text.charCodeAt(start + 1) !== DOT) return -1;
  let thousandths = 0;
  for (let i = 0; i < 3; i++) {
    const at = start + 2 + i;
    const c = at < end ? text.charCodeAt(at) : 48;
    if (!isDigit(c) || (whole === 49 && c !== 48)) return -1;
    thousandths = thousandths * 10 + (c - 48);
  }
  return whole === 49 ? 1000 : thousandths;
}

/**
 * RFC 9110 §12.5.4: reads the header once, left to right, and calls `visit` with each well-formed entry's
 * range (its bounds in `text`) and weight in thousandths. Malformed entries are skipped.
 */
function scan(header: string, visit: (text: string, start: number, end: number, q: number, index: number) => void): void {
  const text = header.length > MAX_HEADER_LENGTH ? header.slice(0, MAX_HEADER_LENGTH) : header;
  let position = 0;
  for (let index = 0; index < MAX_ENTRIES && position <= text.length; index++) {
    let end = text.indexOf(',', position);
    if (end === -1) end = text.length;
    let start = position;
    position = end + 1;
    while (start < end && isOws(text.charCodeAt(start))) start++;
    let rangeEnd = start;
    while (rangeEnd < end && text.charCodeAt(rangeEnd) !== SEMICOLON && !isOws(text.charCodeAt(rangeEnd))) rangeEnd++;
    if (!isRange(text, start, rangeEnd)) continue;
    let q = 1000;
    let i = rangeEnd;
    let malformed = false;
    while (i < end && !malformed) {
      while (i < end && isOws(text.charCodeAt(i))) i++;
      if (i === end) break;
      if (text.charCodeAt(i) !== SEMICOLON) malformed = true;
      i++;
      while (i < end && isOws(text.charCodeAt(i))) i++;
      let paramEnd = i;
      while (paramEnd < end && text.charCodeAt(paramEnd) !== SEMICOLON && !isOws(text.charCodeAt(paramEnd))) paramEnd++;
      if ((text.charCodeAt(i) | 0x20) === 113 && text.charCodeAt(i + 1) === EQUALS) {
        q = qvalue(text, i + 2, paramEnd);
        if (q < 0) malformed = true;
      }
      i = paramEnd;
    }
    if (!malformed) visit(text, start, rangeEnd, q, index);
  }
}

/** The header's ranges, highest weight first, ties in the header's order. Malformed entries are skipped. */
export function parseAcceptLanguage(header: string): LanguageRange[] {
  const ranges: LanguageRange[] = [];
  scan(header, (text, start, end, q) => ranges.push({ range: text.slice(start, end).toLowerCase(), q: q / 1000 }));
  // Array.prototype.sort is stable, so equal weights keep the header's order.
  return ranges.sort((a, b) => b.q - a.q);
}

/** Chooses an edition for an Accept-Language header (absent or empty: the fallback). */
export type Negotiate = (header: string | null | undefined) => string;

const NOT_FOUND = -1;
/** Ranges whose canonical form is remembered, at most. */
const MAX_ALIASES = 256;

/**
 * A negotiator over `editions` (BCP 47 tags, in the order ties are broken by), in one pass over the header
 * with no backtracking: RFC 9110 weights (ties in the header's order, `q=0` excludes), RFC 4647 Lookup per
 * range, `*` for an edition the header does not name, and `fallback` when nothing acceptable is offered.
 * Never guesses across languages: a reader who accepts only Ukrainian gets the fallback, not Russian.
 */
export function createNegotiator(editions: readonly string[], fallback: string): Negotiate {
  const tags = editions.map((tag) => Array.from(tag.toLowerCase(), (c) => c.charCodeAt(0)));
  const count = editions.length;

  /**
   * RFC 4647 §3.4 Lookup of one range, without allocating: the range is truncated subtag by subtag until it
   * is an edition's tag, so the edition found is the longest tag that is the range or a prefix of it ending
   * at a hyphen. (Lookup also drops a singleton left last; an edition's tag, being valid, never ends in one.)
   * Returns the edition's index, or -1; `exact` says whether the range is the tag itself.
   */
  let exact = false;
  const lookup = (text: string, start: number, end: number): number => {
    let found = NOT_FOUND;
    let foundLength = 0;
    for (let e = 0; e < count; e++) {
      const tag = tags[e]!;
      const length = tag.length;
      if (length > end - start || length <= foundLength) continue;
      if (length < end - start && text.charCodeAt(start + length) !== HYPHEN) continue;
      let k = 0;
      // The range holds only letters, digits and hyphens (isRange): | 0x20 lower-cases the letters alone.
      while (k < length && (text.charCodeAt(start + k) | 0x20) === tag[k]) k++;
      if (k === length) {
        found = e;
        foundLength = length;
      }
    }
    exact = foundLength === end - start;
    return found;
  };

  /**
   * A range no edition matches, canonicalized as CLDR's alias data says (`Intl.getCanonicalLocales`): ISO 639-3
   * and bibliographic codes (`fas`, `per`, `pes` → `fa`), deprecated ones (`iw` → `he`, `in` → `id`). Cached,
   * and bounded: a header's ranges are the client's to choose.
   */
  const aliases = new Map<string, string | null>();
  const canonical = (text: string, start: number, end: number): string | null => {
    const range = text.slice(start, end).toLowerCase();
    let alias = aliases.get(range);
    if (alias === undefined) {
      try {
        const found = Intl.getCanonicalLocales(range)[0]?.toLowerCase();
        alias = found !== undefined && found !== range ? found : null;
      } catch {
        alias = null;
      }
      if (aliases.size >= MAX_ALIASES) aliases.clear();
      aliases.set(range, alias);
    }
    return alias;
  };

  /** Lookup of the range itself, then of its canonical form where that differs. */
  const find = (text: string, start: number, end: number): number => {
    const found = lookup(text, start, end);
    if (found !== NOT_FOUND) return found;
    const alias = canonical(text, start, end);
    return alias === null ? NOT_FOUND : lookup(alias, 0, alias.length);
  };

  // Per edition: its best weight and where that came, whether q=0 excludes it, whether any range names it.
  // Allocated once: a call runs to its end before another can start.
  const best = new Int32Array(count);
  const at = new Int32Array(count);
  const excluded = new Uint8Array(count);
  const named = new Uint8Array(count);

  return (header) => {
    if (!header) return fallback;
    best.fill(-1);
    at.fill(0);
    excluded.fill(0);
    named.fill(0);
    let starQ = -1;
    let starAt = 0;
    scan(header, (text, start, end, q, position) => {
      if (end - start === 1 && text.charCodeAt(start) === STAR) {
        if (q > starQ) {
          starQ = q;
          starAt = position;
        }
        return;
      }
      const edition = find(text, start, end);
      if (edition === NOT_FOUND) return;
      named[edition] = 1;
      // RFC 4647 §3.3.1 Basic Filtering: only a range equal to the edition's tag excludes it.
      if (q === 0 && exact) excluded[edition] = 1;
      if (q > best[edition]!) {
        best[edition] = q;
        at[edition] = position;
      }
    });
    let choice = NOT_FOUND;
    let choiceQ = 0;
    let choiceAt = 0;
    const consider = (edition: number, q: number, position: number) => {
      if (q > choiceQ || (q === choiceQ && q > 0 && position < choiceAt)) {
        choice = edition;
        choiceQ = q;
        choiceAt = position;
      }
    };
    for (let i = 0; i < count; i++) if (!excluded[i]) consider(i, best[i]!, at[i]!);
    if (starQ > 0) {
      // RFC 9110 §12.5.4: `*` stands for every language no other range of the header names.
      for (let i = 0; i < count; i++)
        if (!excluded[i] && !named[i]) {
          consider(i, starQ, starAt);
          break;
        }
    }
    return choice === NOT_FOUND ? fallback : editions[choice]!;
  };
}
