import { describe, expect, it } from 'vitest';
import content from '../content/putin-raisi-kremlin-meeting.json';
import en from '../locales/en/putin-raisi-kremlin-meeting.json';
import fa from '../locales/fa/putin-raisi-kremlin-meeting.json';
import ru from '../locales/ru/putin-raisi-kremlin-meeting.json';
import enUi from '../locales/en/ui.json';
import faUi from '../locales/fa/ui.json';
import ruUi from '../locales/ru/ui.json';
import { articleSegments, type Article } from '../src/content.ts';

const article = content as Article;

describe('segment alignment', () => {
  it('English has exactly the segments the content file names, in reading order', () => {
    expect(Object.keys(en)).toEqual(articleSegments(article).map((s) => s.id));
  });

  for (const [locale, segments, ui] of [
    ['fa', fa, faUi],
    ['ru', ru, ruUi],
  ] as const) {
    it(`${locale} has exactly the English segment ids and interface strings`, () => {
      expect(Object.keys(segments)).toEqual(Object.keys(en));
      expect(Object.keys(ui)).toEqual(Object.keys(enUi));
    });
  }

  it('Persian text uses Persian ی and ک and no typed digits', () => {
    for (const text of [...Object.values(fa), ...Object.values(faUi)]) {
      expect(text).not.toMatch(/[\u064A\u0643]/);
      expect(text).not.toMatch(/[0-9\u06F0-\u06F9\u0660-\u0669]/);
    }
  });

  it('Russian text uses « » quotation marks, never straight quotes', () => {
    for (const text of [...Object.values(ru), ...Object.values(ruUi)]) expect(text).not.toMatch(/["']/);
  });
});
