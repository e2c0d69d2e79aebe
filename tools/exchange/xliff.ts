// XLIFF 2.0 (OASIS, 2014) and XLIFF 1.2 (OASIS, 2008), written and read. Each segment's codes (its ICU
// arguments, plural and select syntax, rich-text tags) are placeholders, so a translator's tool protects them:
// 2.0 `<ph id dataRef/>` with the code in the unit's `<originalData>`, 1.2 `<ph id>code</ph>` (the code as its
// content, which translate-toolkit and other 1.2 tools keep). A target read back may hold placeholders or the
// codes typed as text; `<mrk>` and `<pc>` keep their content, any other element in a target is refused.
import { escapeXml } from '../../site/xml.ts';
import type { Position } from '../check/problems.ts';
import { isSegmentState, VOUCHED_STATES, type SegmentState } from '../check/sidecar.ts';
import { noCandidates, type CandidatesFor } from '../memory/candidates.ts';
import type { ExchangeDocument, ExchangeUnit } from './document.ts';
import { ExchangeFormatError } from './format-error.ts';
import { splitMessage, type Run } from './placeholders.ts';
import { childNamed, childrenNamed, parseXml, textOf, type XmlElement } from './xml.ts';

export { ExchangeFormatError } from './format-error.ts';

const XLIFF_20 = 'urn:oasis:names:tc:xliff:document:2.0';
const XLIFF_12 = 'urn:oasis:names:tc:xliff:document:1.2';
/** XLIFF 2.0 subState (prefix:value) marking a target whose English has changed since it was made. */
export const STALE_SUBSTATE = 'editions:stale';
/** The note categories this project writes: what the segment is, the English it was made from, its revision. */
const NOTE = { block: 'block', previous: 'previous-source', revision: 'revision', state: 'state', segment: 'segment' } as const;

/** The XLIFF versions this project writes and reads. */
export type XliffVersion = '2.0' | '1.2';

const attribute = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${escapeXml(value)}"`);

/** Groups units by their file (namespace), in order. */
function byFile(units: readonly ExchangeUnit[]): Map<string, ExchangeUnit[]> {
  const files = new Map<string, ExchangeUnit[]>();
  for (const unit of units) files.set(unit.namespace, [...(files.get(unit.namespace) ?? []), unit]);
  return files;
}

/**
 * A unit's source and target as inline content: text escaped, each code a placeholder. Placeholder ids are
 * unique in the unit; the target's n-th occurrence of a code has the id of the source's n-th, so a tool pairs them.
 */
function inline(unit: ExchangeUnit, placeholder: (id: string, data: string, code: string) => string) {
  const data = new Map<string, string>();
  const dataOf = (code: string) => data.get(code) ?? (data.set(code, `d${data.size + 1}`), data.get(code)!);
  const sourceIds = new Map<string, string[]>();
  let next = 1;
  const render = (runs: readonly Run[], ids: (code: string, occurrence: number) => string) => {
    const seen = new Map<string, number>();
    return runs
      .map((run) => {
        if (run.kind === 'text') return escapeXml(run.text);
        const occurrence = seen.get(run.code) ?? 0;
        seen.set(run.code, occurrence + 1);
        return placeholder(ids(run.code, occurrence), dataOf(run.code), run.code);
      })
      .join('');
  };
  const source = render(splitMessage(unit.source), (code) => {
    const id = String(next++);
    sourceIds.set(code, [...(sourceIds.get(code) ?? []), id]);
    return id;
  });
  const target =
    unit.target === undefined ? undefined : render(splitMessage(unit.target), (code, n) => sourceIds.get(code)?.[n] ?? String(next++));
  return { source, target, data };
}

/** XLIFF 2.0's Translation Candidates module (§5.2): matches from a memory, beside the segment they are for. */
const MATCHES_NAMESPACE = 'urn:oasis:names:tc:xliff:matches:2.0';
/** The id of a unit's one segment, which its matches reference (`ref="#s1"`). */
const SEGMENT_ID = 's1';

/**
 * XLIFF 2.0: one <file> per locale file, one <unit> per segment with its English source, target, state and notes,
 * and the matches `candidatesFor` offers for it (`<mtc:matches>`, first in the unit as the schema puts modules).
 */
export function writeXliff(document: ExchangeDocument, candidatesFor: CandidatesFor = noCandidates): string {
  const candidates = new Map(document.units.map((unit) => [unit, candidatesFor(unit)]));
  const anyCandidates = [...candidates.values()].some((c) => c.length > 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_20}"${anyCandidates ? attribute('xmlns:mtc', MATCHES_NAMESPACE) : ''} version="2.0"${attribute('srcLang', document.sourceLocale)}${attribute('trgLang', document.targetLocale)}>`,
  ];
  for (const [namespace, units] of byFile(document.units)) {
    lines.push(`  <file${attribute('id', namespace)}>`);
    for (const unit of units) {
      const { source, target, data } = inline(
        unit,
        (id, dataRef, code) => `<ph${attribute('id', id)}${attribute('dataRef', dataRef)}${attribute('disp', code)}/>`,
      );
      lines.push(`    <unit${attribute('id', unit.id)}>`);
      const matches = candidates.get(unit)!;
      if (matches.length > 0) {
        lines.push('      <mtc:matches>');
        for (const c of matches)
          lines.push(
            `        <mtc:match${attribute('ref', `#${SEGMENT_ID}`)}${attribute('similarity', c.similarity.toFixed(1))}${attribute('type', 'tm')}${attribute('origin', c.origin)}>`,
            `          <source>${escapeXml(c.source)}</source>`,
            `          <target>${escapeXml(c.target)}</target>`,
            '        </mtc:match>',
          );
        lines.push('      </mtc:matches>');
      }
      lines.push('      <notes>');
      lines.push(`        <note category="${NOTE.block}">${escapeXml(unit.note ?? '')}</note>`);
      if (unit.previousSource !== undefined)
        lines.push(`        <note category="${NOTE.previous}">${escapeXml(unit.previousSource)}</note>`);
      if (unit.revision !== undefined) lines.push(`        <note category="${NOTE.revision}">${escapeXml(unit.revision)}</note>`);
      lines.push('      </notes>');
      if (data.size > 0) {
        lines.push('      <originalData>');
        for (const [code, id] of data) lines.push(`        <data${attribute('id', id)}>${escapeXml(code)}</data>`);
        lines.push('      </originalData>');
      }
      lines.push(
        `      <segment${matches.length > 0 ? attribute('id', SEGMENT_ID) : ''}${attribute('state', unit.state)}${unit.stale ? attribute('subState', STALE_SUBSTATE) : ''}>`,
      );
      lines.push(`        <source>${source}</source>`);
      if (target !== undefined) lines.push(`        <target>${target}</target>`);
      lines.push('      </segment>', '    </unit>');
    }
    lines.push('  </file>');
  }
  lines.push('</xliff>', '');
  return lines.join('\n');
}

// XLIFF 1.2 target states for this project's states; a stale target `needs-review-translation`.
const STATE_12: Readonly<Record<SegmentState, string>> = {
  initial: 'needs-translation',
  translated: 'translated',
  reviewed: 'signed-off',
  final: 'final',
};

/**
 * XLIFF 1.2: one <file> per locale file, one <trans-unit> per segment. The project's own facts (block, state,
 * revision, previous English) are developer notes, one `key: value` line each, as PO's extracted comments are:
 * translate-toolkit's xliff2po and po2xliff carry them across.
 */
export function writeXliff12(document: ExchangeDocument): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<xliff xmlns="${XLIFF_12}" version="1.2">`];
  for (const [namespace, units] of byFile(document.units)) {
    lines.push(
      `  <file${attribute('original', namespace)}${attribute('source-language', document.sourceLocale)}${attribute('target-language', document.targetLocale)} datatype="plaintext">`,
      '    <body>',
    );
    for (const unit of units) {
      const { source, target } = inline(unit, (id, _, code) => `<ph${attribute('id', id)}>${escapeXml(code)}</ph>`);
      const approved = unit.state !== 'initial' && !unit.stale ? 'yes' : 'no';
      lines.push(
        `      <trans-unit${attribute('id', unit.id)}${attribute('resname', unit.id)} approved="${approved}" xml:space="preserve">`,
      );
      lines.push(`        <source>${source}</source>`);
      if (target !== undefined)
        lines.push(
          `        <target${attribute('state', unit.stale ? 'needs-review-translation' : STATE_12[unit.state])}>${target}</target>`,
        );
      const notes = [
        `${NOTE.segment}: ${unit.namespace}/${unit.id}`,
        `${NOTE.block}: ${unit.note ?? ''}`,
        `${NOTE.state}: ${unit.state}`,
        ...(unit.revision === undefined ? [] : [`${NOTE.revision}: ${unit.revision}`]),
        ...(unit.previousSource === undefined ? [] : [`${NOTE.previous}: ${unit.previousSource}`]),
      ];
      for (const note of notes) lines.push(`        <note from="developer">${escapeXml(note)}</note>`);
      lines.push('      </trans-unit>');
    }
    lines.push('    </body>', '  </file>');
  }
  lines.push('</xliff>', '');
  return lines.join('\n');
}

/** The `key: value` lines of a 1.2 unit's developer notes (one note per line, or several lines in one note). */
function noteLines(unit: XmlElement): Map<string, string> {
  const found = new Map<string, string>();
  for (const note of childrenNamed(unit, 'note'))
    for (const line of textOf(note).split('\n')) {
      const m = /^([a-z-]+): ?(.*)$/.exec(line);
      if (m && !found.has(m[1]!)) found.set(m[1]!, m[2]!);
    }
  return found;
}

/**
 * A source's or target's message: its text, each placeholder's code (2.0 from `<originalData>`, 1.2 from its
 * content) and the content of annotations. Refuses a placeholder whose code it cannot find, and any other
 * element, at its line and column.
 */
function messageOf(element: XmlElement, data: ReadonlyMap<string, string>): string {
  return element.children
    .map((child) => {
      if (typeof child === 'string') return child;
      switch (child.name) {
        case 'ph': // 2.0: empty, its code in originalData; 1.2: the code is its content
        case 'x':
        case 'bx':
        case 'ex':
        case 'it':
        case 'bpt':
        case 'ept':
        case 'sc':
        case 'ec': {
          const ref = child.attributes.dataRef;
          const code =
            (ref !== undefined ? data.get(ref) : undefined) ??
            (child.children.length > 0 ? textOf(child) : undefined) ??
            child.attributes['equiv-text'] ??
            child.attributes.disp;
          if (code === undefined)
            throw new ExchangeFormatError(
              `<${child.name} id="${child.attributes.id ?? ''}"> names no code this file holds (its dataRef has no <data> in <originalData>)`,
              child.position,
            );
          return code;
        }
        case 'pc': // 2.0 paired code: its codes around its content
          return `${child.attributes.dataRefStart !== undefined ? (data.get(child.attributes.dataRefStart) ?? '') : ''}${messageOf(child, data)}${child.attributes.dataRefEnd !== undefined ? (data.get(child.attributes.dataRefEnd) ?? '') : ''}`;
        case 'mrk': // an annotation (a term, a comment): its words are the text
        case 'g':
          return messageOf(child, data);
        case 'sm':
        case 'em': // the ends of an annotation: no text
          return '';
        default:
          throw new ExchangeFormatError(`<${child.name}> inside a segment: not XLIFF inline content this project can read`, child.position);
      }
    })
    .join('');
}

// XLIFF 1.2 states, read as this project's: a target that needs review is stale when the notes say what English it was made from.
const FROM_12: Readonly<Record<string, SegmentState>> = {
  new: 'initial',
  'needs-translation': 'initial',
  translated: 'translated',
  'signed-off': 'reviewed',
  final: 'final',
};

function readUnits12(root: XmlElement): Omit<ExchangeDocument, 'targetPosition'> & { targetPosition?: Position } {
  const units: ExchangeUnit[] = [];
  let sourceLocale = '';
  let targetLocale = '';
  let targetPosition: Position | undefined;
  for (const file of childrenNamed(root, 'file')) {
    sourceLocale ||= file.attributes['source-language'] ?? '';
    if (!targetLocale && file.attributes['target-language'] !== undefined) {
      targetLocale = file.attributes['target-language'];
      targetPosition = file.position;
    }
    for (const unit of collect(file, 'trans-unit')) {
      // The header of a PO file po2xliff converted: its languages, as gettext's header fields say them.
      if (unit.attributes.restype === 'x-gettext-domain-header') {
        const header = textOf(childNamed(unit, 'target') ?? childNamed(unit, 'source') ?? unit);
        targetLocale ||= /^Language: *(.+)$/m.exec(header)?.[1]?.trim() ?? '';
        targetPosition ??= unit.position;
        const source = /^X-Source-Language: *(.+)$/m.exec(header)?.[1]?.trim();
        if (source) sourceLocale = source;
        continue;
      }
      const notes = noteLines(unit);
      // The file and id this project writes; a tool that renumbers units (po2xliff) keeps the segment note.
      const named = /^([^/]+)\/(.+)$/.exec(notes.get(NOTE.segment) ?? '');
      const namespace = named?.[1] ?? file.attributes.original ?? '';
      const id = named?.[2] ?? unit.attributes.resname ?? unit.attributes.id ?? '';
      const sourceElement = childNamed(unit, 'source');
      const targetElement = childNamed(unit, 'target');
      const target = targetElement ? messageOf(targetElement, new Map()) : undefined;
      const exported = notes.get(NOTE.state);
      const noted: SegmentState | undefined = isSegmentState(exported) ? exported : undefined;
      const attributeState = targetElement?.attributes.state;
      const approved = unit.attributes.approved !== 'no';
      const previous = notes.get(NOTE.previous);
      const stale = previous !== undefined && (!approved || (attributeState?.startsWith('needs-review') ?? false));
      let state: SegmentState;
      if (stale) state = noted ?? 'translated';
      else if (attributeState !== undefined && Object.hasOwn(FROM_12, attributeState)) state = FROM_12[attributeState]!;
      else if (!approved || attributeState?.startsWith('needs-')) state = 'initial';
      else state = noted !== undefined && noted !== 'initial' ? noted : 'translated';
      // A tool that knows only "translated" (po2xliff, say) leaves the finer state the notes give.
      if (state === 'translated' && noted !== undefined && VOUCHED_STATES.has(noted)) state = noted;
      const block = notes.get(NOTE.block);
      const revision = notes.get(NOTE.revision);
      units.push({
        namespace,
        id,
        source: sourceElement ? messageOf(sourceElement, new Map()) : '',
        ...(target === undefined ? {} : { target }),
        state,
        stale,
        ...(block === undefined ? {} : { note: block }),
        ...(revision === undefined ? {} : { revision }),
        ...(previous === undefined ? {} : { previousSource: previous }),
        position: unit.position,
      });
    }
  }
  return { sourceLocale, targetLocale, units, ...(targetPosition ? { targetPosition } : {}) };
}

/** Elements named `name` anywhere under `element` (1.2 allows `<group>` around trans-units). */
function collect(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const child of e.children) {
      if (typeof child === 'string') continue;
      if (child.name === name) found.push(child);
      else visit(child);
    }
  };
  visit(element);
  return found;
}

function readUnits20(root: XmlElement): ExchangeDocument {
  const units: ExchangeUnit[] = [];
  for (const file of childrenNamed(root, 'file')) {
    const namespace = file.attributes.id ?? '';
    for (const unit of collect(file, 'unit')) {
      const id = unit.attributes.id ?? '';
      const segments = childrenNamed(unit, 'segment');
      if (segments.length !== 1)
        throw new ExchangeFormatError(`unit "${id}" of file "${namespace}" must have exactly one <segment>`, unit.position);
      const segment = segments[0]!;
      const state = segment.attributes.state ?? 'initial';
      if (!isSegmentState(state)) throw new ExchangeFormatError(`unit "${id}": state "${state}" is not an XLIFF 2.0 state`, unit.position);
      const data = new Map<string, string>();
      for (const original of childrenNamed(unit, 'originalData'))
        for (const d of childrenNamed(original, 'data')) if (d.attributes.id !== undefined) data.set(d.attributes.id, textOf(d));
      const notes = childNamed(unit, 'notes');
      const note = (category: string) => {
        const found = notes && childrenNamed(notes, 'note').find((n) => n.attributes.category === category);
        return found ? textOf(found) : undefined;
      };
      const sourceElement = childNamed(segment, 'source');
      const targetElement = childNamed(segment, 'target');
      const target = targetElement ? messageOf(targetElement, data) : undefined;
      const block = note(NOTE.block);
      const revision = note(NOTE.revision);
      const previous = note(NOTE.previous);
      units.push({
        namespace,
        id,
        source: sourceElement ? messageOf(sourceElement, data) : '',
        ...(target === undefined ? {} : { target }),
        state,
        stale: segment.attributes.subState === STALE_SUBSTATE,
        ...(block === undefined ? {} : { note: block }),
        ...(revision === undefined ? {} : { revision }),
        ...(previous === undefined ? {} : { previousSource: previous }),
        position: unit.position,
      });
    }
  }
  return {
    sourceLocale: root.attributes.srcLang ?? '',
    targetLocale: root.attributes.trgLang ?? '',
    units,
    targetPosition: root.position,
  };
}

/**
 * Reads XLIFF 2.0 or 1.2 into units, each with its position, in one pass over the text. Throws
 * `ExchangeFormatError` saying where a problem is.
 */
export function readXliff(xml: string): ExchangeDocument {
  const root = parseXml(xml);
  const version = root.attributes.version;
  const namespace = root.attributes.xmlns;
  if (root.name === 'xliff' && version === '2.0' && namespace === XLIFF_20) return readUnits20(root);
  if (
    root.name === 'xliff' &&
    (version === '1.2' || version === '1.1') &&
    (namespace === undefined || namespace.startsWith('urn:oasis:names:tc:xliff:document:1.'))
  )
    return readUnits12(root);
  throw new ExchangeFormatError(
    `not an XLIFF 2.0 or 1.2 document (<xliff version="2.0" xmlns="${XLIFF_20}">, or version="1.2" xmlns="${XLIFF_12}")`,
    root.position,
  );
}
