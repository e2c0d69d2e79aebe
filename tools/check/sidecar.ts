import { getNodeValue } from 'jsonc-parser';
import { sha256 } from '../../site/hash.ts';
import { canonicalJson, locateProperties, parseJsonTree, positionsOf } from './json.ts';
import { ProblemList, type Position } from './problems.ts';

/** XLIFF 2.0's segment states, in the order a translation moves through them. */
export const SEGMENT_STATES = ['initial', 'translated', 'reviewed', 'final'] as const;
export type SegmentState = (typeof SEGMENT_STATES)[number];

export const isSegmentState = (value: unknown): value is SegmentState => SEGMENT_STATES.includes(value as SegmentState);

/** States whose text is published; `initial` is a draft, served in the source language. */
export const PUBLISHED_STATES: ReadonlySet<SegmentState> = new Set(['translated', 'reviewed', 'final']);

/** States someone vouched for after reading the text: an edit of the text takes them back to `translated`. */
export const VOUCHED_STATES: ReadonlySet<SegmentState> = new Set(['reviewed', 'final']);

/**
 * What a locale's sidecar records of one segment: the English it was translated from, how far it has come,
 * and the text that state was given to.
 */
export interface SegmentRecord {
  readonly state: SegmentState;
  /** Revision of the English message the translation was made from (`revision(english)`). */
  readonly sourceHash: string;
  /** That English message itself, so exchange files can show a translator what changed. */
  readonly sourceText: string;
  /** Revision of the translation the state was given to (`revision(target)`): a later edit shows. */
  readonly targetHash?: string;
}

/** `locales/<locale>/<namespace>.state.json`, beside the locale file it describes. */
export const sidecarFile = (locale: string, namespace: string): string => `locales/${locale}/${namespace}.state.json`;

/** A short, stable name for a text (an English message, a translation): the first 64 bits of its SHA-256. */
export function revision(text: string): string {
  return `sha256:${sha256(text).slice(0, 16)}`;
}

/** A record of the translation `target`, made now from `english`, in `state`. */
export const recordFor = (english: string, target: string, state: SegmentState): SegmentRecord => ({
  state,
  sourceHash: revision(english),
  sourceText: english,
  targetHash: revision(target),
});

/**
 * The records of a locale file's sidecar among the project's files (none if it has no sidecar). Malformed
 * records are left out; the check names them.
 */
export function readSidecar(
  files: { readonly locales: readonly { path: string; text: string }[] },
  locale: string,
  namespace: string,
): Map<string, SegmentRecord> {
  const path = sidecarFile(locale, namespace);
  const file = files.locales.find((f) => f.path === path);
  return file ? parseSidecar(path, file.text, new ProblemList()) : new Map();
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A well-formed record: a state, the English's hash and text, and the translation's hash if it has one. */
function isRecord(value: unknown): value is SegmentRecord {
  return (
    isObject(value) &&
    isSegmentState(value.state) &&
    typeof value.sourceHash === 'string' &&
    typeof value.sourceText === 'string' &&
    (value.targetHash === undefined || typeof value.targetHash === 'string')
  );
}

/**
 * Reads a sidecar, naming each malformed record where it is. Given `shared`, the English each record holds is
 * kept once for all the sidecars read with it: every edition's sidecar of an article holds the same English, and
 * a check of a thousand articles in a dozen editions would otherwise hold each sentence eleven times.
 */
export function parseSidecar(file: string, text: string, problems: ProblemList, shared?: Map<string, string>): Map<string, SegmentRecord> {
  const records = new Map<string, SegmentRecord>();
  // A sidecar as the tools write it, every record well formed: read by JSON.parse, placed only if asked.
  const fast = canonicalJson(text);
  if (fast && Object.values(fast).every(isRecord)) {
    problems.locateLater(file, () => {
      const positions = new Map<string, Position>();
      locateProperties(text, positions);
      return { positions };
    });
    for (const [id, record] of Object.entries(fast) as [string, SegmentRecord][]) records.set(id, fieldsOf(record, shared));
    return records;
  }
  const tree = parseJsonTree(file, text, problems);
  if (!tree) return records;
  if (tree.type !== 'object') {
    problems.error(file, undefined, 'must be a JSON object of segment id to record');
    return records;
  }
  // Read from the syntax tree, never through a plain object: an id such as `__proto__` stays an id.
  const properties = (tree.children ?? []).flatMap((p) => (p.children?.[0] && p.children[1] ? [p.children] : []));
  const places = positionsOf(
    text,
    properties.map(([, value]) => value!.offset),
  );
  const positions = new Map<string, Position>(properties.map(([key], i) => [String(key!.value), places[i]!]));
  problems.locate(file, positions);
  for (const [keyNode, valueNode] of properties) {
    const id = String(keyNode!.value);
    const value: unknown = getNodeValue(valueNode!);
    const record = isRecord(value) ? value : undefined;
    if (!record) {
      problems.error(
        file,
        id,
        `must be { "state": ${SEGMENT_STATES.map((s) => `"${s}"`).join(' | ')}, "sourceHash": "…", "sourceText": "…", "targetHash": "…" }`,
      );
      continue;
    }
    records.set(id, fieldsOf(record, shared));
  }
  return records;
}

/** A record's own fields, nothing else a hand-edited file put beside them; its English from `shared` if there. */
const fieldsOf = (record: SegmentRecord, shared?: Map<string, string>): SegmentRecord => ({
  state: record.state,
  sourceHash: once(record.sourceHash, shared),
  sourceText: once(record.sourceText, shared),
  ...(typeof record.targetHash === 'string' ? { targetHash: record.targetHash } : {}),
});

/** The string `shared` holds equal to this one, kept there if it holds none yet. */
function once(value: string, shared: Map<string, string> | undefined): string {
  if (!shared) return value;
  const kept = shared.get(value);
  if (kept !== undefined) return kept;
  shared.set(value, value);
  return value;
}

/** The canonical text of a locale file or sidecar: what every tool writes, so a round trip changes no byte. */
export function serializeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
