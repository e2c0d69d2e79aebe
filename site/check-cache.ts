import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { checkProject, type CheckResult, type ProjectFiles } from '../tools/check/check.ts';
import { writeAtomic } from '../tools/write-atomic.ts';

/**
 * The check of the project's files, or its result from the last build where neither the files nor the code that
 * checks them changed since: an unchanged build does not check a thousand articles again. The record is keyed by
 * a hash of every file read and of `code`; it is safe to delete.
 */
export function checkWithCache(files: ProjectFiles, cacheDir: string, code: string): CheckResult {
  const hash = createHash('sha256').update(`${code}\u0000`);
  for (const file of [files.editions, ...files.content, ...files.locales]) hash.update(`${file.path}\u0000${file.text}\u0000`);
  const key = hash.digest('hex');
  const path = join(cacheDir, 'check.json');
  try {
    if (existsSync(path)) {
      const record = JSON.parse(readFileSync(path, 'utf8')) as { key?: string; result?: CheckResult };
      if (record.key === key && record.result) return revive(record.result);
    }
  } catch {
    // A record cut short: check again.
  }
  const result = checkProject(files);
  mkdirSync(dirname(path), { recursive: true });
  writeAtomic(path, JSON.stringify({ key, result }));
  return result;
}

/** Tables of the catalog as the check makes them: objects without a prototype, so a segment id is only an id. */
function revive(result: CheckResult): CheckResult {
  if (!result.catalog) return result;
  const bare = (value: unknown, depth: number): unknown => {
    if (depth === 0 || typeof value !== 'object' || value === null) return value;
    const copy = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) copy[k] = bare(v, depth - 1);
    return copy;
  };
  const { resources, drafts, status } = result.catalog;
  return {
    ...result,
    catalog: {
      ...result.catalog,
      resources: bare(resources, 3) as typeof resources,
      drafts: bare(drafts, 3) as typeof drafts,
      status: bare(status, 3) as typeof status,
    },
  };
}
