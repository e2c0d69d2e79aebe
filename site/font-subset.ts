import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import subsetFont from 'subset-font';
import type { Catalog } from './content.ts';
import { FONTS, fontOf, type Font } from './fonts.ts';
import { sha256 } from './hash.ts';
import { packageDir } from './packages.ts';
import { writeAtomic } from '../tools/write-atomic.ts';
import type { Edition, Editions } from './editions.ts';
import type { EditionFonts, WebFontFace } from './style.ts';

/**
 * Characters every edition's own font keeps beyond its language's: the Latin that names and credits are written
 * in (printable ASCII), and what the typography rules insert (no-break and narrow no-break spaces, the
 * non-joiner and joiner, dashes, quotation marks, the ellipsis).
 */
const ALWAYS = `${String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i))}\u00a0\u202f\u200c\u200d\u2011–—«»“”‘’„…`;

/**
 * The characters of a CLDR UnicodeSet as `characters.json` writes them (`[a b {а́} \- ‐‑ ...]`, UTS #35): single
 * characters, escapes, `{multi}` strings (kept as their characters) and `x-y` ranges.
 */
export function unicodeSetCharacters(set: string): Set<string> {
  const out = new Set<string>();
  const body = [...set.replace(/^\[|\]$/g, '')];
  let previous: string | undefined;
  for (let i = 0; i < body.length; i++) {
    let c = body[i]!;
    if (c === ' ') continue;
    if (c === '{') {
      const end = body.indexOf('}', i);
      for (const part of body.slice(i + 1, end)) out.add(part);
      i = end;
      previous = undefined;
      continue;
    }
    if (c === '\\') {
      const next = body[i + 1]!;
      if (next === 'u') {
        c = String.fromCodePoint(parseInt(body.slice(i + 2, i + 6).join(''), 16));
        i += 5;
      } else {
        c = next;
        i += 1;
      }
    } else if (c === '-' && previous !== undefined && body[i + 1] && body[i + 1] !== ' ') {
      const last = body[i + 1]!.codePointAt(0)!;
      for (let cp = previous.codePointAt(0)! + 1; cp <= last; cp++) out.add(String.fromCodePoint(cp));
      i += 1;
      previous = undefined;
      continue;
    }
    out.add(c);
    previous = c;
  }
  return out;
}

/**
 * A language's characters as CLDR lists them (`cldr-misc-full`: main, auxiliary, punctuation and number
 * exemplars), capitals too: a set that stays the same from one article to the next, so the font's URL does.
 */
export function exemplarCharacters(locale: string): Set<string> {
  const dir = join(packageDir('cldr-misc-full'), 'main');
  const tried = [locale, new Intl.Locale(locale).language];
  const name = tried.find((tag) => {
    try {
      readFileSync(join(dir, tag, 'characters.json'));
      return true;
    } catch {
      return false;
    }
  });
  const out = new Set<string>();
  if (!name) return out;
  const data = JSON.parse(readFileSync(join(dir, name, 'characters.json'), 'utf8')) as {
    main: Record<string, { characters: Record<string, string> }>;
  };
  const sets = Object.values(data.main)[0]!.characters;
  for (const key of ['exemplarCharacters', 'auxiliary', 'punctuation', 'numbers'])
    for (const c of unicodeSetCharacters(sets[key] ?? '[]')) {
      out.add(c);
      for (const upper of c.toLocaleUpperCase(locale)) out.add(upper);
    }
  return out;
}

/** The characters of every text an edition's pages are made from: its own, its drafts, and the source's. */
function catalogCharacters(catalog: Catalog, locale: string): Set<string> {
  const out = new Set(charactersOf(catalog.resources[catalog.editions.source]));
  for (const c of charactersOf(catalog.resources[locale])) out.add(c);
  for (const c of charactersOf(catalog.drafts[locale])) out.add(c);
  return out;
}

const characterSets = new WeakMap<object, ReadonlySet<string>>();
/** The characters of every text of a language's namespaces, found once for every edition that asks. */
function charactersOf(resources: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined): ReadonlySet<string> {
  if (!resources) return new Set();
  let out = characterSets.get(resources) as Set<string> | undefined;
  if (out) return out;
  out = new Set<string>();
  // The BMP's units already added, looked up in an array: a thousand articles' texts are millions of characters.
  const seen = new Uint8Array(0x10000);
  for (const texts of Object.values(resources))
    for (const text of Object.values(texts))
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (seen[unit]) continue;
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
          // A character past the BMP: its pair, added whole (its high surrogate is never marked seen).
          const character = String.fromCodePoint(text.codePointAt(i)!);
          out.add(character);
          i += character.length - 1;
          continue;
        }
        seen[unit] = 1;
        out.add(text[i]!);
      }
  characterSets.set(resources, out);
  return out;
}

/** `U+0020-007E, U+00A0, …`: the code points a face has, for its `unicode-range`. */
export function unicodeRange(codePoints: readonly number[]): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let end = i;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++;
    ranges.push(end === i ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[end]!)}`);
    i = end + 1;
  }
  return ranges.join(', ');
}

/** The site's web fonts, subset per edition: the files to serve, and each edition's faces for its stylesheet. */
export interface FontPlan {
  /** Path inside the assets directory → bytes (WOFF2 subsets and the licences). */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Edition → its faces: its own font first, then any other that writes a character its pages show. */
  readonly faces: EditionFonts;
}

const cmaps = new Map<string, ReadonlySet<number>>();
/** The code points a font file maps to a glyph (its cmap), read once: what the font really has. */
function cmapOf(font: Font, weight: 400 | 700): ReadonlySet<number> {
  const key = `${font.package}/${font.files[weight]}`;
  let cmap = cmaps.get(key);
  if (!cmap) {
    const bytes = readFileSync(join(packageDir(font.package), font.files[weight]));
    cmap = new Set(new hb.Face(new hb.Blob(bytes)).collectUnicodes());
    cmaps.set(key, cmap);
  }
  return cmap;
}

/**
 * A WOFF2 subset of a font file to `text`, by HarfBuzz (subset-font), kept in `cache` under a hash of what it is
 * made from: a build whose editions' characters did not change subsets nothing. The cache is safe to delete.
 */
async function subset(source: Uint8Array, text: string, cache: string): Promise<Uint8Array> {
  const file = join(cache, `${sha256(`${sha256(source)}\u0000${text}`).slice(0, 32)}.woff2`);
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  // subset-font reads a Buffer (fontverter detects the format with Buffer methods).
  const woff2 = new Uint8Array(await subsetFont(Buffer.from(source), text, { targetFormat: 'woff2' }));
  mkdirSync(cache, { recursive: true });
  writeAtomic(file, woff2);
  return woff2;
}

const slug = (font: Font) => `${font.family.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${font.version}`;

/**
 * Each edition's fonts: its own font keeps a stable set (its language's CLDR characters, printable ASCII, the
 * typography's punctuation) and every character of the texts its pages are made from; a character its own font
 * lacks goes to the first other font of the site that has it (the switcher's «Русский» on a Persian page). Each
 * weight is subset by HarfBuzz (subset-font) to WOFF2 (kept in `cache`), named by a hash of its bytes.
 */
export async function planFonts(
  site: { readonly editions: Editions; autonym(locale: string): string },
  catalog: Catalog,
  cache: string,
): Promise<FontPlan> {
  const files = new Map<string, Uint8Array>();
  const faces: Record<string, WebFontFace[]> = {};
  const fonts = Object.values(FONTS);
  for (const font of fonts) {
    const installed = (JSON.parse(readFileSync(join(packageDir(font.package), 'package.json'), 'utf8')) as { version: string }).version;
    // The version names the fonts' folder, which browsers keep for a year: it must be the files' own.
    if (installed !== font.version)
      throw new Error(`${font.package} ${installed} is installed but site/fonts.ts names ${font.version}; make them agree (npm install)`);
  }
  for (const edition of site.editions.all) {
    const own = fontOf(edition);
    const stack = [own, ...fonts.filter((f) => f !== own)];
    const wanted = new Set([...exemplarCharacters(edition.formatLocale), ...ALWAYS, ...catalogCharacters(catalog, edition.locale)]);
    for (const other of site.editions.offeredWith(edition.locale)) for (const c of site.autonym(other.locale)) wanted.add(c);
    const assigned = new Map<Font, number[]>(stack.map((f) => [f, []]));
    for (const c of wanted) {
      const cp = c.codePointAt(0)!;
      const font = stack.find((f) => cmapOf(f, 400).has(cp) && cmapOf(f, 700).has(cp));
      if (font) assigned.get(font)!.push(cp);
    }
    faces[edition.locale] = [];
    for (const font of stack) {
      const codePoints = assigned.get(font)!;
      if (codePoints.length === 0) continue;
      const text = String.fromCodePoint(...codePoints.sort((a, b) => a - b));
      for (const weight of [400, 700] as const) {
        const source = new Uint8Array(readFileSync(join(packageDir(font.package), font.files[weight])));
        const woff2 = await subset(source, text, cache);
        const path = `fonts/${slug(font)}/${edition.locale}-${weight}-${sha256(woff2).slice(0, 10)}.woff2`;
        files.set(path, woff2);
        faces[edition.locale]!.push({
          family: font.family,
          weight,
          url: `/${path}`,
          unicodeRange: unicodeRange(codePoints),
          own: font === own,
        });
      }
      files.set(`fonts/${slug(font)}/${font.license}`, new Uint8Array(readFileSync(join(packageDir(font.package), font.license))));
    }
  }
  return { files, faces };
}

/** The characters a page draws: the text of its body, markup and scripts left out, entities decoded. */
export function pageCharacters(html: string): Set<string> {
  const body = html.slice(html.indexOf('<body'));
  const text = body
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);
  // Line breaks are not drawn, and default-ignorable characters (the non-joiner) need no glyph.
  return new Set([...text].filter((c) => !/[\n\r\t\p{Default_Ignorable_Code_Point}]/u.test(c)));
}

/**
 * A check of rendered pages against the fonts: for a page (its path in the assets directory, its bytes), each
 * character its edition's faces do not have (the code points the subsets really have), named with the page;
 * none for a page that is not an edition's HTML. Each edition's coverage is read once.
 */
export function glyphChecker(editions: readonly Edition[], faces: FontPlan['faces']): (path: string, bytes: Uint8Array) => string[] {
  const coverage = new Map<string, Set<number>>();
  for (const edition of editions) {
    const covered = new Set<number>();
    for (const face of faces[edition.locale] ?? [])
      for (const range of face.unicodeRange.split(', ')) {
        const [from, to = from] = range.replace(/U\+/g, '').split('-');
        for (let cp = parseInt(from!, 16); cp <= parseInt(to!, 16); cp++) covered.add(cp);
      }
    coverage.set(edition.locale, covered);
  }
  const decoder = new TextDecoder();
  return (path, bytes) => {
    const locale = path.slice(0, path.indexOf('/'));
    const covered = coverage.get(locale);
    if (!covered || !path.endsWith('.html')) return [];
    return [...pageCharacters(decoder.decode(bytes))]
      .filter((c) => !covered.has(c.codePointAt(0)!))
      .map(
        (c) =>
          `${path}: «${c}» (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is in no font of the ${locale} edition`,
      );
  };
}

/** Every character of every page of an edition is in one of its faces: each one missing, named with its page, or none. */
export function missingGlyphs(pages: ReadonlyMap<string, Uint8Array>, editions: readonly Edition[], faces: FontPlan['faces']): string[] {
  const check = glyphChecker(editions, faces);
  return [...pages].flatMap(([path, bytes]) => check(path, bytes));
}
