/** Text as hono/jsx escapes it, back to what it was: the entities it writes. */
export const decodeHtml = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Text with the typography's no-break spaces read as spaces: for tests of what a page says, not how it is set
 * (test/site/typography.test.ts tests the setting).
 */
export const spaced = (text: string): string => text.replace(/\u00a0/g, ' ');
