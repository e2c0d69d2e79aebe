import type { Catalog } from '../src/content.ts';
import { catalog } from '../src/generated/catalog.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

/** A copy of the real catalog, changed by `edit`: a fixture that differs from the landed files in one place. */
export function catalogWith(edit: (copy: Mutable<Catalog>) => void): Catalog {
  const copy = structuredClone(catalog) as Mutable<Catalog>;
  edit(copy);
  return copy;
}

export const SLUG = 'putin-raisi-kremlin-meeting';
