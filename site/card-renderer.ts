import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { cardSvg, layoutCard, type CardLayout, type CardLine, type CardPen, type CardText, type Typesetter } from './card.ts';
import { CARD_FALLBACK_FONTS, FONTS } from './fonts.ts';
import { packageDir } from './packages.ts';
import { encodePng } from './png.ts';
import { Shaper, type FaceFile } from './shaper.ts';

let loaded: Promise<void> | undefined;

/** A number as the SVG writes it: `digits` decimals at most, the same bytes on every machine. */
const n = (value: number, digits = 2) => String(Number(value.toFixed(digits)));

/**
 * A renderer of cards: HarfBuzz shapes and measures the text and draws its glyphs' outlines (once per glyph),
 * and resvg (WebAssembly) only fills those paths: no font is loaded per card, and none of the system's is used.
 */
export class CardRenderer {
  readonly #shaper: Shaper;

  private constructor(shaper: Shaper) {
    this.#shaper = shaper;
  }

  /** Loads resvg's WebAssembly (once a process: it cannot be loaded twice), and the fonts the cards are set in. */
  static async create(wasm: BufferSource, fonts: readonly FaceFile[], fallbacks: readonly string[]): Promise<CardRenderer> {
    loaded ??= initWasm(wasm);
    await loaded;
    return new CardRenderer(new Shaper(fonts, fallbacks));
  }

  /** The renderer the build uses: resvg's WebAssembly and the card fonts, from their npm packages. */
  static fromPackages(): Promise<CardRenderer> {
    const fonts = [...Object.values(FONTS), ...CARD_FALLBACK_FONTS];
    return CardRenderer.create(
      readFileSync(fileURLToPath(import.meta.resolve('@resvg/resvg-wasm/index_bg.wasm'))),
      fonts.flatMap((font) =>
        Object.entries(font.files).map(([weight, file]) => ({
          family: font.family,
          weight: Number(weight),
          bytes: new Uint8Array(readFileSync(join(packageDir(font.package), file))),
        })),
      ),
      fonts.map((font) => font.family),
    );
  }

  /** How the cards measure text: shaped by HarfBuzz, each word once. */
  readonly typesetter: Typesetter = {
    measure: (text, family, size, weight) => this.#shaper.measure(text, family, size, weight),
    extents: (family, weight, size) => this.#shaper.extents(family, weight, size),
  };

  /** Whether the card fonts have every character of `text` (else the missing ones are left out). */
  covers(text: string, family: string): boolean {
    return this.#shaper.covers(text, family, 400) && this.#shaper.covers(text, family, 700);
  }

  /** Where a card's lines go. */
  layout(card: CardText): CardLayout {
    return layoutCard(card, this.typesetter);
  }

  /** A pen that draws each line as its glyphs' outlines, each outline defined once per card. */
  #pen(layout: CardLayout): CardPen {
    const used = new Map<string, string>();
    return {
      line: (line: CardLine) => {
        const shaped = this.#shaper.line(line.text, layout.card.family, line.size, line.weight, layout.card.dir);
        const start = layout.card.dir === 'rtl' ? line.x - shaped.width : line.x;
        const uses = shaped.glyphs.map((g) => {
          const id = `g${g.face}-${g.glyph}`;
          if (!used.has(id)) used.set(id, this.#shaper.path(g.face, g.glyph));
          const scale = n(line.size / this.#shaper.upem(g.face), 6);
          return `<use href="#${id}" transform="matrix(${scale} 0 0 -${scale} ${n(start + g.x)} ${n(line.y + g.y)})"/>`;
        });
        return `<g fill="${line.fill}">${uses.join('')}</g>`;
      },
      defs: () => [...used].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join(''),
    };
  }

  /** The card's SVG (its text as outlines) and its PNG. */
  render(card: CardText): { svg: string; png: Uint8Array } {
    const layout = this.layout(card);
    const svg = cardSvg(layout, this.#pen(layout));
    const resvg = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } });
    const image = resvg.render();
    const png = encodePng(image.pixels, image.width, image.height);
    image.free();
    resvg.free();
    return { svg, png };
  }
}

/**
 * The build's cards, made ready on the first card asked for: a build that renders no card (one segment of an
 * article's body edited, say) loads neither resvg nor the fonts.
 */
export function cardsOnDemand(): { render(card: CardText): Promise<{ svg: string; png: Uint8Array }> } {
  let renderer: Promise<CardRenderer> | undefined;
  return { render: async (card) => (await (renderer ??= CardRenderer.fromPackages())).render(card) };
}
