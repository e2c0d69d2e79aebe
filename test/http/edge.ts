import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { unstable_readConfig } from 'wrangler';
import { ROOT } from '../../tools/project-files.ts';
import { BUNDLE_DIR } from './bundle.ts';

/** wrangler.toml, as wrangler reads it. */
export const config = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') });
export const ORIGIN = String(config.vars.SITE_ORIGIN);

/** The archive tier's bucket in the tests, and the access key of its S3 API. */
export const ARCHIVE_BUCKET = 'archive';
export const ARCHIVE_CREDENTIALS = { accessKeyId: 'test-access-key', secretAccessKey: 'test-secret-access-key' };

/**
 * The deployed worker behind its static assets, as the edge runs them: the bundle `wrangler deploy` would
 * upload, the project's public/ with its `_headers`, the bindings and routing of wrangler.toml.
 */
export function startEdge(root = ROOT, bundleDir = BUNDLE_DIR, options: { archive?: boolean; persist?: string } = {}): Miniflare {
  const config = unstable_readConfig({ config: join(root, 'wrangler.toml') });
  const assets = config.assets!;
  return new Miniflare({
    log: new Log(LogLevel.WARN),
    ...(options.archive ? { host: '127.0.0.1', port: 0 } : {}),
    // Where the simulated bucket keeps its objects, so a redeployed worker finds them.
    ...(options.persist ? { resourcePersistencePath: options.persist } : {}),
    workers: [
      {
        config: {
          name: config.name!,
          type: 'worker',
          compatibilityDate: config.compatibility_date!,
          compatibilityFlags: config.compatibility_flags,
          manifest: {
            mainModule: 'index.js',
            modules: { 'index.js': { type: 'esm', contents: readFileSync(join(bundleDir, 'index.js'), 'utf8') } },
          },
          env: {
            ...Object.fromEntries(
              Object.entries(config.vars).map(([name, value]) => [name, { type: 'text' as const, value: String(value) }]),
            ),
            [assets.binding!]: { type: 'assets' },
            // The archive tier's bucket, as an operator binds it (README, "The archive tier"), with Miniflare's
            // S3-compatible API in front of it (on the edge's own port) for the upload.
            ...(options.archive ? { ARCHIVE: { type: 'r2' as const, name: ARCHIVE_BUCKET, s3Credentials: ARCHIVE_CREDENTIALS } } : {}),
          },
          assets: {
            directory: join(root, assets.directory!),
            hasUserWorker: true,
            ...(assets.run_worker_first === undefined ? {} : { runWorkerFirst: assets.run_worker_first }),
          },
        },
      },
    ],
  });
}

/**
 * `If-None-Match` headers built from a page's ETag, and the status the static assets answer each with: what any
 * other tier serving the same pages (the archive tier on R2) must answer too.
 */
export const IF_NONE_MATCH: readonly { description: string; header: (tag: string) => string; status: number }[] = [
  { description: 'the same ETag', header: (tag: string) => tag, status: 304 },
  { description: 'the ETag weakened by the edge (weak comparison)', header: (tag: string) => `W/${tag}`, status: 304 },
  {
    description: 'a list that contains the ETag (the platform compares one tag: a full answer)',
    header: (tag: string) => `"stale", ${tag}`,
    status: 200,
  },
  { description: '* (the platform compares one tag: a full answer)', header: () => '*', status: 200 },
  { description: 'another edition’s ETag', header: () => '"0123456789abcdef0123456789abcdef"', status: 200 },
  { description: 'a malformed header', header: () => 'not-a-tag', status: 200 },
];
