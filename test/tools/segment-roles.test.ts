import { describe, expect, it } from 'vitest';
import { checkProject, type ProjectFiles } from '../../tools/check/check.ts';
import { formatProblem } from '../../tools/check/problems.ts';
import { readProjectFiles } from '../../tools/project-files.ts';

const projectFiles = readProjectFiles();
const SLUG = 'putin-raisi-kremlin-meeting';
const PATH = `locales/ru/${SLUG}.json`;

/** The landed files with one Russian segment of the article changed: `text` is given it without a note marker of its own. */
const withRussian = (id: string, text: (current: string) => string): ProjectFiles => ({
  ...projectFiles,
  locales: projectFiles.locales.map((f) => {
    if (f.path !== PATH) return f;
    const json = JSON.parse(f.text) as Record<string, string>;
    json[id] = text(json[id]!.replace('<note></note>', ''));
    return { ...f, text: `${JSON.stringify(json, null, 2)}\n` };
  }),
});
const errorsAbout = (files: ProjectFiles, id: string) =>
  checkProject(files)
    .problems.filter((p) => p.severity === 'error' && p.segment === id)
    .map((p) => formatProblem(p).replace(/^[^ ]+ /, ''));

describe('what a segment’s role allows a translation', () => {
  const cases = [
    {
      description: 'a dateline may leave out a name of the English (the country after a capital)',
      id: 'dateline',
      text: () => '{tehran} —',
      errors: [],
    },
    {
      description: 'any other segment may not',
      id: 'source-line',
      text: () => 'Источник',
      errors: [`source-line: name {aljazeera} of the English is missing`],
    },
    {
      description: 'the segment an editor’s note is about may place its marker (<note></note>), once',
      id: 'putin-hosted-raisi',
      text: (t: string) => t.replace(/ в августе\./, ' в августе<note></note>.'),
      errors: [],
    },
    {
      description: 'a marker in a segment no note is about is refused',
      id: 'headline',
      text: (t: string) => `${t}<note></note>`,
      errors: [`headline: <note></note> marks where an editor's note's marker goes: no editor's note is about this segment`],
    },
    {
      description: 'two markers are refused',
      id: 'putin-hosted-raisi',
      text: (t: string) => `<note></note>${t}<note></note>`,
      errors: ['putin-hosted-raisi: <note></note> may appear once'],
    },
    {
      description: 'a marker holding text is refused',
      id: 'putin-hosted-raisi',
      text: (t: string) => `${t}<note>1</note>`,
      errors: ['putin-hosted-raisi: <note></note> holds nothing: it marks a place'],
    },
  ];
  for (const { description, id, text, errors } of cases)
    it(description, () => {
      expect(errorsAbout(withRussian(id, text), id)).toEqual(errors);
    });
});
