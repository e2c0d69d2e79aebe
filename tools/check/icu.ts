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

/** Parses an ICU MessageFormat string, as the worker's formatter will. Throws `IcuSyntaxError`. */
export function parseMessage(message: string): MessageFormatElement[] {
  try {
    return parse(message, { requiresOtherClause: true });
  } catch (error) {
    const e = error as Error & { location?: { start: { offset: number } } };
    const at = e.location ? ` at character ${e.location.start.offset + 1}` : '';
    throw new IcuSyntaxError(`ICU syntax error${at}: ${e.message.toLowerCase().replace(/_/g, ' ')}`);
  }
}

export class IcuSyntaxError extends Error {
  override name = 'IcuSyntaxError';
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
