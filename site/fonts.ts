/**
 * The site's typefaces, by the name `locales/editions.json` may give them: each writes some scripts, on the
 * pages (subset per edition at build, site/font-subset.ts) and on the share cards (site/card-renderer.ts),
 * from the same TrueType files of an npm package.
 */
export interface Font {
  /** CSS font-family name, and the family the cards ask for. */
  readonly family: string;
  /** ISO 15924 scripts it is drawn for: an edition in one of them is set in it (`npm run i18n:add` names it). */
  readonly scripts: readonly string[];
  /** The npm package the files come from, and the version `package.json` pins. */
  readonly package: string;
  readonly version: string;
  /** The TrueType file of each weight the pages and cards use, inside the package. */
  readonly files: Readonly<Record<400 | 700, string>>;
  /** The licence file, inside the package, shipped beside the fonts. */
  readonly license: string;
  /** Installed fonts of the same kind, for the moment before it loads. */
  readonly fallback: string;
  /** Line height the script needs on the pages (tall ascenders and dots). */
  readonly lineHeight: number;
  /** Line height of a headline on a share card. */
  readonly cardLineHeight: number;
}

export const FONTS: Readonly<Record<string, Font>> = {
  vazirmatn: {
    family: 'Vazirmatn',
    scripts: ['Arab'],
    package: 'vazirmatn',
    version: '33.0.3',
    // The full files: Arabic script, and Latin for the names and credits a Persian page carries.
    files: { 400: 'fonts/ttf/Vazirmatn-Regular.ttf', 700: 'fonts/ttf/Vazirmatn-Bold.ttf' },
    license: 'OFL.txt',
    fallback: '"Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, "Iranian Sans", sans-serif',
    lineHeight: 1.9,
    cardLineHeight: 1.55,
  },
  // PT Serif (ParaType): Latin and Cyrillic, drawn for Russian.
  'pt-serif': {
    family: 'PT Serif',
    scripts: ['Latn', 'Cyrl'],
    package: '@expo-google-fonts/pt-serif',
    version: '0.4.1',
    files: { 400: '400Regular/PTSerif_400Regular.ttf', 700: '700Bold/PTSerif_700Bold.ttf' },
    license: 'LICENSE_FONT',
    fallback: 'Georgia, "Noto Serif", "Times New Roman", serif',
    lineHeight: 1.6,
    cardLineHeight: 1.2,
  },
};

/** The name of the font of a script, if the site has one. */
export function fontForScript(script: string): string | undefined {
  return Object.entries(FONTS).find(([, font]) => font.scripts.includes(script))?.[0];
}

/** The font of an edition whose entry names none and whose script no other font writes. */
export const DEFAULT_FONT = 'pt-serif';

/** The font an edition is set in: the one its entry names, else its script's, else PT Serif (whose glyphs a script it lacks will miss). */
export const fontOf = (edition: { script: string; font?: string }): Font =>
  FONTS[edition.font ?? fontForScript(edition.script) ?? DEFAULT_FONT] ?? FONTS[DEFAULT_FONT]!;

/**
 * Fonts the cards fall back to for a character no site font has: Noto Emoji (monochrome outlines, as the
 * cards are drawn). A character none of them has is left out of the card, never drawn as a box.
 */
export const CARD_FALLBACK_FONTS: readonly Pick<Font, 'family' | 'package' | 'files'>[] = [
  {
    family: 'Noto Emoji',
    package: '@expo-google-fonts/noto-emoji',
    files: { 400: '400Regular/NotoEmoji_400Regular.ttf', 700: '700Bold/NotoEmoji_700Bold.ttf' },
  },
];
