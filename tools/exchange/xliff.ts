import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { isSegmentState } from '../check/sidecar.ts';
import type { ExchangeDocument, ExchangeUnit } from './document.ts';

const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';
/** XLIFF 2.0 subState (prefix:value) marking a target whose English has changed since it was made. */
export const STALE_SUBSTATE = 'editions:stale';

const OPTIONS = { ignoreAttributes: false, attributeNamePrefix: '@_' } as const;

/** XLIFF 2.0: one <file> per locale file, one <unit> per segment with its English source, target, state and notes. */
export function writeXliff(document: ExchangeDocument): string {
  const files = new Map<string, ExchangeUnit[]>();
  for (const unit of document.units) files.set(unit.namespace, [...(files.get(unit.namespace) ?? []), unit]);
  const xml = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    xliff: {
      '@_xmlns': XLIFF_NAMESPACE,
      '@_version': '2.0',
      '@_srcLang': document.sourceLocale,
      '@_trgLang': document.targetLocale,
      file: [...files].map(([namespace, units]) => ({
        '@_id': namespace,
        unit: units.map((unit) => ({
          '@_id': unit.id,
          notes: {
            note: [
              { '@_category': 'block', '#text': unit.note ?? '' },
              ...(unit.previousSource === undefined ? [] : [{ '@_category': 'previous-source', '#text': unit.previousSource }]),
            ],
          },
          segment: {
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

type Node = Record<string, unknown>;
const asNodes = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Node[];
const text = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object' && '#text' in value
      ? String((value as Node)['#text'])
      : value === ''
        ? ''
        : undefined;

export class ExchangeFormatError extends Error {
  override name = 'ExchangeFormatError';
}

/** Reads XLIFF 2.0 into units. Throws `ExchangeFormatError` naming the line and column of malformed XML. */
export function readXliff(xml: string): ExchangeDocument {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new ExchangeFormatError(`not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  const parsed = new XMLParser({
    ...OPTIONS,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => ['file', 'unit', 'note', 'segment'].includes(name),
  }).parse(xml) as Node;
  const root = parsed.xliff as Node | undefined;
  if (!root || root['@_version'] !== '2.0' || root['@_xmlns'] !== XLIFF_NAMESPACE)
    throw new ExchangeFormatError('not an XLIFF 2.0 document (<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0">)');
  const units: ExchangeUnit[] = [];
  for (const file of asNodes(root.file)) {
    const namespace = String(file['@_id'] ?? '');
    for (const unit of asNodes(file.unit)) {
      const id = String(unit['@_id'] ?? '');
      const segments = asNodes(unit.segment);
      if (segments.length !== 1) throw new ExchangeFormatError(`unit "${id}" of file "${namespace}" must have exactly one <segment>`);
      const segment = segments[0]!;
      const state = segment['@_state'] ?? 'initial';
      if (!isSegmentState(state)) throw new ExchangeFormatError(`unit "${id}": state "${String(state)}" is not an XLIFF 2.0 state`);
      const notes = asNodes((unit.notes as Node | undefined)?.note);
      const note = text(notes.find((n) => n['@_category'] === 'block'));
      const target = text(segment.target);
      units.push({
        namespace,
        id,
        source: text(segment.source) ?? '',
        ...(target === undefined ? {} : { target }),
        state,
        stale: segment['@_subState'] === STALE_SUBSTATE,
        ...(note === undefined ? {} : { note }),
      });
    }
  }
  return { sourceLocale: String(root['@_srcLang'] ?? ''), targetLocale: String(root['@_trgLang'] ?? ''), units };
}
