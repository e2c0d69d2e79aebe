import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { cardSvg, type CardText, type Measure } from './card.ts';
import { CARD_FONTS } from './fonts.ts';
import { packageDir } from './packages.ts';
import { escapeXml } from './xml.ts';

/** A file of an installed npm package. */
const packageFile = (pkg: string, file: string) => readFileSync(join(packageDir(pkg), file));

let loaded: Promise<void> | undefined;

/** A renderer of cards: resvg (WebAssembly), with exactly the fonts it is given, none of the system's. */
export class CardRenderer {
  readonly #fonts: Uint8Array[];

  private constructor(fonts: Uint8Array[]) {
    this.#fonts = fonts;
  }

  /** Loads resvg's WebAssembly (once a process: it cannot be loaded twice), and the fonts the cards are set in. */
  static async create(wasm: BufferSource, fonts: readonly Uint8Array[]): Promise<CardRenderer> {
    loaded ??= initWasm(wasm);
    await loaded;
    return new CardRenderer([...fonts]);
  }

  /** The renderer the build uses: resvg's WebAssembly and the card fonts, from their npm packages. */
  static fromPackages(): Promise<CardRenderer> {
    return CardRenderer.create(
      readFileSync(fileURLToPath(import.meta.resolve('@resvg/resvg-wasm/index_bg.wasm'))),
      CARD_FONTS.flatMap((font) => font.files.map((file) => new Uint8Array(packageFile(font.package, file)))),
    );
  }

  #resvg(svg: string) {
    return new Resvg(svg, { font: { fontBuffers: this.#fonts, loadSystemFonts: false }, fitTo: { mode: 'original' } });
  }

  readonly measure: Measure = (text, family, size, weight) => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="8000" height="${size * 3}"><text x="0" y="${size * 2}" font-family="${escapeXml(family)}" font-size="${size}" font-weight="${weight}">${escapeXml(text)}</text></svg>`;
    const resvg = this.#resvg(svg);
    const box = resvg.getBBox();
    const width = box?.width ?? 0;
    box?.free();
    resvg.free();
    return width;
  };

  /** The card's SVG and its PNG. */
  render(card: CardText): { svg: string; png: Uint8Array } {
    const svg = cardSvg(card, this.measure);
    const resvg = this.#resvg(svg);
    const image = resvg.render();
    const png = image.asPng();
    image.free();
    resvg.free();
    return { svg, png };
  }
}
