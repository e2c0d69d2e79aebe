import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNodeValue } from 'jsonc-parser';
import { articleSegments, type Catalog } from '../../site/content.ts';
import type { ProjectFiles, SourceFile } from '../check/check.ts';
import { parseJsonTree, positionsOf } from '../check/json.ts';
import type { ProblemList } from '../check/problems.ts';
import { PUBLISHED_STATES, readSidecar, serializeJson, type SegmentState } from '../check/sidecar.ts';

/**
 * The translation memory: every English segment translated, with its translation, language and origin. Most of
 * it is the project itself (each article's translations, read where they are); what the project no longer holds
 * is kept in `locales/memory.json`: translations of segments a correction removed or rewrote, and what was
 * imported from other tools' memories (TMX).
 */
export const MEMORY_FILE = 'locales/memory.json';

/** One translation of one English text. */
export interface MemoryEntry {
  /** The language of the translation (a BCP 47 tag). */
  readonly lang: string;
  /** The English, as an ICU message. */
  readonly source: string;
  readonly target: string;
  /** Where it comes from: `<article>/<segment id>`, or the TMX file it was imported from. */
  readonly origin: string;
  /** The state of a translation in the project; none for what the memory file keeps. */
  readonly state?: SegmentState;
}

/** The memory file among the project's files (it is not a locale file: the check does not read it). */
export function readMemoryFile(root: string): SourceFile | undefined {
  const path = join(root, MEMORY_FILE);
  return existsSync(path) ? { path: MEMORY_FILE, text: readFileSync(path, 'utf8') } : undefined;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** The entries of the memory file, each malformed one named where it is. */
export function parseMemoryFile(file: SourceFile | undefined, problems: ProblemList): MemoryEntry[] {
  if (!file) return [];
  const tree = parseJsonTree(file.path, file.text, problems);
  if (!tree) return [];
  if (tree.type !== 'array') {
    problems.error(file.path, undefined, 'must be a JSON array of { "lang", "source", "target", "origin" }');
    return [];
  }
  const items = tree.children ?? [];
  const places = positionsOf(
    file.text,
    items.map((node) => node.offset),
  );
  const entries: MemoryEntry[] = [];
  items.forEach((node, i) => {
    const value = getNodeValue(node) as Record<string, unknown> | null;
    if (!value || typeof value !== 'object' || ![value.lang, value.source, value.target, value.origin].every(isText)) {
      problems.error(file.path, undefined, 'an entry must be { "lang", "source", "target", "origin" }, each a text', places[i]);
      return;
    }
    entries.push({ lang: String(value.lang), source: String(value.source), target: String(value.target), origin: String(value.origin) });
  });
  return entries;
}

const key = (e: MemoryEntry) => `${e.lang}\u0000${e.source}\u0000${e.target}`;
const order = (a: MemoryEntry, b: MemoryEntry) =>
  a.lang.localeCompare(b.lang) || a.origin.localeCompare(b.origin) || a.source.localeCompare(b.source) || a.target.localeCompare(b.target);

/** The memory file's text with `added` kept too: each translation once, in a stable order (a change is a few lines). */
export function storeEntries(stored: readonly MemoryEntry[], added: readonly MemoryEntry[]): string {
  const kept = new Map<string, MemoryEntry>();
  for (const entry of [...stored, ...added]) {
    const { state: _, ...plain } = entry;
    if (!kept.has(key(entry))) kept.set(key(entry), plain);
  }
  return serializeJson([...kept.values()].sort(order));
}

/**
 * What the project's articles hold: each translation translated, reviewed or final, with the English it was made
 * from (a stale one's earlier English, as its record keeps it). Drafts (`initial`) are not translations yet.
 */
export function projectEntries(files: ProjectFiles, catalog: Catalog): MemoryEntry[] {
  const source = catalog.editions.source;
  const entries: MemoryEntry[] = [];
  for (const article of catalog.articles)
    for (const locale of Object.keys(catalog.editions.editions)) {
      if (locale === source) continue;
      const records = readSidecar(files, locale, article.slug);
      for (const { id } of articleSegments(article)) {
        const status = catalog.status[locale]?.[article.slug]?.[id];
        const target = catalog.resources[locale]?.[article.slug]?.[id];
        const english = status?.stale ? records.get(id)?.sourceText : catalog.resources[source]?.[article.slug]?.[id];
        if (!status || !PUBLISHED_STATES.has(status.state) || target === undefined || english === undefined) continue;
        entries.push({ lang: locale, source: english, target, origin: `${article.slug}/${id}`, state: status.state });
      }
    }
  return entries;
}
