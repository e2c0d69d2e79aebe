// The translation memory as the tools use it: built from the project and the memory file, exported as TMX,
// added to from TMX. Functions of the project's files; the command (tools/i18n-memory.ts) writes what they return.
import { GLOSSARY_NAMESPACE, type Catalog } from '../../site/content.ts';
import { checkProject, type ProjectFiles, type SourceFile } from '../check/check.ts';
import { EDITIONS_FILE } from '../check/editions.ts';
import { ProblemList, type Problem } from '../check/problems.ts';
import { TranslationMemory } from './lookup.ts';
import { glossaryNames, type IsName } from './placeables.ts';
import { MEMORY_FILE, parseMemoryFile, projectEntries, storeEntries, type MemoryEntry } from './store.ts';
import { readTmx, writeTmx } from './tmx.ts';

/** A project's translation memory, and the catalog and memory file it is read from. */
export interface ProjectMemory {
  readonly catalog: Catalog;
  /** What the memory file keeps. */
  readonly stored: readonly MemoryEntry[];
  /** Every entry: the project's translations, then the memory file's. */
  readonly entries: readonly MemoryEntry[];
  readonly memory: TranslationMemory;
  /** Tells the glossary's names from data arguments. */
  readonly isName: IsName;
}

/** The memory of a project; undefined (problems named) when the project fails the check or the memory file is broken. */
export function projectMemory(files: ProjectFiles, memoryFile: SourceFile | undefined, problems: ProblemList): ProjectMemory | undefined {
  const checked = checkProject(files);
  if (!checked.catalog) {
    problems.error(EDITIONS_FILE, undefined, 'the project fails the check: fix what npm run i18n:check lists first');
    return undefined;
  }
  const catalog = checked.catalog;
  const before = problems.size;
  const stored = parseMemoryFile(memoryFile, problems);
  if (problems.hasErrorsSince(before)) return undefined;
  const entries = [...projectEntries(files, catalog), ...stored];
  const isName = glossaryNames(Object.keys(catalog.resources[catalog.editions.source]?.[GLOSSARY_NAMESPACE] ?? {}));
  return { catalog, stored, entries, memory: new TranslationMemory(entries, isName), isName };
}

/** The memory as TMX 1.4, with how many translations it has in each language. */
export function exportMemory(
  files: ProjectFiles,
  memoryFile: SourceFile | undefined,
): { tmx?: string; counts: ReadonlyMap<string, number>; problems: readonly Problem[] } {
  const problems = new ProblemList();
  const found = projectMemory(files, memoryFile, problems);
  if (!found) return { counts: new Map(), problems: problems.items };
  const counts = new Map<string, number>();
  for (const entry of found.entries) counts.set(entry.lang, (counts.get(entry.lang) ?? 0) + 1);
  return { tmx: writeTmx(found.entries, found.catalog.editions.source), counts, problems: problems.items };
}

/**
 * What importing a TMX file writes: the memory file with every translation out of English it did not have.
 * Refused whole (no writes) when the file has any problem.
 */
export function importMemory(
  files: ProjectFiles,
  memoryFile: SourceFile | undefined,
  tmx: SourceFile,
): { writes: readonly SourceFile[]; added: number; problems: readonly Problem[] } {
  const problems = new ProblemList();
  const found = projectMemory(files, memoryFile, problems);
  const languages = found && { source: found.catalog.editions.source, editions: Object.keys(found.catalog.editions.editions) };
  const entries = found && readTmx(tmx.path, tmx.text, languages!, problems);
  if (!found || !entries) return { writes: [], added: 0, problems: problems.items };
  const known = new Set(found.entries.map((e) => `${e.lang}\u0000${e.source}\u0000${e.target}`));
  const fresh = entries.filter(
    (e) => !known.has(`${e.lang}\u0000${e.source}\u0000${e.target}`) && known.add(`${e.lang}\u0000${e.source}\u0000${e.target}`),
  );
  const writes = fresh.length > 0 ? [{ path: MEMORY_FILE, text: storeEntries(found.stored, fresh) }] : [];
  return { writes, added: fresh.length, problems: problems.items };
}
