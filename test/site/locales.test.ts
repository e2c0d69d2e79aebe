import { describe, expect, it } from 'vitest';
import content from '../../content/putin-raisi-kremlin-meeting.json';
import en from '../../locales/en/putin-raisi-kremlin-meeting.json';
import fa from '../../locales/fa/putin-raisi-kremlin-meeting.json';
import ru from '../../locales/ru/putin-raisi-kremlin-meeting.json';
import enUi from '../../locales/en/ui.json';
import faUi from '../../locales/fa/ui.json';
import ruUi from '../../locales/ru/ui.json';
import { articleSegments, type Article } from '../../site/content.ts';
import { checkProject } from '../../tools/check/check.ts';
import { formatProblem } from '../../tools/check/problems.ts';
import { rulesFor } from '../../tools/check/rules.ts';
import { projectFiles } from './project-files.ts';

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
});

describe('the landed files, by the check’s own rules (run here inside workerd)', () => {
  it('pass the check with no error and no warning', () => {
    expect(checkProject(projectFiles).problems.map(formatProblem)).toEqual([]);
  });

  it('the rules of Persian and Russian writing are in force: Persian ی and ک and no typed digits, Russian « »', () => {
    const messages = (locale: string) => rulesFor(locale).map((r) => r.message);
    expect(messages('fa')).toEqual(expect.arrayContaining([expect.stringContaining('ی (U+06CC)'), expect.stringContaining('digit')]));
    expect(messages('ru')).toEqual(expect.arrayContaining([expect.stringContaining('« »')]));
    for (const locale of ['en', 'fa', 'ru']) expect(messages(locale)).toContainEqual(expect.stringContaining('bidi'));
  });
});
