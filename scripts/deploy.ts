// npm run deploy [-- wrangler deploy's options]: checks the origin the site is built for (not local, and not
// the example wrangler.toml ships with: it would name a site no one can reach), then `wrangler deploy`.
// A `--dry-run` uploads nothing: the check only warns.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { unstable_readConfig } from 'wrangler';
import { checkDeployOrigin } from '../site/origin.ts';
import { ROOT } from '../tools/project-files.ts';
import { WRANGLER } from './dev-server.ts';

const args = process.argv.slice(2);
const configured = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') }).vars.SITE_ORIGIN;
const origin = checkDeployOrigin(process.env.SITE_ORIGIN ?? (typeof configured === 'string' ? configured : undefined));
if (typeof origin !== 'string') {
  const dryRun = args.includes('--dry-run');
  console.error(`deploy: ${dryRun ? 'warning: ' : ''}${origin.problem}`);
  if (!dryRun) process.exit(1);
}
const child = spawn(process.execPath, [WRANGLER, 'deploy', ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
