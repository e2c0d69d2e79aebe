// npm run article:add -- FILE
// A new article from the newsroom's file (Markdown under YAML front matter): its content file, its English
// segments, and every other edition's, untranslated or drafted from the translation memory; written together, or
// refused whole with every problem named at its line in the file.
import { paths } from '../src/paths.ts';
import { addArticle } from './article/add.ts';
import { readArticleFile } from './article/read-file.ts';
import { formatProblem } from './check/problems.ts';
import { parseCommand } from './cli.ts';
import { commitFiles } from './commit.ts';
import { readMemoryFile } from './memory/store.ts';
import { ROOT, readProjectFiles } from './project-files.ts';

const usage =
  'usage: npm run article:add -- FILE   (an article: Markdown under YAML front matter; see TRANSLATING.md, "Adding an article")';
const { positionals } = parseCommand(usage, {});
const [path] = positionals;
if (!path || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}

const result = addArticle(readProjectFiles(), readMemoryFile(ROOT), readArticleFile('article:add', path));
for (const problem of result.problems) console.error(formatProblem(problem));
if (!result.report) {
  console.error('article:add: refused; nothing written');
  process.exit(1);
}
commitFiles(ROOT, result.writes);
for (const write of result.writes) console.log(`article:add: wrote ${write.path}`);
const { slug, segments, prefilled } = result.report;
for (const { locale, id, origin } of prefilled)
  console.log(`article:add: ${locale} ${id}: a draft from the memory (${origin}): served in English until someone accepts it`);
console.log(
  `article:add: ${slug}: ${segments} segments; every other edition serves them in English until they are translated${prefilled.length > 0 ? ` (${prefilled.length} drafted from the memory)` : ''}: ${paths.article('en', slug)}, ${paths.review('<locale>', slug)}`,
);
