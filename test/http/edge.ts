import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { unstable_readConfig } from 'wrangler';
import { ROOT } from '../../tools/project-files.ts';
import { BUNDLE_DIR } from './bundle.ts';

/** wrangler.toml, as wrangler reads it. */
export const config = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') });
export const ORIGIN = String(config.vars.SITE_ORIGIN);

/**
 * The deployed worker behind its static assets, as the edge runs them: the bundle `wrangler deploy` would
 * upload, the project's public/ with its `_headers`, the bindings and routing of wrangler.toml.
 */
export function startEdge(root = ROOT, bundleDir = BUNDLE_DIR): Miniflare {
  const config = unstable_readConfig({ config: join(root, 'wrangler.toml') });
  const assets = config.assets!;
  return new Miniflare({
    log: new Log(LogLevel.WARN),
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
