// An exchange file's XML as a small tree with the position of every element, read by saxes: a strict XML 1.0
// parser that decodes entities and character references as the specification says, refuses characters XML
// does not allow (NUL, most controls, U+FFFE) and undefined entities, reads in one pass, and never recurses.
import { SaxesParser } from 'saxes';
import { lineAndColumn } from '../check/json.ts';
import type { Position } from '../check/problems.ts';
import { MAX_XML_DEPTH } from '../limits.ts';
import { ExchangeFormatError } from './format-error.ts';

/** An element: its name (without a namespace prefix), attributes, children and where its start tag begins. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
  readonly position: Position;
}

// Any DOCTYPE or ENTITY declaration, however it is spelt, refused before the parser sees it.
const DOCTYPE = /<!(?:DOCTYPE|ENTITY)/i;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Parses a whole document. Throws `ExchangeFormatError` at the line and column of the first problem: a
 * DOCTYPE (an exchange file needs none, and entities can read files or expand without end), not
 * well-formed, or elements nested deeper than `MAX_XML_DEPTH`.
 */
export function parseXml(xml: string): XmlElement {
  const doctype = DOCTYPE.exec(xml);
  if (doctype)
    throw new ExchangeFormatError(
      'refused: a DOCTYPE or ENTITY declaration (an exchange file needs none, and entities can read files or expand without end)',
      lineAndColumn(xml, doctype.index),
    );
  const parser = new SaxesParser({ position: true });
  const at = (): Position => ({ line: parser.line, column: Math.max(parser.column, 1) });
  const stack: { name: string; attributes: Record<string, string>; children: (XmlElement | string)[]; position: Position }[] = [];
  let root: XmlElement | undefined;
  let start: Position = { line: 1, column: 1 };
  parser.on('error', (error) => {
    throw new ExchangeFormatError(`not well-formed XML: ${error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')}`, at());
  });
  parser.on('opentagstart', (tag) => {
    // The parser stands just after the name: the start tag began at its `<`.
    start = { line: parser.line, column: Math.max(parser.column - tag.name.length - 1, 1) };
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_XML_DEPTH)
      throw new ExchangeFormatError(`elements nested more than ${MAX_XML_DEPTH} deep: not an exchange file`, start);
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [name, value] of Object.entries(tag.attributes)) attributes[name] = String(value);
    stack.push({ name: localName(tag.name), attributes, children: [], position: start });
  });
  parser.on('text', (text) => stack.at(-1)?.children.push(text));
  parser.on('cdata', (text) => stack.at(-1)?.children.push(text));
  parser.on('closetag', () => {
    const element = stack.pop()!;
    if (stack.length === 0) root = element;
    else stack.at(-1)!.children.push(element);
  });
  parser.write(xml).close();
  if (!root) throw new ExchangeFormatError('not an XML document: no root element', { line: 1, column: 1 });
  return root;
}

/** The child elements of `element` named `name`. */
export const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);

/** The first child element named `name`. */
export const childNamed = (element: XmlElement, name: string): XmlElement | undefined => childrenNamed(element, name)[0];

/** Every character of an element's text, its descendants' included. */
export const textOf = (element: XmlElement): string => element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
