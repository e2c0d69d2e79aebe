import Typograf from 'typograf';

/** Where CLDR's patterns and a language's newsroom style part ways, and how the pages write it instead. */
export interface Typography {
  /** What separates a list's items: Persian «، », without the invisible right-to-left mark CLDR adds. */
  readonly separator?: string;
  /** The words before a list's last item: Persian writes «الف، ب و پ», without CLDR's comma before «و». */
  readonly lastConnector?: string;
  /** The date line opens with the weekday, as the language's news sites print it: «چهارشنبه ۲۹ دی ۱۴۰۰». */
  readonly weekday?: boolean;
}

export const TYPOGRAPHY: Readonly<Record<string, Typography>> = {
  fa: { separator: '، ', lastConnector: ' و ', weekday: true },
};

const byLocale = new Map<string, Typography>();

/** The list and date-line typography of a locale's language (none where CLDR's patterns are the newsroom's). */
export function typographyOf(locale: string): Typography {
  let typography = byLocale.get(locale);
  if (!typography) byLocale.set(locale, (typography = TYPOGRAPHY[new Intl.Locale(locale).language] ?? {}));
  return typography;
}

const NBSP = '\u00a0';
const ZWNJ = '\u200c';

/** A rule of a language that no maintained library knows: what it finds, what it writes instead, and why. */
export interface TypographyRule {
  readonly name: string;
  readonly pattern: RegExp;
  readonly replacement: string;
}

/**
 * For every language: a spaced dash stays on the line of the word before it (Typograf does this itself where it
 * sets the dash), the dash that ends a text too, as a dateline's («Тегеран —»), which nothing else would bind.
 */
const SPACED_DASH: TypographyRule = { name: 'spaced-dash', pattern: / ([–—])(?= |$)/gu, replacement: `${NBSP}$1` };

const PERSIAN_MONTHS = [
  // Solar Hijri months, as CLDR writes them.
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
  // Gregorian months, as CLDR's Persian writes them.
  'ژانویه',
  'ژانویهٔ',
  'فوریه',
  'فوریهٔ',
  'مارس',
  'آوریل',
  'مه',
  'مهٔ',
  'ژوئن',
  'ژوئیه',
  'ژوئیهٔ',
  'اوت',
  'سپتامبر',
  'اکتبر',
  'نوامبر',
  'دسامبر',
].join('|');

/**
 * Persian typesetting, where no maintained library has rules (typograf has none for Persian): the conventions
 * of the Academy of Persian Language and Literature's orthography (دستور خط فارسی) that a page can apply
 * without knowing the words, each one a rule the tests read.
 */
export const PERSIAN_RULES: readonly TypographyRule[] = [
  // «۴۰ ساله», «۲۰ روزه»: a number and the adjective made from it are one word, joined by a non-joiner.
  { name: 'number-adjective', pattern: /(\p{Nd}) (ساله|ماهه|روزه|هفته‌ای|درصدی)(?=$|[\s\p{P}])/gu, replacement: `$1${ZWNJ}$2` },
  // «می خواهد» → «می‌خواهد»: the verbal prefixes می / نمی join their verb with a non-joiner, never a space.
  { name: 'verbal-prefix', pattern: /(^|[\s\p{P}])(ن?می) (?=\p{Script=Arabic})/gu, replacement: `$1$2${ZWNJ}` },
  // «کشور ها» → «کشور‌ها»: the plural suffix joins its noun with a non-joiner.
  { name: 'plural-suffix', pattern: /(\p{Script=Arabic}) (ها|های|هایی)(?=$|[\s\p{P}])/gu, replacement: `$1${ZWNJ}$2` },
  // «۲۹ دی ۱۴۰۰»: a day stays on the line of its month, and the month on the line of its year.
  { name: 'day-month', pattern: new RegExp(`(\\p{Nd}) (${PERSIAN_MONTHS})(?=$|[\\s\\p{P}])`, 'gu'), replacement: `$1${NBSP}$2` },
  { name: 'month-year', pattern: new RegExp(`(^|[\\s\\p{P}])(${PERSIAN_MONTHS}) (?=\\p{Nd})`, 'gu'), replacement: `$1$2${NBSP}` },
  SPACED_DASH,
  // No space before a closing punctuation mark, and none inside guillemets.
  { name: 'space-before-punctuation', pattern: / +(?=[،؛؟.:!»)])/gu, replacement: '' },
  { name: 'space-inside-guillemets', pattern: /« +/gu, replacement: '«' },
];

/** Typograf's rules turned on or off for a language, beside its defaults. */
interface TypografSettings {
  readonly enable?: readonly string[];
  readonly disable?: readonly string[];
}

/**
 * Typograf (the maintained typography library) for the languages it knows: no-break spaces after short words
 * and before «г.», between a day and its month, between a number and the word after it, before dashes;
 * dashes and quotation marks as the language sets them. Rules that are not typography (links, HTML) stay off.
 */
const TYPOGRAF: Readonly<Record<string, TypografSettings>> = {
  // «в 2017 году», «19 января», «40 лет»: a number keeps to the word after it.
  ru: { enable: ['common/nbsp/afterNumber'] },
  // English typesetting binds a number to its word («18 June», «40 years»), not short words to the next one; the
  // publisher's quotation marks and spaced en dashes are its house style, kept as they are.
  en: {
    enable: ['common/nbsp/afterNumber'],
    disable: [
      'common/punctuation/quote',
      'common/nbsp/afterShortWord',
      'common/nbsp/afterShortWordByList',
      'common/nbsp/beforeShortLastWord',
      'en-GB/dash/main',
      'en-US/dash/main',
    ],
  },
};
const NOT_TYPOGRAPHY = ['common/html/url', 'common/html/e-mail', 'common/html/escape', 'common/html/nbr', 'common/html/p'];

const typografs = new Map<string, Typograf | undefined>();

/** Typograf for a locale (`en-GB`, `en-US`, `ru`), or none where it does not know the language. */
function typografFor(locale: string): Typograf | undefined {
  if (!typografs.has(locale)) {
    const tag = new Intl.Locale(locale);
    const settings = TYPOGRAF[tag.language];
    const name = tag.language === 'en' ? (tag.region === 'GB' ? 'en-GB' : 'en-US') : tag.language;
    typografs.set(
      locale,
      settings && Typograf.getLocales().includes(name)
        ? new Typograf({
            locale: [name],
            htmlEntity: { type: 'default' },
            enableRule: [...(settings.enable ?? [])],
            disableRule: [...NOT_TYPOGRAPHY, ...(settings.disable ?? [])],
          })
        : undefined,
    );
  }
  return typografs.get(locale);
}

/**
 * Text as the language's typesetters set it: Typograf's rules where it knows the language, the documented
 * Persian rules for Persian, unchanged otherwise. It runs on formatted text at build, never on the files
 * translators edit; the pages, their titles, the JSON edition and the share cards all show its result.
 */
export function typeset(locale: string, text: string): string {
  if (!/\S/.test(text)) return text;
  if (new Intl.Locale(locale).language === 'fa') return PERSIAN_RULES.reduce((t, rule) => t.replace(rule.pattern, rule.replacement), text);
  const typograf = typografFor(locale);
  if (!typograf) return text;
  // Typograf trims a text's ends: a piece of a sentence (before or after a <b>) keeps its spaces.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  return `${lead}${typograf.execute(core)}${trail}`.replace(SPACED_DASH.pattern, SPACED_DASH.replacement);
}
