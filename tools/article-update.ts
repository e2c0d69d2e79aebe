// npm run article:update -- FILE [--slug SLUG] [--date YYYY-MM-DD] [--note TEXT]
// A correction: the article file's English aligned with the article's. Unchanged segments keep their ids and
// translations; edited ones keep their ids and become stale in every edition; new ones are untranslated (or
// drafted from the memory); removed ones leave, their translations kept in the memory. Records the date.
import { printable, formatProblem } from './check/problems.ts';
import { readArticleFile } from './article/read-file.ts';
import { updateArticle } from './article/update.ts';
import { parseCommand } from './cli.ts';
import { commitFiles } from './commit.ts';
import { readMemoryFile } from './memory/store.ts';
import { ROOT, readProjectFiles } from './project-files.ts';

const usage = 'usage: npm run article:update -- FILE [--slug SLUG] [--date YYYY-MM-DD] [--note TEXT]';
const { values, positionals } = parseCommand(usage, { slug: { type: 'string' }, date: { type: 'string' }, note: { type: 'string' } });
const [path] = positionals;
if (!path || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}

const result = updateArticle(readProjectFiles(), readMemoryFile(ROOT), readArticleFile('article:update', path), {
  ...(values.slug ? { slug: values.slug } : {}),
  ...(values.date ? { date: values.date } : {}),
  ...(values.note ? { note: values.note } : {}),
});
for (const problem of result.problems) console.error(formatProblem(problem));
if (!result.report) {
  console.error('article:update: refused; nothing written');
  process.exit(1);
}
const report = result.report;
if (result.writes.length === 0) {
  console.log(`article:update: ${report.slug}: the file says what the article says; nothing written`);
  process.exit(0);
}
commitFiles(ROOT, result.writes);
for (const write of result.writes) console.log(`article:update: wrote ${write.path}`);
for (const { id, before, after } of report.edited)
  console.log(
    `article:update: edited ${id}: stale in every edition until updated or confirmed\n    was: ${printable(before)}\n    now: ${printable(after)}`,
  );
for (const id of report.added) console.log(`article:update: new ${id}: untranslated in every edition`);
for (const id of report.removed) console.log(`article:update: removed ${id}: its translations are kept in the memory`);
for (const { locale, id, origin } of report.prefilled) console.log(`article:update: ${locale} ${id}: a draft from the memory (${origin})`);
for (const { locale, id } of report.setAside)
  console.log(
    `article:update: ${locale} ${id}: its translation no longer fits the English (other names or numbers): kept in the memory, untranslated here`,
  );
console.log(
  `article:update: ${report.slug}: ${report.unchanged.length} unchanged, ${report.edited.length} edited, ${report.added.length} new, ${report.removed.length} removed; ${report.remembered} translation(s) added to the memory`,
);
