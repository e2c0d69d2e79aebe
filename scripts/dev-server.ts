import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** wrangler's command line, wherever node_modules is (a scratch copy of the project inside it finds it too). */
export const WRANGLER = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');

/**
 * `npm start` of the project at `root` on 127.0.0.1:`port` (scripts/start.ts, which runs `wrangler dev` and
 * builds the site for that address), resolved once it is ready to serve.
 */
export function startSite(root: string, port: number, name = 'site'): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'scripts', 'start.ts'), '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it stops wrangler and workerd too.
    detached: true,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stopSite(child);
      reject(new Error(`${name}: not ready in 90 s:\n${output}`));
    }, 90_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      if (!output.includes('Ready on')) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      child.stdout!.resume();
      child.stderr!.resume();
      resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name}: exited (${code}):\n${output}`));
    });
  });
}

/** Stops a site started by `startSite`, with everything it started. */
export function stopSite(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
}

/**
 * The port to serve on: `PORT` (or the variable named) if it is set, else one the system has free on
 * 127.0.0.1 now, so that two runs at once (two engineers, two CI jobs) never meet on a fixed port.
 */
export async function sitePort(variable = 'PORT'): Promise<number> {
  const given = process.env[variable];
  if (given !== undefined && given !== '') {
    const port = Number(given);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${variable}="${given}" is not a port`);
    return port;
  }
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
