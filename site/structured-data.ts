import { paths } from '../src/paths.ts';
import type { Edition } from './editions.ts';
import type { ArticleView, Site } from './site.ts';

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so no text can close the element. */
export const jsonForScript = (data: unknown): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** A NewsArticle node for an edition: enough to name it, link it and say its language. */
const reference = (origin: string, edition: Edition, slug: string) => {
  const url = `${origin}${paths.article(edition.locale, slug)}`;
  return { '@type': 'NewsArticle', '@id': `${url}#article`, url, inLanguage: edition.locale };
};

/**
 * schema.org NewsArticle of an edition (Google's article structured data): its headline, description,
 * language, date, URL, picture, publisher; the original it is based on (its URL, its author and publisher); the
 * editions it translates or is translated into; and the editor's notes, as corrections.
 */
export function newsArticle(site: Site, view: ArticleView, origin: string, headline: string, description: string | undefined) {
  const { edition, article } = view;
  const source = site.editions.of(site.editions.source);
  const url = `${origin}${paths.article(edition.locale, article.slug)}`;
  const publisher = { '@type': 'Organization', name: article.publisher };
  const site_ = { '@type': 'Organization', name: site.ui(edition.locale, 'site-name').text, url: `${origin}${paths.home()}` };
  const translations = site.editions.published.filter((e) => e.locale !== source.locale);
  return {
    '@context': 'https://schema.org',
    ...reference(origin, edition, article.slug),
    headline,
    ...(description ? { description } : {}),
    // The day alone: the hour of publication is not known, and an ISO 8601 date is what Google's Article
    // guidance asks for when no time can be given truthfully (a made-up midnight would move the day for some readers).
    datePublished: view.date.iso,
    ...(view.modified ? { dateModified: view.modified.iso } : {}),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    image: [`${origin}${paths.card(edition.locale, article.slug)}`],
    author: publisher,
    publisher: site_,
    ...(article.original
      ? {
          isBasedOn: {
            '@type': 'NewsArticle',
            url: article.original.url,
            inLanguage: article.language,
            datePublished: article.published.date,
            author: publisher,
            publisher,
          },
        }
      : {}),
    ...(edition.locale === source.locale
      ? { workTranslation: translations.map((e) => reference(origin, e, article.slug)) }
      : { translationOfWork: reference(origin, source, article.slug), translator: site_ }),
    ...(view.notes.length > 0 ? { correction: view.notes.map((note) => ({ '@type': 'CorrectionComment', text: note.segment.text })) } : {}),
  };
}
