import { parseMessage } from '../src/check/icu.ts';
import { GLOSSARY_NAMESPACE, type Catalog } from '../src/content.ts';
import { catalog } from '../src/generated/catalog.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

/**
 * A copy of the real catalog, changed by `edit`: a fixture that differs from the landed files in one place.
 * Messages the edit writes as text are compiled, as the build compiles them.
 */
export function catalogWith(edit: (copy: Mutable<Catalog>) => void): Catalog {
  const copy = structuredClone(catalog) as Mutable<Catalog>;
  edit(copy);
  for (const namespaces of Object.values(copy.resources))
    for (const [namespace, messages] of Object.entries(namespaces))
      if (namespace !== GLOSSARY_NAMESPACE)
        for (const [id, message] of Object.entries(messages)) if (typeof message === 'string') messages[id] = parseMessage(message);
  return copy;
}

export const SLUG = 'putin-raisi-kremlin-meeting';
