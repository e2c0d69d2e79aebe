// npm run i18n:import -- FILE [--force]
// Reads an XLIFF 2.0 or PO file, validates every segment as the check does, and writes the locale files and
// their sidecars as one commit (all or none). Any problem, or any segment changed in the project since the file
// was exported (a conflict; --force takes the file's text), refuses the whole file: nothing is written.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem, printable } from './check/problems.ts';
import { parseCommand } from './cli.ts';
import { commitFiles } from './commit.ts';
import { importDocument, type ExchangeDocument } from './exchange/document.ts';
import { readPo } from './exchange/po.ts';
import { ExchangeFormatError, readXliff } from './exchange/xliff.ts';
import { ROOT, readProjectFiles } from './project-files.ts';

const usage = 'usage: npm run i18n:import -- FILE (.xlf/.xliff or .po) [--force]';
const { values, positionals } = parseCommand(usage, { force: { type: 'boolean', default: false } });
const [file] = positionals;
if (!file || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
const refuse = (): never => {
  console.error('i18n:import: refused; nothing written');
  process.exit(1);
};

const text = readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8');
let document: ExchangeDocument;
try {
  document = /^\s*(<\?xml|<xliff|<!)/.test(text) ? readXliff(text) : readPo(text);
} catch (error) {
  if (!(error instanceof ExchangeFormatError)) throw error;
  console.error(
    formatProblem({ severity: 'error', file, ...(error.position ? { position: error.position } : {}), message: error.message }),
  );
  refuse();
}

const files = readProjectFiles();
const result = importDocument(files, document!, file, { force: values.force });
for (const problem of result.problems) {
  console.error(formatProblem(problem));
  const conflict = result.conflicts.find((c) => c.id === problem.segment && c.position === problem.position);
  if (problem.message.startsWith('conflict:') && conflict) {
    console.error(`    now:     ${printable(conflict.current)}`);
    console.error(`    in file: ${printable(conflict.incoming)}`);
  }
}
if (result.writes.length === 0 && result.problems.some((p) => p.severity === 'error')) refuse();

const changed = result.writes.filter((w) => files.locales.find((f) => f.path === w.path)?.text !== w.text);
for (const change of result.changes)
  console.log(
    `i18n:import: ${result.locale} ${printable(change.namespace)}/${printable(change.id)}: ${change.from} → ${change.to}${change.textChanged ? ', text changed' : ''}`,
  );
commitFiles(ROOT, changed);
for (const write of changed) console.log(`i18n:import: wrote ${write.path}`);
console.log(
  `i18n:import: ${document!.units.length} segments read as ${result.locale}, ${result.changes.length} changed, ${changed.length} file(s) written`,
);
