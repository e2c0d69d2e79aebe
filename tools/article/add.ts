import { GLOSSARY_NAMESPACE } from '../../site/content.ts';
import { checkProject, type ProjectFiles, type SourceFile } from '../check/check.ts';
import { EDITIONS_FILE } from '../check/editions.ts';
import { ProblemList } from '../check/problems.ts';
import { recordFor } from '../check/sidecar.ts';
import { TranslationMemory } from '../memory/lookup.ts';
import { glossaryNames } from '../memory/placeables.ts';
import { parseMemoryFile, projectEntries } from '../memory/store.ts';
import { EnglishWriter } from './english.ts';
import {
  articleContent,
  articleWrites,
  newId,
  verifyArticle,
  type ArticleChange,
  type ArticleFile,
  type EditionText,
  type Prefilled,
} from './files.ts';
import { slugFromHeadline } from './ids.ts';
import { readArticleSource } from './markdown.ts';
import { englishArticle } from './segments.ts';

/** What `article:add` did. */
export interface AddReport {
  readonly slug: string;
  readonly segments: number;
  /** Segments written from the memory in an edition, as drafts. */
  readonly prefilled: readonly Prefilled[];
}

const RESERVED = new Set([GLOSSARY_NAMESPACE, 'ui']);

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
  const checked = checkProject(files);
  if (!checked.catalog) {
    problems.error(EDITIONS_FILE, undefined, 'the project fails the check: fix what npm run i18n:check lists first');
    return refused();
  }
  const catalog = checked.catalog;
  const article = readArticleSource(file.path, file.bytes, problems);
  if (!article) return refused();
  const { meta } = article;
  const slug = meta.slug?.text ?? slugFromHeadline(meta.headline.text);
  const where = (meta.slug ?? meta.headline).position;
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
  const glossary = new Map(Object.entries(catalog.resources[source]?.[GLOSSARY_NAMESPACE] ?? {}));
  const english = englishArticle(article, new EnglishWriter(glossary, meta.published.text));
  const taken = new Set<string>();
  const ids = english.segments.map((segment) => newId(segment, taken));
  const content = articleContent(meta, slug, english.segments, ids, english.arguments);
  const messages = new Map(english.segments.map((s, i) => [ids[i]!, s.message]));

  const stored = parseMemoryFile(memoryFile, problems);
  if (problems.hasErrors) return refused();
  const memory = new TranslationMemory([...projectEntries(files, catalog), ...stored], glossaryNames(glossary.keys()));
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
