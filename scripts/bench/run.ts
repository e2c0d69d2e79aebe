// npm run bench: figures and ratios, each against a reference measured in the same run. Bounded in time
// (about three minutes on two cores); loopback only. See BENCHMARKS.md for what each figure means.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { startDev, WRANGLER } from '../dev-server.ts';
import { ROOT } from '../../tools/project-files.ts';
import { benchNegotiation, corpusSize } from './negotiation.ts';

const OUT = join(ROOT, '.wrangler', 'bench');
const PATHS = ['/fa/putin-raisi-kremlin-meeting', '/en/putin-raisi-kremlin-meeting', '/ru/putin-raisi-kremlin-meeting'];
const WORKER_PORT = 8797;
const REFERENCE_PORT = 8798;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 32;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number, digits = 2) => x.toFixed(digits);
const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// --- Bundle ------------------------------------------------------------------------------------------
console.error('bench: bundling with wrangler deploy --dry-run');
const dry = spawnSync(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--outdir', join(OUT, 'worker')], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (dry.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${dry.stderr}`);
const bundlePath = join(OUT, 'worker', 'index.js');
const bundle = readFileSync(bundlePath);
const gzip = gzipSync(bundle).byteLength;
row(
  'Bundle',
  'raw / gzip',
  `${fmt(bundle.byteLength / 1024, 1)} KiB / ${fmt(gzip / 1024, 1)} KiB`,
  `gzip ${fmt(gzip / 1024 / 100, 2)} of 100 KiB`,
);

// --- Start-up and render, in fresh processes -------------------------------------------------------------
console.error('bench: start-up and render, 7 fresh processes');
const timings = Array.from({ length: 7 }, () => {
  const child = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', '--no-warnings', join(import.meta.dirname, 'worker-timing.ts'), bundlePath],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as { icu: number; compile: number; evaluate: number; first: number[]; built: number; floor: number };
});
const compile = median(timings.map((t) => t.compile));
const evaluate = median(timings.map((t) => t.evaluate));
row(
  'Start-up',
  'compile + evaluate the bundled module (median of 7)',
  `${fmt(compile)} + ${fmt(evaluate)} ms`,
  `${fmt((compile + evaluate) / 10, 2)} of 10 ms`,
);
row('Render', 'ICU data, loaded once per process (not per isolate)', `${fmt(median(timings.map((t) => t.icu)))} ms`, '');
const firstBuild = median(timings.map((t) => t.first[0]!));
const laterBuild = median(timings.map((t) => (t.first[1]! + t.first[2]!) / 2));
row('Render', 'first edition of an isolate (i18next, formatters, page, ETag)', `${fmt(firstBuild)} ms`, '');
row('Render', 'each further edition, first time', `${fmt(laterBuild)} ms`, '');
const built = median(timings.map((t) => t.built)) * 1000;
const floor = median(timings.map((t) => t.floor)) * 1000;
row(
  'Render',
  'an already-built edition, per request (worker.fetch)',
  `${fmt(built, 1)} µs`,
  `${fmt(built / floor, 2)}× a bare Request + constant Response (${fmt(floor, 1)} µs)`,
);

// --- End to end under wrangler dev, against a constant-bytes worker ------------------------------------------
console.error('bench: starting the worker and the constant-bytes reference under wrangler dev');
const worker = await startDev(join(ROOT, 'wrangler.toml'), WORKER_PORT, 'worker');
const processes: ChildProcess[] = [worker];
try {
  // The reference answers each edition's path with the worker's own bytes and headers, from a constant.
  const pages: Record<string, { body: string; headers: [string, string][] }> = {};
  for (const path of PATHS) {
    const response = await fetch(`http://127.0.0.1:${WORKER_PORT}${path}`);
    const headers = [...response.headers].filter(
      ([name]) => !['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name),
    );
    pages[path] = { body: await response.text(), headers };
  }
  mkdirSync(join(OUT, 'reference'), { recursive: true });
  writeFileSync(
    join(OUT, 'reference', 'index.js'),
    `const pages = ${JSON.stringify(pages)};
const encoded = Object.fromEntries(Object.entries(pages).map(([path, page]) => [path, { body: new TextEncoder().encode(page.body), headers: page.headers }]));
export default {
  fetch(request) {
    const page = encoded[new URL(request.url).pathname];
    return page ? new Response(page.body, { headers: page.headers }) : new Response('not found', { status: 404 });
  },
};
`,
  );
  const config = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const compatibilityDate = /compatibility_date = "([^"]+)"/.exec(config)![1];
  writeFileSync(
    join(OUT, 'reference', 'wrangler.toml'),
    // The same static assets in front of it, so the only difference is the worker's code.
    `name = "constant-bytes"\nmain = "index.js"\ncompatibility_date = "${compatibilityDate}"\ncompatibility_flags = ["nodejs_compat"]\n\n[assets]\ndirectory = "${join(ROOT, 'public')}"\n`,
  );
  processes.push(await startDev(join(OUT, 'reference', 'wrangler.toml'), REFERENCE_PORT, 'reference'));

  const load = async (port: number, path: string, duration: number) => {
    const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: CONNECTIONS, duration, pipelining: 1 });
    if (result.errors > 0 || result.non2xx > 0)
      throw new Error(`load on ${port}${path}: ${result.errors} errors, ${result.non2xx} non-2xx`);
    return { rps: result.requests.average, p99: result.latency.p99 };
  };
  for (const port of [WORKER_PORT, REFERENCE_PORT]) for (const path of PATHS) await load(port, path, 1); // warm-up

  console.error(`bench: end to end, ${PATHS.length} editions × ${ROUNDS} rounds × ${SECONDS} s each, alternating worker and reference`);
  for (const path of PATHS) {
    const ours: { rps: number; p99: number }[] = [];
    const theirs: { rps: number; p99: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(await load(WORKER_PORT, path, SECONDS));
      theirs.push(await load(REFERENCE_PORT, path, SECONDS));
    }
    const mean = (xs: { rps: number }[]) => xs.reduce((n, x) => n + x.rps, 0) / xs.length;
    const edition = path.split('/')[1]!;
    row(
      'End to end',
      `${edition}: worker req/s, p99`,
      `${fmt(mean(ours), 0)} req/s, ${median(ours.map((x) => x.p99))} ms`,
      `${fmt(mean(ours) / mean(theirs), 3)} of the constant-bytes worker`,
    );
    row(
      'End to end',
      `${edition}: constant-bytes reference req/s, p99`,
      `${fmt(mean(theirs), 0)} req/s, ${median(theirs.map((x) => x.p99))} ms`,
      '',
    );
  }
} finally {
  for (const child of processes) child.kill('SIGTERM');
}

// --- Negotiation --------------------------------------------------------------------------------------------
console.error(`bench: negotiation over ${corpusSize} Accept-Language headers`);
const negotiation = benchNegotiation();
const ours = negotiation.find((n) => n.name === 'ours')!;
for (const n of negotiation)
  row(
    'Negotiation',
    n.name,
    `${fmt(n.opsPerSecond / 1000, 0)} k headers/s`,
    `${n.name === 'ours' ? 'reference' : `ours is ${fmt(ours.opsPerSecond / n.opsPerSecond, 2)}× as fast`}; agrees with ours on ${n.agrees}/${corpusSize}`,
  );

// --- Report -------------------------------------------------------------------------------------------------
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['what', 'measure', 'figure', 'ratio'][i]!.length));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(
  `Machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, ${CONNECTIONS} connections`,
);
console.log(line(['what', 'measure', 'figure', 'ratio']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
