// npm run i18n:add -- <locale>
// Starts an edition: its files, every segment untranslated (served in English), registered as a draft.
import { parseCommand, runTool } from './cli.ts';
import { formatProblem } from './check/problems.ts';
import { commitFiles, withLocaleLock } from './commit.ts';
import { addLanguage } from './languages.ts';
import { ROOT, readProjectFiles } from './project-files.ts';
import { paths } from '../src/paths.ts';

const usage = 'usage: npm run i18n:add -- <locale>   (a BCP 47 tag, such as tr, ar or pt-BR)';
const { positionals } = parseCommand(usage, {});
const [tag] = positionals;
if (!tag || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}

runTool('i18n:add', () => withLocaleLock(ROOT, () => add(tag)));

function add(tag: string): void {
  const { writes, problems, edition } = addLanguage(readProjectFiles(), tag);
  for (const problem of problems) console.error(formatProblem(problem));
  if (!edition) {
    console.error('i18n:add: refused; nothing written');
    process.exit(1);
  }
  commitFiles(ROOT, writes);
  for (const write of writes) console.log(`i18n:add: wrote ${write.path}`);
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
  console.log(`
${tag} (${name}) is a draft edition: ${edition.dir}, ${edition.script} script, ${edition.calendar} calendar${edition.font ? `, web font ${edition.font}` : ''}.
Every segment is served in English until it is translated. Its pages are built (with noindex), not offered
to readers: ${paths.front(tag)}, each article (${paths.article(tag, '<article>')}) and its review page (${paths.review(tag, '<article>')}).
Translate locales/${tag}/*.json (or npm run i18n:export -- ${tag} --out ${tag}.xlf), then npm run i18n:publish -- ${tag}.`);
}
