/** The editions of the site: `locales/editions.json` says which exist and their state; CLDR says the rest. */

export const EDITION_STATES = ['draft', 'published'] as const;
export type EditionState = (typeof EDITION_STATES)[number];

/** One edition as `locales/editions.json` declares it: only what CLDR cannot say. */
export interface EditionEntry {
  /** `draft`: built and served for review, not offered to readers; `published`: offered everywhere. */
  readonly state: EditionState;
  /** A calendar shown beside the language's own, where the edition's readers expect one (Persian: `gregory`). */
  readonly secondaryCalendar?: string;
  /** A web font for the edition's script, by its name in `site/fonts.ts`. */
  readonly font?: string;
  /** The Open Graph locale where the edition's variety differs from CLDR's likely region (`en_GB`). */
  readonly ogLocale?: string;
}

/** `locales/editions.json`: the source language, and every edition in the order the language switcher lists them. */
export interface EditionsFile {
  readonly source: string;
  readonly editions: Readonly<Record<string, EditionEntry>>;
}

/** An edition with what its language's CLDR data says of it. */
export interface Edition {
  readonly locale: string;
  readonly state: EditionState;
  /** Base direction of the script (`Intl.Locale#getTextInfo`). */
  readonly dir: 'ltr' | 'rtl';
  /** ISO 15924 script code, from the likely subtags (`Intl.Locale#maximize`). */
  readonly script: string;
  /** The calendar of the edition's dates: the first its readers use (`Intl.Locale#getCalendars`). */
  readonly calendar: string;
  readonly secondaryCalendar?: string;
  /** Open Graph locale (language_TERRITORY). */
  readonly ogLocale: string;
  /**
   * The tag its dates, numbers and typography follow: the edition's own, or its Open Graph locale's where the
   * file names one (`en_GB` → `en-GB`: «19 January 2022»), so what the page writes and what it declares agree.
   */
  readonly formatLocale: string;
  readonly font?: string;
}

// The methods of Intl.Locale that TypeScript's ES2023 library does not describe yet (ES2024 Intl Locale Info).
interface LocaleInfo {
  getTextInfo?(): { direction: 'ltr' | 'rtl' };
  textInfo?: { direction: 'ltr' | 'rtl' };
  getCalendars?(): string[];
  calendars?: string[];
}

/** What CLDR says of a language tag, with the file's entry on top. */
export function describeEdition(locale: string, entry: EditionEntry): Edition {
  const tag = new Intl.Locale(locale);
  const likely = tag.maximize();
  const info = tag as Intl.Locale & LocaleInfo;
  const dir = info.getTextInfo?.().direction ?? info.textInfo?.direction ?? 'ltr';
  const calendars = info.getCalendars?.() ?? info.calendars ?? ['gregory'];
  return {
    locale,
    state: entry.state,
    dir,
    script: likely.script ?? 'Zyyy',
    calendar: calendars[0] ?? 'gregory',
    ...(entry.secondaryCalendar ? { secondaryCalendar: entry.secondaryCalendar } : {}),
    ogLocale: entry.ogLocale ?? `${likely.language}_${likely.region ?? likely.language.toUpperCase()}`,
    formatLocale: entry.ogLocale ? Intl.getCanonicalLocales(entry.ogLocale.replace('_', '-'))[0]! : locale,
    ...(entry.font ? { font: entry.font } : {}),
  };
}

/** The editions of a checked `locales/editions.json`, in its order, with the source's first among equals. */
export class Editions {
  readonly source: string;
  readonly all: readonly Edition[];
  readonly published: readonly Edition[];
  readonly #byLocale: ReadonlyMap<string, Edition>;

  constructor(file: EditionsFile) {
    this.source = file.source;
    this.all = Object.entries(file.editions).map(([locale, entry]) => describeEdition(locale, entry));
    this.published = this.all.filter((e) => e.state === 'published');
    this.#byLocale = new Map(this.all.map((e) => [e.locale, e]));
  }

  get(locale: string): Edition | undefined {
    return this.#byLocale.get(locale);
  }

  /** The tag a locale formats dates and numbers with: its edition's `formatLocale` (`en` → `en-GB`), else itself. */
  readonly formatLocaleOf = (locale: string): string => this.#byLocale.get(locale)?.formatLocale ?? locale;

  /** An edition known to exist (the caller took its locale from this list). */
  of(locale: string): Edition {
    const edition = this.#byLocale.get(locale);
    if (!edition) throw new Error(`no edition "${locale}"`);
    return edition;
  }

  /** The editions a reader is offered: published ones, and `locale` itself if it is a draft. */
  offeredWith(locale: string): readonly Edition[] {
    return this.all.filter((e) => e.state === 'published' || e.locale === locale);
  }

  /** Editions other than the source: those that are translated. */
  get translations(): readonly Edition[] {
    return this.all.filter((e) => e.locale !== this.source);
  }
}
