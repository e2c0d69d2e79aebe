import type { Article } from './content.ts';
import type { Edition } from './editions.ts';
import { alternates, articleFamily, frontFamily, type PageFamily } from './alternates.ts';
import { chunks, LISTING, lastModified } from './listing.ts';
import { paths } from '../src/paths.ts';
import { escapeXml } from './xml.ts';

// The sitemap protocol (sitemaps.org/protocol.html): an index of parts, each part at most 50,000 URLs and 50 MB.
// Each published edition has its own parts, its articles oldest first, LISTING.sitemapSize to a part: a new
// article changes the last part of each edition and the index, nothing else.

/** The sitemap index: every part of every published edition, with the latest change in it. */
export function sitemapIndexXml(origin: string, editions: readonly Edition[], oldestFirst: readonly Article[]): string {
  const parts = chunks(oldestFirst, LISTING.sitemapSize);
  const entries = editions.flatMap((e) =>
    parts.map((part, i) => {
      const lastmod = part.map(lastModified).sort().at(-1);
      return `  <sitemap>\n    <loc>${escapeXml(`${origin}${paths.sitemapPart(e.locale, i + 1)}`)}</loc>\n${lastmod ? `    <lastmod>${lastmod}</lastmod>\n` : ''}  </sitemap>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</sitemapindex>
`;
}

/**
 * One part of an edition's sitemap: its articles (and, in the first part, its front page), each with the full
 * set of hreflang alternates (xhtml:link) and its last change.
 */
export function sitemapPartXml(
  origin: string,
  edition: Edition,
  editions: readonly Edition[],
  articles: readonly Article[],
  withFrontPage: boolean,
): string {
  const families: { family: PageFamily; lastmod?: string }[] = [
    ...(withFrontPage ? [{ family: frontFamily }] : []),
    ...articles.map((article) => ({ family: articleFamily(article.slug), lastmod: lastModified(article) })),
  ];
  const urls = families.map(({ family, lastmod }) => {
    const links = alternates(origin, family, editions)
      .map((a) => `    <xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${escapeXml(a.href)}"/>`)
      .join('\n');
    return `  <url>\n    <loc>${escapeXml(`${origin}${family.path(edition.locale)}`)}</loc>\n${lastmod ? `    <lastmod>${lastmod}</lastmod>\n` : ''}${links}\n  </url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
}

export function robotsTxt(origin: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${origin}${paths.sitemap()}\n`;
}
