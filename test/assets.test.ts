import { describe, expect, it } from 'vitest';
import { FONT_FILES, FONT_PATH, STYLESHEET } from '../src/style.ts';

// That the files are served, with their caching, is checked in a real browser against wrangler dev
// (npm run test:browser): the pool's SELF reaches the worker, not the static assets in front of it.
describe('the Persian font in the stylesheet', () => {
  it('is self-hosted under a versioned path, in the two weights the page uses', () => {
    expect(FONT_PATH).toMatch(/^\/fonts\/vazirmatn-\d+\.\d+\.\d+\/$/);
    for (const file of Object.values(FONT_FILES)) expect(STYLESHEET).toContain(`url("${FONT_PATH}${file}") format("woff2")`);
  });

  it('is only for Arabic script (unicode-range), swaps in when ready, and only the Persian edition asks for it', () => {
    expect(STYLESHEET.match(/@font-face \{[^}]*font-display: swap; unicode-range: U\+0600-06FF/g)?.length).toBe(2);
    expect(STYLESHEET).toMatch(/html\[lang="fa"\] \{ font-family: var\(--font-persian\)/);
    expect(STYLESHEET).not.toMatch(/:lang\(fa\)[^{]*\{[^}]*font-family/);
  });
});
