import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { tagFormatters, type RichPart, type RichText } from './rich-text.ts';
import { typeset, typographyOf } from './typography.ts';

export type Values = Readonly<Record<string, string | number>>;

/**
 * Named date styles a message may use beside ICU's own (`{d, date, long}`): `gregorian` writes the date in the
 * Gregorian calendar whatever the edition's own is, as a Persian note gives «۱۸ ژوئن ۲۰۲۱» beside the Solar Hijri.
 */
export const DATE_STYLES = {
  gregorian: { calendar: 'gregory', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A message that could not be formatted: the build stops and names it. */
export class FormatError extends Error {
  override name = 'FormatError';
}

/** Typography applied to the strings of formatted text (the elements' children too). */
const typesetParts = (locale: string, parts: RichText): RichText =>
  parts.map((part) =>
    typeof part === 'string' ? typeset(locale, part) : 'note' in part ? part : { ...part, children: typesetParts(locale, part.children) },
  );

/**
 * Formats with `@formatjs/intl`, one `IntlShape` per locale, created once: the ICU messages i18next resolved,
 * dates in each edition's calendar, language names and lists, then set by the language's typography rules
 * (site/typography.ts). It runs at build, where an error stops the build (naming the message) rather than
 * putting a broken text in front of a reader.
 */
export class Formatter {
  readonly #intl = new Map<string, IntlShape>();
  readonly #cache = createIntlCache();
  readonly #regional: (locale: string) => string;
  /** Language names and lists, asked for on every page: formatted once each. */
  readonly #names = new Map<string, string>();
  readonly #lists = new Map<string, string>();

  /** `regional`: the tag an edition formats with (`en` → `en-GB` for an edition published for Britain). */
  constructor(regional: (locale: string) => string = (locale) => locale) {
    this.#regional = regional;
  }

  /** The `IntlShape` of a locale. */
  intl(locale: string): IntlShape {
    let intl = this.#intl.get(locale);
    if (!intl) {
      intl = createIntl(
        {
          locale: this.#regional(locale),
          // Dates are calendar days, without an hour: formatted in UTC, no time zone can shift them.
          timeZone: 'UTC',
          formats: { date: DATE_STYLES },
          onError: (error) => {
            throw new FormatError(error.message);
          },
        },
        this.#cache,
      );
      this.#intl.set(locale, intl);
    }
    return intl;
  }

  /** An ICU message in `locale`, with its allowed rich-text tags as elements. `what` names it in an error. */
  message(locale: string, message: string, values: Values, what: string): RichText {
    const intl = this.intl(locale);
    try {
      const format = intl.formatters.getMessageFormat(message, intl.locale, intl.formats, { formatters: intl.formatters });
      const formatted = format.format<RichPart>({ ...values, ...tagFormatters(format.getAst()) });
      return typesetParts(intl.locale, Array.isArray(formatted) ? formatted : [formatted]);
    } catch (error) {
      throw new FormatError(`${what}: ${(error as Error).message}`);
    }
  }

  /**
   * A calendar date (YYYY-MM-DD) in the locale's long style and the given calendar; a date line (`line`) opens
   * with its weekday where the language's news sites print one (site/typography.ts).
   */
  date(locale: string, isoDate: string, calendar: string, { line = false } = {}): string {
    // The date alone is known, not the hour: format the UTC day so no time zone can shift it.
    const day = Date.parse(`${isoDate}T00:00:00Z`);
    const intl = this.intl(locale);
    const text = intl.formatDate(day, { dateStyle: 'long', timeZone: 'UTC', calendar });
    const weekday =
      line && typographyOf(intl.locale).weekday ? `${intl.formatDate(day, { weekday: 'long', timeZone: 'UTC', calendar })} ` : '';
    return typeset(intl.locale, `${weekday}${text}`);
  }

  /** A language's name in `locale`. */
  languageName(locale: string, language: string): string {
    const key = `${locale} ${language}`;
    let name = this.#names.get(key);
    if (name === undefined) this.#names.set(key, (name = this.intl(locale).formatDisplayName(language, { type: 'language' }) ?? language));
    return name;
  }

  /** A language's name in the language itself, capitalised as it would head a menu entry. */
  autonym(language: string): string {
    const name = this.languageName(language, language);
    return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
  }

  /** Items as a list in `locale`'s style: "English, Persian, and Russian"; «انگلیسی، فارسی و روسی». */
  list(locale: string, items: readonly string[]): string {
    const key = `${locale}\u0000${items.join('\u0000')}`;
    let list = this.#lists.get(key);
    if (list === undefined) this.#lists.set(key, (list = this.#list(locale, items)));
    return list;
  }

  #list(locale: string, items: readonly string[]): string {
    const parts = this.intl(locale).formatListToParts(items, { type: 'conjunction' });
    const { separator, lastConnector } = typographyOf(locale);
    const last = parts.findLastIndex((p) => p.type === 'literal');
    return parts
      .map((p, i) => (p.type !== 'literal' ? p.value : i === last ? (lastConnector ?? p.value) : (separator ?? p.value)))
      .join('');
  }

  /** A number in the locale's digits. */
  number(locale: string, value: number): string {
    return this.intl(locale).formatNumber(value);
  }
}
