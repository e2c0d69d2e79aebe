// npm run i18n:remove -- <locale> [--force]
// Removes an edition: its entry in locales/editions.json and its files under locales/<locale>/, as one commit
// (all or none) under the locale lock. A draft goes at once; a published edition only with --force.
import { parseCommand, runTool } from './cli.ts';
import { formatProblem } from './check/problems.ts';
import { commitFiles, withLocaleLock } from './commit.ts';
import { removeLanguage } from './languages.ts';
import { ROOT, readProjectFiles } from './project-files.ts';

const usage = 'usage: npm run i18n:remove -- <locale> [--force]   (--force: also a published edition)';
const { values, positionals } = parseCommand(usage, { force: { type: 'boolean', default: false } });
const [locale] = positionals;
if (!locale || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}

runTool('i18n:remove', () =>
  withLocaleLock(ROOT, () => {
    const { writes, removals = [], problems, edition } = removeLanguage(readProjectFiles(), locale, values.force ?? false);
    for (const problem of problems) console.error(formatProblem(problem));
    if (!edition) {
      console.error('i18n:remove: refused; nothing removed');
      process.exit(1);
    }
    commitFiles(ROOT, writes, removals);
    for (const path of removals) console.log(`i18n:remove: removed ${path}`);
    console.log(
      `i18n:remove: ${locale} (${edition.state}) is no longer an edition: from the next build its pages are gone (git checkout -- locales/ brings it back before a commit).`,
    );
  }),
);
