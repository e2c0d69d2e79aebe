// Translations as a translator's would pass the check, for tests: every argument, name and tag of the English
// kept, its words replaced by words of the edition's script.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { withWrites, type ProjectFiles } from '../tools/check/check.ts';
import { recordFor, serializeJson } from '../tools/check/sidecar.ts';

const WORDS: Readonly<Record<string, string>> = { fa: 'متن', ru: 'текст' };

function replaceWords(elements: MessageFormatElement[], word: string): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: el.value.replace(/[\p{L}\p{N}]+/gu, word).replace(/["'’“”]/g, '') };
    if (el.type === TYPE.select || el.type === TYPE.plural)
      return {
        ...el,
        options: Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: replaceWords(o.value, word) }])),
      };
    if (el.type === TYPE.tag) return { ...el, children: replaceWords(el.children, word) };
    return el;
  });
}

/** A stand-in translation of an English message into `locale` (fa or ru). */
export const standIn = (english: string, locale: string): string => printAST(replaceWords(parse(english), WORDS[locale]!));

/** The project with every segment of an article translated into each locale (stand-ins), recorded as `translated`. */
export function translated(files: ProjectFiles, slug: string, locales: readonly string[]): ProjectFiles {
  const english = JSON.parse(files.locales.find((f) => f.path === `locales/en/${slug}.json`)!.text) as Record<string, string>;
  return withWrites(
    files,
    locales.flatMap((locale) => {
      const values = Object.fromEntries(Object.entries(english).map(([id, en]) => [id, standIn(en, locale)]));
      const records = Object.fromEntries(Object.entries(english).map(([id, en]) => [id, recordFor(en, values[id]!, 'translated')]));
      return [
        { path: `locales/${locale}/${slug}.json`, text: serializeJson(values) },
        { path: `locales/${locale}/${slug}.state.json`, text: serializeJson(records) },
      ];
    }),
  );
}
