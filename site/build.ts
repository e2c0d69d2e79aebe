// The build: checks content/ and locales/, then makes the static assets (public/): every page of the site app,
// the share cards, the fonts and the `_headers` that serve them, and what the worker needs to know
// (src/generated/site.ts). It is incremental: each output is keyed by what it is made from (site/plan.ts), and
// only outputs whose key changed are rendered, on every core, each written as it is made. Articles past the
// archive tier's boundary (site.config.json) go to archive/, for the R2 bucket, instead. A file that fails the
// check stops here, with the file, the segment and the problem named, and never reaches a reader. wrangler runs
// it before `dev` and `deploy`.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';
import type { SiteManifest } from '../src/site-manifest.ts';
import { formatProblem } from '../tools/check/problems.ts';
import { blockingOutput } from '../tools/cli.ts';
import { ROOT } from '../tools/project-files.ts';
import { writeAtomic } from '../tools/write-atomic.ts';
import { assignTiers } from './archive.ts';
import { BuildCache } from './build-cache.ts';
import { ConfigError, readConfig } from './config.ts';
import { buildDirectories } from './directories.ts';
import { Editions } from './editions.ts';
import { sha256 } from './hash.ts';
import { staticHeaders } from './headers.ts';
import { limitProblems } from './limits.ts';
import { hasCheckRecord } from './check-cache.ts';
import { checkOrigin } from './origin.ts';
import { planSite, type Output } from './plan.ts';
import { prepare, type PrepareOptions, type Prepared } from './prepare.ts';
import { RenderError, type Job } from './render-jobs.ts';

const started = performance.now();
blockingOutput();

const { out: OUT, archive: ARCHIVE, cache: CACHE } = buildDirectories(ROOT, process.env.BUILD_DIR);

// In the live preview (`wrangler dev`), a broken file must not stop the preview: the last good build stays
// served and the problem is named here; saving the fix rebuilds. Anywhere else, nothing is built.
const keepPreview = process.env.WRANGLER_COMMAND === 'dev' && existsSync(join(OUT, '_headers'));
const fail = (message: string): never => {
  console.error(`build: ${message}`);
  if (keepPreview) {
    console.error('build: the preview keeps serving the last good build; fix the problem and save again');
    process.exit(0);
  }
  process.exit(1);
};

const code = codeVersion();
const { result, checkKey, fonts: planned, fontProblem } = await prepareProject();
for (const problem of result.problems) if (problem.severity === 'error') console.error(formatProblem(problem));
const catalog = result.catalog ?? fail('nothing built: fix the errors above (npm run i18n:check lists every problem)');
const config = (() => {
  try {
    const read = readConfig(ROOT);
    // The preview (npm start) serves every page as a static asset, the archive tier's too (it has no bucket), up
    // to the 100,000 files `wrangler dev` serves.
    return process.env.BUILD_PREVIEW
      ? { assets: { fileLimit: Math.max(read.assets.fileLimit, 100_000) }, archive: { enabled: false } }
      : read;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return fail(error.message);
  }
})();

// SITE_ORIGIN: `npm start` sets it to the address it serves; otherwise wrangler.toml's [vars] give it.
// (Read with a TOML parser: importing wrangler to read one value costs 1.5 s and 300 MiB, on every build.)
const vars = (parseToml(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8')) as { vars?: { SITE_ORIGIN?: unknown } }).vars;
const configured = vars?.SITE_ORIGIN;
const checkedOrigin = checkOrigin(
  process.env.SITE_ORIGIN ?? (typeof configured === 'string' ? configured : undefined),
  process.env.WRANGLER_COMMAND,
);
const origin = typeof checkedOrigin === 'string' ? checkedOrigin : fail(checkedOrigin.problem);

/**
 * Reads, checks and plans the fonts (site/prepare.ts): here for a small project; for a large one in a process of
 * its own (site/prepare-process.ts), whose memory is the system's again when it ends. A failure it can name (a
 * lock held, a file that cannot be read) it has printed.
 */
function prepareProject(): Promise<Prepared> {
  const options: PrepareOptions = { cacheDir: CACHE, fontCache: join(ROOT, '.cache', 'fonts'), code };
  const files = existsSync(join(ROOT, 'locales')) ? readdirSync(join(ROOT, 'locales'), { recursive: true }).length : 0;
  // Past this many files, a check of every article in a process of its own (its memory then leaves with it); one
  // that takes the articles nothing changed in from the last build's check, here.
  if (files <= 4000 || hasCheckRecord(CACHE, code)) return prepare(options);
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./prepare-process.ts', import.meta.url)), [JSON.stringify(options)], {
      // The same Node, with what this one was started with (tsx), and messages that carry Maps.
      execArgv: process.execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let prepared: Prepared | undefined;
    child.once('message', (message) => (prepared = message as Prepared));
    child.once('error', reject);
    child.once('exit', (status) => {
      if (prepared && status === 0) resolve(prepared);
      else fail(`nothing built: the project's files could not be read (exit code ${status}; the line above says why)`);
    });
  });
}

/**
 * The plan of the site (site/plan.ts), or the last build's where it was made from the same catalog (the same
 * files, checked by the same code), origin and fonts: an unchanged build of a thousand articles does not hash
 * every page's inputs again. Safe to delete.
 */
function planWithCache(key: string, make: () => Output[]): Output[] {
  const path = join(CACHE, 'plan.json');
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as { key?: string; plan?: Output[] };
    if (record.key === key && Array.isArray(record.plan)) return record.plan;
  } catch {
    // No plan, or one cut short: made again.
  }
  const plan = make();
  mkdirSync(CACHE, { recursive: true });
  writeAtomic(path, JSON.stringify({ key, plan }));
  return plan;
}

/** The version of the code that checks and renders the pages: every file of site/, src/ (but what the build writes) and tools/, and the locked dependencies. */
function codeVersion(): string {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (path !== 'src/generated' && path !== 'site/generated') visit(path);
      } else files.push(path);
    }
  };
  visit('site');
  visit('src');
  visit('tools');
  // The dependencies as installed (a scratch copy of the project may have only package.json).
  files.push(...['package-lock.json', 'package.json'].filter((f) => existsSync(join(ROOT, f))));
  // And Node's zlib, which compresses the cards' PNG.
  return sha256([`zlib ${process.versions.zlib}`, ...files.map((f) => `${f}\u0000${sha256(readFileSync(join(ROOT, f)))}`)].join('\u0000'));
}

const editions = new Editions(catalog.editions);
// Web fonts: each edition's fonts, subset by HarfBuzz to its characters (site/font-subset.ts); every page's
// characters are checked against them as it is rendered.
const fonts = planned ?? fail(fontProblem ?? 'the fonts could not be planned');
writeGenerated(join(ROOT, 'site', 'generated', 'fonts.json'), `${JSON.stringify(fonts.faces, null, 2)}\n`);
const plan = planWithCache(sha256([checkKey, origin, JSON.stringify(fonts.faces)].join('\u0000')), () =>
  planSite(catalog, { code, origin, cards: true, fonts: fonts.faces }),
);
const headers = await staticHeaders(editions.all);
const tiers = assignTiers(plan, catalog.articles, config, fonts.files.size + 1);

// What is to be made: each output whose key differs from the one its file was made from, or whose file is gone.
const caches = { [OUT]: BuildCache.open(CACHE, OUT), [ARCHIVE]: BuildCache.open(CACHE, ARCHIVE) };
const rootOf = (file: string) => (tiers.archived.has(file) ? ARCHIVE : OUT);
const jobs: (Job & { group: string })[] = [];
for (const output of plan) {
  const root = rootOf(output.file);
  const cached = caches[root]!.get(output.file);
  if (cached?.key === output.key && existsSync(join(root, output.file))) continue;
  jobs.push({ url: output.url, file: output.file, root, group: output.group, ...(cached ? { previous: cached.hash } : {}) });
}
const keys = new Map(plan.map((o) => [o.file, o.key]));

let rendered = 0;
// Time spent rendering, summed over the threads: share cards apart from the rest (the benchmark reports both).
const renderMs = { cards: 0, pages: 0 };
try {
  // The files' texts and the check's workings are garbage now: collected before the threads take their share of
  // memory, so a large build's peak is one of them, not their sum (`--expose-gc`, as the build command runs it).
  (globalThis as { gc?: () => void }).gc?.();
  // The renderer (the site app, i18next, the card renderer) is loaded only when there is something to render.
  const { renderPages } = jobs.length > 0 ? await import('./render-pool.ts') : { renderPages: async () => [] };
  await renderPages(jobs, {
    catalog,
    origin,
    fonts: fonts.faces,
    cards: true,
    ...(process.env.BUILD_THREADS ? { threads: Number(process.env.BUILD_THREADS) } : {}),
    onWritten: (written) => {
      rendered++;
      renderMs[written.file.endsWith('.png') ? 'cards' : 'pages'] += written.ms;
      caches[written.root]!.set(written.file, { key: keys.get(written.file)!, hash: written.hash, size: written.size });
    },
  });
} catch (error) {
  if (!(error instanceof RenderError)) throw error;
  for (const cache of Object.values(caches)) cache.save();
  fail(`a page did not render: ${error.message}`);
}

/** Writes a file the build makes itself (not a page) if its bytes changed; returns whether it did. */
const put = (root: string, file: string, bytes: Uint8Array | string, key: string): boolean => {
  const hash = sha256(bytes);
  const cache = caches[root]!;
  if (cache.get(file)?.hash === hash && existsSync(join(root, file))) return false;
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeAtomic(join(root, file), bytes);
  cache.set(file, { key, hash, size: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength });
  return true;
};
let copied = 0;
for (const [file, bytes] of fonts.files) if (put(OUT, file, bytes, file)) copied++;
put(OUT, '_headers', headers.file, '_headers');

// Files of earlier builds that no output names any more (an article removed, a language unpublished, a page moved
// to the other tier) are removed; with no record of an earlier build, whatever the directory holds beyond the plan.
const wanted = new Map<string, ReadonlySet<string>>([
  [OUT, new Set([...plan.filter((o) => !tiers.archived.has(o.file)).map((o) => o.file), ...fonts.files.keys(), '_headers'])],
  [ARCHIVE, tiers.archived],
]);
let removed = 0;
for (const [root, files] of wanted) {
  const cache = caches[root]!;
  const present = cache.recorded ? [...cache.files()] : walk(root);
  for (const file of present)
    if (!files.has(file)) {
      rmSync(join(root, file), { force: true });
      cache.delete(file);
      removed++;
    }
  prune(root);
  cache.save();
}

// The platform's limits, before anything is uploaded.
const sizes = [...wanted.get(OUT)!].map((file) => ({ file, size: caches[OUT]!.get(file)?.size ?? 0 }));
const largest = sizes.reduce<{ file: string; size: number } | undefined>((max, f) => (!max || f.size > max.size ? f : max), undefined);
const problems = limitProblems(
  { files: sizes.length, ...(largest ? { largest } : {}), rules: headers.rules, headersFile: headers.file },
  config.assets.fileLimit,
  config.archive.enabled,
);
if (problems.length > 0) fail(`past a limit of Workers Static Assets:\n  ${problems.join('\n  ')}`);

// What the worker needs: which editions exist and which are offered. Nothing that grows with the archive.
const archived = [...tiers.archived].sort().map((file) => `${file} ${caches[ARCHIVE]!.get(file)?.hash}`);
const manifest: SiteManifest = {
  sourceLocale: editions.source,
  editions: editions.all.map((e) => e.locale),
  published: editions.published.map((e) => e.locale),
  ...(archived.length > 0 ? { archiveVersion: sha256(archived.join('\n')).slice(0, 16) } : {}),
};
const generated = join(ROOT, 'src', 'generated', 'site.ts');
const source = `// Written by site/build.ts from locales/editions.json (and the archive tier's contents); do not edit.
import type { SiteManifest } from '../site-manifest.ts';

export const site: SiteManifest = ${JSON.stringify(manifest, null, 2)};
`;
writeGenerated(generated, source);

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `build: ${plan.length} pages of ${editions.all.map((e) => `${e.locale}${e.state === 'draft' ? ' (draft)' : ''}`).join(', ')} for ${origin} in ${relative(ROOT, OUT)}/` +
    `${tiers.archived.size > 0 ? ` (${tiers.archived.size} in ${relative(ROOT, ARCHIVE)}/ for the archive tier)` : ''}: ` +
    `${rendered} rendered, ${copied} copied, ${removed} removed, in ${seconds} s`,
);
if (process.env.BUILD_STATS)
  console.log(
    `build-stats: ${JSON.stringify({ outputs: plan.length, rendered, renderSeconds: { cards: renderMs.cards / 1000, pages: renderMs.pages / 1000 }, removed, archived: tiers.archived.size, seconds: Number(seconds), maxRssKiB: process.resourceUsage().maxRSS })}`,
  );

/** Writes a generated source file, unless it already holds exactly this. */
function writeGenerated(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  mkdirSync(dirname(path), { recursive: true });
  writeAtomic(path, text);
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** Removes the folders a removal left empty. */
function prune(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) prune(join(dir, entry.name));
  if (dir !== OUT && dir !== ARCHIVE && readdirSync(dir).length === 0) rmdirSync(dir);
}
