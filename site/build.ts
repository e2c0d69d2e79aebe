// The build: checks content/ and locales/, renders every page of the site app into the static assets
// directory (public/) with the `_headers` that serve them, copies the fonts the editions use, and writes what
// the worker needs to know (src/generated/site.ts). A file that fails the check stops here, with the file,
// the segment and the problem named, and never reaches a reader. wrangler runs it before `dev` and `deploy`.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { unstable_readConfig } from 'wrangler';
import type { SiteManifest } from '../src/site-manifest.ts';
import { paths } from '../src/paths.ts';
import { checkProject } from '../tools/check/check.ts';
import { formatProblem } from '../tools/check/problems.ts';
import { blockingOutput } from '../tools/cli.ts';
import { ROOT, readProjectFiles } from '../tools/project-files.ts';
import { writeAtomic } from '../tools/write-atomic.ts';
import { createSiteApp } from './app.tsx';
import { CardRenderer } from './card-renderer.ts';
import { Editions } from './editions.ts';
import { missingGlyphs, planFonts } from './font-subset.ts';
import { checkOrigin } from './origin.ts';
import { Site } from './site.ts';
import { renderShareCards } from './share-cards.ts';
import { renderSite } from './ssg.ts';

const PUBLIC = join(ROOT, 'public');
blockingOutput();

/** Writes a generated source file, unless it already holds exactly this. */
function writeGenerated(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  mkdirSync(dirname(path), { recursive: true });
  writeAtomic(path, text);
}

// In the live preview (`wrangler dev`), a broken file must not stop the preview: the last good build stays
// served and the problem is named here; saving the fix rebuilds. Anywhere else, nothing is built.
const keepPreview = process.env.WRANGLER_COMMAND === 'dev' && existsSync(join(PUBLIC, '_headers'));
const fail = (message: string): never => {
  console.error(`build: ${message}`);
  if (keepPreview) {
    console.error('build: the preview keeps serving the last good build; fix the problem and save again');
    process.exit(0);
  }
  process.exit(1);
};

const result = checkProject(readProjectFiles());
for (const problem of result.problems) if (problem.severity === 'error') console.error(formatProblem(problem));
const catalog = result.catalog ?? fail('nothing built: fix the errors above (npm run i18n:check lists every problem)');

// SITE_ORIGIN: `npm start` sets it to the address it serves; otherwise wrangler.toml's [vars] give it.
const configured = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') }).vars.SITE_ORIGIN;
const origin = checkOrigin(
  process.env.SITE_ORIGIN ?? (typeof configured === 'string' ? configured : undefined),
  process.env.WRANGLER_COMMAND,
);
if (typeof origin !== 'string') fail(origin.problem);
const siteOrigin = origin as string;

const editions = new Editions(catalog.editions);
// Web fonts: each edition's fonts, subset to its characters (site/font-subset.ts); every page is checked below.
const site = new Site(catalog);
const fonts = await planFonts(site, catalog, join(ROOT, '.wrangler', 'cache', 'fonts')).catch((error: Error) => fail(error.message));
writeGenerated(join(ROOT, 'site', 'generated', 'fonts.json'), `${JSON.stringify(fonts.faces, null, 2)}\n`);
const rendered = await renderSite(
  createSiteApp({ catalog, origin: siteOrigin, fonts: fonts.faces }),
  new Set(editions.all.map((e) => paths.notFound(e.locale))),
).catch((error: Error) => fail(error.message));

const files = new Map([...rendered.files, ...fonts.files]);
const unfonted = missingGlyphs(rendered.files, editions.all, fonts.faces);
if (unfonted.length > 0) fail(`characters no web font of their edition has:\n  ${unfonted.join('\n  ')}`);
// Share cards: each published edition's front page and articles as 1200×630 PNGs (site/share-cards.ts).
for (const [path, png] of renderShareCards(site, await CardRenderer.fromPackages())) files.set(path, png);
files.set('_headers', new TextEncoder().encode(rendered.headersFile));

// public/ becomes exactly these files: changed ones are replaced whole, stale ones removed.
const existing = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? existing(join(dir, entry.name)) : [relative(PUBLIC, join(dir, entry.name)).split('\\').join('/')],
      )
    : [];
let written = 0;
for (const [path, bytes] of files) {
  const target = join(PUBLIC, path);
  if (existsSync(target) && Buffer.compare(readFileSync(target), bytes) === 0) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeAtomic(target, bytes);
  written++;
}
const removed = existing(PUBLIC).filter((path) => !files.has(path));
for (const path of removed) rmSync(join(PUBLIC, path));
const prune = (dir: string): void => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) prune(join(dir, entry.name));
  if (dir !== PUBLIC && readdirSync(dir).length === 0) rmdirSync(dir);
};
prune(PUBLIC);

// What the worker needs: which editions exist, which are offered, and the articles' negotiating URLs.
const manifest: SiteManifest = {
  sourceLocale: editions.source,
  editions: editions.all.map((e) => e.locale),
  published: editions.published.map((e) => e.locale),
  articles: catalog.articles.map((a) => a.slug),
};
const generated = join(ROOT, 'src', 'generated', 'site.ts');
const source = `// Written by site/build.ts from locales/editions.json and content/; do not edit.
import type { SiteManifest } from '../site-manifest.ts';

export const site: SiteManifest = ${JSON.stringify(manifest, null, 2)};
`;
writeGenerated(generated, source);

console.log(
  `build: ${rendered.files.size} pages of ${editions.all.map((e) => `${e.locale}${e.state === 'draft' ? ' (draft)' : ''}`).join(', ')} for ${siteOrigin} in public/ (${written} written, ${removed.length} removed)`,
);
