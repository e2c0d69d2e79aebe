import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ALLOWED_METHODS, NEGOTIATED_CACHE_CONTROL, NEGOTIATED_VARY, NOT_FOUND_CACHE_CONTROL, securityHeaders } from './headers.ts';
import { createNegotiator } from './negotiate.ts';
import { paths } from './paths.ts';
import type { SiteManifest } from './site-manifest.ts';

/** The cookie that remembers a reader's explicit choice of edition. */
export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR = 365 * 24 * 60 * 60;

type WorkerContext = Context<{ Bindings: Env }>;

/**
 * The worker: only what depends on the request. Every edition, front page, JSON edition, sitemap and font is
 * a static asset the platform serves before the worker is asked; the worker negotiates (`/`, `/<slug>`),
 * remembers a choice (`?lang=`), answers 404 with the reader's edition's page, and 405.
 */
export function createApp(site: SiteManifest): Hono<{ Bindings: Env }> {
  const editions = new Set(site.editions);
  const published = new Set(site.published);
  const articles = new Set(site.articles);
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

  const app = new Hono<{ Bindings: Env }>();

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

  // An article without an edition in its URL: the reader's edition of it.
  app.get('/:slug', (c) => {
    const slug = c.req.param('slug');
    return articles.has(slug) ? negotiated(c, paths.article(chosen(c), slug)) : c.notFound();
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
