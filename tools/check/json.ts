import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ProblemList } from './problems.ts';

/** 1-based line and column of an offset, as editors count them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
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

const STRICT_JSON = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false } as const;

/** Parses strict JSON into a syntax tree, reporting each syntax error with its line and column. */
export function parseJsonTree(file: string, text: string, problems: ProblemList): Node | undefined {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, STRICT_JSON);
  for (const error of errors) {
    const { line, column } = lineAndColumn(text, error.offset);
    problems.error(file, undefined, `not valid JSON at line ${line}, column ${column}: ${describe(printParseErrorCode(error.error))}`);
  }
  return errors.length === 0 ? tree : undefined;
}

function describe(code: string): string {
  // "CloseBraceExpected" reads better as "close brace expected".
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * A locale file: one JSON object whose values are all strings, keys in file order.
 * Duplicate keys (which JSON.parse would silently collapse) are reported with their line.
 */
export function parseFlatStrings(file: string, text: string, problems: ProblemList): Map<string, string> | undefined {
  const tree = parseJsonTree(file, text, problems);
  if (!tree) return undefined;
  if (tree.type !== 'object') {
    problems.error(file, undefined, 'must be a JSON object of segment id to text');
    return undefined;
  }
  const values = new Map<string, string>();
  for (const property of tree.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (values.has(key)) {
      const { line } = lineAndColumn(text, keyNode.offset);
      problems.error(file, key, `duplicate key (again at line ${line})`);
      continue;
    }
    if (valueNode.type !== 'string') {
      problems.error(file, key, `must be a string, not ${valueNode.type === 'object' ? 'an object' : `a ${valueNode.type}`}`);
      continue;
    }
    values.set(key, String(valueNode.value));
  }
  return values;
}
