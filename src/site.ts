import {
  GLOSSARY_NAMESPACE,
  UI_NAMESPACE,
  argumentValues,
  articleSegments,
  type Article,
  type Catalog,
  type SegmentStatus,
} from './content.ts';
import { Formatter, languageNames, type FormattedText, type OnError, type Values } from './format.ts';
import { plainText, type RichText } from './rich-text.ts';
import { Texts } from './i18n.ts';
import { LOCALE_INFO, SOURCE_LOCALE, type Locale } from './locales.ts';

/** A segment as a reader gets it: its id, its text, and the language the text is in. */
export interface Segment {
  readonly id: string;
  /** The formatted text, with the elements its allowed tags make. */
  readonly parts: RichText;
  /** The same text alone, for attributes, titles and the JSON edition. */
  readonly text: string;
  /** The edition's locale, or English where the edition lacks the segment or could not format it. */
  readonly lang: Locale;
}

/** One edition of one article, every segment formatted: what the page and the JSON edition are made of. */
export interface ArticleView {
  readonly locale: Locale;
  readonly article: Article;
  readonly segments: ReadonlyMap<string, Segment>;
  /** Segments shown in English because the edition lacks them. */
  readonly fallbacks: readonly string[];
  /** Segments whose English changed since they were translated: shown as they are, marked in the JSON edition. */
  readonly stale: readonly string[];
  /** Each translated segment's XLIFF state and staleness (none for English). */
  readonly status: Readonly<Record<string, SegmentStatus>>;
  readonly date: { readonly iso: string; readonly text: string; readonly secondary?: string };
}

/**
 * The catalog, made ready to serve: i18next resolves each text, formatjs formats it, and each
 * edition's view is built once per isolate. Request handlers only ask; they never parse or format.
 */
export class Site {
  readonly articles: ReadonlyMap<string, Article>;
  readonly languageNames: ReadonlyMap<Locale, string>;
  readonly #texts: Texts;
  readonly #formatter: Formatter;
  readonly #views = new Map<string, ArticleView>();
  readonly #values = new Map<string, Values>();
  readonly #status: Catalog['status'];

  constructor(catalog: Catalog, onError: OnError) {
    this.#texts = new Texts(catalog);
    this.#formatter = new Formatter(catalog, this.#texts, onError);
    this.articles = new Map(catalog.articles.map((a) => [a.slug, a]));
    this.#status = catalog.status;
    this.languageNames = languageNames(this.#formatter);
  }

  /** The editions' languages, named and listed in `locale`'s own words. */
  editionsList(locale: Locale): string {
    return this.#formatter.editionsList(locale);
  }

  /** An interface string in the edition's language (English where it lacks one). */
  ui(locale: Locale, id: string, values: Values = {}): Segment {
    return segment(
      id,
      this.#formatter.message(locale, UI_NAMESPACE, id, () => values),
    );
  }

  /** The names of a locale's glossary and an article's data arguments: what its segments are formatted with. */
  #argumentValues(locale: Locale, article: Article): Values {
    const cacheKey = `${locale}/${article.slug}`;
    let values = this.#values.get(cacheKey);
    if (!values) {
      // A name the locale's glossary lacks (the check forbids it) is given in English rather than not at all.
      const names = { ...this.#texts.bundle(SOURCE_LOCALE, GLOSSARY_NAMESPACE), ...this.#texts.bundle(locale, GLOSSARY_NAMESPACE) };
      values = { ...(names as Record<string, string>), ...argumentValues(article) };
      this.#values.set(cacheKey, values);
    }
    return values;
  }

  /** An edition of an article, built on first use and kept for the life of the isolate. */
  articleView(locale: Locale, slug: string): ArticleView | undefined {
    const cacheKey = `${locale}/${slug}`;
    const cached = this.#views.get(cacheKey);
    if (cached) return cached;
    const article = this.articles.get(slug);
    if (!article) return undefined;
    const segments = new Map<string, Segment>();
    const fallbacks: string[] = [];
    for (const { id } of articleSegments(article)) {
      const formatted = segment(
        id,
        this.#formatter.message(locale, slug, id, (used) => this.#argumentValues(used, article)),
      );
      if (formatted.lang !== locale) fallbacks.push(id);
      segments.set(id, formatted);
    }
    const info = LOCALE_INFO[locale];
    const iso = article.published.date;
    const date = info.secondaryCalendar
      ? { iso, text: this.#formatter.date(locale, iso), secondary: this.#formatter.date(locale, iso, info.secondaryCalendar) }
      : { iso, text: this.#formatter.date(locale, iso) };
    const status = this.#status[locale]?.[slug] ?? {};
    const stale = Object.keys(status).filter((id) => status[id]!.stale && !fallbacks.includes(id));
    const view: ArticleView = { locale, article, segments, fallbacks, stale, status, date };
    this.#views.set(cacheKey, view);
    return view;
  }
}

/** A segment from what the formatter gave; nothing (an error logged already) gives an empty English segment. */
function segment(id: string, formatted: FormattedText | undefined): Segment {
  const parts = formatted?.parts ?? [];
  return { id, parts, text: plainText(parts), lang: formatted?.locale ?? SOURCE_LOCALE };
}
