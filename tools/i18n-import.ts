// npm run i18n:import -- FILE [--force]
// Reads an XLIFF (2.0 or 1.2) or PO file, validates every segment as the check does, and writes the locale
// files and their sidecars as one commit (all or none), holding the locale lock from its first read to its
// last write. Any problem, or any segment changed in the project since the file was exported (a conflict;
// --force takes the file's text), refuses the whole file: nothing is written.
import { resolve } from 'node:path';
import { formatProblem, printable, type Problem } from './check/problems.ts';
import { parseCommand, runTool } from './cli.ts';
import { commitFiles, withLocaleLock } from './commit.ts';
import { importDocument, type ExchangeDocument } from './exchange/document.ts';
import { readExchange } from './exchange/read.ts';
import { ExchangeFormatError } from './exchange/xliff.ts';
import { MAX_EXCHANGE_FILE_BYTES } from './limits.ts';
import { ROOT, readProjectFiles } from './project-files.ts';
import { readTextFile } from './read-text.ts';

const usage = 'usage: npm run i18n:import -- FILE (.xlf/.xliff or .po) [--force] [--language <locale>]';
const { values, positionals } = parseCommand(usage, {
  force: { type: 'boolean', default: false },
  // For a file that names no target language (translate-toolkit's xliff2po writes none).
  language: { type: 'string' },
});
const [file] = positionals;
if (!file || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
const refuse = (): never => {
  console.error('i18n:import: refused; nothing written');
  process.exit(1);
};

runTool('i18n:import', () => {
  const input = readTextFile(resolve(process.env.INIT_CWD ?? process.cwd(), file), file, MAX_EXCHANGE_FILE_BYTES, 'an exchange file');
  let document: ExchangeDocument;
  try {
    document = readExchange(input.text);
  } catch (error) {
    if (!(error instanceof ExchangeFormatError)) throw error;
    console.error(
      formatProblem({ severity: 'error', file, ...(error.position ? { position: error.position } : {}), message: error.message }),
    );
    return refuse();
  }
  if (values.language !== undefined) {
    if (document.targetLocale !== '' && document.targetLocale !== values.language) {
      console.error(
        `${file}: the file says its language is "${printable(document.targetLocale)}", --language says "${printable(values.language)}"`,
      );
      refuse();
    }
    document = { ...document, targetLocale: values.language };
  }
  const encoding: Problem[] = input.notUtf8
    ? [
        {
          severity: 'error',
          file,
          position: input.notUtf8.position,
          message: `not UTF-8 (a byte 0x${input.notUtf8.byte.toString(16).toUpperCase().padStart(2, '0')}): save the file as UTF-8 and import it again`,
        },
      ]
    : [];

  // From the first read to the last write: a second import waits, and then reads what this one wrote.
  withLocaleLock(ROOT, () => {
    const files = readProjectFiles();
    const result = importDocument(files, document, file, { force: values.force });
    const conflicts = new Map(result.conflicts.map((c) => [`${c.id}\u0000${c.position?.line}:${c.position?.column}`, c]));
    for (const problem of [...encoding, ...result.problems]) {
      console.error(formatProblem(problem));
      const conflict = conflicts.get(`${problem.segment}\u0000${problem.position?.line}:${problem.position?.column}`);
      if (problem.message.startsWith('conflict:') && conflict) {
        console.error(`    now:     ${printable(conflict.current)}`);
        console.error(`    in file: ${printable(conflict.incoming)}`);
      }
    }
    if (encoding.length > 0 || (result.writes.length === 0 && result.problems.some((p) => p.severity === 'error'))) refuse();

    const changed = result.writes.filter((w) => files.locales.find((f) => f.path === w.path)?.text !== w.text);
    // Written first, reported after: nothing is said to have changed unless it was written.
    commitFiles(ROOT, changed);
    for (const change of result.changes)
      console.log(
        `i18n:import: ${result.locale} ${printable(change.namespace)}/${printable(change.id)}: ${change.from} → ${change.to}${change.textChanged ? ', text changed' : ''}`,
      );
    for (const write of changed) console.log(`i18n:import: wrote ${write.path}`);
    console.log(
      `i18n:import: ${document.units.length} segments read as ${result.locale}, ${result.changes.length} changed, ${changed.length} file(s) written`,
    );
  });
});
