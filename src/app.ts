import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { fromArchive } from './archive.ts';
import { headerRules } from './header-rules.ts';
import { ALLOWED_METHODS, NEGOTIATED_CACHE_CONTROL, NEGOTIATED_VARY, NOT_FOUND_CACHE_CONTROL, securityHeaders } from './headers.ts';
import { createNegotiator } from './negotiate.ts';
import { assetFile, paths } from './paths.ts';
import type { SiteManifest } from './site-manifest.ts';

/** The cookie that remembers a reader's explicit choice of edition. */
export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR = 365 * 24 * 60 * 60;

/**
 * The worker's bindings: wrangler.toml's, and the archive tier's R2 bucket where an operator binds one as
 * `ARCHIVE` (README, "The archive tier"; not declared by default: a deploy without the bucket would fail).
 */
export type Bindings = Env & { readonly ARCHIVE?: R2Bucket };

type WorkerContext = Context<{ Bindings: Bindings }>;

/** An article's slug, as the check allows it: anything else names no article, and is not looked up. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The worker: only what depends on the request. Every edition, front page, JSON edition, sitemap and font is
 * a static asset the platform serves before the worker is asked; the worker negotiates (`/`, `/<slug>`),
 * remembers a choice (`?lang=`), serves the archive tier's pages from R2 (where one is bound), answers 404 with
 * the reader's edition's page, and 405. It knows the editions, never the articles: its size does not grow with
 * the archive.
 */
export function createApp(site: SiteManifest): Hono<{ Bindings: Bindings }> {
  const editions = new Set(site.editions);
  const published = new Set(site.published);
  const rules = headerRules(
    {},
    site.editions.map((locale) => ({ locale, state: published.has(locale) ? 'published' : 'draft' })),
  );
  const negotiate = createNegotiator(site.published, site.sourceLocale);

  /** The reader's edition: an explicit earlier choice (the cookie), else the Accept-Language header. */
  const chosen = (c: WorkerContext): string => {
    const remembered = getCookie(c, LANGUAGE_COOKIE);
    return remembered !== undefined && published.has(remembered) ? remembered : negotiate(c.req.header('Accept-Language'));
  };

  const negotiated = (c: WorkerContext, location: string) => {
    c.header('Vary', NEGOTIATED_VARY);
    c.header('Cache-Control', NEGOTIATED_CACHE_CONTROL);
    return c.redirect(location, 302);
  };

  const app = new Hono<{ Bindings: Bindings }>();

  app.use(securityHeaders);

  // A read-only site: every other method is refused, whatever the path.
  app.use(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    c.header('Allow', ALLOWED_METHODS);
    c.header('Cache-Control', NEGOTIATED_CACHE_CONTROL);
    return c.text('Method Not Allowed', 405);
  });

  // `?lang=xx` on any URL the worker answers: remember the choice and go to the same page in that edition.
  app.use(async (c, next) => {
    const lang = c.req.query('lang');
    if (lang === undefined || !published.has(lang)) return next();
    const url = new URL(c.req.url);
    url.searchParams.delete('lang');
    const [, first = '', ...rest] = url.pathname.split('/');
    // The target is always one of this site's paths: "/<edition>/…" or "/<edition>/".
    const path = editions.has(first) ? ['', lang, ...rest].join('/') : url.pathname === '/' ? paths.front(lang) : `/${lang}${url.pathname}`;
    setCookie(c, LANGUAGE_COOKIE, lang, {
      path: '/',
      maxAge: ONE_YEAR,
      sameSite: 'Lax',
      httpOnly: true,
      secure: url.protocol === 'https:',
    });
    return negotiated(c, `${path}${url.search}`);
  });

  app.get('/', (c) => negotiated(c, paths.front(chosen(c))));

  /** Whether an article exists: its source edition is a static asset, or an object of the archive tier. */
  const exists = async (c: WorkerContext, slug: string): Promise<boolean> => {
    if (!SLUG.test(slug)) return false;
    const path = paths.article(site.sourceLocale, slug);
    const asset = await c.env.ASSETS.fetch(new URL(path, c.req.url), { method: 'HEAD' });
    if (asset.ok) return true;
    return c.env.ARCHIVE ? (await c.env.ARCHIVE.head(assetFile(path))) !== null : false;
  };

  // An article without an edition in its URL: the reader's edition of it.
  app.get('/:slug', async (c) => {
    const slug = c.req.param('slug');
    return (await exists(c, slug)) ? negotiated(c, paths.article(chosen(c), slug)) : c.notFound();
  });

  // A page of an edition that is no static asset: the archive tier's, where there is one.
  app.get('/:locale/*', async (c, next) => {
    if (!c.env.ARCHIVE || !editions.has(c.req.param('locale'))) return next();
    const page = await fromArchive(c.req.raw, {
      bucket: c.env.ARCHIVE,
      version: site.archiveVersion ?? '',
      rules,
      cache: caches.default,
      waitUntil: (promise) => c.executionCtx.waitUntil(promise),
    });
    return page ?? next();
  });

  // No page at this address: the edition's own 404 page where the path names an edition (the same for every
  // reader), else the reader's (negotiated, so never stored for anyone else). The page is a static asset.
  app.notFound(async (c) => {
    const first = new URL(c.req.url).pathname.split('/')[1] ?? '';
    const inEdition = editions.has(first);
    const page = await c.env.ASSETS.fetch(new URL(paths.notFound(inEdition ? first : chosen(c)), c.req.url), { method: c.req.method });
    const headers = new Headers(page.headers);
    headers.delete('ETag');
    headers.set('Cache-Control', inEdition ? NOT_FOUND_CACHE_CONTROL : NEGOTIATED_CACHE_CONTROL);
    if (!inEdition) headers.set('Vary', NEGOTIATED_VARY);
    return new Response(page.body, { status: 404, headers });
  });

  // Logged once, with the request; the reader gets the edition's error page (or, if even that fails, a line of
  // text), with no detail of the error.
  app.onError(async (error, c) => {
    const path = new URL(c.req.url).pathname;
    console.error(`${c.req.method} ${path}: 500: ${error.stack ?? error.message}`);
    const first = path.split('/')[1] ?? '';
    try {
      const page = await c.env.ASSETS.fetch(new URL(paths.error(editions.has(first) ? first : site.sourceLocale), c.req.url));
      if (!page.ok) throw new Error(`error page: ${page.status}`);
      const headers = new Headers(page.headers);
      headers.delete('ETag');
      headers.set('Cache-Control', NEGOTIATED_CACHE_CONTROL);
      return new Response(c.req.method === 'HEAD' ? null : page.body, { status: 500, headers });
    } catch {
      c.header('Cache-Control', NEGOTIATED_CACHE_CONTROL);
      return c.text('Internal Server Error', 500);
    }
  });

  return app;
}
