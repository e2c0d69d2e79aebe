import { createHash, type Hash } from 'node:crypto';
import { assetFile, paths } from '../src/paths.ts';
import { articleSegments, GLOSSARY_NAMESPACE, UI_NAMESPACE, type Article, type Catalog } from './content.ts';
import { Editions } from './editions.ts';
import { chunks, lastModified, LISTING, newestFirst, oldestFirst } from './listing.ts';
import { fingerprinted, ICON, stylesheet, type EditionFonts } from './style.ts';

// What the build makes, and what each output is made from. Every output of the site is listed here with its URL,
// its file, and a key: a hash of exactly the inputs its page reads (the segments and glossary names it shows,
// the interface strings, the editions, the origin, the site's code). An output whose key is unchanged since the
// last build is not rendered again (site/build-cache.ts); the cache is safe to delete.

/** One file the build writes: the page at `url`, in `file` of the assets directory, keyed by what it is made from. */
export interface Output {
  readonly url: string;
  readonly file: string;
  readonly key: string;
  /** Outputs rendered together (the pages of one article in one edition share its view). */
  readonly group: string;
  /** The article it is a page of, if any: the archive tier moves an article's pages together. */
  readonly article?: string;
}

/** Which outputs the plan lists. */
export interface PlanOptions {
  /** A hash of the code that renders the pages: a change of it changes every key. */
  readonly code: string;
  readonly origin: string;
  /** Whether the share cards are rendered (the build's renderer; not in workerd). */
  readonly cards: boolean;
  /** Each edition's web font faces (their URLs name their bytes): in every page's stylesheet and preloads. */
  readonly fonts: EditionFonts;
}

const NUL = '\u0000';

/** A key: SHA-256 over the parts, each ended by NUL (no two lists of parts hash alike). */
function key(...parts: readonly (string | number)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part}${NUL}`);
  return hash.digest('hex').slice(0, 32);
}

/** Feeds a namespace's texts (sorted by id) into a hash. */
function feed(hash: Hash, label: string, texts: Readonly<Record<string, unknown>> | undefined): void {
  const parts = [label];
  if (texts) for (const id of Object.keys(texts).sort()) parts.push(id, JSON.stringify(texts[id]));
  // One update: the hash's cost is in its calls more than in its bytes.
  hash.update(`${parts.join(NUL)}${NUL}`);
}

/** Of `texts`, those of `ids` (all of them without `ids`). */
const pick = <T>(texts: Readonly<Record<string, T>> | undefined, ids: readonly string[] | undefined) =>
  texts && ids ? Object.fromEntries(ids.flatMap((id) => (Object.hasOwn(texts, id) ? [[id, texts[id]]] : []))) : texts;

// `{name}`, `{name, …}`: the arguments a message names (glossary names among them).
const ARGUMENT = /\{\s*([A-Za-z][A-Za-z0-9_]*)\s*[,}]/g;

/**
 * The inputs of the pages, each hashed once: per edition, its interface strings; per edition and article, the
 * article's segments in every language its text can fall back to, with states and drafts, and the glossary names
 * they use; and the short form of it the lists and cards show (headline, standfirst, date).
 */
class Inputs {
  readonly #catalog: Catalog;
  readonly #editions: Editions;
  readonly #memo = new Map<string, string>();
  readonly #textMemo = new Map<string, { digest: string; names: readonly string[] }>();

  constructor(catalog: Catalog, editions: Editions) {
    this.#catalog = catalog;
    this.#editions = editions;
  }

  #once(name: string, compute: () => string): string {
    let value = this.#memo.get(name);
    if (value === undefined) this.#memo.set(name, (value = compute()));
    return value;
  }

  /** The languages a text of `locale` is looked up in: itself, its language if that is an edition, the source. */
  chain(locale: string): string[] {
    const language = new Intl.Locale(locale).language;
    return [...new Set([locale, ...(this.#editions.get(language) ? [language] : []), this.#editions.source])];
  }

  get editions(): string {
    return this.#once('editions', () => key(JSON.stringify(this.#catalog.editions)));
  }

  /** Every interface string as an edition shows it, with its states and drafts (the review page lists them). */
  ui(locale: string): string {
    return this.#once(`ui ${locale}`, () => {
      const { resources, drafts, status } = this.#catalog;
      const hash = createHash('sha256');
      for (const l of this.chain(locale)) feed(hash, l, resources[l]?.[UI_NAMESPACE]);
      feed(hash, 'drafts', drafts[locale]?.[UI_NAMESPACE]);
      feed(hash, 'status', status[locale]?.[UI_NAMESPACE]);
      return hash.digest('hex').slice(0, 32);
    });
  }

  /** The texts of `ids` of an article in one language, hashed, and the names they use: once, whichever edition asks. */
  #texts(language: string, article: Article, ids: readonly string[] | undefined): { digest: string; names: readonly string[] } {
    const name = `texts ${language} ${article.slug} ${ids?.join(' ') ?? '*'}`;
    let texts = this.#textMemo.get(name);
    if (!texts) {
      const picked = pick(this.#catalog.resources[language]?.[article.slug], ids);
      const hash = createHash('sha256');
      feed(hash, language, picked);
      const names = new Set<string>();
      for (const message of Object.values(picked ?? {}) as string[]) for (const [, n] of message.matchAll(ARGUMENT)) names.add(n!);
      this.#textMemo.set(name, (texts = { digest: hash.digest('hex'), names: [...names] }));
    }
    return texts;
  }

  /** The texts of `ids` of an article in an edition (and where they fall back), and the names they use. */
  #segments(locale: string, article: Article, ids: readonly string[] | undefined): string {
    const { resources, drafts, status } = this.#catalog;
    const hash = createHash('sha256');
    const names = new Set<string>();
    const chain = this.chain(locale);
    for (const l of chain) {
      const texts = this.#texts(l, article, ids);
      hash.update(`${texts.digest}${NUL}`);
      for (const n of texts.names) names.add(n);
    }
    feed(hash, 'drafts', pick(drafts[locale]?.[article.slug], ids));
    feed(hash, 'status', pick(status[locale]?.[article.slug], ids));
    for (const l of chain) {
      const glossary = resources[l]?.[GLOSSARY_NAMESPACE] ?? {};
      feed(hash, `names ${l}`, Object.fromEntries([...names].filter((n) => Object.hasOwn(glossary, n)).map((n) => [n, glossary[n]])));
    }
    return hash.digest('hex').slice(0, 32);
  }

  /** The whole article in an edition: what its page, its JSON edition and its review page show. */
  article(locale: string, article: Article): string {
    return this.#once(`article ${locale} ${article.slug}`, () => key(JSON.stringify(article), this.#segments(locale, article, undefined)));
  }

  /** What a list or a card shows of an article: headline, standfirst, dates, slug. */
  head(locale: string, article: Article): string {
    return this.#once(`head ${locale} ${article.slug}`, () => {
      const ids = articleSegments(article)
        .filter((s) => s.type === 'headline' || s.type === 'standfirst')
        .map((s) => s.id);
      return key(
        article.slug,
        article.published.date,
        lastModified(article),
        article.published.timeZone,
        this.#segments(locale, article, ids),
      );
    });
  }

  /** The site's name as an edition writes it: what a card shows besides the article. */
  siteName(locale: string): string {
    return this.#once(`site-name ${locale}`, () =>
      key(...this.chain(locale).map((l) => this.#catalog.resources[l]?.[UI_NAMESPACE]?.['site-name'] ?? '')),
    );
  }
}

/**
 * Every output of the site, with its key. The order is the order of rendering: the pages of one article in one
 * edition next to each other (they share its view), the lists after.
 */
export function planSite(catalog: Catalog, options: PlanOptions): Output[] {
  const editions = new Editions(catalog.editions);
  const inputs = new Inputs(catalog, editions);
  const { code, origin } = options;
  const site = key(code, origin, inputs.editions, JSON.stringify(options.fonts));
  const outputs: Output[] = [];
  const add = (url: string, group: string, parts: readonly (string | number)[], article?: string) =>
    outputs.push({ url, file: assetFile(url), key: key(url, ...parts), group, ...(article ? { article } : {}) });

  const articles = newestFirst(catalog.articles);
  for (const article of articles)
    for (const edition of editions.all) {
      const locale = edition.locale;
      const group = `${locale}/${article.slug}`;
      const parts = [site, inputs.ui(locale), inputs.article(locale, article)];
      add(paths.article(locale, article.slug), group, parts, article.slug);
      add(paths.articleJson(locale, article.slug), group, parts, article.slug);
      if (locale !== editions.source) add(paths.review(locale, article.slug), group, [...parts, inputs.ui(editions.source)], article.slug);
      if (options.cards && edition.state === 'published')
        add(paths.card(locale, article.slug), group, [code, inputs.siteName(locale), inputs.head(locale, article)], article.slug);
    }

  const pages = chunks(articles, LISTING.pageSize);
  for (const edition of editions.all) {
    const locale = edition.locale;
    const ui = inputs.ui(locale);
    pages.forEach((list, i) =>
      add(paths.frontPage(locale, i + 1), `${locale}/pages`, [site, ui, pages.length, ...list.map((a) => inputs.head(locale, a))]),
    );
    if (edition.state === 'published')
      add(paths.feed(locale), `${locale}/pages`, [site, ui, ...articles.slice(0, LISTING.feedSize).map((a) => inputs.head(locale, a))]);
    if (options.cards && edition.state === 'published') add(paths.frontCard(locale), `${locale}/pages`, [code, inputs.editions, ui]);
    add(paths.notFound(locale), `${locale}/pages`, [site, ui]);
    add(paths.error(locale), `${locale}/pages`, [site, ui]);
  }

  const parts = chunks(oldestFirst(catalog.articles), LISTING.sitemapSize);
  const partKey = (list: readonly Article[]) => list.map((a) => `${a.slug} ${lastModified(a)}`);
  add(paths.sitemap(), 'site', [site, ...parts.map((p) => p.map(lastModified).sort().at(-1) ?? '')]);
  for (const edition of editions.published)
    parts.forEach((list, i) => add(paths.sitemapPart(edition.locale, i + 1), 'site', [site, i === 0 ? 'front' : '', ...partKey(list)]));
  add(paths.robots(), 'site', [site]);
  for (const url of new Set(editions.all.map((e) => fingerprinted('site', 'css', stylesheet(e, options.fonts[e.locale] ?? [])))))
    add(url, 'site', [url]);
  add(fingerprinted('icon', 'svg', ICON), 'site', [ICON]);
  return outputs;
}
