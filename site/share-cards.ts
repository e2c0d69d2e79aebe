import { paths } from '../src/paths.ts';
import { cardText, type CardText } from './card.ts';
import type { CardRenderer } from './card-renderer.ts';
import { blockSegment, type Site } from './site.ts';

/**
 * What each share card shows, by the path it is served at: a published edition's card for each article (its
 * headline and date) and one for its front page (its name, and the languages every article is published in).
 * Draft editions have none: they are not shared.
 */
export function shareCards(site: Site): ReadonlyMap<string, CardText> {
  const cards = new Map<string, CardText>();
  for (const edition of site.editions.published) {
    const locale = edition.locale;
    const siteName = site.ui(locale, 'site-name').text;
    cards.set(
      paths.frontCard(locale),
      cardText(edition, siteName, site.frontTitle(locale).text, {
        text: site.ui(locale, 'editions-list', { languages: site.languageList(locale, site.editions.published) }).text,
      }),
    );
    for (const slug of site.articles.keys()) {
      const view = site.articleView(locale, slug)!;
      cards.set(paths.card(locale, slug), cardText(edition, siteName, blockSegment(view, 'headline')?.text ?? '', view.date));
    }
  }
  return cards;
}

/** The share cards as PNG files, by their path in the assets directory. */
export function renderShareCards(site: Site, renderer: CardRenderer): Map<string, Uint8Array> {
  return new Map([...shareCards(site)].map(([path, card]) => [path.slice(1), renderer.render(card).png]));
}
