import { paths } from '../src/paths.ts';
import type { ArticleSummary } from './site.ts';
import { escapeXml } from './xml.ts';

/**
 * Noon of a calendar date where an article was dated (its dateline's time zone), as RFC 3339: the hour of
 * publication is not known, the day is, and Atom needs an instant. Noon is the instant that keeps that day for
 * the most readers: in Tehran's zone (+03:30), every zone from UTC−08:30 to UTC+15:30 reads the same date
 * (midnight, as before, showed the day before to every reader west of the dateline's zone).
 */
export function middayOf(isoDate: string, timeZone: string): string {
  const noon = new Date(`${isoDate}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = /^GMT([+-]\d{2}:\d{2})$/.exec(name ?? '')?.[1] ?? 'Z';
  return `${isoDate}T12:00:00${offset}`;
}

/** What a feed says of its edition. */
export interface FeedInfo {
  readonly origin: string;
  readonly locale: string;
  readonly title: string;
  /** Who publishes the feed: the site, in the edition's language. */
  readonly author: string;
}

/**
 * An edition's Atom 1.0 feed (RFC 4287): one entry per article, newest first, in the edition's language. The
 * feed is the site's; each entry is credited to the article's author, its original publisher.
 */
export function atomFeed(
  { origin, locale, title, author }: FeedInfo,
  entries: readonly { view: ArticleSummary; headline: string; summary?: string | undefined }[],
): string {
  const sorted = [...entries].sort((a, b) => b.view.date.iso.localeCompare(a.view.date.iso));
  const stamp = (view: ArticleSummary, iso = view.date.iso) => middayOf(iso, view.article.published.timeZone);
  const changed = (view: ArticleSummary) => stamp(view, view.modified?.iso);
  const updated =
    sorted
      .map((e) => changed(e.view))
      .sort()
      .at(-1) ?? '1970-01-01T00:00:00Z';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(locale)}">`,
    `  <id>${escapeXml(`${origin}${paths.front(locale)}`)}</id>`,
    `  <title type="text">${escapeXml(title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(author)}</name><uri>${escapeXml(`${origin}${paths.home()}`)}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}${paths.feed(locale)}`)}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="${escapeXml(locale)}" href="${escapeXml(`${origin}${paths.front(locale)}`)}"/>`,
    ...sorted.flatMap(({ view, headline, summary }) => {
      const url = `${origin}${paths.article(locale, view.article.slug)}`;
      return [
        '  <entry>',
        `    <id>${escapeXml(url)}</id>`,
        `    <title type="text">${escapeXml(headline)}</title>`,
        `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
        `    <author><name>${escapeXml(view.article.publisher)}</name>${view.article.original ? `<uri>${escapeXml(view.article.original.url)}</uri>` : ''}</author>`,
        `    <published>${stamp(view)}</published>`,
        `    <updated>${changed(view)}</updated>`,
        ...(summary ? [`    <summary type="text">${escapeXml(summary)}</summary>`] : []),
        '  </entry>',
      ];
    }),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}
