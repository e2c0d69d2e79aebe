/** Web fonts the site can self-host, by the name `locales/editions.json` gives them, each for one script. */
export interface WebFont {
  /** CSS font-family name. */
  readonly family: string;
  /** ISO 15924 script the font is for: an edition in this script gets it (`npm run i18n:add` picks it). */
  readonly script: string;
  /** The npm package the files are copied from at build, and the version `package.json` pins. */
  readonly package: string;
  readonly version: string;
  /** Folder of the woff2 files inside the package, and the file of each weight the pages use. */
  readonly directory: string;
  readonly files: Readonly<Record<400 | 700, string>>;
  /** The licence file shipped beside the fonts. */
  readonly license: string;
  /** Characters the font is downloaded for: a page that shows none of them downloads nothing. */
  readonly unicodeRange: string;
  /** Installed fonts to try while it loads or where it is blocked. */
  readonly fallback: string;
  /** Line height the script needs (tall ascenders and dots). */
  readonly lineHeight: number;
}

export const FONTS: Readonly<Record<string, WebFont>> = {
  vazirmatn: {
    family: 'Vazirmatn',
    script: 'Arab',
    package: 'vazirmatn',
    version: '33.0.3',
    // The "Non-Latin" subset: Arabic script only; Latin runs use the page's Latin font.
    directory: 'misc/Non-Latin/fonts/webfonts',
    files: { 400: 'Vazirmatn-NL-Regular.woff2', 700: 'Vazirmatn-NL-Bold.woff2' },
    license: 'OFL.txt',
    // Arabic script, its presentation forms, and the joiners and marks Persian and Arabic text use.
    unicodeRange: 'U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F',
    fallback: '"Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, "Iranian Sans", sans-serif',
    lineHeight: 1.9,
  },
};

/** The path a font's files are served from: it names the version, so browsers may keep them for a year. */
export const fontPath = (font: WebFont): string => `/fonts/${font.package}-${font.version}/`;

/** The font of a script, if the site has one. */
export function fontForScript(script: string): string | undefined {
  return Object.entries(FONTS).find(([, font]) => font.script === script)?.[0];
}

/** A font the share cards are set in (TrueType: what resvg reads), from an npm package, for some scripts. */
export interface CardFont {
  readonly family: string;
  readonly package: string;
  /** Its regular (400) and bold (700) files, inside the package. */
  readonly files: readonly [string, string];
  /** ISO 15924 scripts it writes. */
  readonly scripts: readonly string[];
  /** Line height the script needs. */
  readonly lineHeight: number;
}

export const CARD_FONTS: readonly CardFont[] = [
  {
    family: 'Vazirmatn',
    package: 'vazirmatn',
    files: ['fonts/ttf/Vazirmatn-Regular.ttf', 'fonts/ttf/Vazirmatn-Bold.ttf'],
    scripts: ['Arab'],
    lineHeight: 1.55,
  },
  // PT Serif (ParaType): Latin and Cyrillic, drawn for Russian; the pages name it in their serif stack too.
  {
    family: 'PT Serif',
    package: '@expo-google-fonts/pt-serif',
    files: ['400Regular/PTSerif_400Regular.ttf', '700Bold/PTSerif_700Bold.ttf'],
    scripts: ['Latn', 'Cyrl'],
    lineHeight: 1.2,
  },
];

/**
 * Fonts the cards fall back to for a character no card font has: Noto Emoji (monochrome outlines, as the
 * cards are drawn). A character no font here has either is left out of the card, never drawn as a box.
 */
export const FALLBACK_CARD_FONTS: readonly CardFont[] = [
  {
    family: 'Noto Emoji',
    package: '@expo-google-fonts/noto-emoji',
    files: ['400Regular/NotoEmoji_400Regular.ttf', '700Bold/NotoEmoji_700Bold.ttf'],
    scripts: [],
    lineHeight: 1.2,
  },
];

/** The card font of a script: the one that writes it, else PT Serif (whose glyphs a script it lacks will miss). */
export const cardFontFor = (script: string): CardFont => CARD_FONTS.find((f) => f.scripts.includes(script)) ?? CARD_FONTS[1]!;
