import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Position, ProblemList } from '../check/problems.ts';
import { readFrontMatter, type FrontMatter, type Located } from './front-matter.ts';

/**
 * Stands where a footnote marker was in a paragraph's text, until the paragraph is cut into segments: U+2063
 * (invisible separator), which a sentence segmenter skips (UAX #29 SB5, a format character) and an article file
 * may not contain.
 */
export const NOTE_MARK = '\u2063';

/** A paragraph or subheading of the body: its text (with `<i>`, `<b>` and a NOTE_MARK per footnote marker). */
export interface SourceBlock extends Located {
  readonly type: 'paragraph' | 'subheading';
  /** The labels of the footnotes marked in it, in the order of their NOTE_MARKs. */
  readonly notes: readonly string[];
}

/** An editor's note: a footnote's text, and its label. */
export interface SourceNote extends Located {
  readonly label: string;
}

/** An article file, read and validated: its front matter, its body top to bottom, its notes in the order they are marked. */
export interface ArticleSource {
  readonly meta: FrontMatter;
  readonly body: readonly SourceBlock[];
  readonly notes: readonly SourceNote[];
}

// C0 and C1 controls (but tab and line ends), bidi controls, zero-width and other invisible format characters,
// private-use characters, noncharacters: nothing a reporter types, and each can hide or reorder text.
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ue000-\uf8ff\ufdd0-\ufdef\ufff9-\ufffb\ufffe\uffff]/u;
/** What marks ICU arguments and tags in a segment: the text may not have it (the tool writes those itself). */
const SYNTAX = /[{}<>]/;

/** The text of a UTF-8 file, or the line of its first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 10) continue;
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return { badLine: line };
      }
      line++;
      start = i + 1;
    }
    return { badLine: line };
  }
}

const positionAt = (text: string, offset: number): Position => {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
};

/**
 * Reads an article file as the newsroom writes it: Markdown (CommonMark, with GFM footnotes for editor's notes)
 * under YAML front matter. The body is paragraphs and `## ` subheadings; text may be *italic* and **bold**.
 * Returns undefined, every problem named at its line and column, when anything is wrong.
 */
export function readArticleSource(file: string, bytes: Uint8Array, problems: ProblemList): ArticleSource | undefined {
  const decoded = decodeUtf8(bytes);
  if ('badLine' in decoded) {
    problems.error(file, undefined, 'not UTF-8: save the file as UTF-8', { line: decoded.badLine, column: 1 });
    return undefined;
  }
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const before = problems.size;
  for (const [i, line] of text.split('\n').entries()) {
    const bad = FORBIDDEN.exec(line);
    if (bad)
      problems.error(
        file,
        undefined,
        `a control or invisible character (U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}): nothing shows it, and it can hide or reorder text`,
        { line: i + 1, column: bad.index + 1 },
      );
  }
  if (problems.hasErrorsSince(before)) return undefined;

  const tree = fromMarkdown(text, {
    extensions: [frontmatter(['yaml']), gfmFootnote()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFootnoteFromMarkdown()],
  });
  const fail = (message: string, node?: Nodes) =>
    problems.error(
      file,
      undefined,
      message,
      node?.position ? { line: node.position.start.line, column: node.position.start.column } : undefined,
    );
  const [first, ...rest] = tree.children;
  let meta: FrontMatter | undefined;
  if (first?.type === 'yaml') meta = readFrontMatter(file, first.value, { line: first.position!.start.line + 1, column: 1 }, problems);
  else fail('no front matter: the file starts with a line ---, then headline:, standfirst:, published: … and a line ---', first);

  const body: SourceBlock[] = [];
  const definitions = new Map<string, RootContent>();
  for (const node of first?.type === 'yaml' ? rest : tree.children) {
    if (node.type === 'footnoteDefinition') {
      if (definitions.has(node.identifier)) fail(`[^${node.label ?? node.identifier}]: a footnote given twice`, node);
      definitions.set(node.identifier, node);
    }
  }
  const marked: string[] = [];
  const inline = (nodes: readonly PhrasingContent[], notes: string[] | undefined): string =>
    nodes
      .map((node): string => {
        switch (node.type) {
          case 'text': {
            const syntax = SYNTAX.exec(node.value);
            if (syntax) {
              const offset = node.position!.start.offset! + syntax.index;
              problems.error(
                file,
                undefined,
                `“${syntax[0]}”: not allowed in an article's text (it marks arguments and tags)`,
                positionAt(text, offset),
              );
            }
            const dangling = /\[\^[^\]\s]+\]/.exec(node.value);
            if (dangling) fail(`${dangling[0]}: a footnote marker with no footnote ([^label]: the note's text)`, node);
            return node.value;
          }
          case 'emphasis':
            return `<i>${inline(node.children, notes)}</i>`;
          case 'strong':
            return `<b>${inline(node.children, notes)}</b>`;
          case 'break':
            return ' ';
          case 'footnoteReference':
            if (!notes) {
              fail('a footnote marker in a subheading or a note: mark the paragraph the note is about', node);
              return '';
            }
            if (!definitions.has(node.identifier)) fail(`[^${node.label ?? node.identifier}]: a footnote marker with no footnote`, node);
            else if (marked.includes(node.identifier))
              fail(`[^${node.label ?? node.identifier}]: marked twice: a note is about one place`, node);
            marked.push(node.identifier);
            notes.push(node.identifier);
            return NOTE_MARK;
          default:
            fail(`${describe(node.type)}: an article's text is words, *italic*, **bold** and footnote markers [^1]`, node);
            return '';
        }
      })
      .join('');
  const located = (value: string, node: Nodes): Located => ({
    text: value.replace(/\s+/g, ' ').trim(),
    position: { line: node.position!.start.line, column: node.position!.start.column },
  });

  for (const node of first?.type === 'yaml' ? rest : tree.children) {
    switch (node.type) {
      case 'paragraph': {
        const notes: string[] = [];
        body.push({ type: 'paragraph', ...located(inline(node.children, notes), node), notes });
        break;
      }
      case 'heading':
        if (node.depth !== 2) fail(`a level-${node.depth} heading: subheadings are ## (the headline is in the front matter)`, node);
        else body.push({ type: 'subheading', ...located(inline(node.children, undefined), node), notes: [] });
        break;
      case 'footnoteDefinition':
        break;
      default:
        fail(`${describe(node.type)}: an article's body is paragraphs, ## subheadings and footnotes`, node);
    }
  }
  if (body.every((b) => b.type !== 'paragraph')) fail('no paragraphs: the article has no body');
  const notes: SourceNote[] = [];
  for (const identifier of marked) {
    const definition = definitions.get(identifier);
    if (definition?.type !== 'footnoteDefinition') continue;
    const [paragraph, ...others] = definition.children;
    if (paragraph?.type !== 'paragraph' || others.length > 0) {
      fail(`[^${definition.label ?? identifier}]: an editor's note is one paragraph`, definition);
      continue;
    }
    notes.push({ label: definition.label ?? identifier, ...located(inline(paragraph.children, undefined), paragraph) });
  }
  for (const [identifier, definition] of definitions)
    if (!marked.includes(identifier)) fail(`[^${identifier}]: a footnote no marker points to: mark where it applies`, definition);
  if (problems.hasErrorsSince(before) || !meta) return undefined;
  return { meta, body, notes };
}

const NAMES: Readonly<Record<string, string>> = {
  link: 'a link',
  linkReference: 'a link',
  definition: 'a link definition',
  image: 'an image',
  imageReference: 'an image',
  inlineCode: 'code',
  code: 'code',
  html: 'HTML',
  list: 'a list',
  blockquote: 'a block quote',
  thematicBreak: 'a rule (---)',
  yaml: 'a second front matter',
};
const describe = (type: string) => NAMES[type] ?? `a ${type}`;
