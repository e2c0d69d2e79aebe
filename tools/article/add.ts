import { GLOSSARY_NAMESPACE, UI_NAMESPACE } from '../../site/content.ts';
import type { ProjectFiles, SourceFile } from '../check/check.ts';
import { ProblemList } from '../check/problems.ts';
import { recordFor } from '../check/sidecar.ts';
import {
  articleContent,
  articleWrites,
  newId,
  readArticleInput,
  verifyArticle,
  type ArticleChange,
  type ArticleFile,
  type EditionText,
  type Prefilled,
} from './files.ts';
import { englishArticle } from './segments.ts';

/** What `article:add` did. */
export interface AddReport {
  readonly slug: string;
  readonly segments: number;
  /** Segments written from the memory in an edition, as drafts. */
  readonly prefilled: readonly Prefilled[];
}

const RESERVED = new Set([GLOSSARY_NAMESPACE, UI_NAMESPACE]);

/**
 * A new article from an article file: its content file, its English segments (names as placeholders, numbers
 * as arguments), and every other edition's segments untranslated (served in English) except those the memory
 * has translated before: those are written as drafts (`initial`), for a person to accept. Refused whole, every
 * problem named at its line in the article file, when the file has a problem or names an article there is.
 * A name the glossary lacks is a warning: it stays English text, for the editor.
 */
export function addArticle(files: ProjectFiles, memoryFile: SourceFile | undefined, file: ArticleFile): ArticleChange<AddReport> {
  const problems = new ProblemList();
  const refused = () => ({ writes: [], problems: problems.items });
  const input = readArticleInput(files, memoryFile, file, problems);
  if (!input) return refused();
  const { catalog, memory, source: article, slug } = input;
  const where = (article.meta.slug ?? article.meta.headline).position;
  if (RESERVED.has(slug))
    problems.error(file.path, undefined, `slug: "${slug}" is the name of a shared file: give the article a slug`, where);
  else if (catalog.articles.some((a) => a.slug === slug) || files.content.some((f) => f.path === `content/${slug}.json`))
    problems.error(
      file.path,
      undefined,
      `slug: "${slug}" is an article already (content/${slug}.json): to correct it, npm run article:update -- ${file.path}`,
      where,
    );
  if (problems.hasErrors) return refused();

  const source = catalog.editions.source;
  const english = englishArticle(article, input.writer);
  const taken = new Set<string>();
  const ids = english.segments.map((segment) => newId(segment, taken));
  const content = articleContent(article.meta, slug, english.segments, ids, english.arguments);
  const messages = new Map(english.segments.map((s, i) => [ids[i]!, s.message]));
  const editions = new Map<string, EditionText>();
  const prefilled: Prefilled[] = [];
  for (const locale of Object.keys(catalog.editions.editions)) {
    if (locale === source) continue;
    const text: EditionText = { values: new Map(), records: new Map() };
    for (const [id, message] of messages) {
      const match = memory.exact(locale, message);
      if (!match) continue;
      text.values.set(id, match.target);
      text.records.set(id, recordFor(message, match.target, 'initial'));
      prefilled.push({ locale, id, origin: match.entry.origin });
    }
    editions.set(locale, text);
  }
  const writes = verifyArticle(
    files,
    slug,
    () => articleWrites(content, messages, editions, source),
    (locale, id) => prefilled.some((p) => p.locale === locale && p.id === id),
    (locale, id) => {
      editions.get(locale)!.values.delete(id);
      editions.get(locale)!.records.delete(id);
      prefilled.splice(
        prefilled.findIndex((p) => p.locale === locale && p.id === id),
        1,
      );
    },
    problems,
  );
  if (!writes) return refused();
  for (const { name, position } of english.unknownNames)
    problems.warning(
      file.path,
      undefined,
      `“${name}”: a name locales/${source}/glossary.json does not have: left as English text (add it to every glossary, then npm run article:update, to make it a name)`,
      position,
    );
  return { writes, problems: problems.items, report: { slug, segments: ids.length, prefilled } };
}
