import smartquotes from 'smartquotes';
import type { ArgumentSpec } from '../../site/content.ts';

/** An English text made a segment: an ICU message, the data arguments it uses, and the names left as text. */
export interface EnglishMessage {
  readonly message: string;
  /** The data arguments the message names (numbers, years, weekdays), as the content file keeps them. */
  readonly arguments: Readonly<Record<string, ArgumentSpec>>;
  /** Words that look like a proper name and are no glossary entry: left as text, listed for the editor. */
  readonly unknownNames: readonly string[];
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Capitalised words that are no names: what starts a sentence, titles before a name, months and weekdays. A
 * word of a name not listed here is reported, never guessed.
 */
const NOT_NAMES = new Set([
  ...WEEKDAYS,
  ...MONTHS,
  ...'A An The This That These Those It Its He His She Her They Their We Our You Your In On At For From To Of By With As But And Or If When While After Before Since Until During Under Over About Against Between Both Each Every Some Many Most Several Other Another Such No Not Yes There Here Where What Which Who Whom Whose Why How All Also Still Yet Then Than Meanwhile However Earlier Later Last Next First Second Third Source Photo President Vice Prime Minister Ministers Foreign Economy Petroleum Defence Defense Interior Finance Energy Trade Deputy Chief Secretary General Head Chairman Chairwoman Spokesman Spokeswoman Spokesperson Ambassador Governor Mayor Senator Officials Official Parliament Government Ministry Agency Council Court Committee Mr Mrs Ms Dr Sheikh King Queen Prince Princess Supreme Leader Speaker Director Commander Army Navy Air Force Forces State States Republic Islamic National International Union United North South East West Northern Southern Eastern Western Central Gulf Sea Ocean River Lake Mount Province City Region Street Road'.split(
    ' ',
  ),
]);
// Words for a people or a language ("Iranian", "Chinese", "British"): adjectives, translated as words.
const DEMONYM = /(?:ian|ean|ese|ish)$/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WEEKDAY_SELECT = (name: string) =>
  `{${name}, select, ${WEEKDAYS.slice(1)
    .map((d) => `${d.toLowerCase()} {${d}}`)
    .join(' ')} other {Sunday}}`;

/** The date within three days of `published` that falls on `weekday`: the week a news report's "on Monday" means. */
export function weekdayDate(published: string, weekday: string): string {
  const day = Date.parse(`${published}T00:00:00Z`);
  for (let offset = -3; offset <= 3; offset++) {
    const date = new Date(day + offset * 86_400_000);
    if (WEEKDAYS[date.getUTCDay()] === weekday) return date.toISOString().slice(0, 10);
  }
  throw new Error(`no ${weekday} within three days of ${published}`);
}

/**
 * Writes English as the locale files keep it: typographic quotes and apostrophes (`smartquotes`, so no straight
 * apostrophe can open an ICU quotation), each glossary name as its placeholder (the longest first: "Ebrahim
 * Raisi" before "Raisi"), each number and year as a number argument, each weekday of "on Monday" as a select
 * on a date in the week around publication.
 */
export class EnglishWriter {
  readonly #pattern: RegExp;
  readonly #names: ReadonlyMap<string, string>;
  readonly #published: string;

  /** `glossary`: each name and how English writes it (locales/en/glossary.json). */
  constructor(glossary: ReadonlyMap<string, string>, published: string) {
    const names = new Map<string, string>();
    for (const [name, value] of glossary) if (!names.has(value)) names.set(value, name);
    this.#names = names;
    this.#published = published;
    const values = [...names.keys()].sort((a, b) => b.length - a.length).map(escape);
    const name = values.length > 0 ? `(?<![\\p{L}\\p{N}])(?<name>${values.join('|')})(?![\\p{L}\\p{N}])|` : '';
    const weekday = `(?<=\\b[Oo]n )(?<weekday>${WEEKDAYS.join('|')})(?![\\p{L}\\p{N}])`;
    // Not a part of a word ("G20", "COVID-19"), a time or a date ("10:30", "19/01"), nor a number with a leading zero.
    const number =
      '(?<![\\p{L}\\p{N}_.,:/])(?<!\\p{L}-)(?<number>[1-9]\\d{0,2}(?:,\\d{3})+(?:\\.\\d+)?|[1-9]\\d*(?:\\.\\d+)?|0\\.\\d+|0)(?![\\p{L}\\p{N}_])(?![.,:/]\\d)';
    this.#pattern = new RegExp(`${name}${weekday}|${number}`, 'gu');
  }

  /** `text` (words, `<i>`, `<b>`) as an ICU message, with the data arguments it names. */
  write(text: string): EnglishMessage {
    const typeset = smartquotes.string(text).replace(/'/g, '’');
    const args: Record<string, ArgumentSpec> = {};
    const spans: [number, number][] = [];
    const message = typeset.replace(this.#pattern, (match, ...rest) => {
      const groups = rest.at(-1) as Record<string, string | undefined>;
      const offset = rest.at(-3) as number;
      spans.push([offset, offset + match.length]);
      if (groups.name !== undefined) return `{${this.#names.get(match)}}`;
      if (groups.weekday !== undefined) {
        const date = weekdayDate(this.#published, match);
        const name = `weekday${date.replace(/-/g, '')}`;
        args[name] = { weekday: date };
        return WEEKDAY_SELECT(name);
      }
      const value = Number(match.replace(/,/g, ''));
      const year = /^(?:19|20)\d\d$/.test(match);
      const name = `${year ? 'year' : 'number'}${match.replace(/,/g, '').replace('.', 'd')}`;
      args[name] = { number: value };
      // As the text wrote it: a year, or a number of four digits or more without separators, stays without them.
      return year || (!match.includes(',') && value >= 1000) ? `{${name}, number, ::group-off}` : `{${name}, number}`;
    });
    return { message, arguments: args, unknownNames: unknownNames(typeset, spans) };
  }
}

const WORD = /\p{Lu}[\p{L}\p{M}’-]*/gu;

/**
 * Runs of capitalised words outside the placeholders that are not words every sentence may capitalise: the
 * names of people, places and organisations the glossary lacks. A single word opening a sentence, or one for a
 * people or a language ("Iranian"), is not one.
 */
function unknownNames(text: string, spans: readonly [number, number][]): string[] {
  const blanked = spans.reduce((t, [from, to]) => t.slice(0, from) + ' '.repeat(to - from) + t.slice(to), text);
  const found: string[] = [];
  let run: string[] = [];
  let initial = false;
  let last = -1;
  const flush = () => {
    const single = run.length === 1;
    if (run.length > 0 && !(single && (initial || DEMONYM.test(run[0]!)))) {
      const name = run.join(' ');
      if (!found.includes(name)) found.push(name);
    }
    run = [];
  };
  for (const match of blanked.matchAll(WORD)) {
    const start = match.index;
    if (last < 0 || blanked.slice(last, start) !== ' ') flush();
    last = start + match[0].length;
    const word = match[0].replace(/’s$/, '');
    if (word.length < 2 || NOT_NAMES.has(word)) {
      flush();
      continue;
    }
    if (run.length === 0) {
      const before = blanked
        .slice(0, start)
        .replace(/<\/?[ib]>/g, '')
        .replace(/[\s“‘(]+$/u, '');
      initial = before === '' || /[.!?:]$/.test(before);
    }
    run.push(word);
    if (word !== match[0]) flush(); // a possessive ends the name
  }
  flush();
  return found;
}
