import type { Article } from './content.ts';
import { LOCALES } from './locales.ts';
import { alternates, articleFamily, frontFamily, paths, type PageFamily } from './urls.ts';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The sitemap: every edition of every page, each with the full set of hreflang alternates (xhtml:link). */
export function sitemapXml(origin: string, articles: readonly Article[]): string {
  const families: { family: PageFamily; lastmod?: string }[] = [
    { family: frontFamily },
    ...articles.map((article) => ({ family: articleFamily(article.slug), lastmod: article.published.date })),
  ];
  const urls = families.flatMap(({ family, lastmod }) => {
    const links = alternates(origin, family)
      .map((a) => `    <xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${escapeXml(a.href)}"/>`)
      .join('\n');
    return LOCALES.map(
      (locale) =>
        `  <url>\n    <loc>${escapeXml(`${origin}${family.path(locale)}`)}</loc>\n${lastmod ? `    <lastmod>${lastmod}</lastmod>\n` : ''}${links}\n  </url>`,
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
