import i18next, { type i18n, type Resource } from 'i18next';
import type { Catalog, Message } from './content.ts';
import { LOCALES, SOURCE_LOCALE, isLocale, type Locale } from './locales.ts';

/** A segment's message, and the locale it was found in: the one asked for, or a fallback. */
export interface ResolvedMessage {
  readonly message: Message;
  readonly locale: Locale;
}

/**
 * The catalog's texts in i18next, which resolves every lookup along its fallback chain
 * (`fa-IR` → `fa` → `en`), so a segment missing from a locale comes from English.
 */
export class Texts {
  readonly #i18n: i18n;

  constructor(catalog: Catalog) {
    this.#i18n = i18next.createInstance();
    void this.#i18n.init({
      resources: catalog.resources as Resource,
      ns: Object.keys(catalog.resources[SOURCE_LOCALE] ?? {}),
      supportedLngs: LOCALES,
      nonExplicitSupportedLngs: true,
      fallbackLng: SOURCE_LOCALE,
      // Segment ids contain hyphens and no dots or colons; the messages are ICU, formatted by formatjs.
      keySeparator: false,
      nsSeparator: false,
      initAsync: false,
    });
  }

  /** The locales i18next tries for a language tag, most specific first. */
  fallbackChain(language: string): Locale[] {
    return this.#i18n.services.languageUtils.toResolveHierarchy(language).filter(isLocale);
  }

  /** A segment's message in `language` or its fallback, or undefined if no locale has it. */
  resolve(language: string, namespace: string, id: string): ResolvedMessage | undefined {
    const options = { lng: language, ns: namespace } as const;
    if (!this.#i18n.exists(id, options)) return undefined;
    // Compiled messages are syntax trees, which i18next returns as objects.
    const details = this.#i18n.t(id, { ...options, returnDetails: true, returnObjects: true, skipInterpolation: true });
    const locale = details.usedLng;
    return isLocale(locale) ? { message: details.res as Message, locale } : undefined;
  }

  /** Every message of a namespace in one locale, as stored. */
  bundle(locale: Locale, namespace: string): Readonly<Record<string, Message>> {
    return (this.#i18n.getResourceBundle(locale, namespace) as Record<string, Message> | undefined) ?? {};
  }
}
