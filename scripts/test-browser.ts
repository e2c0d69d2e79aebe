// npm run test:browser: each edition in headless Chromium (Debian's, driven by playwright-core) against
// wrangler dev: text direction, the Persian font, the language switcher, axe-core, console errors, and a
// full-page screenshot at phone and desktop widths in test/screenshots/.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Page } from 'playwright-core';
import { cardSvg, cardText, type CardPen, type CardText } from '../site/card.ts';
import { CardRenderer } from '../site/card-renderer.ts';
import { Editions } from '../site/editions.ts';
import { FONTS, fontOf } from '../site/fonts.ts';
import { check, finish } from './checks.ts';
import { sitePort, startSite, stopSite } from './dev-server.ts';
import { decodeHtml } from '../test/html.ts';
import { ROOT } from '../tools/project-files.ts';
import { escapeXml } from '../site/xml.ts';

const CHROMIUM = '/usr/bin/chromium';
// Free ports (or PORT and PREVIEW_PORT): runs at once never meet.
const PORT = await sitePort();
/** The scratch copy of the project whose preview the live-reload check edits. */
const PREVIEW_PORT = await sitePort('PREVIEW_PORT');
const BASE = `http://127.0.0.1:${PORT}`;
const SLUG = 'putin-raisi-kremlin-meeting';
const EDITIONS = [
  { locale: 'en', dir: 'ltr' },
  { locale: 'fa', dir: 'rtl' },
  { locale: 'ru', dir: 'ltr' },
] as const;
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
const SCREENSHOTS = join(ROOT, 'test', 'screenshots');
const editions = new Editions(JSON.parse(readFileSync(join(ROOT, 'locales', 'editions.json'), 'utf8')));

if (!existsSync(CHROMIUM)) {
  console.error('test:browser: installing Debian’s chromium');
  execFileSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium'], { stdio: 'inherit' });
}
mkdirSync(SCREENSHOTS, { recursive: true });

const server = await startSite(ROOT, PORT);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});

/** Opens a page, recording console errors and every font request. */
async function open(path: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  const fonts: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => request.url().includes('/fonts/') && fonts.push(request.url()));
  const response = await page.goto(`${BASE}${path}`, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  return { context, page, errors, fonts, response };
}

/** axe-core, evaluated through the DevTools protocol so the page's Content-Security-Policy stays on. */
async function accessibility(page: Page) {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'none', nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

try {
  for (const { locale, dir } of EDITIONS) {
    const path = `/${locale}/${SLUG}`;
    const { context, page, errors, fonts, response } = await open(path, VIEWPORTS.desktop);
    check(`${locale}: the edition answers 200`, response?.status() === 200);
    const direction = await page.evaluate(() => [
      getComputedStyle(document.documentElement).direction,
      getComputedStyle(document.querySelector('main p')!).direction,
    ]);
    check(
      `${locale}: computed direction is ${dir}`,
      direction.every((d) => d === dir),
      direction.join(', '),
    );
    const own = fontOf(editions.of(locale)).family;
    const h1Font = await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontFamily);
    const preload = await page.$$eval('link[rel="preload"][as="font"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
    check(
      `${locale}: the text is set in ${own}, its faces preloaded from this site`,
      h1Font.replace(/"/g, '').startsWith(own) && preload.length === 2 && preload.every((href) => fonts.includes(href)),
      `${h1Font.split(',')[0]}; ${preload.length} preloaded, ${fonts.length} font request(s)`,
    );
    const font = await page.request.get(preload[0]!);
    check(
      `${locale}: its font is served as woff2, cached for a year`,
      font.ok() &&
        font.headers()['content-type'] === 'font/woff2' &&
        font.headers()['cache-control'] === 'public, max-age=31536000, immutable',
    );

    const violations = await accessibility(page);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    check(
      `${locale}: axe-core finds no serious or critical violation`,
      serious.length === 0,
      violations.map((v) => `${v.id} (${v.impact}: ${v.nodes.join(', ')})`).join('; ') || 'no violations',
    );

    const links = await page.$$eval('nav.languages a[hreflang]', (as) =>
      as.map((a) => ({ hreflang: a.getAttribute('hreflang')!, lang: a.getAttribute('lang'), text: a.textContent })),
    );
    check(
      `${locale}: the switcher links the two other editions, each named in its own language`,
      links.length === 2 && links.every((l) => l.lang === l.hreflang),
      links.map((l) => `${l.hreflang}: ${l.text}`).join(', '),
    );
    for (const link of links) {
      await Promise.all([page.waitForURL(`**/${link.hreflang}/${SLUG}`), page.click(`nav.languages a[hreflang="${link.hreflang}"]`)]);
      const lang = await page.evaluate(() => document.documentElement.lang);
      check(
        `${locale}: the switcher leads to the ${link.hreflang} edition`,
        lang === link.hreflang && new URL(page.url()).pathname === `/${link.hreflang}/${SLUG}`,
      );
      await page.goto(`${BASE}${path}`, { waitUntil: 'networkidle' });
    }
    check(`${locale}: no console errors`, errors.length === 0, errors.join(' | '));
    await context.close();

    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const shot = await open(path, viewport);
      await shot.page.screenshot({ path: join(SCREENSHOTS, `${locale}-${name}.png`), fullPage: true });
      check(`${locale}: ${name} screenshot written, no console errors`, shot.errors.length === 0, `test/screenshots/${locale}-${name}.png`);
      await shot.context.close();
    }
  }

  await checkWebFonts();
  await checkReviewOnPhones();
  await checkCards();
} finally {
  await browser.close();
  stopSite(server);
}
/**
 * Every character of every page type of each edition is drawn by one of the edition's web fonts, loaded from
 * this site: the fonts Chromium used for each element's text (DevTools protocol, CSS.getPlatformFontsForNode)
 * are all web fonts (not installed ones) of the families the edition's stylesheet declares.
 */
async function checkWebFonts() {
  const faces = JSON.parse(readFileSync(join(ROOT, 'site', 'generated', 'fonts.json'), 'utf8')) as Record<string, { family: string }[]>;
  for (const { locale } of EDITIONS) {
    const families = new Set(faces[locale]!.map((f) => f.family));
    const pages = [`/${locale}/`, `/${locale}/${SLUG}`, `/${locale}/404`, ...(locale === 'en' ? [] : [`/${locale}/${SLUG}/review`])];
    for (const path of pages) {
      const { context, page } = await open(path, VIEWPORTS.phone);
      const cdp = await context.newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      type DomNode = { nodeId: number; nodeType: number; nodeName: string; nodeValue: string; children?: DomNode[] };
      const withText: number[] = [];
      const walk = (node: DomNode, inBody: boolean) => {
        const body = inBody || node.nodeName === 'BODY';
        if (body && node.nodeType === 1 && node.children?.some((c) => c.nodeType === 3 && c.nodeValue.trim() !== ''))
          withText.push(node.nodeId);
        for (const child of node.children ?? []) walk(child, body);
      };
      walk(root as DomNode, false);
      const used = new Map<string, number>();
      for (const nodeId of withText) {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        for (const font of fonts) {
          const key = `${font.familyName}${font.isCustomFont ? '' : ' (installed)'}`;
          used.set(key, (used.get(key) ?? 0) + font.glyphCount);
        }
      }
      const foreign = [...used.keys()].filter((name) => !families.has(name));
      if (path.endsWith('/404')) {
        const serious = (await accessibility(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
        check(
          `${path}: axe-core finds no serious or critical violation`,
          serious.length === 0,
          serious.map((v) => v.id).join(', ') || 'none',
        );
      }
      check(
        `${path}: every character is drawn by the edition’s web fonts (${[...families].join(', ')})`,
        withText.length > 5 && foreign.length === 0,
        [...used].map(([name, glyphs]) => `${name}: ${glyphs} glyphs`).join('; '),
      );
      await context.close();
    }
  }
}

/** The review page at a phone's widths, right to left and left to right: no sideways scroll, both texts readable. */
async function checkReviewOnPhones() {
  for (const locale of ['fa', 'ru'])
    for (const width of [320, 390]) {
      const path = `/${locale}/${SLUG}/review`;
      const { context, page } = await open(path, { width, height: 800 });
      const measured = await page.evaluate(() => {
        const row = document.querySelector('.review tbody tr')!;
        const [source, translation] = [...row.querySelectorAll('td')].map((td) => td.getBoundingClientRect());
        return {
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          scrollX: window.scrollX,
          source: source!.width,
          translation: translation!.width,
        };
      });
      await page.screenshot({ path: join(SCREENSHOTS, `review-${locale}-${width}.png`), fullPage: false });
      check(
        `${path} at ${width} px: no sideways scroll, opened at its start, the English and the translation each a readable column`,
        measured.scrollWidth <= measured.clientWidth &&
          measured.scrollX === 0 &&
          Math.min(measured.source, measured.translation) >= width * 0.35,
        `page ${measured.scrollWidth} px in a ${measured.clientWidth} px viewport; columns ${Math.round(measured.source)} and ${Math.round(measured.translation)} px`,
      );
      await context.close();
    }
}

/**
 * The share cards: each edition's card as served, saved in test/screenshots/, and re-rendered here from what
 * the edition's JSON says (its headline, date) and its page's og:site_name: the same bytes. Then the Persian
 * card against Chromium's own rendering of the same SVG, in the same font: their ink should match far better
 * than Chromium's rendering of the text reversed, or with its letters unjoined, the two ways Persian breaks.
 */
async function checkCards() {
  const renderer = await CardRenderer.fromPackages();
  const cards = new Map<string, { png: Uint8Array; text: CardText }>();
  for (const { locale } of EDITIONS) {
    const response = await fetch(`${BASE}/${locale}/${SLUG}/card.png`);
    const png = new Uint8Array(await response.arrayBuffer());
    writeFileSync(join(SCREENSHOTS, `card-${locale}.png`), png);
    const json = (await (await fetch(`${BASE}/${locale}/${SLUG}.json`)).json()) as {
      published: { text: string; secondary?: string };
      blocks: { type: string; segments: { text: string }[] }[];
    };
    const html = await (await fetch(`${BASE}/${locale}/${SLUG}`)).text();
    const siteName = decodeHtml(/<meta property="og:site_name" content="([^"]*)"/.exec(html)?.[1] ?? '');
    const headline = json.blocks
      .find((b) => b.type === 'headline')!
      .segments.map((s) => s.text)
      .join(' ');
    const text = cardText(editions.of(locale), siteName, headline, json.published);
    const again = renderer.render(text).png;
    check(
      `${locale}: the card is served (image/png, 1200×630) and is its headline, date and site name as rendered again here`,
      response.headers.get('Content-Type') === 'image/png' && Buffer.compare(Buffer.from(again), Buffer.from(png)) === 0,
      `test/screenshots/card-${locale}.png, ${png.length} bytes`,
    );
    cards.set(locale, { png, text });
  }

  await checkLongHeadline(renderer);

  const persian = cards.get('fa')!;
  // The reference: the same lines, at the same places, as SVG text that Chromium shapes itself.
  const layout = renderer.layout(persian.text);
  const textPen = (change: (line: string) => string): CardPen => ({
    line: (line) =>
      `<text x="${line.x}" y="${line.y}" text-anchor="end" font-family="${escapeXml(layout.card.family)}" font-size="${line.size}" font-weight="${line.weight}" fill="${line.fill}">${escapeXml(`\u2067${change(line.text)}\u2069`)}</text>`,
    defs: () => '',
  });
  const arabicLetter = /\p{Script=Arabic}/u;
  const svg = cardSvg(
    layout,
    textPen((line) => line),
  );
  const reversed = cardSvg(
    layout,
    textPen((line) => [...line].reverse().join('')),
  );
  const unjoined = cardSvg(
    layout,
    textPen((line) =>
      [...line].map((c, i, all) => (arabicLetter.test(c) && arabicLetter.test(all[i + 1] ?? '') ? `${c}\u200c` : c)).join(''),
    ),
  );
  const font = Object.values(FONTS).find((f) => f.family === persian.text.family)!;
  const faces = Object.entries(font.files)
    .map(([weight, file]) => {
      const bytes = readFileSync(join(ROOT, 'node_modules', font.package, file)).toString('base64');
      return `@font-face { font-family: "${font.family}"; font-weight: ${weight}; src: url(data:font/ttf;base64,${bytes}); }`;
    })
    .join('\n');
  const context = await browser.newContext({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const chromiumRendering = async (markup: string) => {
    await page.setContent(`<!doctype html><style>${faces} body { margin: 0 }</style>${markup}`);
    await page.evaluate(async () => {
      await document.fonts.load('700 64px Vazirmatn');
      await document.fonts.load('400 30px Vazirmatn');
      await document.fonts.ready;
    });
    return page.locator('svg').screenshot();
  };
  const inChromium = {
    as: await chromiumRendering(svg),
    reversed: await chromiumRendering(reversed),
    unjoined: await chromiumRendering(unjoined),
  };
  // Intersection over union of the dark pixels of two PNGs, computed in the page with a canvas.
  await installPixelReader(page);
  const iou = (a: Uint8Array, b: Uint8Array) =>
    page.evaluate(
      async ([a, b]) => {
        const ink = async (base64: string) => {
          const data = await (window as unknown as PixelReader).pixelsOf(base64, 0);
          const dark = new Uint8Array(data.length / 4);
          for (let i = 0; i < dark.length; i++) dark[i] = data[i * 4]! + data[i * 4 + 1]! + data[i * 4 + 2]! < 3 * 140 ? 1 : 0;
          return dark;
        };
        const [x, y] = [await ink(a), await ink(b)];
        let both = 0;
        let either = 0;
        for (let i = 0; i < x.length; i++) {
          both += x[i]! & y[i]!;
          either += x[i]! | y[i]!;
        }
        return both / either;
      },
      [Buffer.from(a).toString('base64'), Buffer.from(b).toString('base64')] as const,
    );
  const scores = {
    as: await iou(persian.png, inChromium.as),
    reversed: await iou(persian.png, inChromium.reversed),
    unjoined: await iou(persian.png, inChromium.unjoined),
  };
  await context.close();
  writeFileSync(join(SCREENSHOTS, 'card-fa-chromium.png'), inChromium.as);
  check(
    'fa: the card’s Persian is shaped and ordered as Chromium sets the same SVG (joined letters, right to left)',
    scores.as > 0.6 && scores.as > scores.reversed + 0.2 && scores.as > scores.unjoined + 0.2,
    `ink overlap with Chromium ${scores.as.toFixed(2)}; reversed ${scores.reversed.toFixed(2)}, unjoined ${scores.unjoined.toFixed(2)}`,
  );
}

/** What `installPixelReader` defines in a page. */
interface PixelReader {
  pixelsOf(base64: string, top: number): Promise<Uint8ClampedArray>;
}

/** Defines `pixelsOf` in a page: a PNG's RGBA pixels from row `top` down, as Chromium decodes it (a canvas). */
async function installPixelReader(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as PixelReader).pixelsOf = async (base64, top) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return context.getImageData(0, top, image.width, image.height - top).data;
    };
  });
}

/**
 * A 300-character headline's card keeps its date: the band of the card where the date is drawn is the same,
 * pixel for pixel, as on a card with a short headline, and the headline's last line ends above it.
 */
async function checkLongHeadline(renderer: CardRenderer) {
  const date = { text: '19 January 2022' };
  const long = 'Putin and Raisi back closer ties in Kremlin meeting, '.repeat(6).slice(0, 300);
  const short = cardText(editions.of('en'), 'News in your language', 'Putin and Raisi', date);
  const card = cardText(editions.of('en'), 'News in your language', long, date);
  const layout = renderer.layout(card);
  const dateTop = Math.floor(layout.date.y - layout.date.size);
  const [a, b] = [renderer.render(short).png, renderer.render(card).png];
  writeFileSync(join(SCREENSHOTS, 'card-300-characters.png'), b);
  const context = await browser.newContext();
  const page = await context.newPage();
  await installPixelReader(page);
  const differing = await page.evaluate(
    async ([a, b, top]) => {
      const pixels = (base64: string) => (window as unknown as PixelReader).pixelsOf(base64, top);
      const [x, y] = [await pixels(a), await pixels(b)];
      let count = 0;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) count++;
      return count;
    },
    [Buffer.from(a).toString('base64'), Buffer.from(b).toString('base64'), dateTop] as const,
  );
  await context.close();
  check(
    'a 300-character headline’s card keeps the date visible: its date band is the short headline card’s, pixel for pixel',
    differing === 0 && layout.headline.length > 1,
    `${layout.headline.length} lines at ${layout.headline[0]!.size} px; test/screenshots/card-300-characters.png`,
  );
}

// The live preview: a translator's saved edit shows on the next reload of `npm start`, with no restart. In a
// scratch copy of the project, so that nothing the check edits can be left behind.
const scratch = join(ROOT, '.wrangler', 'preview-check');
rmSync(scratch, { recursive: true, force: true });
for (const entry of ['content', 'locales', 'site', 'src', 'tools', 'scripts', 'wrangler.toml', 'tsconfig.json', 'package.json'])
  cpSync(join(ROOT, entry), join(scratch, entry), { recursive: true });
const preview = await startSite(scratch, PREVIEW_PORT, 'preview');
try {
  const file = join(scratch, 'locales', 'ru', `${SLUG}.json`);
  const segments = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const marker = 'Правка переводчика';
  segments.headline = `${marker}: ${segments.headline}`;
  const saved = performance.now();
  writeFileSync(file, `${JSON.stringify(segments, null, 2)}\n`);
  let seen = -1;
  while (seen < 0 && performance.now() - saved < 20_000) {
    const html = await (await fetch(`http://127.0.0.1:${PREVIEW_PORT}/ru/${SLUG}`)).text();
    if (html.includes(marker)) seen = performance.now() - saved;
    else await new Promise((resolve) => setTimeout(resolve, 250));
  }
  check(
    'npm start: a saved change to a Russian segment shows on reload within a few seconds, no restart',
    seen >= 0 && seen < 10_000,
    seen < 0 ? 'not seen in 20 s' : `${(seen / 1000).toFixed(1)} s after saving`,
  );
} finally {
  stopSite(preview);
  rmSync(scratch, { recursive: true, force: true });
}

finish();
