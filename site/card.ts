import { fontOf } from './fonts.ts';

/** The size messengers and search engines show a link's picture at (Open Graph, `summary_large_image`). */
export const CARD = { width: 1200, height: 630 } as const;

/** What a card shows: a headline (an article's, or an edition's name) in its script and direction, the site's name, a line below. */
export interface CardText {
  readonly dir: 'ltr' | 'rtl';
  /** The font family that writes the edition's script, among the fonts the renderer is given. */
  readonly family: string;
  /** Extra line height the script needs (tall ascenders and dots in Arabic script). */
  readonly lineHeight: number;
  readonly siteName: string;
  readonly headline: string;
  /** The line at the foot of the card: the date of an article, the list of languages of a front page. */
  readonly date: string;
}

/** A card's text from what an edition shows: its script picks the font; the date with its second calendar's. */
export function cardText(
  edition: { dir: 'ltr' | 'rtl'; script: string; font?: string },
  siteName: string,
  headline: string,
  date: { text: string; secondary?: string | undefined },
): CardText {
  const font = fontOf(edition);
  return {
    dir: edition.dir,
    family: font.family,
    lineHeight: font.cardLineHeight,
    siteName,
    headline,
    date: date.secondary ? `${date.text} (${date.secondary})` : date.text,
  };
}

/** How text is measured, as the renderer sets it (shaped: Persian letters joined, right to left). */
export interface Typesetter {
  /** The width of a line of text in pixels. */
  measure(text: string, family: string, size: number, weight: number): number;
  /** The family's ascender and descender at a size, in pixels (descender negative). */
  extents(family: string, weight: number, size: number): { ascender: number; descender: number };
}

/** A line of text on the card: `x` is where it starts in the card's direction (the right margin, right to left), `y` its baseline. */
export interface CardLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly weight: 400 | 700;
  readonly fill: string;
}

/** A card laid out: every line of text, within the card, none over another. */
export interface CardLayout {
  readonly card: CardText;
  readonly siteName: CardLine;
  readonly headline: readonly CardLine[];
  readonly date: CardLine;
}

const MARGIN = 80;
const TEXT_WIDTH = CARD.width - 2 * MARGIN;
const INK = '#1b1b1b';
const ACCENT = '#0b5cad';
const MUTED = '#595959';
const RULE_Y = 132;
/** The headline starts below the rule, and ends above the date with this much space between. */
const HEADLINE_TOP = 170;
const DATE_BASELINE = CARD.height - 64;
const GAP = 24;
/** The headline's sizes, largest first: the first at which it fits whole, else the last, cut with an ellipsis. */
const SIZES = [64, 56, 48, 40] as const;
const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** A word as pieces no wider than `width`: whole if it fits, else broken between graphemes. */
function breakWord(word: string, fits: (text: string) => boolean): string[] {
  if (fits(word)) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes.segment(word)) {
    if (piece && !fits(piece + segment)) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Text cut to fit `width` with an ellipsis at its end: at a space if one is left, else between graphemes. */
function ellipsize(text: string, fits: (text: string) => boolean): string {
  if (fits(text)) return text;
  const words = text.split(' ');
  while (words.length > 1) {
    words.pop();
    const candidate = `${words.join(' ').replace(/[\s,;:،؛—–-]+$/u, '')}${ELLIPSIS}`;
    if (fits(candidate)) return candidate;
  }
  const parts = [...graphemes.segment(words[0] ?? '')].map((s) => s.segment);
  while (parts.length > 0 && !fits(`${parts.join('')}${ELLIPSIS}`)) parts.pop();
  return `${parts.join('')}${ELLIPSIS}`;
}

/**
 * Words into lines no wider than the card's text. Only ordinary spaces break a line: a no-break space keeps
 * «в Кремле» together, as the page does. A word wider than a line is broken between graphemes.
 */
function wrap(text: string, fits: (text: string) => boolean): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ').filter(Boolean))
    for (const piece of breakWord(word, fits)) {
      const last = lines.at(-1);
      if (last !== undefined && fits(`${last} ${piece}`)) lines[lines.length - 1] = `${last} ${piece}`;
      else lines.push(piece);
    }
  return lines;
}

/**
 * The card's lines: the headline at the largest size at which it fits whole between the rule and the date;
 * at the smallest, the lines that fit, the last cut with an ellipsis. The site's name and the date are cut the
 * same way if they are wider than the card. Nothing is drawn outside the card or over another line.
 */
export function layoutCard(card: CardText, type: Typesetter): CardLayout {
  const x = card.dir === 'rtl' ? CARD.width - MARGIN : MARGIN;
  const fitsAt = (size: number, weight: number) => (text: string) => type.measure(text, card.family, size, weight) <= TEXT_WIDTH;
  const line = (text: string, y: number, size: number, weight: 400 | 700, fill: string): CardLine => ({ text, x, y, size, weight, fill });
  const dateTop = DATE_BASELINE - type.extents(card.family, 400, 30).ascender;
  let headline: CardLine[] = [];
  for (const size of SIZES) {
    const { ascender, descender } = type.extents(card.family, 700, size);
    const step = Math.round(size * card.lineHeight);
    const first = Math.round(HEADLINE_TOP + ascender * 0.8);
    // Lines whose descenders stay above the date, with the gap.
    const room = Math.max(1, Math.floor((dateTop - GAP + descender - first) / step) + 1);
    const fits = fitsAt(size, 700);
    let lines = wrap(card.headline, fits);
    if (lines.length > room) {
      if (size !== SIZES.at(-1)) continue;
      lines = [...lines.slice(0, room - 1), ellipsize(lines.slice(room - 1).join(' '), fits)];
    }
    headline = lines.map((text, i) => line(text, first + i * step, size, 700, INK));
    break;
  }
  return {
    card,
    siteName: line(ellipsize(card.siteName, fitsAt(34, 700)), 104, 34, 700, ACCENT),
    headline,
    date: line(ellipsize(card.date, fitsAt(30, 400)), DATE_BASELINE, 30, 400, MUTED),
  };
}

/** How a renderer draws the card's lines: each line's SVG, then what they refer to (glyph outlines) for `<defs>`. */
export interface CardPen {
  line(line: CardLine): string;
  defs(): string;
}

/**
 * The card as SVG: the site's name above a rule, the headline, the date below, in the edition's direction
 * (each line from the right margin for Persian). No photograph: the AP picture is not ours to copy.
 */
export function cardSvg(layout: CardLayout, pen: CardPen): string {
  const siteName = pen.line(layout.siteName);
  const headline = layout.headline.map((line) => pen.line(line));
  const date = pen.line(layout.date);
  const defs = pen.defs();
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">`,
    ...(defs ? [`<defs>${defs}</defs>`] : []),
    `<rect width="${CARD.width}" height="${CARD.height}" fill="#ffffff"/>`,
    `<rect width="${CARD.width}" height="16" fill="${ACCENT}"/>`,
    siteName,
    `<rect x="${MARGIN}" y="${RULE_Y}" width="${TEXT_WIDTH}" height="2" fill="#d0d0d0"/>`,
    ...headline,
    date,
    `</svg>`,
  ].join('\n');
}
