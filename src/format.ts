import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Catalog, Message } from './content.ts';
import type { Texts } from './i18n.ts';
import { LOCALES, LOCALE_INFO, SOURCE_LOCALE, type Locale } from './locales.ts';
import { tagFormatters, type RichPart, type RichText } from './rich-text.ts';

/** A formatted segment: its text, and the locale it is written in (English where the edition lacks it). */
export interface FormattedText {
  readonly parts: RichText;
  readonly locale: Locale;
}

export type Values = Readonly<Record<string, string | number>>;
type TagFormatters = ReturnType<typeof tagFormatters>;
/** formatMessage as this formatter calls it: names and numbers, and a function per tag, give text and elements. */
type FormatRich = (descriptor: { id: string }, values: Readonly<Record<string, unknown>>) => RichPart | RichPart[];

/** Reports a formatting error; the reader gets the English text instead. */
export type OnError = (message: string) => void;

const key = (namespace: string, id: string) => `${namespace}/${id}`;

/**
 * Formats messages, dates and names with `@formatjs/intl`, one `IntlShape` per locale, created once.
 * Never throws at the caller: an error goes to `onError` and the English text (or nothing) comes back.
 */
export class Formatter {
  readonly #texts: Texts;
  readonly #onError: OnError;
  readonly #intl = new Map<Locale, IntlShape>();
  readonly #cache = createIntlCache();
  readonly #namespaces: readonly string[];
  readonly #tags: TagFormatters;
  #failure: string | undefined;

  constructor(catalog: Catalog, texts: Texts, onError: OnError) {
    this.#texts = texts;
    this.#onError = onError;
    this.#namespaces = Object.keys(catalog.resources[SOURCE_LOCALE] ?? {});
    const messages = Object.values(catalog.resources).flatMap((namespaces) => Object.values(namespaces).flatMap((m) => Object.values(m)));
    this.#tags = tagFormatters(messages);
  }

  /** The `IntlShape` of a locale, whose messages are that locale's texts as i18next holds them. */
  intl(locale: Locale): IntlShape {
    let intl = this.#intl.get(locale);
    if (!intl) {
      const messages: Record<string, Message> = {};
      for (const namespace of this.#namespaces)
        for (const [id, message] of Object.entries(this.#texts.bundle(locale, namespace))) messages[key(namespace, id)] = message;
      intl = createIntl(
        {
          locale,
          defaultLocale: SOURCE_LOCALE,
          // formatjs takes text or compiled messages, each on its own terms; the catalog gives compiled ones.
          messages: messages as Record<string, MessageFormatElement[]>,
          onError: (error) => {
            this.#failure = error.message;
          },
        },
        this.#cache,
      );
      this.#intl.set(locale, intl);
    }
    return intl;
  }

  /**
   * A message in `locale`, resolved by i18next (falling back to English where the locale lacks it),
   * formatted with `values(locale actually used)`. If formatting fails, the English message is used.
   */
  message(locale: Locale, namespace: string, id: string, values: (locale: Locale) => Values): FormattedText | undefined {
    const resolved = this.#texts.resolve(locale, namespace, id);
    const attempts: Locale[] = resolved ? [resolved.locale] : [];
    if (resolved && resolved.locale !== SOURCE_LOCALE) attempts.push(SOURCE_LOCALE);
    for (const used of attempts) {
      this.#failure = undefined;
      const format = this.intl(used).formatMessage as unknown as FormatRich;
      const formatted = format({ id: key(namespace, id) }, { ...values(used), ...this.#tags });
      if (this.#failure === undefined) return { parts: Array.isArray(formatted) ? formatted : [formatted], locale: used };
      this.#onError(`format: ${used}/${namespace}/${id}: ${this.#failure}`);
    }
    if (!resolved) this.#onError(`format: ${locale}/${namespace}/${id}: no locale has this message`);
    return undefined;
  }

  /** A calendar date (YYYY-MM-DD) in the locale's long style and the given calendar. */
  date(locale: Locale, isoDate: string, calendar: string = LOCALE_INFO[locale].calendar): string {
    // The date alone is known, not the hour: format the UTC day so no time zone can shift it.
    return this.intl(locale).formatDate(Date.parse(`${isoDate}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC', calendar });
  }

  /** A language's name in the language itself, capitalised as it would head a menu entry. */
  languageName(locale: Locale): string {
    const name = this.intl(locale).formatDisplayName(locale, { type: 'language' }) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  }

  /** The names of the editions' languages in `locale`, as a list in its style: "English, Persian and Russian". */
  editionsList(locale: Locale): string {
    const intl = this.intl(locale);
    return intl.formatList(
      LOCALES.map((edition) => intl.formatDisplayName(edition, { type: 'language' }) ?? edition),
      { type: 'conjunction' },
    );
  }
}

/** Every locale with its display name in its own language. */
export function languageNames(formatter: Formatter): ReadonlyMap<Locale, string> {
  return new Map(LOCALES.map((locale) => [locale, formatter.languageName(locale)]));
}
