// Before the HTTP tests: the worker bundled exactly as `wrangler deploy` would upload it (which builds the
// site first, as [build] says), into .wrangler/test/worker/.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { WRANGLER } from '../../scripts/dev-server.ts';
import { ROOT } from '../../tools/project-files.ts';

export const BUNDLE_DIR = join(ROOT, '.wrangler', 'test', 'worker');

export default function bundle(): void {
  bundleWorker(ROOT, BUNDLE_DIR);
}

/** Bundles the worker of the project at `root` into `outdir`, as `wrangler deploy` would upload it. */
export function bundleWorker(root: string, outdir: string): void {
  const { SITE_ORIGIN: _, ...env } = process.env;
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js'),
      'deploy',
      '--dry-run',
      '--outdir',
      outdir,
      '--metafile',
      join(outdir, 'metafile.json'),
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env,
    },
  );
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${run.stdout}\n${run.stderr}`);
}
