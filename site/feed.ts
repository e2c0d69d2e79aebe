import { paths } from '../src/paths.ts';
import type { ArticleView } from './site.ts';
import { escapeXml } from './xml.ts';

/**
 * The first instant of a calendar date where an article was dated (its dateline's time zone), as RFC 3339:
 * the hour of publication is not known, the day is.
 */
export function startOfDay(isoDate: string, timeZone: string): string {
  const noon = new Date(`${isoDate}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = /^GMT([+-]\d{2}:\d{2})$/.exec(name ?? '')?.[1] ?? 'Z';
  return `${isoDate}T00:00:00${offset}`;
}

/** What a feed says of its edition. */
export interface FeedInfo {
  readonly origin: string;
  readonly locale: string;
  readonly title: string;
  /** Who publishes the feed: the site, in the edition's language. */
  readonly author: string;
}

/** An edition's Atom 1.0 feed (RFC 4287): one entry per article, newest first, in the edition's language. */
export function atomFeed(
  { origin, locale, title, author }: FeedInfo,
  entries: readonly { view: ArticleView; headline: string; summary?: string | undefined }[],
): string {
  const sorted = [...entries].sort((a, b) => b.view.date.iso.localeCompare(a.view.date.iso));
  const stamp = (view: ArticleView) => startOfDay(view.date.iso, view.article.published.timeZone);
  const updated = sorted[0] ? stamp(sorted[0].view) : '1970-01-01T00:00:00Z';
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
        `    <published>${stamp(view)}</published>`,
        `    <updated>${stamp(view)}</updated>`,
        ...(summary ? [`    <summary type="text">${escapeXml(summary)}</summary>`] : []),
        '  </entry>',
      ];
    }),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}
