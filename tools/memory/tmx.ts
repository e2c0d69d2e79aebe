import { XMLBuilder } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { IcuSyntaxError, messageShape } from '../check/icu.ts';
import type { Position, ProblemList } from '../check/problems.ts';
import { editionOf } from '../exchange/document.ts';
import type { MemoryEntry } from './store.ts';

/** TMX 1.4b (LISA / GALA, https://www.gala-global.org/tmx-14b): the interchange format of translation memories. */
export const TMX_VERSION = '1.4';
/** The property that names where a translation unit comes from: `<article>/<segment id>`. */
const ORIGIN = 'x-origin';
/** The property of a target `<tuv>` with the translation's state in the project. */
const STATE = 'x-state';

/**
 * A memory as TMX 1.4: one bilingual `<tu>` per translation (English, then the translation), as every TMX reader
 * takes a unit's first two variants for its language pair. Segments are the ICU messages as the project keeps
 * them (`{putin}`, `{year2017, number, ::group-off}`), as plain text.
 */
export function writeTmx(entries: readonly MemoryEntry[], sourceLang: string): string {
  const variant = (lang: string, text: string, state?: string) => ({
    tuv: [...(state ? [{ prop: [{ '#text': state }], ':@': { '@_type': STATE } }] : []), { seg: [{ '#text': text }] }],
    ':@': { '@_xml:lang': lang },
  });
  const units = entries.map((entry) => ({
    tu: [
      { prop: [{ '#text': entry.origin }], ':@': { '@_type': ORIGIN } },
      variant(sourceLang, entry.source),
      variant(entry.lang, entry.target, entry.state),
    ],
  }));
  const header = {
    '@_creationtool': 'kremlin-editions',
    '@_creationtoolversion': '1',
    '@_segtype': 'sentence',
    '@_o-tmf': 'ICU MessageFormat',
    '@_adminlang': 'en',
    '@_srclang': sourceLang,
    '@_datatype': 'plaintext',
  };
  const document = [
    { '?xml': [{ '#text': '' }], ':@': { '@_version': '1.0', '@_encoding': 'UTF-8' } },
    { tmx: [{ header: [], ':@': header }, { body: units }], ':@': { '@_version': TMX_VERSION } },
  ];
  return `${new XMLBuilder({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
  })
    .build(document)
    .trim()}\n`;
}

// Inline codes and highlights inside a <seg> hold its text (a placeholder's code, an emphasis); a <sub> holds
// the text of another flow (an attribute's), which is not the segment's.
const INLINE = new Set(['bpt', 'ept', 'it', 'ph', 'hi', 'ut']);

interface Variant {
  lang: string;
  text: string;
  state?: string;
}
interface Unit {
  position: Position;
  origin?: string;
  srclang?: string;
  variants: Variant[];
}

/**
 * Reads a TMX file's translations out of English into memory entries, as the project's languages (`fa-IR` is
 * `fa`). Every problem is named at its line: not well-formed XML, a DOCTYPE (entities can read files or expand
 * without end), not TMX 1.4, a unit without English, a segment that is no ICU message. Any problem refuses the
 * whole file (undefined).
 */
export function readTmx(
  file: string,
  xml: string,
  languages: { readonly source: string; readonly editions: readonly string[] },
  problems: ProblemList,
): MemoryEntry[] | undefined {
  const before = problems.size;
  const parser = new SaxesParser({ position: true });
  const here = (): Position => ({ line: parser.line, column: parser.column + 1 });
  const fail = (message: string, at: Position = here()) => problems.error(file, undefined, message, at);
  const units: Unit[] = [];
  const stack: string[] = [];
  let srclang: string | undefined;
  let unit: Unit | undefined;
  let variant: Variant | undefined;
  let prop: { type: string; text: string } | undefined;
  let inSeg = 0;
  let inSub = 0;
  parser.on('doctype', () =>
    fail('a DOCTYPE: a TMX file needs none, and its entities can read files or expand without end (export it without one)'),
  );
  parser.on('opentag', (tag) => {
    const attr = (name: string) => (typeof tag.attributes[name] === 'string' ? (tag.attributes[name] as string) : undefined);
    const parent = stack.at(-1);
    stack.push(tag.name);
    if (stack.length === 1) {
      if (tag.name !== 'tmx' || attr('version') !== TMX_VERSION) fail(`not a TMX ${TMX_VERSION} file (<tmx version="${TMX_VERSION}">)`);
    } else if (tag.name === 'header' && parent === 'tmx') srclang = attr('srclang');
    else if (tag.name === 'tu' && parent === 'body') {
      unit = { position: here(), variants: [], ...(attr('srclang') ? { srclang: attr('srclang')! } : {}) };
      units.push(unit);
    } else if (tag.name === 'tuv' && parent === 'tu' && unit) {
      variant = { lang: attr('xml:lang') ?? attr('lang') ?? '', text: '' };
      unit.variants.push(variant);
    } else if (tag.name === 'prop' && (parent === 'tu' || parent === 'tuv')) prop = { type: attr('type') ?? '', text: '' };
    else if (tag.name === 'seg' && parent === 'tuv') inSeg++;
    else if (tag.name === 'sub' && inSeg > 0) inSub++;
    else if (inSeg > 0 && !INLINE.has(tag.name)) fail(`<${tag.name}> inside a <seg>: TMX 1.4 has no such element`);
  });
  parser.on('text', (text) => {
    if (prop) prop.text += text;
    else if (inSeg > 0 && inSub === 0 && variant) variant.text += text;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (tag.name === 'prop' && prop) {
      if (prop.type === ORIGIN && unit && stack.at(-1) === 'tu') unit.origin = prop.text;
      if (prop.type === STATE && variant) variant.state = prop.text;
      prop = undefined;
    } else if (tag.name === 'seg') inSeg--;
    else if (tag.name === 'sub' && inSeg > 0) inSub--;
    else if (tag.name === 'tuv') variant = undefined;
    else if (tag.name === 'tu') unit = undefined;
  });
  parser.on('error', (error) => {
    fail(`not well-formed XML: ${error.message.replace(/^.*?:\d+:\d+: /, '')}`);
  });
  try {
    parser.write(xml).close();
  } catch {
    // Reported by the error handler above, with its position.
  }
  if (problems.hasErrorsSince(before)) return undefined;

  const source = languages.source;
  if (!srclang || (srclang !== '*all*' && editionOf(srclang, [source]) !== source))
    fail(`the header's srclang must be "${source}" (the language every edition is translated from)`, { line: 1, column: 1 });
  const entries: MemoryEntry[] = [];
  for (const tu of units) {
    const english = tu.variants.find((v) => editionOf(v.lang, [source]) === source);
    if (!english) {
      fail(`a <tu> without English (<tuv xml:lang="${source}">)`, tu.position);
      continue;
    }
    for (const v of tu.variants) {
      try {
        messageShape(v.text);
      } catch (error) {
        if (!(error instanceof IcuSyntaxError)) throw error;
        fail(`<tuv xml:lang="${v.lang}">: ${error.message} (the memory keeps ICU messages, as the locale files do)`, tu.position);
      }
    }
    for (const v of tu.variants) {
      if (v === english || v.text.trim() === '') continue;
      let lang: string | undefined;
      try {
        lang = editionOf(v.lang, languages.editions) ?? Intl.getCanonicalLocales(v.lang.replace(/_/g, '-'))[0];
      } catch {
        lang = undefined;
      }
      if (!lang) fail(`<tuv xml:lang="${v.lang}">: not a BCP 47 language tag`, tu.position);
      else entries.push({ lang, source: english.text, target: v.text, origin: tu.origin ?? file.replace(/^.*[/\\]/, '') });
    }
  }
  return problems.hasErrorsSince(before) ? undefined : entries;
}
