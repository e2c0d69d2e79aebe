// npm run audit: the built pages checked by other people's code. The W3C Nu Html Checker (vnu-jar, Java) on
// every built page, stylesheet and icon: no error, no warning. Then Lighthouse (mobile, its defaults) in
// Debian's chromium against the pages `npm start` serves: accessibility, best practices and SEO scored 100 on
// every page type, performance reported (not asserted: it depends on the machine's speed).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ROOT } from '../tools/project-files.ts';
import { check, finish } from './checks.ts';
import { startSite, stopSite } from './dev-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const PORT = 8797;
const BASE = `http://127.0.0.1:${PORT}`;
const SLUG = 'putin-raisi-kremlin-meeting';
const PUBLIC = join(ROOT, 'public');

// The Nu Html Checker: every HTML page, stylesheet and SVG of the build.
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
const checked = files(PUBLIC).filter((file) => /\.(html|css|svg)$/.test(file));
if (spawnSync('java', ['-version']).status !== 0) {
  console.error('audit: installing a Java runtime for the Nu Html Checker (Debian’s default-jre-headless)');
  execFileSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq default-jre-headless'], { stdio: 'inherit' });
}
const vnu = spawnSync(
  'java',
  [
    '-jar',
    fileURLToPath(import.meta.resolve('vnu-jar/build/dist/vnu.jar')),
    '--format',
    'json',
    '--also-check-css',
    '--also-check-svg',
    ...checked,
  ],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const { messages } = JSON.parse(vnu.stderr || vnu.stdout) as {
  messages: { type: string; subType?: string; url: string; lastLine?: number; message: string }[];
};
const problems = messages.filter((m) => m.type === 'error' || (m.type === 'info' && m.subType === 'warning'));
for (const m of problems)
  console.log(`  ${relative(PUBLIC, fileURLToPath(m.url))}:${m.lastLine ?? 0}: ${m.subType ?? m.type}: ${m.message}`);
const pageTypes = ['en/index.html', `fa/${SLUG}.html`, `fa/${SLUG}/review.html`, 'ru/404.html', 'ru/error.html', 'en/404.html'];
check(
  `Nu Html Checker: ${checked.length} files (every page of every type, stylesheet and icon), 0 errors and 0 warnings`,
  vnu.status !== null && problems.length === 0 && pageTypes.every((page) => checked.includes(join(PUBLIC, page))),
  `${problems.filter((m) => m.type === 'error').length} errors, ${problems.length - problems.filter((m) => m.type === 'error').length} warnings`,
);

// Lighthouse on each page type of each edition, as `npm start` serves it.
const PAGES = [
  ...['ru', 'fa', 'en'].flatMap((locale) => [`/${locale}/`, `/${locale}/${SLUG}`]),
  `/fa/${SLUG}/review`,
  // Not the 404 and error pages: the worker sends them only with their status (404, 500), and Lighthouse
  // refuses to audit a document with an error status. The Nu checker above and axe-core in test:browser do.
];
/** SEO audits a page fails by design, or by a limit of Lighthouse's own: each with why. */
const EXPECTED_SEO: Readonly<Record<string, string>> = {
  'is-crawlable': 'review and error pages are noindex on purpose',
  'robots-txt':
    'Lighthouse fetches robots.txt from inside the page, which the page’s own Content-Security-Policy blocks: a known limitation of Lighthouse',
};

if (!existsSync(CHROMIUM)) {
  console.error('audit: installing Debian’s chromium');
  execFileSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium'], { stdio: 'inherit' });
}
const server = await startSite(ROOT, PORT, 'audit');
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const rows: string[] = [];
try {
  // Once each, so that wrangler's first responses (its cold start) are not what Lighthouse measures.
  for (const path of PAGES) await (await fetch(`${BASE}${path}`)).arrayBuffer();
  for (const path of PAGES) {
    const result = await lighthouse(`${BASE}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
    const lhr = result!.lhr;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const failing = (id: string) =>
      (lhr.categories[id]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id);
    for (const category of ['accessibility', 'best-practices'])
      check(
        `${path}: Lighthouse ${category} 100`,
        score(category) === 100,
        `${score(category)}; ${failing(category).join(', ') || 'no audit fails'}`,
      );
    const seo = failing('seo');
    const unexpected = seo.filter((id) => !EXPECTED_SEO[id]);
    check(
      `${path}: Lighthouse SEO 100, but for the audits named below`,
      score('seo') === 100 || unexpected.length === 0,
      `${score('seo')}${seo.length ? `; ${seo.map((id) => `${id} (Lighthouse: “${lhr.audits[id]?.explanation ?? lhr.audits[id]?.title}”; ${EXPECTED_SEO[id] ?? 'not expected'})`).join(', ')}` : ''}`,
    );
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? '';
    rows.push(
      `| \`${path}\` | ${score('performance')} | ${metric('first-contentful-paint')} | ${metric('largest-contentful-paint')} | ${metric('cumulative-layout-shift')} | ${metric('total-blocking-time')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`,
    );
  }
} finally {
  chrome.kill();
  stopSite(server);
}
console.log('\nLighthouse (mobile; performance is the machine’s, reported, not asserted):\n');
console.log('| page | performance | FCP | LCP | CLS | TBT | accessibility | best practices | SEO |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log('');
finish();
