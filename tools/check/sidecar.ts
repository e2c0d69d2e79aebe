import { sha256 } from '../../site/hash.ts';
import { parseJsonTree } from './json.ts';
import { ProblemList } from './problems.ts';
import { getNodeValue } from 'jsonc-parser';

/** XLIFF 2.0's segment states, in the order a translation moves through them. */
export const SEGMENT_STATES = ['initial', 'translated', 'reviewed', 'final'] as const;
export type SegmentState = (typeof SEGMENT_STATES)[number];

export const isSegmentState = (value: unknown): value is SegmentState => SEGMENT_STATES.includes(value as SegmentState);

/** What a locale's sidecar records of one segment: the English it was translated from, and how far it has come. */
export interface SegmentRecord {
  readonly state: SegmentState;
  /** Hash of the English message the translation was made from (`sourceHash(english)`). */
  readonly sourceHash: string;
  /** That English message itself, so exchange files can show a translator what changed. */
  readonly sourceText: string;
}

/** `locales/<locale>/<namespace>.state.json`, beside the locale file it describes. */
export const sidecarFile = (locale: string, namespace: string): string => `locales/${locale}/${namespace}.state.json`;

/** A short, stable name for an English message: the first 64 bits of its SHA-256. */
export function sourceHash(english: string): string {
  return `sha256:${sha256(english).slice(0, 16)}`;
}

/** A record of a translation made from `english` now. */
export const recordFor = (english: string, state: SegmentState): SegmentRecord => ({
  state,
  sourceHash: sourceHash(english),
  sourceText: english,
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

/** Reads a sidecar, naming each malformed record. */
export function parseSidecar(file: string, text: string, problems: ProblemList): Map<string, SegmentRecord> {
  const records = new Map<string, SegmentRecord>();
  const tree = parseJsonTree(file, text, problems);
  if (!tree) return records;
  const data: unknown = getNodeValue(tree);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.error(file, undefined, 'must be a JSON object of segment id to record');
    return records;
  }
  for (const [id, value] of Object.entries(data as Record<string, unknown>)) {
    const record = value as Partial<SegmentRecord> | null;
    if (!record || !isSegmentState(record.state) || typeof record.sourceHash !== 'string' || typeof record.sourceText !== 'string') {
      problems.error(
        file,
        id,
        `must be { "state": ${SEGMENT_STATES.map((s) => `"${s}"`).join(' | ')}, "sourceHash": "…", "sourceText": "…" }`,
      );
      continue;
    }
    records.set(id, { state: record.state, sourceHash: record.sourceHash, sourceText: record.sourceText });
  }
  return records;
}

/** The canonical text of a locale file or sidecar: what every tool writes, so a round trip changes no byte. */
export function serializeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
