import { readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { lineAndColumn } from './check/json.ts';
import type { Position } from './check/problems.ts';
import { asToolFailure, ToolFailure } from './failure.ts';
import { mebibytes } from './limits.ts';

/** A text file as read: its text, and where its first byte that is not UTF-8 is, if it has one (shown as U+FFFD). */
export interface ReadText {
  readonly text: string;
  readonly notUtf8?: { readonly position: Position; readonly byte: number };
}

/** The offset of the first byte of `bytes` that does not belong to a well-formed UTF-8 sequence (RFC 3629 §4). */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    const trailing =
      lead < 0x80 ? 0 : lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
    if (trailing < 0) return i;
    // The second byte's range excludes overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= trailing; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += trailing + 1;
  }
  return undefined;
}

/**
 * Text from bytes: UTF-8 (a byte order mark dropped), or UTF-16 where a byte order mark says so, as XML allows.
 * Bytes that are not UTF-8 become U+FFFD, and the first one's position is given: the check refuses the
 * segment holding it.
 */
export function decodeText(bytes: Uint8Array): ReadText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  if (isUtf8(bytes)) return { text };
  const offset = firstInvalidUtf8(bytes)!;
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  return { text, notUtf8: { position: lineAndColumn(before, before.length), byte: bytes[offset]! } };
}

/**
 * Reads a text file a person names, refusing with one line what cannot be one: a missing file, a folder, an
 * empty file, or one larger than `limit` bytes (checked before it is read). `shownAs` names it in messages.
 */
export function readTextFile(path: string, shownAs: string, limit: number, what: string): ReadText {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new ToolFailure(`${shownAs}: a folder, not ${what}`);
    if (stat.size > limit)
      throw new ToolFailure(
        `${shownAs}: ${mebibytes(stat.size)}, more than the ${mebibytes(limit)} ${what} may have (TRANSLATING.md, "Limits"): split it`,
      );
    bytes = readFileSync(path);
  } catch (error) {
    throw asToolFailure(error, `nothing read`, shownAs);
  }
  const read = decodeText(bytes);
  if (read.text.trim() === '') throw new ToolFailure(`${shownAs}: empty: not ${what}; export it again`);
  return read;
}
