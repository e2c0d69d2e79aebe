/** The editions this site publishes, in the order the language switcher lists them. */
export const LOCALES = ['en', 'fa', 'ru'] as const;

export type Locale = (typeof LOCALES)[number];

/** The language every edition is translated from, and the last resort of negotiation. */
export const SOURCE_LOCALE: Locale = 'en';

/** How each edition is written and dated. */
export interface LocaleInfo {
  /** Base direction of the script. */
  readonly dir: 'ltr' | 'rtl';
  /** Calendar of the edition's dates (a Unicode calendar identifier). */
  readonly calendar: string;
  /** A second calendar shown beside the first, if the edition's readers expect it. */
  readonly secondaryCalendar?: string;
  /** Open Graph locale (language_TERRITORY). */
  readonly ogLocale: string;
}

export const LOCALE_INFO: Readonly<Record<Locale, LocaleInfo>> = {
  en: { dir: 'ltr', calendar: 'gregory', ogLocale: 'en_GB' },
  fa: { dir: 'rtl', calendar: 'persian', secondaryCalendar: 'gregory', ogLocale: 'fa_IR' },
  ru: { dir: 'ltr', calendar: 'gregory', ogLocale: 'ru_RU' },
};

export function isLocale(value: string | undefined | null): value is Locale {
  return value === 'en' || value === 'fa' || value === 'ru';
}
