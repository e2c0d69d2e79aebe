import {
  ALLOWED_METHODS,
  EDITION_CACHE_CONTROL,
  IMMUTABLE_CACHE_CONTROL,
  NEGOTIATED_CACHE_CONTROL,
  NOT_FOUND_CACHE_CONTROL,
} from './headers.ts';

// The headers every page carries, by pattern: one definition for the `_headers` file the build writes (which the
// platform applies to the static assets), for the site app's own responses, and for the pages the worker serves
// from the archive tier. None grows with the number of articles: a handful of rules, and one per edition.

/** A rule of `_headers`: a path pattern (`*` a splat, `:name` one path segment), headers to remove, headers to set. */
export interface HeaderRule {
  readonly pattern: string;
  /** Headers removed before this rule's are set (`! Name` in `_headers`): a type's own value replaces the default. */
  readonly unset?: readonly string[];
  readonly set: Readonly<Record<string, string>>;
}

/** An edition as the rules need it: its path prefix, and whether search engines may index it. */
export interface RuleEdition {
  readonly locale: string;
  readonly state: 'draft' | 'published';
}

/** Top-level folders of files that are no edition's (their path names their bytes or version). */
export const IMMUTABLE_FOLDERS = ['assets', 'fonts'] as const;

/**
 * The rules, in the order the platform applies them: every response's security headers, `Allow` and the
 * editions' cache policy; then what each kind of file needs instead; then each edition's language (and, for a
 * draft, `noindex` on every file of it, the JSON edition included).
 */
export function headerRules(shared: Readonly<Record<string, string>>, editions: readonly RuleEdition[]): HeaderRule[] {
  return [
    { pattern: '/*', set: { ...shared, Allow: ALLOWED_METHODS, 'Cache-Control': EDITION_CACHE_CONTROL } },
    ...IMMUTABLE_FOLDERS.map((folder) => ({
      pattern: `/${folder}/*`,
      unset: ['Cache-Control'],
      set: { 'Cache-Control': IMMUTABLE_CACHE_CONTROL },
    })),
    // An edition's 404 page (the worker sends it with its status) and its error page (never stored).
    { pattern: '/:locale/404', unset: ['Cache-Control'], set: { 'Cache-Control': NOT_FOUND_CACHE_CONTROL } },
    { pattern: '/:locale/error', unset: ['Cache-Control'], set: { 'Cache-Control': NEGOTIATED_CACHE_CONTROL } },
    // Types the platform would give without a charset (it adds one to text/* alone), or not at all (.atom).
    { pattern: '/:locale/feed.atom', set: { 'Content-Type': 'application/atom+xml; charset=utf-8' } },
    { pattern: '/sitemap.xml', set: { 'Content-Type': 'application/xml; charset=utf-8' } },
    { pattern: '/sitemaps/*', set: { 'Content-Type': 'application/xml; charset=utf-8' } },
    // The JSON edition: public content for apps on any origin.
    { pattern: '/:locale/:slug.json', set: { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' } },
    // A translation beside its source, for translators: never for search engines.
    { pattern: '/:locale/:slug/review', set: { 'X-Robots-Tag': 'noindex' } },
    ...editions.map((e) =>
      e.state === 'draft'
        ? { pattern: `/${e.locale}/*`, unset: ['X-Robots-Tag'], set: { 'Content-Language': e.locale, 'X-Robots-Tag': 'noindex' } }
        : { pattern: `/${e.locale}/*`, set: { 'Content-Language': e.locale } },
    ),
  ];
}

/** A pattern as the platform reads it: `*` any characters, `:name` one path segment (workers-shared's rule syntax). */
function patternRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map((part) => part.replace(/[-/\\^$+?.()|[\]{}]/g, '\\$&').replace(/:([A-Za-z]\w*)/g, '(?<$1>[^/]+)'))
    .join('(?<splat>.*)');
  return new RegExp(`^${escaped}$`);
}

/**
 * The headers of the rules that match `pathname`, applied to `headers` as the platform applies `_headers`: in
 * order, each rule removes its `unset` headers, then sets its own; the first rule to set a header replaces the
 * response's, later ones append to it.
 */
export function applyRules(rules: readonly HeaderRule[], pathname: string, headers: Headers): void {
  const setHere = new Set<string>();
  for (const rule of rules) {
    const match = patternRegExp(rule.pattern).exec(pathname);
    if (!match) continue;
    for (const name of rule.unset ?? []) headers.delete(name);
    for (const [name, template] of Object.entries(rule.set)) {
      let value = template;
      for (const [placeholder, replacement] of Object.entries(match.groups ?? {})) value = value.replaceAll(`:${placeholder}`, replacement);
      if (setHere.has(name.toLowerCase())) headers.append(name, value);
      else {
        headers.set(name, value);
        setHere.add(name.toLowerCase());
      }
    }
  }
}

/** Workers Static Assets read at most this many rules from `_headers`, and lines of at most this many characters. */
export const HEADERS_LIMITS = { rules: 100, lineLength: 2000 } as const;

/** The `_headers` file of the rules. */
export function headersFile(rules: readonly HeaderRule[]): string {
  const lines = rules.flatMap((rule) => [
    rule.pattern,
    ...(rule.unset ?? []).map((name) => `  ! ${name}`),
    ...Object.entries(rule.set).map(([name, value]) => `  ${name}: ${value}`),
  ]);
  return `# Written by the build from src/header-rules.ts; do not edit.\n${lines.join('\n')}\n`;
}
