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
