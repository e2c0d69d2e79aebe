// npm start [-- --port N] (or PORT=N npm start): the site on http://127.0.0.1:N (8787 by default) through
// `wrangler dev`, which builds it first ([build] in wrangler.toml) for that address, and again on every saved
// change under content/, locales/ or site/. The preview is built into a folder of its own (PREVIEW_DIR), which no
// other command writes: a test or a deploy's build in public/ never changes what the preview serves. Every page
// is static there, the archive tier's too. Other arguments go to wrangler dev as they are.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { WRANGLER } from './dev-server.ts';

const { values, tokens } = parseArgs({
  args: process.argv.slice(2),
  options: { port: { type: 'string' }, ip: { type: 'string' } },
  strict: false,
  tokens: true,
});
const port = Number(values.port ?? process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`start: "${String(values.port ?? process.env.PORT)}" is not a port`);
  process.exit(2);
}
/** The preview's own build, beside wrangler's other local state. */
const PREVIEW_DIR = `.wrangler/preview/${port}/public`;
const ip = typeof values.ip === 'string' ? values.ip : '127.0.0.1';
const rest = tokens.flatMap((t) =>
  t.kind === 'option' && (t.name === 'port' || t.name === 'ip')
    ? []
    : t.kind === 'option'
      ? [t.rawName, ...(t.value === undefined ? [] : [t.value])]
      : t.kind === 'positional'
        ? [t.value]
        : [],
);
const host = ip.includes(':') ? `[${ip}]` : ip === '0.0.0.0' ? '127.0.0.1' : ip;
mkdirSync(PREVIEW_DIR, { recursive: true });
const child = spawn(process.execPath, [WRANGLER, 'dev', '--ip', ip, '--port', String(port), '--assets', PREVIEW_DIR, ...rest], {
  stdio: 'inherit',
  // The build reads them: every absolute URL of the preview names the address it is served on, and it writes
  // the preview's own folder, one per port (two previews side by side do not share one).
  env: { ...process.env, SITE_ORIGIN: `http://${host}:${port}`, BUILD_DIR: PREVIEW_DIR, BUILD_PREVIEW: '1' },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
