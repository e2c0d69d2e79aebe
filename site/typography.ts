/** Where CLDR's patterns and a language's newsroom style part ways, and how the pages write it instead. */
export interface Typography {
  /** What separates a list's items: Persian «، », without the invisible right-to-left mark CLDR adds. */
  readonly separator?: string;
  /** The words before a list's last item: Persian writes «الف، ب و پ», without CLDR's comma before «و». */
  readonly lastConnector?: string;
  /** A formatted date as the language's typesetters set it. */
  readonly date?: (text: string) => string;
}

export const TYPOGRAPHY: Readonly<Record<string, Typography>> = {
  fa: { separator: '، ', lastConnector: ' و ' },
  // «19 января 2022 г.»: the abbreviation stays on the line of its year; «и» keeps to the word after it.
  ru: { lastConnector: ' и\u00a0', date: (text) => text.replace(/ (г\.)$/, '\u00a0$1') },
};

const byLocale = new Map<string, Typography>();

/** The typography of a locale's language (none where CLDR's patterns are the newsroom's). */
export function typographyOf(locale: string): Typography {
  let typography = byLocale.get(locale);
  if (!typography) byLocale.set(locale, (typography = TYPOGRAPHY[new Intl.Locale(locale).language] ?? {}));
  return typography;
}
