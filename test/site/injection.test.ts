import { describe, expect, it } from 'vitest';
import { checkProject } from '../../tools/check/check.ts';
import { formatProblem } from '../../tools/check/problems.ts';
import { catalogWith, siteApp, SLUG } from './catalog.ts';
import { projectFiles } from './project-files.ts';

/** An edition rendered from a catalog whose Persian holds `hostile` in one place. */
async function faPage(edit: Parameters<typeof catalogWith>[0]): Promise<string> {
  return (await siteApp(edit).request(`/fa/${SLUG}`)).text();
}

const hostile = [
  {
    description: 'a <script> tag in a segment is shown as text',
    page: () => faPage((c) => (c.resources.fa![SLUG]!.headline = 'خبر <script>alert(1)</script> {putin} {raisi} {kremlin}')),
    shown: '&lt;script&gt;alert(1)&lt;/script&gt;',
    // The one script element is the page's JSON-LD, where the headline's "<" is written \u003c.
    never: /<script(?! type="application\/ld\+json">[^<]*<\/script>)|alert\(1\)<\/script>/i,
  },
  {
    description: 'an attribute breakout in a glossary name is escaped in text and in attributes',
    page: () => faPage((c) => (c.resources.fa!.glossary!.moscow = '"><img src=x onerror=alert(1)>')),
    shown: '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;',
    never: /<img|onerror=alert\(1\)>/,
  },
  {
    description: 'markup written with ICU quotes is shown as text',
    page: () => faPage((c) => (c.resources.fa![SLUG]!['source-line'] = "منبع: {aljazeera} '<'img src=x onerror=alert(1)'>'")),
    shown: '&lt;img src=x onerror=alert(1)&gt;',
    never: /<img/,
  },
  {
    description: 'a javascript: URL in a segment is text, never a link',
    page: () => faPage((c) => (c.resources.fa![SLUG]!['source-line'] = 'منبع: {aljazeera} javascript:alert(1)')),
    shown: 'javascript:alert(1)',
    never: /href="javascript:/i,
  },
];

describe('translations cannot inject markup', () => {
  for (const { description, page, shown, never } of hostile) {
    it(description, async () => {
      const html = await page();
      // Latin runs in the Persian edition are isolated in <bdi>; read the text without them.
      expect(html.replace(/<\/?bdi[^>]*>/g, '')).toContain(shown);
      expect(html).not.toMatch(never);
    });
  }

  it('the allowed rich-text tags <b> and <i> become elements', async () => {
    const html = await faPage((c) => {
      c.resources.en![SLUG]!['source-line'] = 'Source: <b>{aljazeera}</b> <i>online</i>';
      c.resources.fa![SLUG]!['source-line'] = 'منبع: <b>{aljazeera}</b> <i>برخط</i>';
    });
    expect(html).toContain('<span data-segment="source-line">منبع: <b>الجزیره</b> <i>برخط</i></span>');
  });

  it('the check refuses any other tag, naming the file and segment', () => {
    const files = {
      ...projectFiles,
      locales: projectFiles.locales.map((f) =>
        f.path === 'locales/ru/ui.json'
          ? { ...f, text: JSON.stringify({ ...JSON.parse(f.text), 'skip-link': '<script>Перейти</script>' }) }
          : f,
      ),
    };
    const problems = checkProject(files).problems.map(formatProblem);
    expect(problems).toContainEqual(
      expect.stringMatching(/^locales\/ru\/ui\.json:1:\d+: skip-link: tag <script> is not allowed: a segment may use only <b> and <i>$/),
    );
  });
});
