import type { Catalog, LocaleResources } from '../content.ts';
import { GLOSSARY_NAMESPACE } from '../content.ts';
import { parseMessage } from './icu.ts';

/**
 * The catalog with every message compiled to its ICU syntax tree, as formatjs recommends for production:
 * the worker formats without parsing, and its bundle carries no parser. Glossary names stay text.
 */
export function compileCatalog(catalog: Catalog<string>): Catalog {
  const resources: Record<string, LocaleResources> = {};
  for (const [locale, namespaces] of Object.entries(catalog.resources)) {
    resources[locale] = Object.fromEntries(
      Object.entries(namespaces).map(([namespace, messages]) => [
        namespace,
        namespace === GLOSSARY_NAMESPACE
          ? messages
          : Object.fromEntries(Object.entries(messages).map(([id, text]) => [id, parseMessage(text)])),
      ]),
    );
  }
  return { ...catalog, resources };
}
