// npm run bench:scale -- --articles N --languages M
// The build at the size of a newsroom: a scratch copy of the project with the article copied under N slugs in M
// languages (scripts/bench/newsroom.ts), built cold, again unchanged, and after one segment's edit; the files,
// bytes, `_headers` rules and sitemaps it leaves; the worker's size; Hugo's build of the same pages beside it;
// and an archive-tier (R2) edition's requests per second against a static one's, served by the same worker.
// Figures, never assertions: a benchmark, not a test. See BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { unstable_readConfig } from 'wrangler';
import { paths } from '../../src/paths.ts';
import { parseCommand } from '../../tools/cli.ts';
import { ROOT } from '../../tools/project-files.ts';
import { WRANGLER } from '../dev-server.ts';
import { writeHugoSite } from './hugo.ts';
import { makeNewsroom } from './newsroom.ts';

const { values } = parseCommand('usage: npm run bench:scale -- --articles N --languages M [--no-hugo] [--no-serve]', {
  articles: { type: 'string', default: '100' },
  languages: { type: 'string', default: '3' },
  'no-hugo': { type: 'boolean', default: false },
  'no-serve': { type: 'boolean', default: false },
});
const articles = Number(values.articles);
const languages = Number(values.languages);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(languages) || languages < 1) {
  console.error('bench:scale: --articles and --languages are whole numbers of at least 1');
  process.exit(2);
}
const SCRATCH = join(ROOT, '.wrangler', 'bench-scale');
const dir = join(SCRATCH, `newsroom-${articles}x${languages}`);
const fmt = (x: number, digits = 1) => x.toFixed(digits);
const log = (message: string) => console.error(`bench:scale: ${message}`);

log(`a newsroom of ${articles} articles in ${languages} languages`);
const { slugs, locales } = makeNewsroom(dir, articles, languages);
// A free plan's 20,000 files: past them, the oldest articles go to the archive tier.
writeFileSync(join(dir, 'site.config.json'), JSON.stringify({ archive: { enabled: true, staticFiles: 19_000 } }));

interface Timed {
  readonly wall: number;
  readonly cpu: number;
  readonly peakMiB: number;
  readonly rendered: number;
  /** Rendering time summed over the build's threads: share cards, and every other page. */
  readonly renderSeconds: { readonly cards: number; readonly pages: number };
}
/** One build of the newsroom, as `npm run build` runs it, timed by GNU time (wall, CPU, peak resident memory). */
function build(): Timed {
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', process.execPath, '--expose-gc', '--import', 'tsx', join(dir, 'site', 'build.ts')],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, BUILD_STATS: '1' },
      maxBuffer: 1 << 26,
    },
  );
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  const [wall, user, sys, rss] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  const stats = JSON.parse(/build-stats: (.*)/.exec(run.stdout)![1]!) as Pick<Timed, 'rendered' | 'renderSeconds'>;
  return { wall: wall!, cpu: user! + sys!, peakMiB: rss! / 1024, rendered: stats.rendered, renderSeconds: stats.renderSeconds };
}

log('cold build (no cache, no public/)');
const cold = build();
log(`cold: ${fmt(cold.wall)} s`);
const unchanged = build();
log(`unchanged: ${fmt(unchanged.wall)} s`);
// One segment of one article, in Persian: the pages that show it, and no other.
const editFile = join(dir, 'locales', 'fa', `${slugs[Math.floor(slugs.length / 2)]}.json`);
const segments = JSON.parse(readFileSync(editFile, 'utf8')) as Record<string, string>;
segments['delegation'] = `${segments['delegation']!.slice(0, -1)}، به نقل از خبرگزاری ایرنا.`;
writeFileSync(editFile, `${JSON.stringify(segments, null, 2)}\n`);
const edited = build();
log(`one edit: ${fmt(edited.wall)} s, ${edited.rendered} rendered`);

// What the build left.
const walk = (root: string): { files: number; bytes: number } => {
  if (!existsSync(root)) return { files: 0, bytes: 0 };
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      files++;
      bytes += statSync(join(entry.parentPath, entry.name)).size;
    }
  return { files, bytes };
};
const assets = walk(join(dir, 'public'));
const archive = walk(join(dir, 'public-archive'));
const rules = readFileSync(join(dir, 'public', '_headers'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('/')).length;
const sitemaps = readdirSync(join(dir, 'public', 'sitemaps')).length + 1;
const front = statSync(join(dir, 'public', 'en', 'index.html')).size;

// The worker, as `wrangler deploy` would upload it (its dry run; the build before it has nothing to do).
const out = join(dir, '.wrangler', 'worker');
const deploy = spawnSync(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--outdir', out], { cwd: dir, encoding: 'utf8' });
if (deploy.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${deploy.stdout}\n${deploy.stderr}`);
const worker = readFileSync(join(out, 'index.js'));

// Hugo, on the same pages (their text from our JSON editions), with its own cache cleared: a cold build.
let hugo: { wall: number; cpu: number; pages: number; version: string } | undefined;
if (!values['no-hugo'] && spawnSync('hugo', ['version']).status === 0) {
  const site = join(SCRATCH, `hugo-${articles}x${languages}`);
  const readable = existsSync(join(dir, 'public-archive')) ? [join(dir, 'public'), join(dir, 'public-archive')] : [join(dir, 'public')];
  // Hugo reads each edition's JSON wherever our build put it.
  const merged = join(SCRATCH, `json-${articles}x${languages}`);
  for (const locale of locales) mkdirSync(join(merged, locale), { recursive: true });
  for (const root of readable)
    for (const locale of locales)
      for (const name of existsSync(join(root, locale)) ? readdirSync(join(root, locale)) : [])
        if (name.endsWith('.json')) writeFileSync(join(merged, locale, name), readFileSync(join(root, locale, name)));
  const pages = writeHugoSite(site, merged, locales, slugs);
  const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S', 'hugo', '--quiet', '--ignoreCache', '--destination', join(site, 'public')], {
    cwd: site,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`hugo failed:\n${run.stdout}\n${run.stderr}`);
  const [wall, user, sys] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  const version = spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.split(' ')[1] ?? '';
  hugo = { wall: wall!, cpu: user! + sys!, pages, version };
  log(`hugo ${version}: ${fmt(wall!)} s for ${pages} pages`);
}

// An archive-tier edition against a static one, served by the same worker under Miniflare: a newsroom of two
// articles, the older archived.
let served: { r2: number; asset: number } | undefined;
if (!values['no-serve']) {
  const small = join(SCRATCH, 'serve');
  const { slugs: two } = makeNewsroom(small, 2, 3);
  writeFileSync(join(small, 'site.config.json'), JSON.stringify({ archive: { enabled: true, afterDays: 0 } }));
  appendFileSync(join(small, 'wrangler.toml'), '\n[[r2_buckets]]\nbinding = "ARCHIVE"\nbucket_name = "archive"\n');
  const bundle = join(small, '.wrangler', 'worker');
  const dry = spawnSync(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--outdir', bundle], { cwd: small, encoding: 'utf8' });
  if (dry.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${dry.stdout}\n${dry.stderr}`);
  const config = unstable_readConfig({ config: join(small, 'wrangler.toml') });
  const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench-secret' };
  const mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    log: new Log(LogLevel.WARN),
    cf: false,
    workers: [
      {
        config: {
          name: 'worker',
          type: 'worker',
          compatibilityDate: config.compatibility_date!,
          manifest: {
            mainModule: 'index.js',
            modules: { 'index.js': { type: 'esm', contents: readFileSync(join(bundle, 'index.js'), 'utf8') } },
          },
          env: {
            SITE_ORIGIN: { type: 'text', value: String(config.vars.SITE_ORIGIN) },
            ASSETS: { type: 'assets' },
            ARCHIVE: { type: 'r2', name: 'archive', s3Credentials: credentials },
          },
          assets: { directory: join(small, 'public'), hasUserWorker: true, runWorkerFirst: config.assets!.run_worker_first as string[] },
        },
      },
    ],
  });
  try {
    const url = await mf.ready;
    const sync = spawnSync(process.execPath, [join(small, 'scripts', 'archive-sync.ts')], {
      cwd: small,
      encoding: 'utf8',
      env: {
        ...process.env,
        R2_ACCOUNT_ID: 'local',
        R2_ACCESS_KEY_ID: credentials.accessKeyId,
        R2_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        R2_ENDPOINT: new URL('/cdn-cgi/local/r2/s3', url).href,
      },
    });
    if (sync.status !== 0) throw new Error(`archive:sync failed:\n${sync.stdout}\n${sync.stderr}`);
    const load = async (path: string) => {
      const result = await autocannon({ url: new URL(path, url).href, connections: 32, duration: 3 });
      if (result.errors > 0 || result.non2xx > 0) throw new Error(`${path}: ${result.errors} errors, ${result.non2xx} not 2xx`);
      return result.requests.average;
    };
    const archived = paths.article('fa', two[1]!);
    const fresh = paths.article('fa', two[0]!);
    await load(archived);
    await load(fresh);
    const r2: number[] = [];
    const asset: number[] = [];
    for (let round = 0; round < 3; round++) {
      r2.push(await load(archived));
      asset.push(await load(fresh));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    served = { r2: mean(r2), asset: mean(asset) };
  } finally {
    await mf.dispose();
  }
}

const editions = articles * languages;
const rows: [string, string][] = [
  ['newsroom', `${articles} articles × ${languages} languages = ${editions} article-editions`],
  ['cold build', `${fmt(cold.wall)} s wall, ${fmt(cold.cpu)} s CPU, ${fmt((cold.wall * 1000) / editions, 2)} ms per article-edition`],
  ['unchanged build', `${fmt(unchanged.wall)} s (${fmt((unchanged.wall / cold.wall) * 100)}% of cold), ${unchanged.rendered} rendered`],
  ['one segment edited', `${fmt(edited.wall)} s (${fmt((edited.wall / cold.wall) * 100)}% of cold), ${edited.rendered} rendered`],
  [
    'cold build: rendering, summed over threads',
    `share cards ${fmt(cold.renderSeconds.cards)} s (${fmt((cold.renderSeconds.cards * 1000) / (editions + languages), 2)} ms for each of ${editions + languages} cards), every other page ${fmt(cold.renderSeconds.pages)} s`,
  ],
  ['peak memory (cold)', `${fmt(cold.peakMiB, 0)} MiB`],
  ['static files / bytes', `${assets.files} files, ${fmt(assets.bytes / 1024 / 1024)} MiB (limit 20,000 files)`],
  ['archive tier files / bytes', `${archive.files} files, ${fmt(archive.bytes / 1024 / 1024)} MiB`],
  ['_headers rules', `${rules}`],
  ['sitemap files', `${sitemaps} (an index and ${sitemaps - 1} parts)`],
  ['front page', `${fmt(front / 1024)} KiB`],
  ['worker (raw / gzip)', `${fmt(worker.byteLength / 1024, 2)} / ${fmt(gzipSync(worker).byteLength / 1024, 2)} KiB`],
];
if (hugo) {
  rows.push([
    `Hugo ${hugo.version}, same pages (HTML + JSON)`,
    `${fmt(hugo.wall)} s wall, ${fmt(hugo.cpu)} s CPU, ${fmt((hugo.wall * 1000) / editions, 2)} ms per article-edition; ours is ${fmt(cold.wall / hugo.wall)}× (wall), ${fmt(cold.cpu / hugo.cpu)}× (CPU)`,
  ]);
  // Hugo makes no share card: ours without the time its threads spent on cards (an estimate, in CPU seconds).
  rows.push([
    'ours without share cards, against Hugo (CPU)',
    `${fmt(cold.cpu - cold.renderSeconds.cards)} s, ${fmt((cold.cpu - cold.renderSeconds.cards) / hugo.cpu)}× Hugo's CPU (cold CPU less the cards' rendering time)`,
  ]);
}
if (served)
  rows.push([
    'archive-tier edition vs static edition (same worker, Miniflare)',
    `${fmt(served.r2, 0)} vs ${fmt(served.asset, 0)} req/s (${fmt(served.r2 / served.asset, 2)}×)`,
  ]);
console.log(`Machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}`);
for (const [what, figure] of rows) console.log(`| ${what} | ${figure} |`);
