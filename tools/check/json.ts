import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Position, ProblemList } from './problems.ts';

/** 1-based line and column of an offset, as editors count them. */
export function lineAndColumn(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Positions of many offsets of one text, in one pass over it. */
export function positionsOf(text: string, offsets: readonly number[]): Position[] {
  const order = offsets.map((offset, i) => ({ offset, i })).sort((a, b) => a.offset - b.offset);
  const result = new Array<Position>(offsets.length);
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const { offset, i } of order) {
    for (; at < offset && at < text.length; at++)
      if (text.charCodeAt(at) === 10) {
        line++;
        lineStart = at + 1;
      }
    result[i] = { line, column: offset - lineStart + 1 };
  }
  return result;
}

const STRICT_JSON = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false } as const;

/** Parses strict JSON into a syntax tree, reporting each syntax error where it is. */
export function parseJsonTree(file: string, text: string, problems: ProblemList): Node | undefined {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, STRICT_JSON);
  for (const error of errors)
    problems.error(file, undefined, `not valid JSON: ${describe(printParseErrorCode(error.error))}`, lineAndColumn(text, error.offset));
  return errors.length === 0 ? tree : undefined;
}

function describe(code: string): string {
  // "CloseBraceExpected" reads better as "close brace expected".
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * A locale file: one JSON object whose values are all strings, keys in file order. Duplicate keys (which
 * JSON.parse would silently collapse) are reported where they are; each value's position is registered, so
 * every problem of a segment is reported where its value starts.
 */
export function parseFlatStrings(
  file: string,
  text: string,
  problems: ProblemList,
  /** Filled with where each value's string literal starts (its `"`), for `positionInString`. */
  offsets?: Map<string, number>,
): Map<string, string> | undefined {
  // A file in the form the tools write is read by JSON.parse: a duplicate key would not survive writing it back.
  // Its places are found only if a problem asks for one (a thousand articles' files are read in a second).
  const fast = canonicalJson(text);
  if (fast && Object.values(fast).every((v) => typeof v === 'string')) {
    problems.locateLater(file, () => {
      const positions = new Map<string, Position>();
      const end = locateProperties(text, positions, offsets);
      return { positions, end };
    });
    return new Map(Object.entries(fast as Record<string, string>));
  }
  const tree = parseJsonTree(file, text, problems);
  if (!tree) return undefined;
  if (tree.type !== 'object') {
    problems.error(file, undefined, 'must be a JSON object of segment id to text');
    return undefined;
  }
  const properties = (tree.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];
    return key && value ? [{ key, value }] : [];
  });
  const places = positionsOf(text, [...properties.map((p) => p.value.offset), tree.offset + tree.length - 1]);
  const values = new Map<string, string>();
  const positions = new Map<string, Position>();
  properties.forEach(({ key: keyNode, value: valueNode }, i) => {
    const key = String(keyNode.value);
    if (values.has(key)) {
      problems.error(file, key, `appears twice (first at line ${positions.get(key)!.line})`, places[i]);
      return;
    }
    positions.set(key, places[i]!);
    if (valueNode.type !== 'string') {
      problems.error(file, key, `must be a string, not ${valueNode.type === 'object' ? 'an object' : `a ${valueNode.type}`}`, places[i]);
      return;
    }
    values.set(key, String(valueNode.value));
    offsets?.set(key, valueNode.offset);
  });
  problems.locate(file, positions, places.at(-1));
  return values;
}

/**
 * The position in `text` of the character at `index` of the JSON string whose literal starts (its `"`) at
 * `literal`: escapes (`\"`, `\u200c`) are longer in the file than in the string.
 */
export function positionInString(text: string, literal: number, index: number): Position {
  let at = literal + 1;
  for (let decoded = 0; decoded < index && at < text.length; decoded++) at += text[at] !== '\\' ? 1 : text[at + 1] === 'u' ? 6 : 2;
  return lineAndColumn(text, at);
}

/** The object a text holds when the text is exactly what `serializeJson` writes for it (2-space JSON, final newline). */
export function canonicalJson(text: string): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return `${JSON.stringify(data, null, 2)}\n` === text ? (data as Record<string, unknown>) : undefined;
}

/** Where each property's value starts in a JSON object's text (and its string literal's offset), and where it ends. */
export function locateProperties(text: string, positions: Map<string, Position>, offsets?: Map<string, number>): Position | undefined {
  const tree = parseTree(text, [], STRICT_JSON);
  if (!tree) return undefined;
  const properties = (tree.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];
    return key && value ? [{ key, value }] : [];
  });
  const places = positionsOf(text, [...properties.map((p) => p.value.offset), tree.offset + tree.length - 1]);
  properties.forEach(({ key, value }, i) => {
    positions.set(String(key.value), places[i]!);
    offsets?.set(String(key.value), value.offset);
  });
  return places.at(-1);
}
