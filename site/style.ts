import type { Edition } from './editions.ts';
import { fontOf } from './fonts.ts';
import { sha256 } from './hash.ts';
import { REVIEW_STATES } from './content.ts';

const BASE = `:root {
  color-scheme: light dark;
  --text: #1b1b1b;
  --muted: #595959;
  --background: #ffffff;
  --rule: #d0d0d0;
  --accent: #0b5cad;
}
@media (prefers-color-scheme: dark) {
  :root { --text: #ececec; --muted: #b0b0b0; --background: #141414; --rule: #3a3a3a; --accent: #8ab8ff; }
}
* { box-sizing: border-box; }
html { background: var(--background); color: var(--text); line-height: 1.6; }
body { margin: 0; padding-inline: 1rem; }
main, .masthead { max-inline-size: 40rem; margin-inline: auto; }
body:has(.review) main, body:has(.review) .masthead { max-inline-size: 72rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip-link { position: absolute; inset-inline-start: -100vw; }
.skip-link:focus { position: static; display: block; padding-block: 0.5rem; }
.masthead { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem 1rem; padding-block: 1rem; border-block-end: 1px solid var(--rule); }
.site-name { font-weight: bold; text-decoration: none; color: inherit; }
/* A phone: the site's name above the languages, whatever their widths while the fonts load (no layout shift). */
@media (max-width: 40rem) {
  .masthead { flex-direction: column; }
}
.languages ul { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; list-style: none; }
.languages [aria-current] { font-weight: bold; }
h1 { font-size: 2rem; line-height: 1.25; margin-block: 1.5rem 0.75rem; }
h2 { font-size: 1.3rem; margin-block: 2rem 0.5rem; }
.standfirst { font-size: 1.15rem; color: var(--muted); margin-block: 0 1rem; }
.published { font-size: 0.9rem; color: var(--muted); }
.photo { margin-inline: 0; margin-block: 1.5rem; }
.photo-frame { border: 1px dashed var(--muted); padding: 1.25rem 1rem; text-align: center; }
.photo-absent { font-size: 0.85rem; color: var(--muted); letter-spacing: 0.02em; }
.note-ref { font-size: 0.75em; line-height: 0; }
.note-ref a { text-decoration: none; padding-inline: 0.1em; }
.notes { margin-block-start: 2rem; border-block-start: 1px solid var(--rule); font-size: 0.9rem; color: var(--muted); }
.notes h2 { font-size: 1rem; }
.note-back { display: inline-block; padding-inline: 0.25em; }
.note-back .arrow { inline-size: 0.7em; block-size: 0.85em; vertical-align: -0.05em; }
figcaption { font-size: 0.9rem; color: var(--muted); margin-block-start: 0.5rem; }
.credit { display: block; font-size: 0.8rem; }
.dateline { font-weight: bold; }
.source { font-size: 0.9rem; color: var(--muted); border-block-start: 1px solid var(--rule); padding-block-start: 0.75rem; }
.notice { border-inline-start: 4px solid var(--accent); padding-inline-start: 0.75rem; }
.articles { list-style: none; padding: 0; }
.review { border-collapse: collapse; inline-size: 100%; font-size: 0.95rem; }
.review th, .review td { border-block-end: 1px solid var(--rule); padding: 0.5rem; vertical-align: top; text-align: start; }
.review tbody th { font-weight: normal; }
.review code { font-family: inherit; font-size: 0.8rem; color: var(--muted); }
.review { margin-block-end: 2rem; }
.review caption { text-align: start; font-weight: bold; padding-block: 0.5rem; }
.review tr[data-state="stale"] td:last-child, .review tr[data-state="missing"] td:last-child, .review tr[data-state="initial"] td:last-child { color: #b00020; font-weight: bold; }
.review-filter { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; border: 1px solid var(--rule); margin-block: 1rem; min-inline-size: 0; }
.review td, .review th { overflow-wrap: anywhere; }
/* A phone: each row as a grid, the id above, the English and the translation side by side, the state below. */
@media (max-width: 48rem) {
  .review tr { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); border-block-end: 1px solid var(--rule); }
  .review th, .review td { border: 0; padding: 0.25rem 0.5rem; }
  .review tr > :first-child, .review tr > :last-child { grid-column: 1 / -1; }
}
@media print {
  .masthead nav, .skip-link { display: none; }
  html { background: #fff; color: #000; }
}
`;

/** CSS counter styles of the numbering systems whose digits are not Latin. */
const COUNTER_STYLES: Readonly<Record<string, string>> = { arabext: 'persian', arab: 'arabic-indic', deva: 'devanagari', beng: 'bengali' };

/** A web font face an edition's stylesheet declares: a subset of one weight of one of the site's fonts. */
export interface WebFontFace {
  readonly family: string;
  readonly weight: 400 | 700;
  /** Where the WOFF2 file is served: its name holds a hash of its bytes. */
  readonly url: string;
  /** The code points the subset has (its cmap): the browser fetches it only for a page that shows one. */
  readonly unicodeRange: string;
  /** The edition's own font (preloaded by its pages), or another that writes a few of its characters. */
  readonly own: boolean;
}

/** Each edition's web font faces, by locale: what the build subset for it (site/font-subset.ts). */
export type EditionFonts = Readonly<Record<string, readonly WebFontFace[]>>;

/**
 * An edition's stylesheet: the site's rules, and its own (its fonts, its digits in numbered lists). Layout uses
 * logical properties only, so a right-to-left edition mirrors itself. One file per edition, named by its bytes:
 * editions with the same rules share one, and a new edition changes no other edition's pages.
 */
export function stylesheet(edition: Edition, webFonts: readonly WebFontFace[]): string {
  const font = fontOf(edition);
  // `swap` with the faces preloaded by every page (render.tsx): the text is shown at once, and the web font is
  // there before the first paint on all but the slowest connections.
  const faces = webFonts.map(
    (face) =>
      `@font-face { font-family: "${face.family}"; src: url("${face.url}") format("woff2"); font-weight: ${face.weight}; font-style: normal; font-display: swap; unicode-range: ${face.unicodeRange}; }`,
  );
  const families = [...new Set(webFonts.map((face) => `"${face.family}"`))];
  // Numbered lists count in the edition's digits, as its text does (CSS counter styles by numbering system).
  const counter = COUNTER_STYLES[new Intl.NumberFormat(edition.locale).resolvedOptions().numberingSystem];
  const rules = [
    `html { font-family: ${[...families, font.fallback].join(', ')}; line-height: ${font.lineHeight}; }`,
    ...(font.lineHeight > 1.7 ? ['h1 { line-height: 1.5; }'] : []),
    // Right to left, a marker's suffix ". " is set as «۱ .», a gap before the full stop: the edition's own counter
    // style ends in the stop alone, and the item keeps its distance from the marker by its padding.
    ...(edition.dir === 'rtl'
      ? [
          `@counter-style edition-numbers { system: extends ${counter ?? 'decimal'}; suffix: "."; }`,
          'ol { list-style-type: edition-numbers; } ol > li { padding-inline-start: 0.4em; }',
        ]
      : counter
        ? [`ol { list-style-type: ${counter}; }`]
        : []),
  ];
  // The review page's filter: the radio button checked for a state hides every row in another.
  const filter = REVIEW_STATES.map(
    (state) => `body:has(#show-${state}:checked) .review tbody tr:not([data-state="${state}"]) { display: none; }`,
  );
  return `${[...faces, BASE.trimEnd(), ...filter, ...rules].join('\n')}\n`;
}

/** A path that changes whenever the bytes do, so the file may be cached for a year. */
export const fingerprinted = (name: string, extension: string, bytes: string): string =>
  `/assets/${name}-${sha256(bytes).slice(0, 12)}.${extension}`;

/** The site's icon: three bars, one per language of the first editions. */
export const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><rect x="7" y="8" width="18" height="3" fill="#fff"/><rect x="7" y="14.5" width="18" height="3" fill="#fff"/><rect x="7" y="21" width="12" height="3" fill="#fff"/></svg>`;
