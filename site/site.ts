import { argumentValues, articleSegments, UI_NAMESPACE, type Article, type Catalog, type SegmentStatus } from './content.ts';
import { Editions, type Edition } from './editions.ts';
import { Formatter, type Values } from './format.ts';
import { plainText, type RichText } from './rich-text.ts';
import { Texts } from './texts.ts';

/** A segment as a reader gets it: its id, its text, and the language the text is in. */
export interface Segment {
  readonly id: string;
  /** The formatted text, with the elements its allowed tags make. */
  readonly parts: RichText;
  /** The same text alone, for attributes, titles and the JSON edition. */
  readonly text: string;
  /** The edition's locale, or the source's where i18next fell back to it. */
  readonly lang: string;
}

/** One namespace (an article's segments, or the interface strings) in one edition, every segment formatted. */
export interface TextsView {
  readonly edition: Edition;
  readonly namespace: string;
  readonly segments: ReadonlyMap<string, Segment>;
  /** Segments shown in the source language because the edition lacks them, or has only a draft. */
  readonly fallbacks: readonly string[];
  /** Segments whose source changed since they were translated: shown as they are, marked in the JSON edition. */
  readonly stale: readonly string[];
  /** Each translated segment's XLIFF state and staleness (none for the source). */
  readonly status: Readonly<Record<string, SegmentStatus>>;
  /** Drafts (`initial`), formatted for the review page; the pages show the source instead. */
  readonly drafts: ReadonlyMap<string, Segment>;
}

/** One edition of one article: what the page and the JSON edition are made of. */
/** What a list, a feed or a card shows of an article in an edition: its headline and standfirst, its dates. */
export interface ArticleSummary {
  readonly edition: Edition;
  readonly article: Article;
  /** The headline's and the standfirst's segments (an article view has every segment). */
  readonly segments: ReadonlyMap<string, Segment>;
  readonly date: DateView;
  /** The date of the last correction, where the article records one (`modified` in its content file). */
  readonly modified?: DateView;
}

export interface ArticleView extends TextsView, ArticleSummary {
  readonly notes: readonly NoteView[];
}

/** A calendar date as the pages write it: ISO, in the edition's calendar, and in its second calendar if it has one. */
export interface DateView {
  readonly iso: string;
  readonly text: string;
  readonly secondary?: string;
}

/** An editor's note as the page shows it: numbered in the edition's digits, marked on the segment it is about. */
export interface NoteView {
  /** 1, 2, … in the order of the content file: the anchors' numbers. */
  readonly index: number;
  /** The same number in the edition's digits. */
  readonly number: string;
  /** The marker's accessible name: "Editor's note 1". */
  readonly label: string;
  readonly segment: Segment;
  /** The segment the note is about. */
  readonly on: string;
}

/**
 * The catalog, made ready to render: i18next resolves each text (and decides its fallback), formatjs formats
 * it, and each edition's view is built once. The pages only ask; they never parse or format.
 */
/** The segment of an article's headline or standfirst block, in a view of it. */
export function blockSegment(view: ArticleSummary, type: 'headline' | 'standfirst'): Segment | undefined {
  const block = view.article.blocks.find((b) => b.type === type);
  return block && 'segment' in block ? view.segments.get(block.segment) : undefined;
}

/** Article views (and summaries) kept at once: the pages of an article in every edition, and a few lists' worth. */
const VIEW_CACHE_SIZE = 256;

/** Keeps `value` in a cache of the most recent VIEW_CACHE_SIZE: memory does not grow with the archive. */
function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= VIEW_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

export class Site {
  readonly editions: Editions;
  readonly articles: ReadonlyMap<string, Article>;
  readonly #texts: Texts;
  readonly #formatter = new Formatter((locale) => this.editions.formatLocaleOf(locale));
  readonly #views = new Map<string, ArticleView>();
  readonly #names = new Map<string, Values>();
  readonly #ui = new Map<string, Segment>();
  readonly #interfaces = new Map<string, TextsView>();
  readonly #summaries = new Map<string, ArticleSummary>();
  readonly #status: Catalog['status'];

  constructor(catalog: Catalog) {
    this.editions = new Editions(catalog.editions);
    this.#texts = new Texts(catalog);
    this.articles = new Map(catalog.articles.map((a) => [a.slug, a]));
    this.#status = catalog.status;
  }

  /** A language's name in its own language, as the language switcher shows it. */
  autonym(locale: string): string {
    return this.#formatter.autonym(locale);
  }

  /** A number in the edition's digits. */
  number(locale: string, value: number): string {
    return this.#formatter.number(locale, value);
  }

  /** The languages of `editions`, named and listed in `locale`'s own words. */
  languageList(locale: string, editions: readonly Edition[]): string {
    return this.#formatter.list(
      locale,
      editions.map((e) => this.#formatter.languageName(locale, e.locale)),
    );
  }

  /** An interface string in the edition's language (the source's where it lacks one). */
  ui(locale: string, id: string, values?: Values): Segment {
    if (values) return this.#segment(locale, UI_NAMESPACE, id, () => values);
    // Every page shows a dozen of them: each formatted once per edition.
    const key = `${locale}\u0000${id}`;
    let segment = this.#ui.get(key);
    if (!segment) this.#ui.set(key, (segment = this.#segment(locale, UI_NAMESPACE, id, () => ({}))));
    return segment;
  }

  /**
   * The front page's title: the edition's name for itself. Where it is not translated yet, the edition's
   * autonym stands in (the English, "English edition", would misname it).
   */
  frontTitle(locale: string): Segment {
    const title = this.ui(locale, 'front-title');
    if (title.lang === locale) return title;
    const name = this.autonym(locale);
    return { id: title.id, parts: [name], text: name, lang: locale };
  }

  /** A segment resolved by i18next and formatted in the locale it was found in, with that locale's values. */
  #segment(locale: string, namespace: string, id: string, values: (used: string) => Values): Segment {
    const resolved = this.#texts.resolve(locale, namespace, id);
    if (!resolved) throw new Error(`${locale}/${namespace}/${id}: no edition has this text`);
    const parts = this.#formatter.message(
      resolved.locale,
      resolved.message,
      values(resolved.locale),
      `${resolved.locale}/${namespace}/${id}`,
    );
    return { id, parts, text: plainText(parts), lang: resolved.locale };
  }

  /** The interface strings of an edition, each with the values the pages give it (the review page lists them). */
  interfaceView(locale: string): TextsView | undefined {
    const edition = this.editions.get(locale);
    if (!edition) return undefined;
    let view = this.#interfaces.get(locale);
    // The values the pages give the interface strings that take one: the front page's list, a note's number.
    if (!view)
      this.#interfaces.set(
        locale,
        (view = this.#view(edition, UI_NAMESPACE, this.#texts.ids(UI_NAMESPACE), (used) => ({
          languages: this.languageList(used, this.editions.published),
          number: this.#formatter.number(used, 1),
        }))),
      );
    return view;
  }

  /** Segments `ids` of a namespace in an edition: resolved, formatted, with their states, fallbacks and drafts. */
  #view(edition: Edition, namespace: string, ids: readonly string[], values: (used: string) => Values): TextsView {
    const locale = edition.locale;
    const segments = new Map<string, Segment>();
    const drafts = new Map<string, Segment>();
    const fallbacks: string[] = [];
    for (const id of ids) {
      const segment = this.#segment(locale, namespace, id, values);
      if (segment.lang !== locale) fallbacks.push(id);
      segments.set(id, segment);
      const draft = this.#texts.draft(locale, namespace, id);
      if (draft !== undefined) {
        const parts = this.#formatter.message(locale, draft, values(locale), `${locale}/${namespace}/${id} (draft)`);
        drafts.set(id, { id, parts, text: plainText(parts), lang: locale });
      }
    }
    const status = this.#status[locale]?.[namespace] ?? {};
    const stale = Object.keys(status).filter((id) => status[id]!.stale && !fallbacks.includes(id));
    return { edition, namespace, segments, fallbacks, stale, status, drafts };
  }

  /** The glossary's names in a locale (one set per edition, whatever the archive's size). */
  #glossary(locale: string): Values {
    let names = this.#names.get(locale);
    if (!names) this.#names.set(locale, (names = this.#texts.names(locale)));
    return names;
  }

  /**
   * What lists, feeds and cards show of an article in an edition: only its headline and standfirst formatted, not
   * its every segment (a list of fifty articles formats a hundred segments, not a thousand).
   */
  articleSummary(locale: string, slug: string): ArticleSummary | undefined {
    const key = `${locale}/${slug}`;
    const cached = this.#views.get(key) ?? this.#summaries.get(key);
    if (cached) return cached;
    const article = this.articles.get(slug);
    const edition = this.editions.get(locale);
    if (!article || !edition) return undefined;
    const ids = article.blocks.flatMap((b) => (b.type === 'headline' || b.type === 'standfirst' ? [b.segment] : []));
    const summary: ArticleSummary = {
      edition,
      article,
      segments: this.#view(edition, slug, ids, this.#valuesOf(article)).segments,
      ...this.#dates(edition, article),
    };
    remember(this.#summaries, key, summary);
    return summary;
  }

  /** The values an article's segments are formatted with: the glossary's names in the language each segment is found in, and its data arguments. */
  #valuesOf(article: Article): (used: string) => Values {
    const data = argumentValues(article);
    const values = new Map<string, Values>();
    return (used) => {
      let v = values.get(used);
      if (!v) values.set(used, (v = { ...this.#glossary(used), ...data }));
      return v;
    };
  }

  /** An article's dates as an edition writes them: published, and corrected where it was. */
  #dates(edition: Edition, article: Article): { date: DateView; modified?: DateView } {
    const dateView = (iso: string): DateView => {
      const text = this.#formatter.date(edition.locale, iso, edition.calendar, { line: true });
      return edition.secondaryCalendar
        ? { iso, text, secondary: this.#formatter.date(edition.locale, iso, edition.secondaryCalendar) }
        : { iso, text };
    };
    return { date: dateView(article.published.date), ...(article.modified ? { modified: dateView(article.modified.date) } : {}) };
  }

  /** An edition of an article, built on first use. */
  articleView(locale: string, slug: string): ArticleView | undefined {
    const key = `${locale}/${slug}`;
    const cached = this.#views.get(key);
    if (cached) return cached;
    const article = this.articles.get(slug);
    const edition = this.editions.get(locale);
    if (!article || !edition) return undefined;
    const texts = this.#view(
      edition,
      slug,
      articleSegments(article).map((s) => s.id),
      this.#valuesOf(article),
    );
    const { date, modified } = this.#dates(edition, article);
    const notes = (article.notes ?? []).map((note, i): NoteView => {
      const number = this.#formatter.number(locale, i + 1);
      return {
        index: i + 1,
        number,
        label: this.ui(locale, 'note-marker', { number }).text,
        segment: texts.segments.get(note.segment)!,
        on: note.on,
      };
    });
    const view: ArticleView = { ...texts, article, date, ...(modified ? { modified } : {}), notes };
    remember(this.#views, key, view);
    return view;
  }
}
