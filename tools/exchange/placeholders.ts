// An ICU message as a translator's tool should see it: the words to translate, and between them the codes it
// must keep as they are (XLIFF's placeholders): each argument (`{putin}`, `{year, number, ::group-off}`), the
// syntax of a plural or select around the words of each branch (`{n, plural, one {`, `} other {`, `}}`), `#`,
// and the rich-text tags (`<b>`, `</b>`). Joined again, the runs are the message, byte for byte.
import {
  isPluralElement,
  isPoundElement,
  isSelectElement,
  isTagElement,
  parse,
  TYPE,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';

/** A piece of a message: words to translate, or a code to keep. */
export type Run = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'code'; readonly code: string };

type Span = readonly [start: number, end: number];

function codeSpans(elements: readonly MessageFormatElement[], spans: Span[]): void {
  for (const el of elements) {
    const at = el.location;
    if (!at) continue;
    const [start, end] = [at.start.offset, at.end.offset];
    if (el.type === TYPE.literal) continue;
    if (isPoundElement(el)) spans.push([start, end]);
    else if (isTagElement(el)) {
      spans.push([start, start + `<${el.value}>`.length], [end - `</${el.value}>`.length, end]);
      codeSpans(el.children, spans);
    } else if (isPluralElement(el) || isSelectElement(el)) {
      // The syntax around each branch's words: up to its `{`, between `}` and the next `{`, and the final `}}`.
      let from = start;
      for (const option of Object.values(el.options)) {
        if (!option.location) continue;
        spans.push([from, option.location.start.offset + 1]);
        codeSpans(option.value, spans);
        from = option.location.end.offset - 1;
      }
      spans.push([from, end]);
    } else spans.push([start, end]); // an argument, number, date or time: a code whole
  }
}

/** A message's runs; a message that does not parse is one run of text (the check names its problem). */
export function splitMessage(message: string): Run[] {
  let elements: MessageFormatElement[];
  try {
    elements = parse(message, { captureLocation: true });
  } catch {
    return message === '' ? [] : [{ kind: 'text', text: message }];
  }
  const spans: Span[] = [];
  codeSpans(elements, spans);
  spans.sort((a, b) => a[0] - b[0]);
  const runs: Run[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) runs.push({ kind: 'text', text: message.slice(at, start) });
    if (end > start) runs.push({ kind: 'code', code: message.slice(start, end) });
    at = Math.max(at, end);
  }
  if (at < message.length) runs.push({ kind: 'text', text: message.slice(at) });
  return runs;
}

/** The message the runs make. */
export const joinRuns = (runs: readonly Run[]): string => runs.map((r) => (r.kind === 'text' ? r.text : r.code)).join('');

/** The arguments a message names, as a translator should keep them: `{putin}`, `{year, number, ::group-off}`. */
export function placeholdersOf(message: string): string[] {
  const found: string[] = [];
  for (const run of splitMessage(message))
    if (run.kind === 'code' && /^\{[^{}]*\}$/.test(run.code) && !found.includes(run.code)) found.push(run.code);
  return found;
}
