import type { ExchangeUnit } from '../exchange/document.ts';
import type { TranslationMemory } from './lookup.ts';

/** A translation the memory offers for a unit of an exchange file, as CAT tools show a match beside a segment. */
export interface Candidate {
  /** The English the translation was made from. */
  readonly source: string;
  /** The translation, its numbers carried over to the unit's English. */
  readonly target: string;
  /** How alike the two English texts are, in percent (one decimal), as CAT tools score a fuzzy match. */
  readonly similarity: number;
  /** Where the translation comes from: `<article>/<segment id>`, or the TMX file it was imported from. */
  readonly origin: string;
}

/** The matches an exchange file offers for a unit; the writers call it for each unit. */
export type CandidatesFor = (unit: ExchangeUnit) => readonly Candidate[];

/** No matches: an exchange file without a memory. */
export const noCandidates: CandidatesFor = () => [];

/**
 * The memory's matches for each unit into `locale` that needs a translation (none yet, a draft, or a stale one),
 * best first; never the unit's own translation.
 */
export function memoryCandidates(memory: TranslationMemory, locale: string): CandidatesFor {
  return (unit) => {
    if (unit.target !== undefined && unit.state !== 'initial' && !unit.stale) return [];
    return memory.fuzzy(locale, unit.source, { exclude: `${unit.namespace}/${unit.id}` }).map((match) => ({
      source: match.entry.source,
      target: match.target,
      similarity: Math.round(match.score * 1000) / 10,
      origin: match.entry.origin,
    }));
  };
}
