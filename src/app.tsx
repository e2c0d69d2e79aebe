import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Catalog } from './content.ts';
import { isLocale, LOCALES, type Locale } from './locales.ts';
import { negotiate } from './negotiate.ts';
import { ArticlePage, ErrorPage, FrontPage, paths } from './render.tsx';
import { Site } from './site.ts';
import { STYLESHEET, STYLESHEET_PATH } from './style.ts';

/** The cookie that remembers a reader's explicit choice of edition. */
export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR = 365 * 24 * 60 * 60;

/** Edition pages are the same for every reader of that URL: browsers keep them briefly, the edge longer. */
export const EDITION_CACHE_CONTROL = 'public, max-age=300, s-maxage=86400, stale-while-revalidate=86400';
/** Responses chosen by the reader's headers or cookie are never stored for others. */
export const NEGOTIATED_CACHE_CONTROL = 'private, no-store';
const NEGOTIATED_VARY = 'Accept-Language, Cookie';

/** The worker: routes choose a page and send it; the pages are built once per isolate by `Site`. */
export function createApp(catalog: Catalog): Hono {
  let site: Site | undefined;
  // Built on the first request, not at start-up; kept for the life of the isolate.
  const getSite = () => (site ??= new Site(catalog, (message) => console.error(message)));
  const pages = new Map<string, string>();
  const page = (key: string, render: () => string) => {
    let html = pages.get(key);
    if (html === undefined) {
      html = `<!doctype html>${render()}`;
      pages.set(key, html);
    }
    return html;
  };

  /** The reader's edition: an explicit earlier choice (the cookie), else the Accept-Language header. */
  const chosenLocale = (c: Context): Locale => {
    const remembered = getCookie(c, LANGUAGE_COOKIE);
    return isLocale(remembered) ? remembered : negotiate(c.req.header('Accept-Language'));
  };

  const negotiated = (c: Context, location: string) => {
    c.header('Vary', NEGOTIATED_VARY);
    c.header('Cache-Control', NEGOTIATED_CACHE_CONTROL);
    return c.redirect(location, 302);
  };

  const edition = (c: Context, locale: Locale, html: string) => {
    c.header('Content-Language', locale);
    c.header('Cache-Control', EDITION_CACHE_CONTROL);
    return c.html(html);
  };

  const app = new Hono();

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

  app.get(STYLESHEET_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(STYLESHEET);
  });

  app.get('/:locale{[a-z]{2}}', (c) => {
    const locale = c.req.param('locale');
    return isLocale(locale) ? c.redirect(paths.front(locale), 301) : c.notFound();
  });

  app.get('/:locale{[a-z]{2}}/', (c) => {
    const locale = c.req.param('locale');
    if (!isLocale(locale)) return c.notFound();
    const s = getSite();
    const html = page(`${locale}/`, () => {
      const views = [...s.articles.keys()].flatMap((slug) => s.articleView(locale, slug) ?? []);
      return String(<FrontPage site={s} locale={locale} views={views} />);
    });
    return edition(c, locale, html);
  });

  app.get('/:locale{[a-z]{2}}/:slug', (c) => {
    const locale = c.req.param('locale');
    const slug = c.req.param('slug');
    if (!isLocale(locale)) return c.notFound();
    const s = getSite();
    const view = s.articleView(locale, slug);
    if (!view) return c.notFound();
    return edition(c, locale, page(`${locale}/${slug}`, () => String(<ArticlePage site={s} view={view} />)));
  });

  // An article without an edition in its URL: the reader's edition of it.
  app.get('/:slug', (c) => {
    const slug = c.req.param('slug');
    if (!getSite().articles.has(slug)) return c.notFound();
    return negotiated(c, paths.article(chosenLocale(c), slug));
  });

  app.notFound((c) => {
    const first = new URL(c.req.url).pathname.split('/')[1];
    const locale = isLocale(first) ? first : chosenLocale(c);
    console.log(`${c.req.method} ${new URL(c.req.url).pathname}: 404`);
    c.header('Content-Language', locale);
    if (!isLocale(first)) c.header('Vary', NEGOTIATED_VARY);
    const s = getSite();
    return c.html(page(`${locale}/404`, () => String(<ErrorPage site={s} locale={locale} kind="not-found" />)), 404);
  });

  app.onError((error, c) => {
    console.error(`${c.req.method} ${new URL(c.req.url).pathname}: 500: ${error.stack ?? error.message}`);
    const first = new URL(c.req.url).pathname.split('/')[1];
    const locale: Locale = isLocale(first) ? first : LOCALES[0];
    c.header('Cache-Control', 'no-store');
    try {
      const s = getSite();
      return c.html(`<!doctype html>${String(<ErrorPage site={s} locale={locale} kind="error" />)}`, 500);
    } catch {
      return c.text('Internal Server Error', 500);
    }
  });

  return app;
}

