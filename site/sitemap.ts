import type { Article } from './content.ts';
import type { Edition } from './editions.ts';
import { alternates, articleFamily, frontFamily, type PageFamily } from './alternates.ts';
import { paths } from '../src/paths.ts';
import { escapeXml } from './xml.ts';

/** The sitemap: every published edition of every page, each with the full set of hreflang alternates (xhtml:link). */
export function sitemapXml(origin: string, articles: readonly Article[], editions: readonly Edition[]): string {
  const families: { family: PageFamily; lastmod?: string }[] = [
    { family: frontFamily },
    ...articles.map((article) => ({ family: articleFamily(article.slug), lastmod: article.published.date })),
  ];
  const urls = families.flatMap(({ family, lastmod }) => {
    const links = alternates(origin, family, editions)
      .map((a) => `    <xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${escapeXml(a.href)}"/>`)
      .join('\n');
    return editions.map(
      (e) =>
        `  <url>\n    <loc>${escapeXml(`${origin}${family.path(e.locale)}`)}</loc>\n${lastmod ? `    <lastmod>${lastmod}</lastmod>\n` : ''}${links}\n  </url>`,
    );
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
