import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontverter from 'fontverter';
import * as hb from 'harfbuzzjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Editions } from '../../site/editions.ts';
import {
  exemplarCharacters,
  missingGlyphs,
  pageCharacters,
  planFonts,
  unicodeSetCharacters,
  type FontPlan,
} from '../../site/font-subset.ts';
import { Site } from '../../site/site.ts';
import { checkProject } from '../../tools/check/check.ts';
import { ROOT, readProjectFiles } from '../../tools/project-files.ts';

const catalog = checkProject(readProjectFiles()).catalog!;
const editions = new Editions(catalog.editions);
let plan: FontPlan;
beforeAll(async () => {
  plan = await planFonts(new Site(catalog), catalog, join(ROOT, '.wrangler', 'cache', 'fonts'));
});

const SETS: readonly { description: string; input: string; expected: string }[] = [
  { description: 'single characters', input: '[а б в]', expected: 'абв' },
  { description: 'escapes', input: '[\\- \\: \\u200C]', expected: '-:\u200c' },
  { description: 'a string in braces, as its characters', input: '[{а́}]', expected: 'а\u0301' },
  { description: 'a range', input: '[a-e]', expected: 'abcde' },
  { description: 'characters written together', input: '[‐‑ ،]', expected: '‐‑،' },
];

describe('CLDR exemplar sets (UTS #35 UnicodeSet)', () => {
  for (const { description, input, expected } of SETS)
    it(description, () => {
      expect([...unicodeSetCharacters(input)].sort().join('')).toBe([...expected].sort().join(''));
    });

  it('a language’s set has its letters in both cases, its punctuation and its digits', () => {
    const ru = exemplarCharacters('ru');
    for (const c of 'аяЁЖ«»—…09') expect(ru.has(c), c).toBe(true);
    const fa = exemplarCharacters('fa');
    for (const c of 'پچژگ«»،؛؟۰۹') expect(fa.has(c), c).toBe(true);
  });
});

describe('each edition’s subset fonts', () => {
  it('each WOFF2 file has exactly the code points its @font-face declares (read back from its cmap)', async () => {
    for (const [locale, faces] of Object.entries(plan.faces))
      for (const face of faces) {
        const woff2 = plan.files.get(face.url.slice(1))!;
        const sfnt: Buffer = await fontverter.convert(Buffer.from(woff2), 'sfnt');
        const cmap = [...new hb.Face(new hb.Blob(new Uint8Array(sfnt))).collectUnicodes()].sort((a, b) => a - b);
        const declared = face.unicodeRange.split(', ').flatMap((range) => {
          const [from, to = from] = range
            .replace(/U\+/g, '')
            .split('-')
            .map((h) => parseInt(h, 16));
          return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
        });
        expect(cmap, `${locale} ${face.family} ${face.weight}`).toEqual(declared);
      }
  });

  it('a build with the same texts makes the same files (the fonts’ URLs stay)', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'fonts-'));
    const again = await planFonts(new Site(catalog), catalog, cache);
    rmSync(cache, { recursive: true });
    expect(again.faces).toEqual(plan.faces);
    for (const [path, bytes] of plan.files) expect(Buffer.compare(Buffer.from(again.files.get(path)!), Buffer.from(bytes)), path).toBe(0);
  });

  it('every character of every built page is in a font of its edition', () => {
    const pages = new Map<string, Uint8Array>();
    for (const path of ['en/index.html', 'fa/putin-raisi-kremlin-meeting.html', 'ru/putin-raisi-kremlin-meeting/review.html'])
      pages.set(path, new Uint8Array(readFileSync(join(ROOT, 'public', path))));
    expect(missingGlyphs(pages, editions.all, plan.faces)).toEqual([]);
  });

  it('a character no font of the edition has is named with its page', () => {
    const pages = new Map([['ru/x.html', new TextEncoder().encode('<html><body><p>Привет ཀ &amp; <b>мир</b></p></body></html>')]]);
    expect(missingGlyphs(pages, editions.all, plan.faces)).toEqual(['ru/x.html: «ཀ» (U+0F40) is in no font of the ru edition']);
  });

  it('a page’s characters are its body’s text: no markup, no script, entities decoded, no invisible joiners', () => {
    const html = '<html><head><title>Tq</title></head><body><script>zz</script><p class="x">a&amp;b\u200c</p></body></html>';
    expect([...pageCharacters(html)].sort()).toEqual(['&', 'a', 'b']);
  });
});
