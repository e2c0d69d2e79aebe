import type { Hono } from 'hono';
import { toSSG } from 'hono/ssg';
import { ALLOWED_METHODS, EDITION_CACHE_CONTROL, IMMUTABLE_CACHE_CONTROL } from '../src/headers.ts';

/** The site as files: each page's bytes by its path in the assets directory, and the `_headers` that serve them. */
export interface RenderedSite {
  /** Path inside the assets directory (`fa/index.html`) → bytes. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** URL path (`/fa/`) → the headers its response carries, as the app gave them. */
  readonly headers: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The `_headers` file of Workers Static Assets for those headers. */
  readonly headersFile: string;
}

/** Headers the platform sets for each static asset itself, or that describe one transfer, not the page. */
const PLATFORM_HEADERS = new Set(['content-length', 'etag', 'date', 'transfer-encoding']);
/** Headers that describe one representation: never shared through the `/*` rule, even when every page agrees. */
const REPRESENTATION_HEADERS = new Set([
  'Content-Type',
  'Content-Language',
  'Cache-Control',
  'Link',
  'X-Robots-Tag',
  'Access-Control-Allow-Origin',
]);

// Workers Static Assets: at most 100 rules in `_headers`, and 2,000 characters a line.
const MAX_RULES = 100;
const MAX_LINE = 2000;

/** The files the build writes beside the pages: the fonts (their path names their version) and the share cards. */
export const FILE_RULES: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['/fonts/*', new Map([['Cache-Control', IMMUTABLE_CACHE_CONTROL]])],
  ['/:locale/:slug/card.png', new Map([['Cache-Control', EDITION_CACHE_CONTROL]])],
  ['/:locale/card.png', new Map([['Cache-Control', EDITION_CACHE_CONTROL]])],
]);

const encoder = new TextEncoder();

/** The file that holds a route's response, as hono/ssg names it (`/fa/` → `fa/index.html`, `/x.json` → `x.json`). */
const EXTENSIONS: Record<string, string> = { 'text/html': 'html', 'application/xml': 'xml', 'application/atom+xml': 'atom' };

/**
 * Renders every GET route of the app with hono/ssg into files, and reads each route's headers into a
 * `_headers` file: a `/*` rule for the headers every page shares (the security headers, and `Allow` for the
 * platform's own 405), a rule per page for the rest. Throws when a route answers with a status other than
 * 200 (404 for the pages in `notFoundPages`).
 */
export async function renderSite(app: Hono, notFoundPages: ReadonlySet<string>): Promise<RenderedSite> {
  const files = new Map<string, Uint8Array>();
  const fs = {
    mkdir: async () => undefined,
    writeFile: async (path: string, data: string | Uint8Array) => {
      files.set(path.replace(/^out\//, ''), typeof data === 'string' ? encoder.encode(data) : data);
    },
  };
  const refused: string[] = [];
  const result = await toSSG(app, fs, {
    dir: 'out',
    extensionMap: EXTENSIONS,
    plugins: [{ afterResponseHook: (response) => (response.status === 200 || response.status === 404 ? response : false) }],
  });
  // The same routes once more, for their headers and statuses (hono/ssg hands its hooks the response alone).
  const headers = new Map<string, Map<string, string>>();
  for (const route of app.routes) {
    if (route.method !== 'GET' || headers.has(route.path)) continue;
    const response = await app.request(route.path);
    const body = await response.text();
    if (response.status !== (notFoundPages.has(route.path) ? 404 : 200))
      refused.push(`${route.path}: ${response.status}${response.status === 500 ? ` (${body})` : ''}`);
    const own = new Map<string, string>();
    for (const [name, value] of response.headers) if (!PLATFORM_HEADERS.has(name)) own.set(canonicalName(name), value);
    headers.set(route.path, own);
  }
  if (!result.success) throw result.error ?? new Error('hono/ssg failed');
  if (refused.length > 0) throw new Error(`pages that did not render:\n  ${refused.join('\n  ')}`);
  if (files.size !== headers.size) throw new Error(`${headers.size} routes but ${files.size} files: two routes share a file`);
  return { files, headers, headersFile: headersFile(headers) };
}

/** `content-language` → `Content-Language`, as a person writes it in `_headers`. */
const canonicalName = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

function headersFile(pages: ReadonlyMap<string, ReadonlyMap<string, string>>): string {
  const all = [...pages.values()];
  const shared = new Map(
    [...(all[0] ?? new Map<string, string>())].filter(
      ([name, value]) => !REPRESENTATION_HEADERS.has(name) && all.every((h) => h.get(name) === value),
    ),
  );
  shared.set('Allow', ALLOWED_METHODS);
  const rules: [string, ReadonlyMap<string, string>][] = [['/*', shared], ...FILE_RULES];
  for (const [path, own] of [...pages].sort(([a], [b]) => a.localeCompare(b)))
    rules.push([path, new Map([...own].filter(([name]) => !shared.has(name)))]);
  if (rules.length > MAX_RULES) throw new Error(`_headers: ${rules.length} rules, more than the ${MAX_RULES} Workers Static Assets read`);
  const lines = rules.flatMap(([path, set]) => [path, ...[...set].map(([name, value]) => `  ${name}: ${value}`)]);
  const long = lines.find((line) => line.length > MAX_LINE);
  if (long) throw new Error(`_headers: a line of ${long.length} characters, more than ${MAX_LINE}: ${long.slice(0, 80)}…`);
  return `# Written by the build from the headers of each page's response; do not edit.\n${lines.join('\n')}\n`;
}
