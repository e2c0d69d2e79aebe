import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { applyRules, headerRules } from '../src/header-rules.ts';
import { securityHeaders } from '../src/headers.ts';
import { paths } from '../src/paths.ts';
import { cardText } from './card.ts';
import type { Catalog } from './content.ts';
import { atomFeed } from './feed.ts';
import { jsonEdition } from './json-edition.ts';
import { chunks, LISTING, newestFirst, oldestFirst } from './listing.ts';
import { ArticlePage, ErrorPage, FrontPage, ReviewPage, type Shell } from './render.tsx';
import { blockSegment, Site } from './site.ts';
import { robotsTxt, sitemapIndexXml, sitemapPartXml } from './sitemap.ts';
import { fingerprinted, ICON, stylesheet, type EditionFonts } from './style.ts';

/** Renders a share card (1200×630 PNG) of the text given: the build's renderer (site/card-renderer.ts). */
export interface CardRendering {
  render(card: ReturnType<typeof cardText>): { readonly png: Uint8Array } | Promise<{ readonly png: Uint8Array }>;
}

/** What the pages are built from. */
export interface SiteOptions {
  readonly catalog: Catalog;
  /** The site's public origin (`SITE_ORIGIN`): every absolute URL a page names starts with it. */
  readonly origin: string;
  /** Each edition's web font faces, as the build subset them (site/font-subset.ts). */
  readonly fonts: EditionFonts;
  /** The share cards' renderer; without one (in workerd), the card routes answer 404. */
  readonly cards?: CardRendering;
}

const HTML = 'text/html; charset=utf-8';

/**
 * Every page of the site, as the routes of one Hono app: one route per kind of page, its parameters naming the
 * edition and the article. The build asks it for each page of its plan (site/plan.ts) and writes the answer into
 * the static assets; nothing here runs at request time. Each response carries the headers the platform will
 * serve it with (src/header-rules.ts), so what a test reads here is what a reader gets.
 */
export function createSiteApp({ catalog, origin, fonts, cards }: SiteOptions): Hono {
  const site = new Site(catalog);
  const editions = site.editions;
  const sheets = new Map(editions.all.map((e) => [e.locale, stylesheet(e, fonts[e.locale] ?? [])]));
  const sheetPaths = new Map([...sheets].map(([locale, css]) => [locale, fingerprinted('site', 'css', css)]));
  const assets = new Map<string, { body: string; type: string }>([
    ...[...sheets].map(([locale, css]): [string, { body: string; type: string }] => [
      sheetPaths.get(locale)!,
      { body: css, type: 'text/css; charset=utf-8' },
    ]),
    [fingerprinted('icon', 'svg', ICON), { body: ICON, type: 'image/svg+xml' }],
  ]);
  const shell: Shell = {
    site,
    origin,
    stylesheet: (locale) => sheetPaths.get(locale)!,
    fonts: (locale) => fonts[locale] ?? [],
    icon: fingerprinted('icon', 'svg', ICON),
  };
  const newest = newestFirst(site.articles.values());
  const frontPages = chunks(newest, LISTING.pageSize);
  const rules = headerRules({}, editions.all);

  const send = (c: Context, body: string | Uint8Array, type: string) => {
    c.header('Content-Type', type);
    return c.body(body as string);
  };
  const page = (c: Context, element: JSX.Element) => send(c, `<!doctype html>${String(element)}`, HTML);
  /** The edition a route names, or none (404). */
  const editionOf = (c: Context) => editions.get(c.req.param('locale') ?? '');
  const articleOf = (c: Context) => site.articles.get(c.req.param('slug') ?? '');

  const app = new Hono();
  app.use(securityHeaders);
  app.use(async (c, next) => {
    await next();
    applyRules(rules, new URL(c.req.url).pathname, c.res.headers);
  });
  // A page that fails to render answers 500 with the error (what failed, where): the build refuses to write
  // it and stops, naming it.
  app.onError((error, c) => c.text(error.message, 500));

  // The stylesheets (editions with the same rules share one) and the icon: named by their bytes.
  app.get('/assets/:file', (c) => {
    const asset = assets.get(new URL(c.req.url).pathname);
    return asset ? send(c, asset.body, asset.type) : c.notFound();
  });
  app.get(paths.robots(), (c) => send(c, robotsTxt(origin), 'text/plain; charset=utf-8'));
  app.get(paths.sitemap(), (c) =>
    send(c, sitemapIndexXml(origin, editions.published, oldestFirst(site.articles.values())), 'application/xml; charset=utf-8'),
  );
  app.get('/sitemaps/:part{[a-z0-9-]+\\.xml}', (c) => {
    const m = /^(.+)-([1-9]\d*)\.xml$/.exec(c.req.param('part'));
    const edition = m ? editions.get(m[1]!) : undefined;
    const parts = chunks(oldestFirst(site.articles.values()), LISTING.sitemapSize);
    const part = m ? parts[Number(m[2]) - 1] : undefined;
    if (!edition || edition.state !== 'published' || !part) return c.notFound();
    return send(c, sitemapPartXml(origin, edition, editions.published, part, m![2] === '1'), 'application/xml; charset=utf-8');
  });

  // An edition's front page, and the pages of older articles after it.
  const front = (c: Context, n: number) => {
    const edition = editionOf(c);
    const articles = frontPages[n - 1];
    if (!edition || !articles || (n > 1 && articles.length === 0)) return c.notFound();
    const views = articles.map((a) => site.articleSummary(edition.locale, a.slug)!);
    return page(c, <FrontPage shell={shell} edition={edition} views={views} page={n} pages={frontPages.length} />);
  };
  app.get('/:locale/', (c) => front(c, 1));
  app.get('/:locale/page/:n{[1-9][0-9]*}/', (c) => (c.req.param('n') === '1' ? c.notFound() : front(c, Number(c.req.param('n')))));

  // The edition's Atom feed: its latest articles; a draft edition has none.
  app.get('/:locale/feed.atom', (c) => {
    const edition = editionOf(c);
    if (!edition || edition.state !== 'published') return c.notFound();
    const locale = edition.locale;
    const ui = (id: string) => site.ui(locale, id).text;
    const entries = newest.slice(0, LISTING.feedSize).map((a) => {
      const view = site.articleSummary(locale, a.slug)!;
      return { view, headline: blockSegment(view, 'headline')?.text ?? '', summary: blockSegment(view, 'standfirst')?.text };
    });
    const info = { origin, locale, title: `${site.frontTitle(locale).text} | ${ui('site-name')}`, author: ui('site-name') };
    return send(c, atomFeed(info, entries), 'application/atom+xml; charset=utf-8');
  });

  // The edition's page for an address that has none (the worker sends it with status 404), and for a failure
  // of the worker's (sent with status 500, never stored).
  app.get('/:locale/404', (c) => {
    const edition = editionOf(c);
    if (!edition) return c.notFound();
    c.status(404);
    return page(c, <ErrorPage shell={shell} edition={edition} kind="not-found" />);
  });
  app.get('/:locale/error', (c) => {
    const edition = editionOf(c);
    return edition ? page(c, <ErrorPage shell={shell} edition={edition} kind="error" />) : c.notFound();
  });

  // The share cards messengers and search engines show for an edition's links: its front page's (its name, and
  // the languages every article is published in) and each article's (its headline and date). A draft edition
  // has none: it is not shared.
  app.get('/:locale/card.png', async (c) => {
    const edition = editionOf(c);
    if (!cards || !edition || edition.state !== 'published') return c.notFound();
    const locale = edition.locale;
    const languages = site.ui(locale, 'editions-list', { languages: site.languageList(locale, editions.published) }).text;
    return send(
      c,
      (await cards.render(cardText(edition, site.ui(locale, 'site-name').text, site.frontTitle(locale).text, { text: languages }))).png,
      'image/png',
    );
  });
  app.get('/:locale/:slug/card.png', async (c) => {
    const edition = editionOf(c);
    const article = articleOf(c);
    if (!cards || !edition || edition.state !== 'published' || !article) return c.notFound();
    const view = site.articleSummary(edition.locale, article.slug)!;
    const text = cardText(edition, site.ui(edition.locale, 'site-name').text, blockSegment(view, 'headline')?.text ?? '', view.date);
    return send(c, (await cards.render(text)).png, 'image/png');
  });

  // The parallel review page: a translation's work, for translators and learners; never for search engines.
  app.get('/:locale/:slug/review', (c) => {
    const edition = editionOf(c);
    const article = articleOf(c);
    if (!edition || edition.locale === editions.source || !article) return c.notFound();
    const view = site.articleView(edition.locale, article.slug)!;
    const source = site.articleView(editions.source, article.slug)!;
    return page(
      c,
      <ReviewPage
        shell={shell}
        view={view}
        source={source}
        ui={site.interfaceView(edition.locale)!}
        sourceUi={site.interfaceView(editions.source)!}
      />,
    );
  });

  // The JSON edition: the article's blocks and segments for apps.
  app.get('/:locale/:file{[a-z0-9-]+\\.json}', (c) => {
    const edition = editionOf(c);
    const article = site.articles.get(c.req.param('file').replace(/\.json$/, ''));
    if (!edition || !article) return c.notFound();
    const view = site.articleView(edition.locale, article.slug)!;
    return send(c, JSON.stringify(jsonEdition(view, origin, editions.published)), 'application/json; charset=utf-8');
  });

  app.get('/:locale/:slug', (c) => {
    const edition = editionOf(c);
    const article = articleOf(c);
    if (!edition || !article) return c.notFound();
    return page(c, <ArticlePage shell={shell} view={site.articleView(edition.locale, article.slug)!} />);
  });

  return app;
}
