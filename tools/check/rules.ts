import type { Severity } from './problems.ts';

/** A rule of a language's orthography or typography that its text is checked against. */
export interface TextRule {
  /** Matches text that breaks the rule. */
  readonly pattern: RegExp;
  readonly severity: Severity;
  readonly message: string;
}

/** Rules for every language: nothing may reorder or hide text. */
const EVERY_LANGUAGE: readonly TextRule[] = [
  {
    pattern: /[\u202a-\u202e\u2066-\u2069]/,
    severity: 'error',
    message:
      'a bidi embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069): it reorders the text after it, on the page and in titles; the page isolates what needs isolating',
  },
];

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

/** Invisible format characters a language's writing needs: Persian's zero-width non-joiner (می‌خواهد, ‌ها). */
export const NEEDED_FORMAT_CHARACTERS: Readonly<Record<string, string>> = { fa: '\u200c' };

/** The rules of a locale's language, and those of every language. */
export const rulesFor = (locale: string): readonly TextRule[] => [
  ...EVERY_LANGUAGE,
  ...(LANGUAGE_RULES[new Intl.Locale(locale).language] ?? []),
];

// Characters no text may hold: controls other than tab and line feed, non-characters (U+FFFE, U+FDD0…), lone
// surrogates, and U+FFFD, which stands for bytes that were not UTF-8. They break the pages and the share cards.
const UNUSABLE = /[\p{Cc}\p{Noncharacter_Code_Point}\p{Cs}\ufffd]/gu;
const ALLOWED_CONTROLS = new Set(['\t', '\n']);

/** Characters that are not text, as `U+000B`, each once, in the order found. */
export function unusableCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const [c] of text.matchAll(UNUSABLE)) if (!ALLOWED_CONTROLS.has(c)) found.add(hex(c));
  return [...found];
}

const FORMAT = /\p{Cf}/gu;
const ANY_FORMAT = /\p{Cf}/u;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Invisible format characters other than the bidi controls (an error of their own) and those the language needs. */
export function invisibleCharacters(locale: string, text: string): string[] {
  if (!ANY_FORMAT.test(text)) return [];
  const needed = NEEDED_FORMAT_CHARACTERS[new Intl.Locale(locale).language] ?? '';
  const found = new Set<string>();
  for (const [c] of text.matchAll(FORMAT)) if (!needed.includes(c) && !BIDI_CONTROLS.test(c)) found.add(hex(c));
  return [...found];
}

const scriptNames = new Intl.DisplayNames(['en'], { type: 'script' });

/** The letter test of an ISO 15924 script, or undefined where Unicode has no such script property (Hant, Jpan). */
function scriptTest(script: string): RegExp | undefined {
  try {
    return new RegExp(`\\p{Script=${script}}`, 'u');
  } catch {
    return undefined;
  }
}

/**
 * One test for "a letter outside `script`, `also` and the neutral scripts", made once per pair: most texts have
 * none, and are read once, not letter by letter.
 */
const foreignLetterTests = new Map<string, RegExp | undefined>();
function foreignLetterTest(script: string, also: string | undefined): RegExp | undefined {
  const key = `${script}/${also ?? ''}`;
  if (!foreignLetterTests.has(key)) {
    const scripts = [script, ...(also ? [also] : [])];
    foreignLetterTests.set(
      key,
      scripts.every((s) => scriptTest(s))
        ? new RegExp(`(?![${scripts.map((s) => `\\p{Script=${s}}`).join('')}\\p{Script=Common}\\p{Script=Inherited}])\\p{L}`, 'u')
        : undefined,
    );
  }
  return foreignLetterTests.get(key);
}

/**
 * Words of `text` with letters outside `script` (and outside `also`, a script names may also be written in),
 * at most `limit` of them: a translation in another script, or pasted from another language.
 */
export function foreignWords(text: string, script: string, also?: string, limit = 3): string[] | undefined {
  const foreign = foreignLetterTest(script, also);
  if (!foreign) return undefined;
  if (!foreign.test(text)) return [];
  const words: string[] = [];
  for (const word of text.split(/[\s\p{P}\p{S}]+/u)) {
    if (foreign.test(word) && !words.includes(word)) words.push(word);
    if (words.length >= limit) break;
  }
  return words;
}

/** "Cyrillic" for `Cyrl`. */
export const scriptName = (script: string): string => scriptNames.of(script) ?? script;

/** The end of a sentence, without the closing quotation marks and brackets after its last stop: one pass from the end. */
export function withoutClosers(text: string): string {
  let end = text.length;
  while (end > 0 && CLOSERS.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}

const CLOSERS = new Set([' ', '\t', '\n', '\u00a0', '\u202f', '”', '’', '»', '"', "'", ')', ']']);
