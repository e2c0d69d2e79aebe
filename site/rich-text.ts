import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** The only markup a translation may use: ICU rich-text tags that become these elements. */
export const ALLOWED_TAGS = ['b', 'i'] as const;
export type AllowedTag = (typeof ALLOWED_TAGS)[number];

export const isAllowedTag = (tag: string): tag is AllowedTag => (ALLOWED_TAGS as readonly string[]).includes(tag);

/**
 * `<note></note>`: where a translation puts the marker of the editor's note about its segment, when its language
 * puts it elsewhere than after the segment (Russian and Persian before the stop; after the sentence the note is
 * about, not after the next). Only in a segment an editor's note is about, once, empty; English needs none.
 */
export const NOTE_TAG = 'note';

/** Formatted text: strings (escaped wherever they are rendered) and allowed elements around more of it. */
export type RichText = readonly RichPart[];
export type RichPart =
  | string
  | { readonly tag: AllowedTag; readonly children: RichText }
  /** Where the marker of the editor's note about the segment goes. */
  | { readonly note: true }
  /** A tag outside the allowlist (only a message that skipped the check can have one): shown as its text. */
  | { readonly literal: string; readonly children: RichText };

/** The text alone, for attributes, titles and the JSON edition. Unknown tags are kept as the text they were. */
export function plainText(parts: RichText): string {
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else if ('note' in part) continue;
    else if ('tag' in part) text += plainText(part.children);
    else text += `<${part.literal}>${plainText(part.children)}</${part.literal}>`;
  }
  return text;
}

const tagNames = (elements: readonly MessageFormatElement[], into: Set<string>): void => {
  for (const el of elements) {
    if (el.type === 8) {
      into.add(el.value);
      tagNames(el.children, into);
    } else if (el.type === 5 || el.type === 6) for (const option of Object.values(el.options)) tagNames(option.value, into);
  }
};

/** Formatting functions for every tag a message uses: allowed tags become elements, others stay text. */
export function tagFormatters(message: readonly MessageFormatElement[]): Record<string, (chunks: RichPart[]) => RichPart> {
  const names = new Set<string>(ALLOWED_TAGS);
  tagNames(message, names);
  return Object.fromEntries(
    [...names].map((name) => [
      name,
      (chunks: RichPart[]): RichPart =>
        name === NOTE_TAG ? { note: true } : isAllowedTag(name) ? { tag: name, children: chunks } : { literal: name, children: chunks },
    ]),
  );
}
