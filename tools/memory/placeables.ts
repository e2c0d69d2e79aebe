import { IcuSyntaxError, messageShape } from '../check/icu.ts';
import { nameBase } from '../check/check.ts';

/**
 * Numbers, years, weekdays and dates are an article's data arguments (`{year2017, number, ::group-off}`): what
 * translation-memory tools call placeables. A sentence is the same sentence whatever the number in it, so a
 * memory compares messages with their data arguments renamed by order (`{1, number, ::group-off}`), and
 * carries a translation over by renaming its arguments back to the new message's. Names (glossary entries)
 * are words, and stay as they are.
 */

/** Tells whether an argument is a name from the glossary (`putin`, `putin_ins`) rather than data. */
export type IsName = (argument: string) => boolean;

/** An `IsName` for a glossary's names, a case form (`_gen`, `_ins`…) of one included. */
export function glossaryNames(names: Iterable<string>): IsName {
  const known = new Set(names);
  return (argument) => known.has(nameBase(argument));
}

/** The data arguments of a message, in the order they first appear; undefined when it is no ICU message. */
export function dataArguments(message: string, isName: IsName): string[] | undefined {
  try {
    return [...messageShape(message).arguments.keys()].filter((a) => !isName(a));
  } catch (error) {
    if (error instanceof IcuSyntaxError) return undefined;
    throw error;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message with each argument of `renames` renamed: every `{old` that starts an argument. */
export function renameArguments(message: string, renames: ReadonlyMap<string, string>): string {
  const pending = [...renames].filter(([from, to]) => from !== to);
  if (pending.length === 0) return message;
  // Through stand-ins, so that swapping two names (a → b, b → a) renames each once.
  let text = message;
  pending.forEach(([from], i) => {
    text = text.replace(new RegExp(`\\{(\\s*)${escape(from)}(?=\\s*[,}])`, 'g'), `{$1\u0000${i}\u0000`);
  });
  pending.forEach(([, to], i) => {
    text = text.replaceAll(`\u0000${i}\u0000`, to);
  });
  return text;
}

/** A message as a memory compares it: its data arguments renamed 1, 2, … in order. */
export function comparable(message: string, isName: IsName): string {
  const data = dataArguments(message, isName) ?? [];
  return renameArguments(message, new Map(data.map((name, i) => [name, String(i + 1)])));
}

/**
 * A translation of `from` made to translate `to`, where the two differ only in their data arguments: each of
 * `from`'s renamed to `to`'s in the same place. Undefined where they have different numbers of them.
 */
export function carryOver(translation: string, from: string, to: string, isName: IsName): string | undefined {
  const before = dataArguments(from, isName);
  const after = dataArguments(to, isName);
  if (!before || !after || before.length !== after.length) return undefined;
  return renameArguments(translation, new Map(before.map((name, i) => [name, after[i]!])));
}
