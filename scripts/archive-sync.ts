// npm run archive:sync
// Puts the archive tier's pages (what the last build left in public-archive/) into the R2 bucket bound as ARCHIVE
// in wrangler.toml: only the objects whose bytes changed, and removes those no page names any more, through R2's
// S3 API with an R2 API token's access key (R2_ACCOUNT_ID, R2_ACCESS_KEY_ID, R2_SECRET_ACCESS_KEY; R2_BUCKET
// overrides the bucket's name, R2_ENDPOINT the API's address). Nothing to do where there is no archive tier.
import { join } from 'node:path';
import { unstable_readConfig } from 'wrangler';
import { parseCommand } from '../tools/cli.ts';
import { ROOT } from '../tools/project-files.ts';
import { s3Bucket, syncArchive } from '../site/archive-sync.ts';
import { BuildCache } from '../site/build-cache.ts';
import { readConfig } from '../site/config.ts';
import { buildDirectories } from '../site/directories.ts';

parseCommand('usage: npm run archive:sync (R2_ACCOUNT_ID, R2_ACCESS_KEY_ID and R2_SECRET_ACCESS_KEY set)', {});
const fail = (message: string): never => {
  console.error(`archive:sync: ${message}`);
  process.exit(1);
};

if (!readConfig(ROOT).archive.enabled) {
  console.log('archive:sync: no archive tier (site.config.json archive.enabled): nothing to upload');
  process.exit(0);
}
const { archive, cache } = buildDirectories(ROOT, process.env.BUILD_DIR);
const record = BuildCache.open(cache, archive);
const files = new Map([...record.files()].map((file) => [file, record.get(file)!.hash]));

const binding = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') }).r2_buckets.find(
  (b: { binding: string }) => b.binding === 'ARCHIVE',
);
const name = binding?.bucket_name ?? fail('wrangler.toml binds no R2 bucket as ARCHIVE: add [[r2_buckets]] (README, "The archive tier")');
const env = (variable: string) =>
  process.env[variable] || fail(`${variable} is not set (README, "The archive tier": an R2 API token's access key)`);
const bucket = s3Bucket({
  accountId: env('R2_ACCOUNT_ID'),
  bucket: process.env.R2_BUCKET || name,
  accessKeyId: env('R2_ACCESS_KEY_ID'),
  secretAccessKey: env('R2_SECRET_ACCESS_KEY'),
  ...(process.env.R2_ENDPOINT ? { endpoint: process.env.R2_ENDPOINT } : {}),
});
try {
  const report = await syncArchive(archive, files, bucket);
  console.log(
    `archive:sync: ${files.size} pages in ${name}: ${report.uploaded} uploaded, ${report.deleted} removed, ${report.unchanged} unchanged`,
  );
} catch (error) {
  fail((error as Error).message);
}
