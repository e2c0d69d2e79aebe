import type { Severity } from './problems.ts';

/** A rule of a language's orthography or typography that its text is checked against. */
export interface TextRule {
  /** Matches text that breaks the rule. */
  readonly pattern: RegExp;
  readonly severity: Severity;
  readonly message: string;
}

/**
 * The rules of each language's writing, by language subtag: the one table the check applies to every text
 * of that language (segments, interface strings and glossary names), and the tests read.
 */
export const LANGUAGE_RULES: Readonly<Record<string, readonly TextRule[]>> = {
  fa: [
    { pattern: /[\u064A\u0643]/, severity: 'error', message: 'Arabic ي or ك: Persian writes ی (U+06CC) and ک (U+06A9)' },
    {
      pattern: /[0-9\u06F0-\u06F9\u0660-\u0669]/,
      severity: 'error',
      message: 'a digit typed into Persian text: numbers are ICU arguments, formatted in Persian digits',
    },
  ],
  ru: [{ pattern: /["']/, severity: 'warning', message: 'straight quotes: Russian uses « » (and „ “ inside them)' }],
};

/** The rules of a locale's language. */
export const rulesFor = (locale: string): readonly TextRule[] => LANGUAGE_RULES[new Intl.Locale(locale).language] ?? [];
