import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { DATE_STYLES } from '../../site/format.ts';

export type ArgumentKind = 'argument' | 'number' | 'date' | 'time' | 'select' | 'plural';

/** What a message needs from its caller, and what a translation must keep. */
export interface MessageShape {
  /** Arguments by name, with every way the message formats each. */
  readonly arguments: ReadonlyMap<string, ReadonlySet<ArgumentKind>>;
  /** Rich-text tags (`<b>…</b>`) the message uses. */
  readonly tags: ReadonlySet<string>;
  /** The literal text of the message, every branch concatenated: what typography checks read. */
  readonly text: string;
}

/** Plain words for the parser's errors (formatjs's ErrorKind), for translators. */
const ERROR_WORDS: Readonly<Record<string, string>> = {
  MALFORMED_ARGUMENT: 'malformed argument: an argument is {name}, {name, number, …}, {name, plural, …} or {name, select, …}',
  EXPECT_ARGUMENT_CLOSING_BRACE: 'an argument without its closing }',
  EMPTY_ARGUMENT: 'empty braces {}: an argument needs a name',
  EXPECT_ARGUMENT_TYPE: 'a comma after the argument’s name, but no type (number, date, plural, select)',
  INVALID_ARGUMENT_TYPE: 'an argument type ICU does not know: number, date, time, plural, select or selectordinal',
  MISSING_OTHER_CLAUSE: 'a plural or select without its other {…} branch',
  UNCLOSED_TAG: 'a tag that is never closed (<b> needs </b>)',
  UNMATCHED_CLOSING_TAG: 'a closing tag with no opening tag',
  INVALID_TAG: 'a malformed tag',
  UNCLOSED_QUOTE_IN_ARGUMENT_STYLE: "an apostrophe (') that quotes the rest of the argument: ICU reads ' as a quote",
};

/**
 * The `{` that is never closed, or the `}` that closes nothing, as ICU reads braces (an apostrophe before a
 * brace quotes it; `''` is an apostrophe): what a translator must fix, wherever the parser noticed it.
 */
export function unbalancedBrace(message: string): { readonly offset: number; readonly problem: string } | undefined {
  const open: number[] = [];
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === "'" && message[i + 1] === "'") i++;
    else if (c === "'" && /[{}#|<]/.test(message[i + 1] ?? '')) {
      const end = message.indexOf("'", i + 1);
      if (end < 0) break;
      i = end;
    } else if (c === '{') open.push(i);
    else if (c === '}' && open.pop() === undefined) return { offset: i, problem: 'a closing brace } that closes nothing' };
  }
  const unclosed = open.at(-1);
  return unclosed === undefined ? undefined : { offset: unclosed, problem: 'unclosed brace: this { is never closed' };
}

/** Parses an ICU MessageFormat string, as the build's formatter will. Throws `IcuSyntaxError` saying where. */
export function parseMessage(message: string): MessageFormatElement[] {
  let elements: MessageFormatElement[];
  try {
    elements = parse(message, { requiresOtherClause: true, captureLocation: true });
  } catch (error) {
    const e = error as Error & { location?: { start: { offset: number } } };
    const brace = unbalancedBrace(message);
    if (brace) throw new IcuSyntaxError(`ICU syntax error: ${brace.problem}`, brace.offset);
    const words = ERROR_WORDS[e.message] ?? e.message.toLowerCase().replace(/_/g, ' ');
    throw new IcuSyntaxError(`ICU syntax error: ${words}`, e.location?.start.offset);
  }
  checkSkeletons(elements);
  return elements;
}

// ICU number skeleton stems (unicode-org.github.io/icu/userguide/format_parse/numbers/skeletons.html), and the
// concise forms of precision, integer width, notation, sign and grouping.
const STEMS = new Set(
  (
    'compact-short compact-long scientific engineering notation-simple base-unit percent permille measure-unit ' +
    'per-measure-unit currency unit unit-width-narrow unit-width-short unit-width-full-name unit-width-iso-code ' +
    'unit-width-formal unit-width-variant unit-width-hidden precision-integer precision-unlimited ' +
    'precision-currency-standard precision-currency-cash precision-increment rounding-mode-ceiling ' +
    'rounding-mode-floor rounding-mode-down rounding-mode-up rounding-mode-half-even rounding-mode-half-odd ' +
    'rounding-mode-half-ceiling rounding-mode-half-floor rounding-mode-half-down rounding-mode-half-up ' +
    'rounding-mode-unnecessary integer-width integer-width-trunc scale group-off group-min2 group-auto ' +
    'group-on-aligned group-thousands latin numbering-system sign-auto sign-always sign-never sign-accounting ' +
    'sign-accounting-always sign-except-zero sign-accounting-except-zero sign-negative sign-accounting-negative ' +
    'decimal-auto decimal-always K KK % %x100 ,_ ,? ,! +! +? +- +_ () ()! ()? ()+ ()-'
  ).split(' '),
);
/** Date styles a message may name: ICU's own, and the site's (site/format.ts); anything else is a skeleton (`::…`). */
const DATE_STYLE_NAMES: ReadonlySet<string> = new Set(['short', 'medium', 'long', 'full', ...Object.keys(DATE_STYLES)]);
const CONCISE = /^(?:\.[0#]*\*?|@+#*[rs]?|\*?0+|E{1,2}(?:\+[!?])?0+|[0-9]+)(?:\/.*)?$/;

/**
 * A number skeleton whose `}` is missing takes the text after it, up to the next `}`, for its tokens: the
 * parser accepts it. Such words are no skeleton stems, and name the real problem.
 */
function checkSkeletons(elements: readonly MessageFormatElement[]): void {
  for (const el of elements) {
    if (isNumberElement(el) && el.style && typeof el.style === 'object' && 'tokens' in el.style) {
      const unknown = el.style.tokens.map((t) => t.stem).filter((stem) => !STEMS.has(stem) && !CONCISE.test(stem));
      if (unknown.length > 0) {
        const words = unknown
          .slice(0, 3)
          .map((w) => `"${w}"`)
          .join(', ');
        throw new IcuSyntaxError(
          `ICU syntax error: {${el.value}, number, ::…} has words that are no number skeleton (${words}): is its closing } missing?`,
          el.location?.start.offset,
        );
      }
    } else if (isDateElement(el) && typeof el.style === 'string' && !DATE_STYLE_NAMES.has(el.style)) {
      throw new IcuSyntaxError(
        `ICU syntax error: {${el.value}, date, ${el.style}} names no date style (${[...DATE_STYLE_NAMES].join(', ')}, or a skeleton ::…)`,
        el.location?.start.offset,
      );
    } else if (isSelectElement(el) || isPluralElement(el)) for (const option of Object.values(el.options)) checkSkeletons(option.value);
    else if (isTagElement(el)) checkSkeletons(el.children);
  }
}

export class IcuSyntaxError extends Error {
  override name = 'IcuSyntaxError';
  /** Where in the message (UTF-16 offset) the problem is, when it is known. */
  readonly offset: number | undefined;

  constructor(message: string, offset?: number) {
    super(message);
    this.offset = offset;
  }
}

/** The arguments, tags and literal text of a message. Throws `IcuSyntaxError`. */
export function messageShape(message: string): MessageShape {
  const args = new Map<string, Set<ArgumentKind>>();
  const tags = new Set<string>();
  let text = '';
  const note = (name: string, kind: ArgumentKind) => {
    const kinds = args.get(name) ?? new Set<ArgumentKind>();
    kinds.add(kind);
    args.set(name, kinds);
  };
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const el of elements) {
      if (isArgumentElement(el)) note(el.value, 'argument');
      else if (isNumberElement(el)) note(el.value, 'number');
      else if (isDateElement(el)) note(el.value, 'date');
      else if (isTimeElement(el)) note(el.value, 'time');
      else if (isSelectElement(el) || isPluralElement(el)) {
        note(el.value, isSelectElement(el) ? 'select' : 'plural');
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (isTagElement(el)) {
        tags.add(el.value);
        walk(el.children);
      } else if (el.type === 0) text += el.value;
    }
  };
  walk(parseMessage(message));
  return { arguments: args, tags, text };
}
