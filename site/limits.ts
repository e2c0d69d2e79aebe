import { HEADERS_LIMITS, type HeaderRule } from '../src/header-rules.ts';
import { CONFIG_FILE } from './config.ts';

// Workers Static Assets' limits (developers.cloudflare.com/workers/static-assets/ and its _headers page), which
// neither `wrangler deploy --dry-run` nor `wrangler dev` checks: a deploy past one fails, or (for `_headers`)
// silently drops what is past it. The build checks them before anything is uploaded.

/** The largest file a version may hold. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/** What the build is about to leave in the assets directory. */
export interface AssetsSummary {
  readonly files: number;
  /** The largest file, by path and size. */
  readonly largest?: { readonly file: string; readonly size: number };
  readonly rules: readonly HeaderRule[];
  readonly headersFile: string;
}

/** Each limit the assets pass, as a sentence naming the limit, the count and the way forward; none if all pass. */
export function limitProblems(summary: AssetsSummary, fileLimit: number, archiveEnabled: boolean): string[] {
  const problems: string[] = [];
  if (summary.files > fileLimit)
    problems.push(
      `${summary.files.toLocaleString('en')} files, more than the ${fileLimit.toLocaleString('en')} a version of Workers Static Assets may hold: ` +
        (archiveEnabled
          ? `lower archive.staticFiles or archive.afterDays in ${CONFIG_FILE}, so more articles go to the archive tier`
          : `turn on the archive tier in ${CONFIG_FILE} (archive.enabled, with archive.staticFiles or archive.afterDays; README, "The archive tier"), or, on a paid plan, raise assets.fileLimit to 100000`),
    );
  if (summary.largest && summary.largest.size > MAX_FILE_BYTES)
    problems.push(
      `${summary.largest.file} is ${(summary.largest.size / 1024 / 1024).toFixed(1)} MiB, more than the 25 MiB a static asset may be: split what makes it (the listing sizes in site/listing.ts)`,
    );
  if (summary.rules.length > HEADERS_LIMITS.rules)
    problems.push(
      `_headers: ${summary.rules.length} rules, more than the ${HEADERS_LIMITS.rules} Workers Static Assets read (the rest would be dropped without a word): fewer editions, or one rule for several`,
    );
  const long = summary.headersFile.split('\n').find((line) => line.length > HEADERS_LIMITS.lineLength);
  if (long)
    problems.push(
      `_headers: a line of ${long.length} characters, more than the ${HEADERS_LIMITS.lineLength} allowed: ${long.slice(0, 60)}…`,
    );
  return problems;
}
