import type { Child, FC } from 'hono/jsx';
import type { Block } from './content.ts';
import { LOCALES, LOCALE_INFO, SOURCE_LOCALE as SOURCE, type Locale } from './locales.ts';
import type { RichText } from './rich-text.ts';
import type { ArticleView, Segment, Site } from './site.ts';
import { ICON_PATH, STYLESHEET_PATH } from './style.ts';
import { alternates, articleFamily, frontFamily, paths, type PageFamily } from './urls.ts';

// A run of Latin or Cyrillic script (a credit, an acronym) inside right-to-left text.
const LTR_RUN =
  /[A-Za-z\u00C0-\u024F\u0400-\u04FF](?:[A-Za-z0-9\u00C0-\u024F\u0400-\u04FF .,&'’/-]*[A-Za-z0-9\u00C0-\u024F\u0400-\u04FF])?/g;

/** Text for the page: in a right-to-left edition, each left-to-right run is isolated so it cannot reorder the line. */
function isolate(text: string, dir: 'ltr' | 'rtl'): Child {
  if (dir === 'ltr') return text;
  const parts: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(LTR_RUN)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(<bdi dir="ltr">{match[0]}</bdi>);
    last = match.index + match[0].length;
  }
  if (last === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The segment of the article's headline or standfirst block. */
function blockSegment(view: ArticleView, type: 'headline' | 'standfirst'): Segment | undefined {
  const block = view.article.blocks.find((b) => b.type === type);
  return block && 'segment' in block ? view.segments.get(block.segment) : undefined;
}
const headlineOf = (view: ArticleView) => blockSegment(view, 'headline');

/** Formatted text as elements: strings escaped (and isolated where needed), allowed tags as themselves. */
function rich(parts: RichText, dir: 'ltr' | 'rtl'): Child[] {
  return parts.map((part) => {
    if (typeof part === 'string') return isolate(part, dir);
    const children = rich(part.children, dir);
    if (!('tag' in part)) return [`<${part.literal}>`, ...children, `</${part.literal}>`];
    return part.tag === 'b' ? <b>{children}</b> : <i>{children}</i>;
  });
}

/** A segment in the page, marked with its own language where it differs from the edition's. */
const Text: FC<{ segment: Segment; locale: Locale }> = ({ segment, locale }) => {
  const dir = LOCALE_INFO[segment.lang].dir;
  return segment.lang === locale ? (
    <span data-segment={segment.id}>{rich(segment.parts, LOCALE_INFO[locale].dir)}</span>
  ) : (
    <span data-segment={segment.id} lang={segment.lang} dir={dir} class="fallback">
      {rich(segment.parts, dir)}
    </span>
  );
};

interface LayoutProps {
  site: Site;
  locale: Locale;
  /** The site's origin, for absolute URLs. */
  origin: string;
  title: string;
  description?: string | undefined;
  /** The same page in every edition, for the switcher and the hreflang alternates. */
  family: PageFamily;
  /** Pages that are not for search engines (errors, review). */
  noindex?: boolean;
  article?: ArticleView;
  children?: Child;
}

const Layout: FC<LayoutProps> = ({ site, locale, origin, title, description, family, noindex, article, children }) => {
  const ui = (id: string) => site.ui(locale, id);
  const canonical = `${origin}${family.path(locale)}`;
  return (
    <html lang={locale} dir={LOCALE_INFO[locale].dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? (
          <meta name="robots" content="noindex" />
        ) : (
          <>
            <link rel="canonical" href={canonical} />
            {alternates(origin, family).map((a) => (
              <link rel="alternate" hreflang={a.hreflang} href={a.href} />
            ))}
            <meta property="og:type" content={article ? 'article' : 'website'} />
            <meta property="og:title" content={title} />
            {description ? <meta property="og:description" content={description} /> : null}
            <meta property="og:url" content={canonical} />
            <meta property="og:site_name" content={ui('site-name').text} />
            <meta property="og:locale" content={LOCALE_INFO[locale].ogLocale} />
            {LOCALES.filter((other) => other !== locale).map((other) => (
              <meta property="og:locale:alternate" content={LOCALE_INFO[other].ogLocale} />
            ))}
            {article ? <meta property="article:published_time" content={article.date.iso} /> : null}
          </>
        )}
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <link rel="icon" href={ICON_PATH} type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          <Text segment={ui('skip-link')} locale={locale} />
        </a>
        <header class="masthead">
          <a class="site-name" href={paths.front(locale)}>
            <Text segment={ui('site-name')} locale={locale} />
          </a>
          <nav class="languages" aria-label={ui('languages-label').text}>
            <ul>
              {LOCALES.map((other) => (
                <li>
                  {other === locale ? (
                    <span aria-current="page" lang={other}>
                      {site.languageNames.get(other)}
                    </span>
                  ) : (
                    <a href={paths.choose(family.path(other), other)} hreflang={other} lang={other} dir={LOCALE_INFO[other].dir}>
                      {site.languageNames.get(other)}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
};

const PublishedDate: FC<{ view: ArticleView; site: Site }> = ({ view, site }) => (
  <p class="published">
    <Text segment={site.ui(view.locale, 'published-label')} locale={view.locale} /> <time datetime={view.date.iso}>{view.date.text}</time>
    {view.date.secondary ? (
      <>
        {' '}
        <span class="secondary-date">
          (<time datetime={view.date.iso}>{view.date.secondary}</time>)
        </span>
      </>
    ) : null}
  </p>
);

const BlockView: FC<{ block: Block; view: ArticleView }> = ({ block, view }) => {
  const seg = (id: string) => <Text segment={view.segments.get(id)!} locale={view.locale} />;
  switch (block.type) {
    case 'headline':
      return <h1>{seg(block.segment)}</h1>;
    case 'standfirst':
      return <p class="standfirst">{seg(block.segment)}</p>;
    case 'subheading':
      return <h2>{seg(block.segment)}</h2>;
    case 'source':
      return <p class="source">{seg(block.segment)}</p>;
    case 'photo':
      // The photograph is not ours to publish: its description, caption and credit are. The rule above the
      // caption stands where the picture would, and carries its description for screen readers.
      return (
        <figure class="photo">
          <div class="photo-frame" role="img" aria-label={view.segments.get(block.alt)!.text} />
          <figcaption>
            {seg(block.caption)} <span class="credit">{seg(block.credit)}</span>
          </figcaption>
        </figure>
      );
    case 'paragraph':
      return (
        <p>
          {block.dateline ? <strong class="dateline">{seg(block.dateline)}</strong> : null}
          {block.segments.map((id, i) => (
            <>
              {i > 0 || block.dateline ? ' ' : ''}
              {seg(id)}
            </>
          ))}
        </p>
      );
  }
};

/** An article in one edition. */
export const ArticlePage: FC<{ site: Site; view: ArticleView; origin: string }> = ({ site, view, origin }) => {
  const { locale, article } = view;
  return (
    <Layout
      site={site}
      locale={locale}
      origin={origin}
      title={`${headlineOf(view)?.text ?? ''} | ${site.ui(locale, 'site-name').text}`}
      description={blockSegment(view, 'standfirst')?.text}
      family={articleFamily(article.slug)}
      article={view}
    >
      <article>
        {view.fallbacks.length > 0 ? (
          <p class="notice" role="note">
            <Text segment={site.ui(locale, 'untranslated-notice')} locale={locale} />
          </p>
        ) : null}
        {article.blocks.map((block) => (
          <>
            <BlockView block={block} view={view} />
            {block.type === 'standfirst' ? <PublishedDate view={view} site={site} /> : null}
          </>
        ))}
      </article>
    </Layout>
  );
};

/** The front page of an edition: each article's headline, standfirst and date. */
export const FrontPage: FC<{ site: Site; locale: Locale; views: readonly ArticleView[]; origin: string }> = ({
  site,
  locale,
  views,
  origin,
}) => (
  <Layout
    site={site}
    locale={locale}
    origin={origin}
    title={`${site.ui(locale, 'front-title').text} | ${site.ui(locale, 'site-name').text}`}
    family={frontFamily}
  >
    <h1>
      <Text segment={site.ui(locale, 'front-title')} locale={locale} />
    </h1>
    <p class="editions">
      <Text segment={site.ui(locale, 'editions-list', { languages: site.editionsList(locale) })} locale={locale} />
    </p>
    <ul class="articles">
      {views.map((view) => {
        const headline = headlineOf(view);
        const standfirst = blockSegment(view, 'standfirst');
        return (
          <li>
            <article>
              <h2>
                <a href={paths.article(locale, view.article.slug)}>{headline ? <Text segment={headline} locale={locale} /> : null}</a>
              </h2>
              {standfirst ? (
                <p class="standfirst">
                  <Text segment={standfirst} locale={locale} />
                </p>
              ) : null}
              <PublishedDate view={view} site={site} />
              <p>
                <a href={paths.article(locale, view.article.slug)}>
                  <Text segment={site.ui(locale, 'read-article')} locale={locale} />
                </a>
              </p>
            </article>
          </li>
        );
      })}
    </ul>
  </Layout>
);

/** A page for an error: not found, or something that went wrong (never with its details). */
export const ErrorPage: FC<{ site: Site; locale: Locale; kind: 'not-found' | 'error' }> = ({ site, locale, kind }) => {
  const title = site.ui(locale, `${kind}-title`);
  return (
    <Layout
      site={site}
      locale={locale}
      origin=""
      title={`${title.text} | ${site.ui(locale, 'site-name').text}`}
      family={frontFamily}
      noindex
    >
      <h1>
        <Text segment={title} locale={locale} />
      </h1>
      <p>
        <Text segment={site.ui(locale, `${kind}-text`)} locale={locale} />
      </p>
      <p>
        <a href={paths.front(locale)}>
          <Text segment={site.ui(locale, 'front-page-link')} locale={locale} />
        </a>
      </p>
    </Layout>
  );
};

/** A segment's state on the review page: missing, stale, or its XLIFF state. */
function reviewState(view: ArticleView, id: string): string {
  if (view.fallbacks.includes(id)) return 'missing';
  const status = view.status[id];
  if (!status) return 'translated';
  return status.stale ? 'stale' : status.state;
}

/** The translator's and the learner's page: each segment's English beside its translation, with its id and state. */
export const ReviewPage: FC<{ site: Site; view: ArticleView; english: ArticleView; origin: string }> = ({
  site,
  view,
  english,
  origin,
}) => {
  const { locale, article } = view;
  const ui = (id: string) => <Text segment={site.ui(locale, id)} locale={locale} />;
  return (
    <Layout
      site={site}
      locale={locale}
      origin={origin}
      title={`${site.ui(locale, 'review-title').text} | ${site.ui(locale, 'site-name').text}`}
      family={{ path: (other) => paths.review(other, article.slug), xDefault: paths.articleAnyEdition(article.slug) }}
      noindex
    >
      <h1>{ui('review-title')}</h1>
      <p>
        <a href={paths.article(locale, article.slug)}>{headlineOf(view)?.text}</a>
      </p>
      <table class="review">
        <thead>
          <tr>
            <th scope="col">{ui('review-segment')}</th>
            <th scope="col">{ui('review-source')}</th>
            <th scope="col">{ui('review-translation')}</th>
            <th scope="col">{ui('review-state')}</th>
          </tr>
        </thead>
        <tbody>
          {[...view.segments.keys()].map((id) => {
            const state = reviewState(view, id);
            return (
              <tr id={`segment-${id}`} data-state={state}>
                <th scope="row">
                  <code dir="ltr">{id}</code>
                </th>
                <td lang={SOURCE} dir="ltr">
                  {english.segments.get(id)!.text}
                </td>
                <td lang={view.segments.get(id)!.lang} dir={LOCALE_INFO[view.segments.get(id)!.lang].dir}>
                  {state === 'missing' ? '' : view.segments.get(id)!.text}
                </td>
                <td>{ui(`state-${state}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>
  );
};
