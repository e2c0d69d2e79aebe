import { describe, expect, it } from 'vitest';
import { decodeHtml, spaced } from '../html.ts';
import source from '../../content/putin-raisi-kremlin-meeting.source.txt?raw';
import content from '../../content/putin-raisi-kremlin-meeting.json';
import { blockSegments, type Article } from '../../site/content.ts';
import { siteApp } from './catalog.ts';

const site = siteApp();

const article = content as Article;

/** The text of every `data-segment` element of a page, and the photo's description, read with HTMLRewriter. */
async function segmentsOf(response: Response): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  let current: string | undefined;
  const rewriter = new HTMLRewriter()
    .on('[data-segment]', {
      element(el) {
        current = el.getAttribute('data-segment') ?? undefined;
        if (current) texts.set(current, '');
        el.onEndTag(() => {
          current = undefined;
        });
      },
      text(chunk) {
        if (current) texts.set(current, texts.get(current) + chunk.text);
      },
    })
    .on('[role="img"][aria-label]', {
      element(el) {
        texts.set('photo-alt', decodeHtml(el.getAttribute('aria-label') ?? ''));
      },
    });
  await rewriter.transform(response).text();
  for (const [id, text] of texts) texts.set(id, spaced(decodeHtml(text)));
  return texts;
}

describe('the English edition', () => {
  it('reproduces every line of the published English article verbatim', async () => {
    const texts = await segmentsOf(await site.request('/en/putin-raisi-kremlin-meeting'));
    const lines: string[] = [];
    for (const block of article.blocks) {
      if (block.type === 'photo') {
        lines.push(texts.get(block.alt)!);
        lines.push(`${texts.get(block.caption)} [${texts.get(block.credit)}]`);
      } else {
        lines.push(
          blockSegments(block)
            .map((id) => texts.get(id))
            .join(' '),
        );
      }
    }
    // Word for word; the no-break spaces are the typography's (test/site/typography.test.ts).
    const published = spaced(source)
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(lines).toEqual(published);
  });
});
