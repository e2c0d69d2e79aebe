import i18next, { type i18n } from 'i18next';
import { GLOSSARY_NAMESPACE, type Catalog } from './content.ts';

/** The prefix of the namespaces that hold drafts. */
const DRAFT = 'draft:';

/** A text as i18next resolved it: the ICU message, and the edition it was found in (asked for, or the source). */
export interface ResolvedText {
  readonly message: string;
  readonly locale: string;
}

/**
 * Every text of the site, held once, in i18next: segments, interface strings and glossary names. i18next
 * alone decides fallback: what an edition lacks comes from the source language along its fallback chain
 * (`fa-IR` → `fa` → `en`). The messages are ICU; `@formatjs/intl` formats what this returns.
 */
export class Texts {
  readonly #i18n: i18n;
  readonly #source: string;

  constructor(catalog: Catalog) {
    this.#source = catalog.editions.source;
    this.#i18n = i18next.createInstance();
    // Drafts (translations in the `initial` state) in namespaces of their own: never a fallback, never published.
    const resources: Record<string, Record<string, Readonly<Record<string, string>>>> = {};
    for (const [locale, namespaces] of Object.entries(catalog.resources)) resources[locale] = { ...namespaces };
    for (const [locale, namespaces] of Object.entries(catalog.drafts))
      for (const [namespace, texts] of Object.entries(namespaces)) (resources[locale] ??= {})[`${DRAFT}${namespace}`] = texts;
    void this.#i18n.init({
      resources,
      ns: Object.keys(catalog.resources[this.#source] ?? {}),
      supportedLngs: Object.keys(catalog.editions.editions),
      nonExplicitSupportedLngs: true,
      fallbackLng: this.#source,
      // Segment ids contain hyphens and no dots or colons; the messages are ICU, formatted by formatjs.
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  }

  /** The editions i18next tries for a language tag, most specific first. */
  fallbackChain(language: string): string[] {
    return this.#i18n.services.languageUtils.toResolveHierarchy(language);
  }

  /** A text in `language`, or where its fallback chain finds it; undefined if no edition has it. */
  resolve(language: string, namespace: string, id: string): ResolvedText | undefined {
    const options = { lng: language, ns: namespace } as const;
    if (!this.#i18n.exists(id, options)) return undefined;
    const details = this.#i18n.t(id, { ...options, returnDetails: true, skipInterpolation: true });
    return { message: String(details.res), locale: details.usedLng };
  }

  /** A draft of a segment in exactly `language` (no fallback): shown for review, never published. */
  draft(language: string, namespace: string, id: string): string | undefined {
    const text: unknown = this.#i18n.getResource(language, `${DRAFT}${namespace}`, id);
    return typeof text === 'string' ? text : undefined;
  }

  /** The ids of a namespace, in the source's order. */
  ids(namespace: string): string[] {
    return Object.keys(this.#i18n.getResourceBundle(this.#source, namespace) ?? {});
  }

  /**
   * The names a segment in `language` is formatted with: every name of its glossary and of the source's
   * (case forms such as `putin_gen` exist only where a language declines), each resolved by i18next.
   */
  names(language: string): Record<string, string> {
    const keys = new Set(
      this.fallbackChain(language).flatMap((l) => Object.keys(this.#i18n.getResourceBundle(l, GLOSSARY_NAMESPACE) ?? {})),
    );
    const names: Record<string, string> = {};
    for (const key of keys) names[key] = this.resolve(language, GLOSSARY_NAMESPACE, key)!.message;
    return names;
  }
}
