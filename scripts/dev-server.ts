import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../tools/project-files.ts';

export const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/** `wrangler dev` on 127.0.0.1:`port`, built for that address, resolved once it is ready to serve. */
export function startDev(config: string, port: number, name = 'worker'): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WRANGLER, 'dev', '--config', config, '--ip', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SITE_ORIGIN: `http://127.0.0.1:${port}` },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`${name}: wrangler dev did not start in 60 s`));
    }, 60_000);
    const onData = (data: Buffer) => {
      if (!data.toString().includes('Ready on')) return;
      clearTimeout(timer);
      resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name}: wrangler dev exited (${code})`));
    });
  });
}
