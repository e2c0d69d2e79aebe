import type { Child, FC } from 'hono/jsx';
import { paths } from '../src/paths.ts';
import { alternates, articleFamily, frontFamily, frontPageFamily, type PageFamily } from './alternates.ts';
import { CARD } from './card.ts';
import { REVIEW_STATES, type Block, type ReviewState } from './content.ts';
import type { Edition } from './editions.ts';
import type { RichText } from './rich-text.ts';
import { blockSegment, type ArticleSummary, type ArticleView, type DateView, type Segment, type Site, type TextsView } from './site.ts';
import { jsonForScript, newsArticle } from './structured-data.ts';
import type { WebFontFace } from './style.ts';

/** What every page shares: the site, its origin for absolute URLs, the path of each edition's stylesheet, the icon. */
export interface Shell {
  readonly site: Site;
  /** The site's public origin (`SITE_ORIGIN`), for canonical, hreflang and Open Graph URLs. */
  readonly origin: string;
  readonly stylesheet: (locale: string) => string;
  /** An edition's web font faces: its pages preload those of its own font. */
  readonly fonts: (locale: string) => readonly WebFontFace[];
  readonly icon: string;
}

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

const headlineOf = (view: ArticleSummary) => blockSegment(view, 'headline');

/**
 * Formatted text as elements: strings escaped (and isolated where needed), allowed tags as themselves, and the
 * editor's note marker (`marker`) where the translation puts it.
 */
function rich(parts: RichText, dir: 'ltr' | 'rtl', marker?: Child): Child[] {
  return parts.map((part) => {
    if (typeof part === 'string') return isolate(part, dir);
    if ('note' in part) return marker ?? null;
    const children = rich(part.children, dir, marker);
    if (!('tag' in part)) return [`<${part.literal}>`, ...children, `</${part.literal}>`];
    return part.tag === 'b' ? <b>{children}</b> : <i>{children}</i>;
  });
}

/**
 * A segment in the page, marked with its own language where it differs from the edition's; `marker` (the editor's
 * note about it) where the segment puts it, else after it.
 */
const Text: FC<{ segment: Segment; site: Site; edition: Edition; marker?: Child }> = ({ segment, site, edition, marker }) => {
  const placed = marker !== undefined && hasNoteMark(segment.parts);
  const after = marker !== undefined && !placed ? marker : null;
  if (segment.lang === edition.locale)
    return (
      <>
        <span data-segment={segment.id}>{rich(segment.parts, edition.dir, marker)}</span>
        {after}
      </>
    );
  const dir = site.editions.of(segment.lang).dir;
  return (
    <>
      <span data-segment={segment.id} lang={segment.lang} dir={dir} class="fallback">
        {rich(segment.parts, dir, marker)}
      </span>
      {after}
    </>
  );
};

/** Whether formatted text says where its editor's note marker goes. */
const hasNoteMark = (parts: RichText): boolean => parts.some((p) => typeof p !== 'string' && ('note' in p || hasNoteMark(p.children)));

interface LayoutProps {
  shell: Shell;
  edition: Edition;
  title: string;
  description?: string | undefined;
  /** The same page in the other editions: for the switcher, and (when indexed) the hreflang alternates. */
  family: PageFamily;
  /** Where the switcher sends a reader for another edition: through the worker, which remembers the choice. */
  switchTo?: (locale: string) => string;
  /** Pages that are not for search engines (errors, review, draft editions). */
  noindex?: boolean;
  article?: ArticleView;
  /** The share card of the page (an article's, or an edition front page's), and its text alternative. */
  image?: { readonly path: string; readonly alt: string };
  /** The article's schema.org NewsArticle, already serialised for a script element (see structured-data.ts). */
  structuredData?: string;
  /** The pages before and after this one in a list of pages (`rel=prev`, `rel=next`). */
  sequence?: { readonly prev?: string | undefined; readonly next?: string | undefined };
  children?: Child;
}

const Layout: FC<LayoutProps> = ({
  shell,
  edition,
  title,
  description,
  family,
  switchTo,
  noindex,
  article,
  image,
  structuredData,
  sequence,
  children,
}) => {
  const { site, origin } = shell;
  const locale = edition.locale;
  const ui = (id: string) => site.ui(locale, id);
  const canonical = `${origin}${family.path(locale)}`;
  const published = site.editions.published;
  const hidden = noindex || edition.state !== 'published';
  // Through the worker, which remembers the choice, where the page has a negotiating URL; else straight there.
  const link = switchTo ?? ((other: string) => (family.xDefault === undefined ? family.path(other) : paths.choose(family.xDefault, other)));
  return (
    <html lang={locale} dir={edition.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {description ? <meta name="description" content={description} /> : null}
        {hidden ? (
          <meta name="robots" content="noindex" />
        ) : (
          <>
            <link rel="canonical" href={canonical} />
            {alternates(origin, family, published).map((a) => (
              <link rel="alternate" hreflang={a.hreflang} href={a.href} />
            ))}
            <meta property="og:type" content={article ? 'article' : 'website'} />
            <meta property="og:title" content={title} />
            {description ? <meta property="og:description" content={description} /> : null}
            <meta property="og:url" content={canonical} />
            <meta property="og:site_name" content={ui('site-name').text} />
            <meta property="og:locale" content={edition.ogLocale} />
            {published
              .filter((other) => other.locale !== locale)
              .map((other) => (
                <meta property="og:locale:alternate" content={other.ogLocale} />
              ))}
            {article ? <meta property="article:published_time" content={article.date.iso} /> : null}
            {article?.modified ? <meta property="article:modified_time" content={article.modified.iso} /> : null}
            {image ? (
              <>
                <meta property="og:image" content={`${origin}${image.path}`} />
                <meta property="og:image:type" content="image/png" />
                <meta property="og:image:width" content={String(CARD.width)} />
                <meta property="og:image:height" content={String(CARD.height)} />
                <meta property="og:image:alt" content={image.alt} />
                <meta name="twitter:card" content="summary_large_image" />
              </>
            ) : null}
            <link
              rel="alternate"
              type="application/atom+xml"
              href={paths.feed(locale)}
              title={`${site.frontTitle(locale).text} | ${ui('site-name').text}`}
            />
            {structuredData ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: structuredData }} /> : null}
          </>
        )}
        {sequence?.prev ? <link rel="prev" href={sequence.prev} /> : null}
        {sequence?.next ? <link rel="next" href={sequence.next} /> : null}
        {shell
          .fonts(locale)
          .filter((face) => face.own)
          .map((face) => (
            <link rel="preload" href={face.url} as="font" type="font/woff2" crossorigin="" />
          ))}
        <link rel="stylesheet" href={shell.stylesheet(locale)} />
        <link rel="icon" href={shell.icon} type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          <Text segment={ui('skip-link')} site={site} edition={edition} />
        </a>
        <header class="masthead">
          <a class="site-name" href={paths.front(locale)}>
            <Text segment={ui('site-name')} site={site} edition={edition} />
          </a>
          <nav class="languages" aria-label={ui('languages-label').text}>
            <ul>
              {site.editions.offeredWith(locale).map((other) => (
                <li>
                  {other.locale === locale ? (
                    <span aria-current="page" lang={other.locale}>
                      {site.autonym(other.locale)}
                    </span>
                  ) : (
                    <a href={link(other.locale)} hreflang={other.locale} lang={other.locale} dir={other.dir}>
                      {site.autonym(other.locale)}
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

/** A date line: its label, the date in the edition's calendar, and in its second calendar if it has one. */
const DateLine: FC<{ view: ArticleSummary; site: Site; label: string; date: DateView; kind: 'published' | 'updated' }> = ({
  view,
  site,
  label,
  date,
  kind,
}) => (
  <p class={kind}>
    <Text segment={site.ui(view.edition.locale, label)} site={site} edition={view.edition} /> <time datetime={date.iso}>{date.text}</time>
    {date.secondary ? (
      <>
        {' '}
        <span class="secondary-date">
          (<time datetime={date.iso}>{date.secondary}</time>)
        </span>
      </>
    ) : null}
  </p>
);

/** When the article was published, and when it was last corrected (if it was). */
const PublishedDate: FC<{ view: ArticleSummary; site: Site }> = ({ view, site }) => (
  <>
    <DateLine view={view} site={site} label="published-label" date={view.date} kind="published" />
    {view.modified ? <DateLine view={view} site={site} label="updated-label" date={view.modified} kind="updated" /> : null}
  </>
);

/**
 * The back link's arrow, drawn (no font of the site has an arrow, and a caret is not one): the same in every
 * script, the colour of the link, hidden from screen readers (the link is named by its label).
 */
const BackArrow: FC = () => (
  <svg class="arrow" viewBox="0 0 10 12" width="10" height="12" aria-hidden="true">
    <path d="M5 0 10 5H6.5V12h-3V5H0Z" fill="currentColor" />
  </svg>
);

/** The markers of the editor's notes about a segment: superscript links to the notes, named for screen readers. */
const NoteMarks: FC<{ view: ArticleView; id: string }> = ({ view, id }) => (
  <>
    {view.notes
      .filter((note) => note.on === id)
      .map((note) => (
        <sup class="note-ref">
          <a href={`#note-${note.index}`} id={`note-ref-${note.index}`} aria-label={note.label}>
            {note.number}
          </a>
        </sup>
      ))}
  </>
);

const BlockView: FC<{ block: Block; view: ArticleView; site: Site }> = ({ block, view, site }) => {
  const seg = (id: string) => {
    const marks = view.notes.some((note) => note.on === id) ? <NoteMarks view={view} id={id} /> : undefined;
    return <Text segment={view.segments.get(id)!} site={site} edition={view.edition} {...(marks ? { marker: marks } : {})} />;
  };
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
      // The photograph is not ours to publish: its description, caption and credit are. The frame says so where the
      // picture would be, and carries its description for screen readers (the visible words are not its name).
      return (
        <figure class="photo">
          <div class="photo-frame" role="img" aria-label={view.segments.get(block.alt)!.text}>
            <span class="photo-absent" aria-hidden="true">
              <Text segment={site.ui(view.edition.locale, 'photo-not-reproduced')} site={site} edition={view.edition} />
            </span>
          </div>
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
export const ArticlePage: FC<{ shell: Shell; view: ArticleView }> = ({ shell, view }) => {
  const { site } = shell;
  const { edition, article } = view;
  const headline = headlineOf(view)?.text ?? '';
  const description = blockSegment(view, 'standfirst')?.text;
  return (
    <Layout
      shell={shell}
      edition={edition}
      title={`${headline} | ${site.ui(edition.locale, 'site-name').text}`}
      description={description}
      family={articleFamily(article.slug)}
      article={view}
      image={{ path: paths.card(edition.locale, article.slug), alt: headline }}
      structuredData={jsonForScript(newsArticle(site, view, shell.origin, headline, description))}
    >
      <article>
        {view.fallbacks.length > 0 ? (
          <p class="notice" role="note">
            <Text segment={site.ui(edition.locale, 'untranslated-notice')} site={site} edition={edition} />
          </p>
        ) : null}
        {article.blocks.map((block) => (
          <>
            <BlockView block={block} view={view} site={site} />
            {block.type === 'standfirst' ? <PublishedDate view={view} site={site} /> : null}
          </>
        ))}
        {view.notes.length > 0 ? (
          <aside class="notes" aria-labelledby="notes-title">
            <h2 id="notes-title">
              <Text segment={site.ui(edition.locale, 'editor-notes')} site={site} edition={edition} />
            </h2>
            <ol>
              {view.notes.map((note) => (
                <li id={`note-${note.index}`}>
                  <Text segment={note.segment} site={site} edition={edition} />{' '}
                  <a href={`#note-ref-${note.index}`} class="note-back" aria-label={site.ui(edition.locale, 'note-back').text}>
                    <BackArrow />
                  </a>
                </li>
              ))}
            </ol>
          </aside>
        ) : null}
      </article>
    </Layout>
  );
};

/**
 * A page of an edition's list of articles, newest first: the front page is page 1; each page links the pages
 * before and after it (and says so to crawlers: `rel=prev`, `rel=next`), so every article is reachable.
 */
export const FrontPage: FC<{ shell: Shell; edition: Edition; views: readonly ArticleSummary[]; page: number; pages: number }> = ({
  shell,
  edition,
  views,
  page,
  pages,
}) => {
  const { site } = shell;
  const locale = edition.locale;
  const text = (segment: Segment) => <Text segment={segment} site={site} edition={edition} />;
  const number = site.number(locale, page);
  const prev = page > 1 ? paths.frontPage(locale, page - 1) : undefined;
  const next = page < pages ? paths.frontPage(locale, page + 1) : undefined;
  const heading = page === 1 ? site.frontTitle(locale) : site.ui(locale, 'page-title', { number });
  const editions = site.ui(locale, 'editions-list', { languages: site.languageList(locale, site.editions.published) });
  return (
    <Layout
      shell={shell}
      edition={edition}
      title={`${page === 1 ? site.frontTitle(locale).text : `${site.frontTitle(locale).text}: ${heading.text}`} | ${site.ui(locale, 'site-name').text}`}
      description={editions.text}
      family={frontPageFamily(page)}
      image={{ path: paths.frontCard(locale), alt: site.frontTitle(locale).text }}
      sequence={{ prev, next }}
    >
      <h1>{text(heading)}</h1>
      {page === 1 ? <p class="editions">{text(editions)}</p> : null}
      <ul class="articles">
        {views.map((view) => {
          const headline = headlineOf(view);
          const standfirst = blockSegment(view, 'standfirst');
          return (
            <li>
              <article>
                <h2>
                  <a href={paths.article(locale, view.article.slug)}>{headline ? text(headline) : null}</a>
                </h2>
                {standfirst ? <p class="standfirst">{text(standfirst)}</p> : null}
                <PublishedDate view={view} site={site} />
                <p>
                  <a href={paths.article(locale, view.article.slug)}>{text(site.ui(locale, 'read-article'))}</a>
                </p>
              </article>
            </li>
          );
        })}
      </ul>
      {pages > 1 ? (
        <nav class="pagination" aria-label={site.ui(locale, 'pages-label').text}>
          {prev ? (
            <a href={prev} rel="prev">
              {text(site.ui(locale, 'newer-articles'))}
            </a>
          ) : null}
          {next ? (
            <a href={next} rel="next">
              {text(site.ui(locale, 'older-articles'))}
            </a>
          ) : null}
        </nav>
      ) : null}
    </Layout>
  );
};

/** An edition's page for an address that has none (404), or for a request that failed (500); the worker sends it. */
export const ErrorPage: FC<{ shell: Shell; edition: Edition; kind: 'not-found' | 'error' }> = ({ shell, edition, kind }) => {
  const { site } = shell;
  const locale = edition.locale;
  const text = (id: string) => <Text segment={site.ui(locale, id)} site={site} edition={edition} />;
  return (
    <Layout
      shell={shell}
      edition={edition}
      title={`${site.ui(locale, `${kind}-title`).text} | ${site.ui(locale, 'site-name').text}`}
      description={site.ui(locale, `${kind}-text`).text}
      family={frontFamily}
      noindex
    >
      <h1>{text(`${kind}-title`)}</h1>
      <p>{text(`${kind}-text`)}</p>
      <p>
        <a href={paths.front(locale)}>{text('front-page-link')}</a>
      </p>
    </Layout>
  );
};

/** A segment's state on the review page: a draft (`initial`), missing, stale, or its XLIFF state. */
function reviewState(view: TextsView, id: string): ReviewState {
  const status = view.status[id];
  if (status?.state === 'initial') return 'initial';
  if (view.fallbacks.includes(id)) return 'missing';
  if (!status) return 'translated';
  return status.stale ? 'stale' : status.state;
}

/** One namespace's segments: id, the source, the translation (or its draft), and the state. */
const ReviewTable: FC<{ site: Site; view: TextsView; source: TextsView; caption: Child }> = ({ site, view, source, caption }) => {
  const { edition } = view;
  const ui = (id: string) => <Text segment={site.ui(edition.locale, id)} site={site} edition={edition} />;
  return (
    <table class="review">
      <caption>{caption}</caption>
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
          const shown = state === 'initial' ? view.drafts.get(id) : state === 'missing' ? undefined : view.segments.get(id);
          return (
            <tr id={`${view.namespace}-${id}`} data-state={state}>
              <th scope="row">
                <code dir="ltr">{id}</code>
              </th>
              <td lang={source.edition.locale} dir={source.edition.dir}>
                {source.segments.get(id)!.text}
              </td>
              <td lang={shown?.lang ?? edition.locale} dir={shown ? site.editions.of(shown.lang).dir : edition.dir}>
                {shown?.text ?? ''}
              </td>
              <td>{ui(`state-${state}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};

/**
 * The translator's and the learner's page: every segment of an article and every interface string, the source
 * beside the translation, with its id and state, and a filter by state (radio buttons and CSS: no script).
 */
export const ReviewPage: FC<{ shell: Shell; view: ArticleView; source: ArticleView; ui: TextsView; sourceUi: TextsView }> = ({
  shell,
  view,
  source,
  ui: interfaceView,
  sourceUi,
}) => {
  const { site } = shell;
  const { edition, article } = view;
  const locale = edition.locale;
  const ui = (id: string) => <Text segment={site.ui(locale, id)} site={site} edition={edition} />;
  const family: PageFamily = { path: (other) => paths.review(other, article.slug), xDefault: paths.articleAnyEdition(article.slug) };
  return (
    <Layout
      shell={shell}
      edition={edition}
      title={`${site.ui(locale, 'review-title').text} | ${site.ui(locale, 'site-name').text}`}
      description={site.ui(locale, 'review-title').text}
      family={family}
      // Straight to the other translation's review page (the source has none: its article instead).
      switchTo={(other) => (other === site.editions.source ? paths.article(other, article.slug) : paths.review(other, article.slug))}
      noindex
    >
      <h1>{ui('review-title')}</h1>
      <fieldset class="review-filter">
        <legend>{ui('review-show')}</legend>
        <label>
          <input type="radio" name="show" id="show-all" checked /> {ui('review-all')}
        </label>
        {REVIEW_STATES.map((state) => (
          <label>
            <input type="radio" name="show" id={`show-${state}`} /> {ui(`state-${state}`)}
          </label>
        ))}
      </fieldset>
      <ReviewTable
        site={site}
        view={view}
        source={source}
        caption={<a href={paths.article(locale, article.slug)}>{headlineOf(view)?.text}</a>}
      />
      <ReviewTable site={site} view={interfaceView} source={sourceUi} caption={ui('review-interface')} />
    </Layout>
  );
};
