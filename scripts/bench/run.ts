// npm run bench: figures and ratios, each against a reference measured in the same run: the worker against
// a minimal Hono app bundled the same way, an edition served by the static assets against a file of the same
// size served by the same layer, and our negotiation against other libraries. Bounded in time (about four
// minutes on two cores); loopback only. See BENCHMARKS.md for what each figure means.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { unstable_readConfig } from 'wrangler';
import { ROOT } from '../../tools/project-files.ts';
import { WRANGLER } from '../dev-server.ts';
import { cardsPerSecond } from './cards.ts';
import { benchNegotiation, corpusSize } from './negotiation.ts';

const OUT = join(ROOT, '.wrangler', 'bench');
const EDITIONS = ['/fa/putin-raisi-kremlin-meeting', '/en/putin-raisi-kremlin-meeting', '/ru/putin-raisi-kremlin-meeting'];
/** The worker's first two responses: the front page's and an article's negotiating URLs. */
const WORKER_PATHS = ['/', '/putin-raisi-kremlin-meeting'];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const PROCESSES = 9;
const CONNECTIONS = 32;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x: number, digits = 2) => x.toFixed(digits);
const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);
const config = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') });

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// --- Bundles -----------------------------------------------------------------------------------------------
/** `wrangler deploy --dry-run` of a config: the bundle as it would be uploaded. */
function bundle(configPath: string, outdir: string): Buffer {
  const { SITE_ORIGIN: _, ...env } = process.env;
  const run = spawnSync(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--config', configPath, '--outdir', outdir], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${run.stdout}\n${run.stderr}`);
  return readFileSync(join(outdir, 'index.js'));
}

console.error('bench: bundling the worker and a minimal Hono app with wrangler deploy --dry-run');
const minimalDir = join(OUT, 'minimal');
mkdirSync(minimalDir, { recursive: true });
// The minimal Hono app of Hono's own Workers template, bundled with the worker's settings.
writeFileSync(
  join(minimalDir, 'index.ts'),
  `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => c.text('Hello Hono!'));\nexport default app;\n`,
);
writeFileSync(
  join(minimalDir, 'wrangler.toml'),
  `name = "minimal-hono"\nmain = "index.ts"\ncompatibility_date = "${config.compatibility_date}"\nminify = true\nkeep_names = false\n`,
);
const ours = bundle(join(ROOT, 'wrangler.toml'), join(OUT, 'worker'));
const minimal = bundle(join(minimalDir, 'wrangler.toml'), join(OUT, 'minimal', 'dist'));
const kib = (bytes: number) => `${fmt(bytes / 1024, 1)} KiB`;
row(
  'Bundle',
  'worker: raw / gzip',
  `${kib(ours.byteLength)} / ${kib(gzipSync(ours).byteLength)}`,
  `gzip ${fmt(gzipSync(ours).byteLength / 1024 / 25, 2)} of the 25 KiB budget`,
);
row(
  'Bundle',
  'minimal Hono app: raw / gzip',
  `${kib(minimal.byteLength)} / ${kib(gzipSync(minimal).byteLength)}`,
  `worker gzip is ${fmt(gzipSync(ours).byteLength / gzipSync(minimal).byteLength)}× it`,
);

// --- Start-up and first responses, in fresh processes ------------------------------------------------------
console.error(`bench: start-up and first responses, ${PROCESSES} fresh processes each, alternating`);
type Timing = { compile: number; evaluate: number; first: number[]; steady: number };
const time = (file: string): Timing => {
  const child = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', '--no-warnings', join(import.meta.dirname, 'worker-timing.ts'), file, ...WORKER_PATHS],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as Timing;
};
const timings = { ours: [] as Timing[], minimal: [] as Timing[] };
for (let i = 0; i < PROCESSES; i++) {
  timings.ours.push(time(join(OUT, 'worker', 'index.js')));
  timings.minimal.push(time(join(OUT, 'minimal', 'dist', 'index.js')));
}
const startup = (ts: Timing[]) => ({
  compile: median(ts.map((t) => t.compile)),
  evaluate: median(ts.map((t) => t.evaluate)),
  first: median(ts.map((t) => t.first[0]!)),
  second: median(ts.map((t) => t.first[1]!)),
  total: median(ts.map((t) => t.compile + t.evaluate + t.first[0]! + t.first[1]!)),
  steady: median(ts.map((t) => t.steady)),
});
const a = startup(timings.ours);
const b = startup(timings.minimal);
for (const [name, s] of [
  ['worker', a],
  ['minimal Hono app', b],
] as const)
  row(
    'Start-up',
    `${name}: compile + evaluate + GET / + GET /putin-…`,
    `${fmt(s.compile)} + ${fmt(s.evaluate)} + ${fmt(s.first)} + ${fmt(s.second)} = ${fmt(s.total)} ms`,
    name === 'worker' ? `${fmt(a.total / b.total)}× the minimal Hono app (budget 2×)` : 'reference',
  );
row(
  'Worker CPU',
  'a negotiating request, warm (worker.fetch)',
  `${fmt(a.steady * 1000, 1)} µs`,
  `${fmt(a.steady / b.steady)}× the minimal Hono app’s GET / (${fmt(b.steady * 1000, 1)} µs)`,
);

// --- End to end: the edge's static assets, and the worker, under Miniflare ----------------------------------
console.error('bench: end to end under Miniflare (workerd), alternating each measure with its reference');
const log = new Log(LogLevel.WARN);
const compatibility = { compatibilityDate: config.compatibility_date!, compatibilityFlags: config.compatibility_flags };
const modules = (files: Record<string, string>) => ({
  mainModule: 'index.js',
  modules: Object.fromEntries(Object.entries(files).map(([name, contents]) => [name, { type: 'esm' as const, contents }])),
});
// The worker as deployed, behind the project's assets, wrapped to count how often it is invoked at all.
const counted = new Miniflare({
  host: '127.0.0.1',
  port: 0,
  log,
  // The placeholder Request.cf: no lookup on the network.
  cf: false,
  workers: [
    {
      config: {
        name: 'worker',
        type: 'worker',
        ...compatibility,
        manifest: modules({
          'index.js': `import worker from './worker.js';\nlet invocations = 0;\nexport default { fetch(request, env, ctx) {\n  if (new URL(request.url).pathname === '/__invocations') return new Response(String(invocations));\n  invocations++;\n  return worker.fetch(request, env, ctx);\n} };\n`,
          'worker.js': ours.toString('utf8'),
        }),
        env: { SITE_ORIGIN: { type: 'text', value: String(config.vars.SITE_ORIGIN) }, ASSETS: { type: 'assets' } },
        assets: { directory: join(ROOT, 'public'), hasUserWorker: true, runWorkerFirst: config.assets!.run_worker_first as string[] },
      },
    },
  ],
});
// The platform's own static-asset serving: the same files at the same paths, no `_headers`, no worker.
const staticDir = join(OUT, 'static');
for (const path of EDITIONS) {
  const file = `${path.slice(1)}.html`;
  mkdirSync(dirname(join(staticDir, file)), { recursive: true });
  copyFileSync(join(ROOT, 'public', file), join(staticDir, file));
}
const plain = new Miniflare({
  host: '127.0.0.1',
  port: 0,
  log,
  cf: false,
  workers: [
    {
      config: {
        name: 'static',
        type: 'worker',
        ...compatibility,
        manifest: modules({ 'index.js': 'export default { fetch: () => new Response(null, { status: 404 }) };' }),
        assets: { directory: staticDir, hasUserWorker: false },
      },
    },
  ],
});
// The minimal Hono app behind the same assets and routing: the only difference is the worker's code.
const minimalServer = new Miniflare({
  host: '127.0.0.1',
  port: 0,
  log,
  cf: false,
  workers: [
    {
      config: {
        name: 'minimal',
        type: 'worker',
        ...compatibility,
        manifest: modules({ 'index.js': minimal.toString('utf8') }),
        assets: { directory: join(ROOT, 'public'), hasUserWorker: true, runWorkerFirst: config.assets!.run_worker_first as string[] },
      },
    },
  ],
});
const [oursUrl, plainUrl, minimalUrl] = await Promise.all([counted.ready, plain.ready, minimalServer.ready]);

const load = async (base: URL, path: string, duration: number, headers: Record<string, string> = {}) => {
  const result = await autocannon({ url: new URL(path, base).href, connections: CONNECTIONS, duration, headers });
  // A negotiating URL answers 302; nothing may answer 4xx or 5xx, or fail.
  if (result.errors > 0 || result['4xx'] > 0 || result['5xx'] > 0)
    throw new Error(`load on ${new URL(path, base).href}: ${result.errors} errors, ${result['4xx']} 4xx, ${result['5xx']} 5xx`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
};
const compare = async (
  what: string,
  measure: () => ReturnType<typeof load>,
  reference: () => ReturnType<typeof load>,
  referenceName: string,
) => {
  await measure();
  await reference(); // warm-up
  const mine: Awaited<ReturnType<typeof load>>[] = [];
  const theirs: Awaited<ReturnType<typeof load>>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    mine.push(await measure());
    theirs.push(await reference());
  }
  const ratio = mean(mine.map((x) => x.rps)) / mean(theirs.map((x) => x.rps));
  row(
    'End to end',
    `${what}: req/s, p99`,
    `${fmt(mean(mine.map((x) => x.rps)), 0)} req/s, ${median(mine.map((x) => x.p99))} ms`,
    `${fmt(ratio, 3)} of ${referenceName}`,
  );
  row(
    'End to end',
    `${referenceName}: req/s, p99`,
    `${fmt(mean(theirs.map((x) => x.rps)), 0)} req/s, ${median(theirs.map((x) => x.p99))} ms`,
    '',
  );
  return mine.reduce((n, x) => n + x.total, 0);
};

let editionRequests = 0;
try {
  const before = Number(await (await fetch(new URL('/__invocations', oursUrl))).text());
  for (const path of EDITIONS) {
    const edition = path.split('/')[1]!;
    editionRequests += await compare(
      `${edition} edition (static asset, _headers, worker behind)`,
      () => load(oursUrl, path, SECONDS),
      () => load(plainUrl, path, SECONDS),
      `the same file, assets alone`,
    );
  }
  const after = Number(await (await fetch(new URL('/__invocations', oursUrl))).text());
  row(
    'Worker CPU',
    'per edition request: worker invocations while the editions were loaded',
    `${after - before} of ${editionRequests} requests`,
    after === before ? 'none: the assets serve every edition' : 'the worker ran for editions',
  );
  await compare(
    'worker: GET / (negotiation, 302)',
    () => load(oursUrl, '/', SECONDS, { 'accept-language': 'fa-IR,fa;q=0.9,en;q=0.8' }),
    () => load(minimalUrl, '/', SECONDS),
    'minimal Hono app behind the same assets: GET / (200)',
  );
} finally {
  await Promise.all([counted.dispose(), plain.dispose(), minimalServer.dispose()]);
}

// --- Negotiation --------------------------------------------------------------------------------------------
console.error(`bench: negotiation over ${corpusSize} Accept-Language headers`);
const negotiation = benchNegotiation();
const fastest = negotiation.find((n) => n.name === 'ours')!;
for (const n of negotiation)
  row(
    'Negotiation',
    n.name,
    `${fmt(n.opsPerSecond / 1000, 0)} k headers/s`,
    `${n.name === 'ours' ? 'reference' : `ours is ${fmt(fastest.opsPerSecond / n.opsPerSecond, 2)}× as fast`}; agrees with ours on ${n.agrees}/${corpusSize}`,
  );

// --- Fonts and share cards --------------------------------------------------------------------------------
// The web fonts each edition's pages may fetch (the build's subsets: public/ as `npm run build` left it).
const faces = JSON.parse(readFileSync(join(ROOT, 'site', 'generated', 'fonts.json'), 'utf8')) as Record<
  string,
  { family: string; url: string; own: boolean }[]
>;
const bytesOf = (url: string) => readFileSync(join(ROOT, 'public', url.slice(1))).length;
for (const [locale, list] of Object.entries(faces)) {
  const own = list.filter((f) => f.own).reduce((sum, f) => sum + bytesOf(f.url), 0);
  const others = list.filter((f) => !f.own).reduce((sum, f) => sum + bytesOf(f.url), 0);
  const families = [...new Set(list.map((f) => f.family))];
  row(
    'Fonts',
    `${locale}: ${families.join(' + ')}, 400 and 700 (WOFF2)`,
    `${fmt((own + others) / 1024, 1)} KiB`,
    `${fmt(own / 1024, 1)} KiB preloaded (${families[0]}), ${fmt(others / 1024, 1)} KiB for the other script`,
  );
}
console.error('bench: share cards per second of CPU time');
for (const { script, perSecond } of await cardsPerSecond())
  row('Cards', `rendered, warm: ${script}`, `${fmt(perSecond, 1)} cards/s`, `${fmt(1000 / perSecond, 1)} ms of CPU a card`);

// --- Report -------------------------------------------------------------------------------------------------
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['what', 'measure', 'figure', 'ratio'][i]!.length));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(
  `Machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, ${CONNECTIONS} connections`,
);
console.log(line(['what', 'measure', 'figure', 'ratio']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
