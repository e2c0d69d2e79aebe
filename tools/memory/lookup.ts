import { carryOver, comparable, type IsName } from './placeables.ts';
import { similarityBound, tokens, tokenSimilarity } from './similarity.ts';
import type { MemoryEntry } from './store.ts';

/** A translation the memory offers for an English text. */
export interface Match {
  readonly entry: MemoryEntry;
  /** 1 for the same English (its numbers aside), less for a fuzzy match: see `similarity`. */
  readonly score: number;
  /** The translation, its data arguments renamed to the new English's where they correspond. */
  readonly target: string;
}

/** Fuzzy matches below this score are not offered: the default minimum of CAT tools (Trados, memoQ: 70%). */
export const FUZZY_MINIMUM = 0.7;
/** At most this many fuzzy matches are offered for one segment. */
export const FUZZY_LIMIT = 3;

// A translation someone vouched for is the better match; the memory file's (no state) comes last.
const RANK: Readonly<Record<string, number>> = { final: 3, reviewed: 2, translated: 1 };
const rank = (entry: MemoryEntry) => RANK[entry.state ?? ''] ?? 0;

/** The memory, indexed by language, each English as it compares (its data arguments renamed by order). */
export class TranslationMemory {
  readonly #byLang = new Map<string, { entry: MemoryEntry; comparable: string; tokens: readonly string[] }[]>();
  readonly #isName: IsName;

  constructor(entries: readonly MemoryEntry[], isName: IsName) {
    this.#isName = isName;
    for (const entry of entries) {
      const list = this.#byLang.get(entry.lang) ?? [];
      const form = comparable(entry.source, isName);
      list.push({ entry, comparable: form, tokens: tokens(form) });
      this.#byLang.set(entry.lang, list);
    }
  }

  /**
   * The best translation into `lang` of exactly this English, its numbers and dates aside (they are carried
   * over): the one in the highest state, then the first by origin. Undefined where there is none.
   */
  exact(lang: string, english: string): Match | undefined {
    const wanted = comparable(english, this.#isName);
    const found = (this.#byLang.get(lang) ?? [])
      .filter((e) => e.comparable === wanted)
      .map((e) => e.entry)
      .sort((a, b) => rank(b) - rank(a) || a.origin.localeCompare(b.origin));
    for (const entry of found) {
      const target = carryOver(entry.target, entry.source, english, this.#isName);
      if (target !== undefined) return { entry, score: 1, target };
    }
    return undefined;
  }

  /**
   * Translations into `lang` of English like this, best first: at most `limit`, each scoring at least `minimum`,
   * none from `exclude` (the segment's own origin), each translation once.
   */
  fuzzy(lang: string, english: string, options: { minimum?: number; limit?: number; exclude?: string } = {}): Match[] {
    const { minimum = FUZZY_MINIMUM, limit = FUZZY_LIMIT, exclude } = options;
    const wanted = tokens(comparable(english, this.#isName));
    const matches: Match[] = [];
    for (const { entry, tokens: other } of this.#byLang.get(lang) ?? []) {
      if (entry.origin === exclude || similarityBound(wanted.length, other.length) < minimum) continue;
      const score = tokenSimilarity(wanted, other);
      if (score < minimum) continue;
      const target = carryOver(entry.target, entry.source, english, this.#isName) ?? entry.target;
      matches.push({ entry, score, target });
    }
    const seen = new Set<string>();
    return matches
      .sort((a, b) => b.score - a.score || rank(b.entry) - rank(a.entry) || a.entry.origin.localeCompare(b.entry.origin))
      .filter((m) => !seen.has(m.target) && seen.add(m.target))
      .slice(0, limit);
  }
}
