import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { getCookie, setCookie } from 'hono/cookie';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import type { Catalog } from './content.ts';
import {
  ALLOWED_METHODS,
  EDITION_CACHE_CONTROL,
  IMMUTABLE_CACHE_CONTROL,
  NEGOTIATED_CACHE_CONTROL,
  NEGOTIATED_VARY,
  NOT_FOUND_CACHE_CONTROL,
  securityHeaders,
} from './headers.ts';
import { jsonEdition } from './json-edition.ts';
import { isLocale, SOURCE_LOCALE, type Locale } from './locales.ts';
import { negotiate } from './negotiate.ts';
import { ArticlePage, ErrorPage, FrontPage, ReviewPage } from './render.tsx';
import { represent, RepresentationCache, type Representation } from './representation.ts';
import { Site } from './site.ts';
import { robotsTxt, sitemapXml } from './sitemap.ts';
import { ICON, ICON_PATH, STYLESHEET, STYLESHEET_PATH } from './style.ts';
import { alternates, articleFamily, frontFamily, linkHeader, paths } from './urls.ts';

/** The worker's bindings (wrangler.toml `[vars]`). */
export interface Env {
  /** The site's public origin (`https://news.example`) for absolute URLs; the request's origin if unset. */
  readonly SITE_ORIGIN?: string;
}

/** The cookie that remembers a reader's explicit choice of edition. */
export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR = 365 * 24 * 60 * 60;

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

type AppContext = Context<{ Bindings: Env }>;

/** An HTML page, encoded once and named by its ETag. */
const htmlPage = (page: JSX.Element, locale: Locale, headers?: Readonly<Record<string, string>>) =>
  represent(`<!doctype html>${String(page)}`, HTML, headers ? { locale, headers } : { locale });

/** The worker: routes choose a representation and send it; each is built once per isolate. */
export function createApp(catalog: Catalog): Hono<{ Bindings: Env }> {
  let site: Site | undefined;
  // Built on the first request, not at start-up; kept for the life of the isolate.
  const getSite = () => (site ??= new Site(catalog, (message) => console.error(message)));
  const cache = new RepresentationCache();

  const originOf = (c: AppContext) => c.env?.SITE_ORIGIN || new URL(c.req.url).origin;

  /** The reader's edition: an explicit earlier choice (the cookie), else the Accept-Language header. */
  const chosenLocale = (c: AppContext): Locale => {
    const remembered = getCookie(c, LANGUAGE_COOKIE);
    return isLocale(remembered) ? remembered : negotiate(c.req.header('Accept-Language'));
  };

  const negotiated = (c: AppContext, location: string) => {
    c.header('Vary', NEGOTIATED_VARY);
    c.header('Cache-Control', NEGOTIATED_CACHE_CONTROL);
    return c.redirect(location, 302);
  };

  const send = (c: AppContext, rep: Representation, cacheControl: string, status: 200 | 404 = 200) => {
    c.header('Content-Type', rep.contentType);
    c.header('Content-Length', String(rep.body.byteLength));
    c.header('Cache-Control', cacheControl);
    if (status === 200) c.header('ETag', rep.etag);
    if (rep.contentLanguage) c.header('Content-Language', rep.contentLanguage);
    for (const [name, value] of Object.entries(rep.headers ?? {})) c.header(name, value);
    return c.body(rep.body, status);
  };

  const app = new Hono<{ Bindings: Env }>();

  app.use('*', securityHeaders);

  // A read-only site: every other method is refused, whatever the path.
  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    c.header('Allow', ALLOWED_METHODS);
    c.header('Cache-Control', NEGOTIATED_CACHE_CONTROL);
    return c.text('Method Not Allowed', 405);
  });

  // RFC 9110 §13.1.2: If-None-Match compares weakly (the edge weakens ETags when it compresses), takes
  // lists and `*`, and the 304 keeps what a cache needs to reuse the stored edition.
  app.use('*', etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'content-language'] }));

  // `?lang=xx` on any URL: remember the choice and go to the same page in that edition.
  app.use('*', async (c, next) => {
    const lang = c.req.query('lang');
    if (lang === undefined || !isLocale(lang)) return next();
    const url = new URL(c.req.url);
    url.searchParams.delete('lang');
    const [, first = '', ...rest] = url.pathname.split('/');
    // The target is always one of this site's paths: it starts with "/<locale>/" or is "/<locale>".
    const path = isLocale(first) ? ['', lang, ...rest].join('/') : url.pathname === '/' ? paths.front(lang) : `/${lang}${url.pathname}`;
    setCookie(c, LANGUAGE_COOKIE, lang, {
      path: '/',
      maxAge: ONE_YEAR,
      sameSite: 'Lax',
      httpOnly: true,
      secure: url.protocol === 'https:',
    });
    return negotiated(c, `${path}${url.search}`);
  });

  app.get('/', (c) => negotiated(c, paths.front(chosenLocale(c))));

  app.get(STYLESHEET_PATH, async (c) =>
    send(c, await cache.get('stylesheet', () => represent(STYLESHEET, 'text/css; charset=utf-8')), IMMUTABLE_CACHE_CONTROL),
  );

  app.get(ICON_PATH, async (c) => send(c, await cache.get('icon', () => represent(ICON, 'image/svg+xml')), IMMUTABLE_CACHE_CONTROL));

  app.get('/robots.txt', async (c) => {
    const origin = originOf(c);
    return send(
      c,
      await cache.get(`${origin} robots`, () => represent(robotsTxt(origin), 'text/plain; charset=utf-8')),
      EDITION_CACHE_CONTROL,
    );
  });

  app.get(paths.sitemap(), async (c) => {
    const origin = originOf(c);
    const articles = [...getSite().articles.values()];
    return send(
      c,
      await cache.get(`${origin} sitemap`, () => represent(sitemapXml(origin, articles), 'application/xml; charset=utf-8')),
      EDITION_CACHE_CONTROL,
    );
  });

  app.get('/:locale{[a-z]{2}}', (c) => {
    const locale = c.req.param('locale');
    return isLocale(locale) ? c.redirect(paths.front(locale), 301) : c.notFound();
  });

  app.get('/:locale{[a-z]{2}}/', async (c) => {
    const locale = c.req.param('locale');
    if (!isLocale(locale)) return c.notFound();
    const origin = originOf(c);
    const rep = await cache.get(`${origin} ${locale}/`, () => {
      const s = getSite();
      const views = [...s.articles.keys()].flatMap((slug) => s.articleView(locale, slug) ?? []);
      const link = linkHeader(`${origin}${paths.front(locale)}`, alternates(origin, frontFamily));
      return htmlPage(<FrontPage site={s} locale={locale} views={views} origin={origin} />, locale, { Link: link });
    });
    return send(c, rep, EDITION_CACHE_CONTROL);
  });

  app.get('/:locale{[a-z]{2}}/:slug', async (c) => {
    const locale = c.req.param('locale');
    const name = c.req.param('slug');
    const json = name.endsWith('.json');
    const slug = json ? name.slice(0, -'.json'.length) : name;
    if (!isLocale(locale) || !getSite().articles.has(slug)) return c.notFound();
    const origin = originOf(c);
    const rep = await cache.get(`${origin} ${locale}/${name}`, () => {
      const s = getSite();
      const view = s.articleView(locale, slug)!;
      const canonical = `${origin}${paths.article(locale, slug)}`;
      const link = linkHeader(canonical, alternates(origin, articleFamily(slug)));
      return json
        ? represent(JSON.stringify(jsonEdition(view, origin)), JSON_TYPE, {
            locale,
            // Public content for apps on any origin.
            headers: { Link: `<${canonical}>; rel="alternate"; type="text/html"`, 'Access-Control-Allow-Origin': '*' },
          })
        : htmlPage(<ArticlePage site={s} view={view} origin={origin} />, locale, { Link: link });
    });
    return send(c, rep, EDITION_CACHE_CONTROL);
  });

  // The parallel review page: a translation's work, for translators and learners; never for search engines.
  app.get('/:locale{[a-z]{2}}/:slug/review', async (c) => {
    const locale = c.req.param('locale');
    const slug = c.req.param('slug');
    if (!isLocale(locale) || locale === SOURCE_LOCALE || !getSite().articles.has(slug)) return c.notFound();
    const origin = originOf(c);
    const rep = await cache.get(`${origin} ${locale}/${slug}/review`, () => {
      const s = getSite();
      const page = (
        <ReviewPage site={s} view={s.articleView(locale, slug)!} english={s.articleView(SOURCE_LOCALE, slug)!} origin={origin} />
      );
      return htmlPage(page, locale, { 'X-Robots-Tag': 'noindex' });
    });
    return send(c, rep, EDITION_CACHE_CONTROL);
  });

  // An article without an edition in its URL: the reader's edition of it.
  app.get('/:slug', (c) => {
    const slug = c.req.param('slug');
    if (!getSite().articles.has(slug)) return c.notFound();
    return negotiated(c, paths.article(chosenLocale(c), slug));
  });

  app.notFound(async (c) => {
    const path = new URL(c.req.url).pathname;
    const first = path.split('/')[1];
    console.log(`${c.req.method} ${path}: 404`);
    // At an edition's URL the page is that edition's; elsewhere it is the reader's, and must not be shared.
    const locale = isLocale(first) ? first : chosenLocale(c);
    if (!isLocale(first)) c.header('Vary', NEGOTIATED_VARY);
    const rep = await cache.get(`404 ${locale}`, () => htmlPage(<ErrorPage site={getSite()} locale={locale} kind="not-found" />, locale));
    return send(c, rep, isLocale(first) ? NOT_FOUND_CACHE_CONTROL : NEGOTIATED_CACHE_CONTROL, 404);
  });

  // Logged once, with the request; the reader gets a page with no detail of the error.
  app.onError(async (error, c) => {
    const path = new URL(c.req.url).pathname;
    console.error(`${c.req.method} ${path}: 500: ${error.stack ?? error.message}`);
    const first = path.split('/')[1];
    const locale: Locale = isLocale(first) ? first : SOURCE_LOCALE;
    c.header('Cache-Control', NEGOTIATED_CACHE_CONTROL);
    try {
      return c.html(`<!doctype html>${String(<ErrorPage site={getSite()} locale={locale} kind="error" />)}`, 500);
    } catch {
      return c.text('Internal Server Error', 500);
    }
  });

  return app;
}
