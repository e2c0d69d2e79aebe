import bidiFactory from 'bidi-js';
import * as hb from 'harfbuzzjs';

/** A font file the shaper sets text in. */
export interface FaceFile {
  readonly family: string;
  readonly weight: number;
  readonly bytes: Uint8Array;
}

/** A glyph of a shaped line: which face and glyph, where its origin is (pixels from the line's start, baseline y = 0). */
export interface PlacedGlyph {
  readonly face: number;
  readonly glyph: number;
  readonly x: number;
  readonly y: number;
}

/** A line as it is drawn: its glyphs left to right, and its width in pixels. */
export interface ShapedLine {
  readonly glyphs: readonly PlacedGlyph[];
  readonly width: number;
}

interface Face {
  readonly family: string;
  readonly weight: number;
  readonly font: hb.Font;
  readonly upem: number;
  /** The code points the font maps to a glyph (its cmap), read once. */
  readonly unicodes: ReadonlySet<number>;
}

/** A piece of text set in one face. */
interface Run {
  readonly face: number;
  readonly text: string;
}

const bidi = bidiFactory();
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
// Default-ignorable code points (ZWNJ, ZWJ, variation selectors, bidi controls) need no glyph: a font that lacks
// them still sets the grapheme they belong to, and HarfBuzz hides them.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * Text set by HarfBuzz (harfbuzzjs, WebAssembly): each font loaded once, words measured once, glyph outlines
 * drawn once. A grapheme goes to the first face, of the family asked for and then of the fallback families,
 * whose cmap has every visible code point of it; a grapheme no face has is left out, never drawn as a box.
 * Mixed directions follow the Unicode Bidirectional Algorithm (UAX #9, by bidi-js).
 */
export class Shaper {
  readonly #faces: readonly Face[];
  readonly #fallbacks: readonly string[];
  readonly #chains = new Map<string, readonly number[]>();
  readonly #widths = new Map<string, number>();
  readonly #paths = new Map<string, string>();

  /** `fallbacks`: the families tried, in order, for a grapheme the family asked for lacks. */
  constructor(files: readonly FaceFile[], fallbacks: readonly string[]) {
    this.#faces = files.map(({ family, weight, bytes }) => {
      const face = new hb.Face(new hb.Blob(bytes));
      return { family, weight, font: new hb.Font(face), upem: face.upem, unicodes: new Set(face.collectUnicodes()) };
    });
    this.#fallbacks = fallbacks;
  }

  /** The faces tried for a family and weight: its own, then each fallback family's nearest weight. */
  #chain(family: string, weight: number): readonly number[] {
    const key = `${family}\u0000${weight}`;
    let chain = this.#chains.get(key);
    if (!chain) {
      const nearest = (name: string) =>
        this.#faces
          .map((face, index) => ({ face, index }))
          .filter(({ face }) => face.family === name)
          .sort((a, b) => Math.abs(a.face.weight - weight) - Math.abs(b.face.weight - weight))[0]?.index;
      chain = [family, ...this.#fallbacks.filter((f) => f !== family)].flatMap((name) => {
        const index = nearest(name);
        return index === undefined ? [] : [index];
      });
      if (chain.length === 0) throw new Error(`no font of the family "${family}"`);
      this.#chains.set(key, chain);
    }
    return chain;
  }

  /** Whether some face of the chain has every visible code point of `text`. */
  covers(text: string, family: string, weight: number): boolean {
    return (
      this.#runs(text, family, weight)
        .map((r) => r.text)
        .join('') === text
    );
  }

  /** The text in runs of one face each; graphemes no face has are left out. */
  #runs(text: string, family: string, weight: number): Run[] {
    const chain = this.#chain(family, weight);
    const runs: { face: number; text: string }[] = [];
    for (const { segment } of graphemes.segment(text)) {
      const face = chain.find((index) => {
        const { unicodes } = this.#faces[index]!;
        for (const c of segment) if (!IGNORABLE.test(c) && !unicodes.has(c.codePointAt(0)!)) return false;
        return true;
      });
      if (face === undefined) continue;
      const last = runs.at(-1);
      if (last?.face === face) last.text += segment;
      else runs.push({ face, text: segment });
    }
    return runs;
  }

  /** Shapes a run in one face and direction: glyphs in visual order, positions in font units. */
  #shape(run: Run, rtl?: boolean) {
    const buffer = new hb.Buffer();
    buffer.addText(run.text);
    if (rtl !== undefined) buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR);
    buffer.guessSegmentProperties();
    hb.shape(this.#faces[run.face]!.font, buffer);
    return buffer.getGlyphInfosAndPositions();
  }

  /** Width in em of a word (or any text without spaces), measured once. */
  #em(word: string, family: string, weight: number): number {
    const key = `${family}\u0000${weight}\u0000${word}`;
    let width = this.#widths.get(key);
    if (width === undefined) {
      width = 0;
      for (const run of this.#runs(word, family, weight)) {
        const upem = this.#faces[run.face]!.upem;
        for (const g of this.#shape(run)) width += (g.xAdvance ?? 0) / upem;
      }
      this.#widths.set(key, width);
    }
    return width;
  }

  /** The width of `text` in pixels at `size`: the sum of its words', each measured once, and its spaces. */
  measure(text: string, family: string, size: number, weight: number): number {
    let em = 0;
    const words = text.split(' ');
    for (const word of words) if (word) em += this.#em(word, family, weight);
    return (em + (words.length - 1) * this.#em(' ', family, weight)) * size;
  }

  /**
   * A line as glyphs, left to right: bidi levels resolved in the line's base direction, the text cut into runs of
   * one level and one face, each shaped in its own direction, and the runs reordered (UAX #9 L2).
   */
  line(text: string, family: string, size: number, weight: number, dir: 'ltr' | 'rtl'): ShapedLine {
    const runs = this.#runs(text, family, weight);
    const kept = runs.map((r) => r.text).join('');
    const { levels } = bidi.getEmbeddingLevels(kept, dir);
    // Logical runs of one face and one level.
    const pieces: { run: Run; level: number }[] = [];
    let offset = 0;
    for (const run of runs) {
      for (let i = 0; i < run.text.length;) {
        const level = levels[offset + i]!;
        let end = i + 1;
        while (end < run.text.length && levels[offset + end] === level) end++;
        pieces.push({ run: { face: run.face, text: run.text.slice(i, end) }, level });
        i = end;
      }
      offset += run.text.length;
    }
    // UAX #9 L2: from the highest level down to the lowest odd one, reverse every sequence at that level or higher.
    const highest = Math.max(0, ...pieces.map((p) => p.level));
    const lowestOdd = Math.min(...pieces.map((p) => p.level | 1), highest + 1);
    for (let level = highest; level >= lowestOdd; level--)
      for (let i = 0; i < pieces.length;) {
        if (pieces[i]!.level < level) {
          i++;
          continue;
        }
        let end = i;
        while (end < pieces.length && pieces[end]!.level >= level) end++;
        pieces.splice(i, end - i, ...pieces.slice(i, end).reverse());
        i = end;
      }
    const glyphs: PlacedGlyph[] = [];
    let x = 0;
    for (const { run, level } of pieces) {
      const scale = size / this.#faces[run.face]!.upem;
      for (const g of this.#shape(run, level % 2 === 1)) {
        glyphs.push({ face: run.face, glyph: g.codepoint, x: x + (g.xOffset ?? 0) * scale, y: -(g.yOffset ?? 0) * scale });
        x += (g.xAdvance ?? 0) * scale;
      }
    }
    return { glyphs, width: x };
  }

  /** A glyph's outline as SVG path data, in font units with y up; drawn once per glyph. */
  path(face: number, glyph: number): string {
    const key = `${face}:${glyph}`;
    let d = this.#paths.get(key);
    if (d === undefined) {
      d = this.#faces[face]!.font.glyphToPath(glyph);
      this.#paths.set(key, d);
    }
    return d;
  }

  /** Units per em of a face: a path's scale at a size is size ÷ this. */
  upem(face: number): number {
    return this.#faces[face]!.upem;
  }

  /** The face's ascender and descender at `size`, in pixels (descender negative). */
  extents(family: string, weight: number, size: number): { ascender: number; descender: number } {
    const face = this.#faces[this.#chain(family, weight)[0]!]!;
    const { ascender, descender } = face.font.hExtents();
    return { ascender: (ascender * size) / face.upem, descender: (descender * size) / face.upem };
  }
}
