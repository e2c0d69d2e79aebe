import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProject, type ArticleCheck, type CheckResult, type ProjectFiles, type SourceFile } from '../tools/check/check.ts';
import { sha256 } from './hash.ts';
import { writeAtomic } from '../tools/write-atomic.ts';

/**
 * The check of the project's files, or its result from the last build where neither the files nor the code that
 * checks them changed since: an unchanged build does not check a thousand articles again. Where something
 * changed, each article whose files did not is not checked again either: its check is taken from the last one
 * (`CheckMemo`). The records are keyed by hashes of every file read and of `code`; they are safe to delete.
 */
export function checkWithCache(files: ProjectFiles, cacheDir: string, code: string): { result: CheckResult; key: string } {
  const hashes = new WeakMap<SourceFile, string>();
  const hashOf = (file: SourceFile) => {
    let hash = hashes.get(file);
    if (hash === undefined) hashes.set(file, (hash = sha256(file.text)));
    return hash;
  };
  const key = sha256(
    [code, ...[files.editions, ...files.content, ...files.locales].map((f) => `${f.path}\u0000${hashOf(f)}`)].join('\u0000'),
  );
  const path = join(cacheDir, 'check.json');
  const record = readRecord<{ key?: string; result?: CheckResult }>(path);
  if (record?.key === key && record.result) return { result: revive(record.result), key };

  const articlesPath = join(cacheDir, 'check-articles.json');
  const last = readRecord<{ code?: string; articles?: Record<string, KeptArticle> }>(articlesPath);
  const kept = new Map(last?.code === code ? Object.entries(last.articles ?? {}) : []);
  const next = new Map<string, KeptArticle>();
  const result = checkProject(files, {
    hashOf,
    get: (slug, articleKey) => {
      const article = kept.get(slug);
      if (article?.key !== articleKey) return undefined;
      next.set(slug, article);
      return article.check;
    },
    set: (slug, articleKey, check) => next.set(slug, { key: articleKey, check }),
  });
  mkdirSync(cacheDir, { recursive: true });
  writeAtomic(path, JSON.stringify({ key, result }));
  writeAtomic(articlesPath, JSON.stringify({ code, articles: Object.fromEntries(next) }));
  writeAtomic(join(cacheDir, STAMP), code);
  return { result, key };
}

const STAMP = 'check-code.txt';

/**
 * Whether the last build's check was made by this code: then this build's check takes every article it can from
 * it, and holds little more than the files in memory (what a check of every article holds is much more).
 */
export function hasCheckRecord(cacheDir: string, code: string): boolean {
  try {
    return readFileSync(join(cacheDir, STAMP), 'utf8') === code;
  } catch {
    return false;
  }
}

/** An article's check, and the key of the files it read. */
interface KeptArticle {
  readonly key: string;
  readonly check: ArticleCheck;
}

/** A record of an earlier build, or nothing if there is none or it was cut short. */
function readRecord<T>(path: string): T | undefined {
  try {
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
  } catch {
    return undefined;
  }
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
