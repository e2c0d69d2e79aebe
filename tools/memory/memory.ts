// The translation memory as the tools use it: built from the project and the memory file, exported as TMX,
// added to from TMX. Functions of the project's files; the command (tools/i18n-memory.ts) writes what they return.
import { GLOSSARY_NAMESPACE } from '../../site/content.ts';
import { checkProject, type ProjectFiles, type SourceFile } from '../check/check.ts';
import { EDITIONS_FILE } from '../check/editions.ts';
import { ProblemList, type Problem } from '../check/problems.ts';
import { TranslationMemory } from './lookup.ts';
import { glossaryNames } from './placeables.ts';
import { MEMORY_FILE, parseMemoryFile, projectEntries, storeEntries, type MemoryEntry } from './store.ts';
import { readTmx, writeTmx } from './tmx.ts';

/** The memory of a project: every entry, and the lookup over them; undefined (problems named) when the project fails the check. */
export function projectMemory(
  files: ProjectFiles,
  memoryFile: SourceFile | undefined,
  problems: ProblemList,
): { entries: readonly MemoryEntry[]; memory: TranslationMemory; source: string; editions: readonly string[] } | undefined {
  const checked = checkProject(files);
  if (!checked.catalog) {
    problems.error(EDITIONS_FILE, undefined, 'the project fails the check: fix what npm run i18n:check lists first');
    return undefined;
  }
  const catalog = checked.catalog;
  const stored = parseMemoryFile(memoryFile, problems);
  if (problems.hasErrors) return undefined;
  const source = catalog.editions.source;
  const entries = [...projectEntries(files, catalog), ...stored];
  const names = Object.keys(catalog.resources[source]?.[GLOSSARY_NAMESPACE] ?? {});
  return {
    entries,
    memory: new TranslationMemory(entries, glossaryNames(names)),
    source,
    editions: Object.keys(catalog.editions.editions),
  };
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
  return { tmx: writeTmx(found.entries, found.source), counts, problems: problems.items };
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
  const entries = found && readTmx(tmx.path, tmx.text, { source: found.source, editions: found.editions }, problems);
  if (!found || !entries) return { writes: [], added: 0, problems: problems.items };
  const known = new Set(found.entries.map((e) => `${e.lang}\u0000${e.source}\u0000${e.target}`));
  const fresh = entries.filter(
    (e) => !known.has(`${e.lang}\u0000${e.source}\u0000${e.target}`) && known.add(`${e.lang}\u0000${e.source}\u0000${e.target}`),
  );
  const stored = parseMemoryFile(memoryFile, new ProblemList());
  const writes = fresh.length > 0 ? [{ path: MEMORY_FILE, text: storeEntries(stored, fresh) }] : [];
  return { writes, added: fresh.length, problems: problems.items };
}
