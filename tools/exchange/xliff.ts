import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { positionsOf } from '../check/json.ts';
import type { Position } from '../check/problems.ts';
import { isSegmentState } from '../check/sidecar.ts';
import { noCandidates, type CandidatesFor } from '../memory/candidates.ts';
import type { ExchangeDocument, ExchangeUnit } from './document.ts';

const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';
/** XLIFF 2.0's Translation Candidates module (§5.2): matches from a memory, beside the segment they are for. */
const MATCHES_NAMESPACE = 'urn:oasis:names:tc:xliff:matches:2.0';
/** The id of a unit's one segment, which its matches reference (`ref="#s1"`). */
const SEGMENT_ID = 's1';
/** XLIFF 2.0 subState (prefix:value) marking a target whose English has changed since it was made. */
export const STALE_SUBSTATE = 'editions:stale';
/** The note categories this project writes: what the segment is, the English it was made from, its revision. */
const NOTE = { block: 'block', previous: 'previous-source', revision: 'revision' } as const;

const OPTIONS = { ignoreAttributes: false, attributeNamePrefix: '@_' } as const;

/** A file that is not an exchange file this project can read, and where the problem is. */
export class ExchangeFormatError extends Error {
  override name = 'ExchangeFormatError';
  readonly position: Position | undefined;

  constructor(message: string, position?: Position) {
    super(message);
    this.position = position;
  }
}

/**
 * XLIFF 2.0: one <file> per locale file, one <unit> per segment with its English source, target, state and notes,
 * and the matches `candidatesFor` offers for it (`<mtc:matches>`).
 */
export function writeXliff(document: ExchangeDocument, candidatesFor: CandidatesFor = noCandidates): string {
  const files = new Map<string, ExchangeUnit[]>();
  for (const unit of document.units) files.set(unit.namespace, [...(files.get(unit.namespace) ?? []), unit]);
  const candidates = new Map(document.units.map((unit) => [unit, candidatesFor(unit)]));
  const anyCandidates = [...candidates.values()].some((c) => c.length > 0);
  const xml = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    xliff: {
      '@_xmlns': XLIFF_NAMESPACE,
      ...(anyCandidates ? { '@_xmlns:mtc': MATCHES_NAMESPACE } : {}),
      '@_version': '2.0',
      '@_srcLang': document.sourceLocale,
      '@_trgLang': document.targetLocale,
      file: [...files].map(([namespace, units]) => ({
        '@_id': namespace,
        unit: units.map((unit) => ({
          '@_id': unit.id,
          ...(candidates.get(unit)!.length > 0
            ? {
                'mtc:matches': {
                  'mtc:match': candidates.get(unit)!.map((c) => ({
                    '@_ref': `#${SEGMENT_ID}`,
                    '@_similarity': c.similarity.toFixed(1),
                    '@_type': 'tm',
                    '@_origin': c.origin,
                    source: c.source,
                    target: c.target,
                  })),
                },
              }
            : {}),
          notes: {
            note: [
              { '@_category': NOTE.block, '#text': unit.note ?? '' },
              ...(unit.previousSource === undefined ? [] : [{ '@_category': NOTE.previous, '#text': unit.previousSource }]),
              ...(unit.revision === undefined ? [] : [{ '@_category': NOTE.revision, '#text': unit.revision }]),
            ],
          },
          segment: {
            ...(candidates.get(unit)!.length > 0 ? { '@_id': SEGMENT_ID } : {}),
            '@_state': unit.state,
            ...(unit.stale ? { '@_subState': STALE_SUBSTATE } : {}),
            source: unit.source,
            ...(unit.target === undefined ? {} : { target: unit.target }),
          },
        })),
      })),
    },
  };
  return new XMLBuilder({ ...OPTIONS, format: true, indentBy: '  ', suppressEmptyNode: true }).build(xml);
}

type Node = Record<string | symbol, unknown>;
const asNodes = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Node[];
const text = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object' && '#text' in value
      ? String((value as Node)['#text'])
      : value === ''
        ? ''
        : undefined;

// A DOCTYPE declares entities: external ones read files, nested ones expand to gigabytes. No exchange file needs one.
const DOCTYPE = /<!(?:DOCTYPE|ENTITY)/i;

/** Reads XLIFF 2.0 into units, each with its position. Throws `ExchangeFormatError` saying where a problem is. */
export function readXliff(xml: string): ExchangeDocument {
  const doctype = DOCTYPE.exec(xml);
  if (doctype)
    throw new ExchangeFormatError(
      'refused: a DOCTYPE or ENTITY declaration (an exchange file needs none, and entities can read files or expand without end)',
      positionsOf(xml, [doctype.index])[0],
    );
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new ExchangeFormatError(`not well-formed XML: ${valid.err.msg}`, { line: valid.err.line, column: valid.err.col });
  const parser = new XMLParser({
    ...OPTIONS,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    captureMetaData: true,
    isArray: (name) => ['file', 'unit', 'note', 'segment'].includes(name),
  });
  const parsed = parser.parse(xml) as Node;
  const meta = XMLParser.getMetaDataSymbol() as unknown as symbol;
  const start = (node: Node) => (node[meta] as { startIndex?: number } | undefined)?.startIndex;
  const root = parsed.xliff as Node | undefined;
  if (!root || root['@_version'] !== '2.0' || root['@_xmlns'] !== XLIFF_NAMESPACE)
    throw new ExchangeFormatError('not an XLIFF 2.0 document (<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0">)');
  const found: { unit: Omit<ExchangeUnit, 'position'>; offset: number | undefined }[] = [];
  for (const file of asNodes(root.file)) {
    const namespace = String(file['@_id'] ?? '');
    for (const unit of asNodes(file.unit)) {
      const id = String(unit['@_id'] ?? '');
      const offset = start(unit);
      const at = offset === undefined ? undefined : positionsOf(xml, [offset])[0];
      const segments = asNodes(unit.segment);
      if (segments.length !== 1) throw new ExchangeFormatError(`unit "${id}" of file "${namespace}" must have exactly one <segment>`, at);
      const segment = segments[0]!;
      const state = segment['@_state'] ?? 'initial';
      if (!isSegmentState(state)) throw new ExchangeFormatError(`unit "${id}": state "${String(state)}" is not an XLIFF 2.0 state`, at);
      const notes = asNodes((unit.notes as Node | undefined)?.note);
      const note = (category: string) => text(notes.find((n) => n['@_category'] === category));
      const target = text(segment.target);
      const block = note(NOTE.block);
      const revision = note(NOTE.revision);
      found.push({
        offset,
        unit: {
          namespace,
          id,
          source: text(segment.source) ?? '',
          ...(target === undefined ? {} : { target }),
          state,
          stale: segment['@_subState'] === STALE_SUBSTATE,
          ...(block === undefined ? {} : { note: block }),
          ...(revision === undefined ? {} : { revision }),
        },
      });
    }
  }
  const places = positionsOf(
    xml,
    found.map((f) => f.offset ?? 0),
  );
  const trg = /\btrgLang\s*=/.exec(xml);
  return {
    sourceLocale: String(root['@_srcLang'] ?? ''),
    targetLocale: String(root['@_trgLang'] ?? ''),
    units: found.map((f, i) => (f.offset === undefined ? f.unit : { ...f.unit, position: places[i]! })),
    ...(trg ? { targetPosition: positionsOf(xml, [trg.index])[0]! } : {}),
  };
}
