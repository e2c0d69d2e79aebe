// npm run i18n:publish -- <locale> [--allow-fallback]
// Makes a draft edition live: negotiation, sitemap, hreflang, switchers and feeds include it from the next build.
import { parseCommand, runTool } from './cli.ts';
import { formatProblem } from './check/problems.ts';
import { commitFiles, withLocaleLock } from './commit.ts';
import { publishLanguage } from './languages.ts';
import { ROOT, readProjectFiles } from './project-files.ts';

const usage = 'usage: npm run i18n:publish -- <locale> [--allow-fallback]';
const { values, positionals } = parseCommand(usage, { 'allow-fallback': { type: 'boolean', default: false } });
const [locale] = positionals;
if (!locale || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}

const allowFallback = values['allow-fallback'] ?? false;
runTool('i18n:publish', () => withLocaleLock(ROOT, () => publish(locale)));

function publish(locale: string): void {
  const { writes, problems, edition, unfinished } = publishLanguage(readProjectFiles(), locale, allowFallback);
  for (const { file, id, state } of unfinished)
    (allowFallback ? console.log : console.error)(
      `${file}: ${id}: ${state === 'initial' ? 'a draft (state initial), not accepted as a translation yet' : 'not translated yet'}${allowFallback ? ': served in English' : ''}`,
    );
  for (const problem of problems) console.error(formatProblem(problem));
  if (!edition) {
    console.error('i18n:publish: refused; nothing written');
    process.exit(1);
  }
  commitFiles(ROOT, writes);
  console.log(
    `i18n:publish: ${locale} is published${unfinished.length > 0 ? `, ${unfinished.length} segment(s) in English` : ''}: from the next build (npm run build; npm start rebuilds by itself), negotiation offers it and the sitemap, hreflang, switchers and feeds include it.`,
  );
}
