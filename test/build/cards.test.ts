import { beforeAll, describe, expect, it } from 'vitest';
import { CARD, cardText, type CardLayout, type CardText } from '../../site/card.ts';
import { CardRenderer } from '../../site/card-renderer.ts';

let renderer: CardRenderer;
beforeAll(async () => {
  renderer = await CardRenderer.fromPackages();
});

const LATIN = { dir: 'ltr', script: 'Latn' } as const;
const PERSIAN = { dir: 'rtl', script: 'Arab' } as const;
const RUSSIAN = { dir: 'ltr', script: 'Cyrl' } as const;
const DATE = { text: '19 January 2022' };
const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');

/** The lines' extent: each within the card's text column, the headline's descenders above the date's ascenders. */
function expectInside(layout: CardLayout) {
  const { measure, extents } = renderer.typesetter;
  const family = layout.card.family;
  for (const line of [layout.siteName, ...layout.headline, layout.date]) {
    const width = measure(line.text, family, line.size, line.weight);
    const [left, right] = layout.card.dir === 'rtl' ? [line.x - width, line.x] : [line.x, line.x + width];
    expect(left, line.text).toBeGreaterThanOrEqual(80 - 0.01);
    expect(right, line.text).toBeLessThanOrEqual(CARD.width - 80 + 0.01);
  }
  const last = layout.headline.at(-1)!;
  const headlineBottom = last.y - extents(family, 700, last.size).descender;
  const dateTop = layout.date.y - extents(family, 400, layout.date.size).ascender;
  expect(headlineBottom).toBeLessThan(dateTop);
  expect(layout.date.y + 30).toBeLessThan(CARD.height);
}

const CASES: readonly { description: string; card: CardText; expected: { ellipsis: boolean; lines?: number; size?: number } }[] = [
  {
    description: 'an English headline fits whole at the largest size',
    card: cardText(LATIN, 'News in your language', 'Putin and Raisi back closer ties in Kremlin meeting', DATE),
    expected: { ellipsis: false, lines: 2 },
  },
  {
    description: 'a Persian headline, right to left, fits whole',
    card: cardText(PERSIAN, 'اخبار به زبان شما', 'پوتین و رئیسی در دیدار خود در کرملین بر گسترش روابط دو کشور تأکید کردند', {
      text: '۲۹ دی ۱۴۰۰',
      secondary: '۱۹ ژانویهٔ ۲۰۲۲',
    }),
    expected: { ellipsis: false },
  },
  {
    description: 'a 300-character headline shrinks to fit whole above the date',
    card: cardText(LATIN, 'News in your language', words(50, 'Kremlin').slice(0, 300), DATE),
    expected: { ellipsis: false, size: 40 },
  },
  {
    description: 'a 600-character headline shrinks, then is cut with an ellipsis above the date',
    card: cardText(LATIN, 'News in your language', words(100, 'Kremlin').slice(0, 600), DATE),
    expected: { ellipsis: true, size: 40 },
  },
  {
    description: 'a 300-character Persian headline is cut with an ellipsis above the date',
    card: cardText(PERSIAN, 'اخبار به زبان شما', words(60, 'کرملین').slice(0, 300), { text: '۲۹ دی ۱۴۰۰' }),
    expected: { ellipsis: true },
  },
  {
    description: 'a 10,000-character word breaks across lines, each within the card',
    card: cardText(RUSSIAN, 'Новости на вашем языке', 'Ж'.repeat(10_000), { text: '19 января 2022 г.' }),
    expected: { ellipsis: true },
  },
  {
    description: 'a site name and a date wider than the card are cut with an ellipsis',
    card: cardText(LATIN, words(40, 'News'), 'Short', { text: words(60, 'January') }),
    expected: { ellipsis: false, lines: 1 },
  },
];

describe('share cards never overflow', () => {
  for (const { description, card, expected } of CASES)
    it(description, () => {
      const layout = renderer.layout(card);
      expectInside(layout);
      expect(layout.headline.at(-1)!.text.endsWith('…')).toBe(expected.ellipsis);
      if (expected.lines !== undefined) expect(layout.headline).toHaveLength(expected.lines);
      if (expected.size !== undefined) expect(layout.headline[0]!.size).toBe(expected.size);
      const shown = layout.headline.map((l) => l.text.replace(/…$/, '')).join(' ');
      if (!expected.ellipsis) expect(shown.replace(/ /g, '')).toBe(card.headline.replace(/ /g, ''));
      else expect(card.headline.replace(/ /g, '').startsWith(shown.replace(/ /g, ''))).toBe(true);
    });

  it('the date is drawn whole, whatever the headline’s length', () => {
    for (const length of [10, 100, 300, 3000]) {
      const layout = renderer.layout(cardText(LATIN, 'News in your language', words(length, 'x').slice(0, length), DATE));
      expect(layout.date.text).toBe(DATE.text);
      expectInside(layout);
    }
  });
});

describe('share cards draw every character in a font that has it, or leave it out', () => {
  const glyphs = (svg: string) => [...svg.matchAll(/<path id="g(\d+)-(\d+)"/g)].map((m) => ({ face: Number(m[1]), glyph: Number(m[2]) }));

  it('emoji are drawn by the fallback font (Noto Emoji), not as boxes', () => {
    const plain = renderer.render(cardText(LATIN, 'News', 'Moscow talks', DATE)).svg;
    const { svg } = renderer.render(cardText(LATIN, 'News', 'Moscow talks 😀🇮🇷', DATE));
    const faces = (s: string) => new Set(glyphs(s).map((g) => g.face));
    expect(faces(svg).size).toBe(faces(plain).size + 1);
    expect(glyphs(svg).every((g) => g.glyph !== 0)).toBe(true);
    expect(renderer.covers('😀', 'PT Serif')).toBe(true);
  });

  it('a character no card font has is left out: no .notdef glyph (the box) anywhere', () => {
    const text = 'Moscow \u{E000}\u0F40\u4E2D talks';
    expect(renderer.covers(text, 'PT Serif')).toBe(false);
    const { svg } = renderer.render(cardText(LATIN, 'News', text, DATE));
    expect(glyphs(svg).length).toBeGreaterThan(0);
    expect(glyphs(svg).some((g) => g.glyph === 0)).toBe(false);
    expect(renderer.layout(cardText(LATIN, 'News', text, DATE)).headline).toHaveLength(1);
  });
});

describe('share cards are shaped and deterministic', () => {
  it('the same card is the same bytes, from this renderer and from a new one', async () => {
    const card = cardText(PERSIAN, 'اخبار به زبان شما', 'پوتین و رئیسی در کرملین', { text: '۲۹ دی ۱۴۰۰' });
    const first = renderer.render(card);
    const again = (await CardRenderer.fromPackages()).render(card);
    expect(Buffer.compare(Buffer.from(first.png), Buffer.from(again.png))).toBe(0);
    expect(again.svg).toBe(first.svg);
  });

  it('Persian is set right to left, its letters joined, with a Latin run kept left to right inside it', () => {
    const { measure } = renderer.typesetter;
    // Joined: the word is narrower than its letters set apart (isolated forms).
    const word = 'کرملین';
    const apart = [...word].reduce((sum, letter) => sum + measure(letter, 'Vazirmatn', 64, 700), 0);
    expect(measure(word, 'Vazirmatn', 64, 700)).toBeLessThan(apart * 0.9);
    // Right to left: in «AP کرملین» the Latin run is drawn at the line's left end, «A» before «P».
    const card = (headline: string) => cardText(PERSIAN, 'اخبار', headline, { text: '۱۴۰۰' });
    /** The glyphs of the card's first headline line, left to right. */
    const firstLine = (headline: string) => {
      const y = renderer.layout(card(headline)).headline[0]!.y;
      return [
        ...renderer.render(card(headline)).svg.matchAll(/<use href="#g\d+-(\d+)" transform="matrix\([^ ]+ 0 0 [^ ]+ ([\d.]+) (\d+)\)"\/>/g),
      ]
        .filter((m) => Number(m[3]) === y)
        .map((m) => ({ glyph: Number(m[1]), x: Number(m[2]) }))
        .sort((u, v) => u.x - v.x)
        .map((u) => u.glyph);
    };
    const [a, p] = firstLine('AP');
    const mixed = firstLine(`${word} AP`);
    expect(mixed.length).toBeGreaterThan(4);
    const leftmost = mixed.slice(0, 2);
    expect(leftmost).toEqual([a, p]);
  });
});

describe('the card’s PNG', () => {
  it('is a PNG another decoder reads back to the very pixels rendered (resvg decoding it from a data: URL)', async () => {
    const { Resvg } = await import('@resvg/resvg-wasm');
    const card = cardText(PERSIAN, 'اخبار به زبان شما', 'پوتین و رئیسی در کرملین', DATE);
    const { svg, png } = renderer.render(card);
    const raster = (source: string) => {
      const resvg = new Resvg(source, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } });
      const image = resvg.render();
      const pixels = new Uint8Array(image.pixels);
      image.free();
      resvg.free();
      return pixels;
    };
    const decoded = raster(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}"><image width="${CARD.width}" height="${CARD.height}" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`,
    );
    expect(Buffer.from(png.subarray(0, 8)).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    expect(Buffer.from(decoded).equals(Buffer.from(raster(svg)))).toBe(true);
  });
});
