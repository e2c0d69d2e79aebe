// npm run i18n:export -- <locale> --out FILE [--format xliff|po]
// Writes every segment of a locale for a translator's tool: XLIFF 2.0 (default) or gettext PO.
import { resolve } from 'node:path';
import { formatProblem } from './check/problems.ts';
import { parseCommand, runTool } from './cli.ts';
import { exportDocument } from './exchange/document.ts';
import { writePo } from './exchange/po.ts';
import { writeXliff } from './exchange/xliff.ts';
import { readProjectFiles } from './project-files.ts';
import { writeAtomic } from './write-atomic.ts';

const usage = 'usage: npm run i18n:export -- <locale> --out FILE [--format xliff|po]';
const { values, positionals } = parseCommand(usage, { out: { type: 'string' }, format: { type: 'string' } });
const [locale] = positionals;
const out = values.out;
if (!locale || !out) {
  console.error(usage);
  process.exit(2);
}
const format = values.format ?? (out.endsWith('.po') ? 'po' : 'xliff');
if (format !== 'po' && format !== 'xliff') {
  console.error(usage);
  process.exit(2);
}
runTool('i18n:export', () => {
  const { document, problems } = exportDocument(readProjectFiles(), locale);
  if (!document) {
    for (const problem of problems) console.error(formatProblem(problem));
    console.error('i18n:export: nothing written');
    process.exit(1);
  }
  writeAtomic(resolve(process.env.INIT_CWD ?? process.cwd(), out), format === 'po' ? writePo(document) : writeXliff(document));
  console.log(`i18n:export: ${document.units.length} segments of ${locale} written to ${out} (${format === 'po' ? 'PO' : 'XLIFF 2.0'})`);
});
