// npm run deploy [-- wrangler deploy's options]: checks the origin the site is built for (not local, and not
// the example wrangler.toml ships with: it would name a site no one can reach); builds for it; uploads the archive
// tier's pages to their bucket where there is one (npm run archive:sync), so that the worker deployed next finds
// every page it names; then `wrangler deploy`. A `--dry-run` uploads nothing: the check only warns.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { checkDeployOrigin } from '../site/origin.ts';
import { ROOT } from '../tools/project-files.ts';
import { WRANGLER } from './dev-server.ts';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const vars = (parseToml(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8')) as { vars?: { SITE_ORIGIN?: unknown } }).vars;
const configured = vars?.SITE_ORIGIN;
const origin = checkDeployOrigin(process.env.SITE_ORIGIN ?? (typeof configured === 'string' ? configured : undefined));
if (typeof origin !== 'string') {
  console.error(`deploy: ${dryRun ? 'warning: ' : ''}${origin.problem}`);
  if (!dryRun) process.exit(1);
}
if (!dryRun) {
  // Build (as wrangler deploy's own [build] would, for the origin it publishes), then the archive tier's upload.
  for (const step of [['--expose-gc', '--import', 'tsx', join(ROOT, 'site', 'build.ts')], [join(ROOT, 'scripts', 'archive-sync.ts')]]) {
    const run = spawnSync(process.execPath, step, { stdio: 'inherit', env: { ...process.env, WRANGLER_COMMAND: 'deploy' } });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}
const child = spawn(process.execPath, [WRANGLER, 'deploy', ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
