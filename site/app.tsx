import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import {
  EDITION_CACHE_CONTROL,
  IMMUTABLE_CACHE_CONTROL,
  NEGOTIATED_CACHE_CONTROL,
  NOT_FOUND_CACHE_CONTROL,
  securityHeaders,
} from '../src/headers.ts';
import { paths } from '../src/paths.ts';
import { alternates, articleFamily, frontFamily, linkHeader } from './alternates.ts';
import type { Catalog } from './content.ts';
import { jsonEdition } from './json-edition.ts';
import { ArticlePage, ErrorPage, FrontPage, ReviewPage, type Shell } from './render.tsx';
import { atomFeed } from './feed.ts';
import { blockSegment, Site } from './site.ts';
import { robotsTxt, sitemapXml } from './sitemap.ts';
import { fingerprinted, ICON, stylesheet, type EditionFonts } from './style.ts';

/** What the pages are built from. */
export interface SiteOptions {
  readonly catalog: Catalog;
  /** The site's public origin (`SITE_ORIGIN`): every absolute URL a page names starts with it. */
  readonly origin: string;
  /** Each edition's web font faces, as the build subset them (site/font-subset.ts). */
  readonly fonts: EditionFonts;
}

const HTML = 'text/html; charset=utf-8';

/**
 * Every page of the site as a route of one Hono app: the one definition of each page. The build renders
 * every GET route into the static assets (hono/ssg), with the headers each response carries; nothing here
 * runs at request time. Each route is one file, so the route table is the site map.
 */
export function createSiteApp({ catalog, origin, fonts }: SiteOptions): Hono {
  const site = new Site(catalog);
  const sheets = new Map(site.editions.all.map((e) => [e.locale, stylesheet(e, fonts[e.locale] ?? [])]));
  const sheetPaths = new Map([...sheets].map(([locale, css]) => [locale, fingerprinted('site', 'css', css)]));
  const shell: Shell = {
    site,
    origin,
    stylesheet: (locale) => sheetPaths.get(locale)!,
    fonts: (locale) => fonts[locale] ?? [],
    icon: fingerprinted('icon', 'svg', ICON),
  };
  const published = site.editions.published;
  const articles = [...site.articles.values()];

  const send = (c: Context, body: string, type: string, cacheControl: string, headers: Record<string, string> = {}) => {
    c.header('Content-Type', type);
    c.header('Cache-Control', cacheControl);
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return c.body(body);
  };
  const page = (c: Context, element: JSX.Element, locale: string, headers: Record<string, string> = {}) =>
    send(c, `<!doctype html>${String(element)}`, HTML, EDITION_CACHE_CONTROL, { 'Content-Language': locale, ...headers });
  /** A Link header for an indexed page; draft editions are not indexed and name no alternates. */
  const link = (locale: string, family: typeof frontFamily): Record<string, string> =>
    site.editions.of(locale).state === 'published'
      ? { Link: linkHeader(`${origin}${family.path(locale)}`, alternates(origin, family, published)) }
      : { 'X-Robots-Tag': 'noindex' };

  const app = new Hono();
  app.use(securityHeaders);
  // A page that fails to render answers 500 with the error (what failed, where): the build refuses to write
  // it and stops, naming it. (Throwing instead would stall hono/ssg, whose pool keeps a failed task's slot.)
  app.onError((error, c) => c.text(error.message, 500));

  // Each edition's stylesheet; editions with the same rules share one file.
  for (const [path, css] of new Map([...sheets].map(([locale, css]) => [sheetPaths.get(locale)!, css])))
    app.get(path, (c) => send(c, css, 'text/css; charset=utf-8', IMMUTABLE_CACHE_CONTROL));
  app.get(shell.icon, (c) => send(c, ICON, 'image/svg+xml', IMMUTABLE_CACHE_CONTROL));
  app.get(paths.robots(), (c) => send(c, robotsTxt(origin), 'text/plain; charset=utf-8', EDITION_CACHE_CONTROL));
  app.get(paths.sitemap(), (c) =>
    send(c, sitemapXml(origin, articles, published), 'application/xml; charset=utf-8', EDITION_CACHE_CONTROL),
  );

  for (const edition of site.editions.all) {
    const locale = edition.locale;
    app.get(paths.front(locale), (c) => {
      const views = articles.map((a) => site.articleView(locale, a.slug)!);
      return page(c, <FrontPage shell={shell} edition={edition} views={views} />, locale, link(locale, frontFamily));
    });

    // The edition's Atom feed; a draft edition has none.
    if (edition.state === 'published')
      app.get(paths.feed(locale), (c) => {
        const ui = (id: string) => site.ui(locale, id).text;
        const entries = articles.map((a) => {
          const view = site.articleView(locale, a.slug)!;
          return { view, headline: blockSegment(view, 'headline')?.text ?? '', summary: blockSegment(view, 'standfirst')?.text };
        });
        const info = { origin, locale, title: `${site.frontTitle(locale).text} | ${ui('site-name')}`, author: ui('site-name') };
        return send(c, atomFeed(info, entries), 'application/atom+xml; charset=utf-8', EDITION_CACHE_CONTROL, {
          'Content-Language': locale,
        });
      });

    app.get(paths.notFound(locale), (c) => {
      c.status(404);
      const html = `<!doctype html>${String(<ErrorPage shell={shell} edition={edition} kind="not-found" />)}`;
      return send(c, html, HTML, NOT_FOUND_CACHE_CONTROL, { 'Content-Language': locale });
    });

    // The page for a failure of the worker's (which sends it with status 500, never stored).
    app.get(paths.error(locale), (c) => {
      const html = `<!doctype html>${String(<ErrorPage shell={shell} edition={edition} kind="error" />)}`;
      return send(c, html, HTML, NEGOTIATED_CACHE_CONTROL, { 'Content-Language': locale });
    });

    for (const article of articles) {
      const slug = article.slug;
      app.get(paths.article(locale, slug), (c) =>
        page(c, <ArticlePage shell={shell} view={site.articleView(locale, slug)!} />, locale, link(locale, articleFamily(slug))),
      );

      app.get(paths.articleJson(locale, slug), (c) => {
        const canonical = `${origin}${paths.article(locale, slug)}`;
        const body = JSON.stringify(jsonEdition(site.articleView(locale, slug)!, origin, published));
        return send(c, body, 'application/json; charset=utf-8', EDITION_CACHE_CONTROL, {
          'Content-Language': locale,
          Link: `<${canonical}>; rel="alternate"; type="text/html"`,
          // Public content for apps on any origin.
          'Access-Control-Allow-Origin': '*',
        });
      });

      // The parallel review page: a translation's work, for translators and learners; never for search engines.
      if (locale !== site.editions.source)
        app.get(paths.review(locale, slug), (c) => {
          const view = site.articleView(locale, slug)!;
          const source = site.articleView(site.editions.source, slug)!;
          const ui = site.interfaceView(locale)!;
          const sourceUi = site.interfaceView(site.editions.source)!;
          return page(c, <ReviewPage shell={shell} view={view} source={source} ui={ui} sourceUi={sourceUi} />, locale, {
            'X-Robots-Tag': 'noindex',
          });
        });
    }
  }

  return app;
}
