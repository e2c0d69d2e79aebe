import { cardFontFor } from './fonts.ts';
import { escapeXml } from './xml.ts';

/** The size messengers and search engines show a link's picture at (Open Graph, `summary_large_image`). */
export const CARD = { width: 1200, height: 630 } as const;

/** What a card shows: the edition's headline in its own script and direction, the site's name, the date. */
export interface CardText {
  readonly dir: 'ltr' | 'rtl';
  /** The font family that writes the edition's script, among the fonts the renderer is given. */
  readonly family: string;
  /** Extra line height the script needs (tall ascenders and dots in Arabic script). */
  readonly lineHeight: number;
  readonly siteName: string;
  readonly headline: string;
  readonly date: string;
}

/** A card's text from what an edition shows: its script picks the font; the date with its second calendar's. */
export function cardText(
  edition: { dir: 'ltr' | 'rtl'; script: string },
  siteName: string,
  headline: string,
  date: { text: string; secondary?: string },
): CardText {
  const font = cardFontFor(edition.script);
  return {
    dir: edition.dir,
    family: font.family,
    lineHeight: font.lineHeight,
    siteName,
    headline,
    date: date.secondary ? `${date.text} (${date.secondary})` : date.text,
  };
}

const MARGIN = 80;
const TEXT_WIDTH = CARD.width - 2 * MARGIN;
const INK = '#1b1b1b';
const ACCENT = '#0b5cad';
const MUTED = '#595959';

/** Measures a line of text as the renderer sets it (shaped: Persian letters joined, right to left). */
export type Measure = (text: string, family: string, size: number, weight: number) => number;

/**
 * Words into lines no wider than the card's text, at the largest size (of three) that fits in four lines. A
 * word longer than a line stays whole on its own.
 */
function wrap(text: string, family: string, measure: Measure): { lines: string[]; size: number } {
  for (const size of [64, 56, 48]) {
    const lines: string[] = [];
    // Only ordinary spaces break a line: a no-break space keeps «в Кремле» together, as the page does.
    for (const word of text.split(' ').filter(Boolean)) {
      const last = lines.at(-1);
      if (last !== undefined && measure(`${last} ${word}`, family, size, 700) <= TEXT_WIDTH) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    if (lines.length <= 4 || size === 48) return { lines, size };
  }
  throw new Error('unreachable');
}

/**
 * The card as SVG: the site's name above a rule, the headline, the date below, in the edition's direction
 * (right-aligned and shaped right to left for Persian). No photograph: the AP picture is not ours to copy.
 */
export function cardSvg(card: CardText, measure: Measure): string {
  const { lines, size } = wrap(card.headline, card.family, measure);
  const rtl = card.dir === 'rtl';
  // Right to left, every line ends at the right margin, and is a right-to-left isolate (RLI … PDI): resvg
  // orders a line by the direction of its text, not by `direction`, and would put «۲۹» of «۲۹ دی ۱۴۰۰» last.
  const x = rtl ? CARD.width - MARGIN : MARGIN;
  const anchor = rtl ? 'end' : 'start';
  const isolate = (line: string) => (rtl ? `\u2067${line}\u2069` : line);
  const step = Math.round(size * card.lineHeight);
  const top = 230;
  const text = (content: string, y: number, attributes: string) =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" font-family="${escapeXml(card.family)}" ${attributes}>${escapeXml(isolate(content))}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">`,
    `<rect width="${CARD.width}" height="${CARD.height}" fill="#ffffff"/>`,
    `<rect width="${CARD.width}" height="16" fill="${ACCENT}"/>`,
    text(card.siteName, 104, `font-size="34" font-weight="700" fill="${ACCENT}"`),
    `<rect x="${MARGIN}" y="132" width="${TEXT_WIDTH}" height="2" fill="#d0d0d0"/>`,
    ...lines.map((line, i) => text(line, top + i * step, `font-size="${size}" font-weight="700" fill="${INK}"`)),
    text(card.date, CARD.height - 64, `font-size="30" font-weight="400" fill="${MUTED}"`),
    `</svg>`,
  ].join('\n');
}
