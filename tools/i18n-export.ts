// npm run i18n:export -- <locale> --out FILE [--format xliff|xliff-1.2|po]
// Writes every segment of a locale for a translator's tool: XLIFF 2.0 (default), XLIFF 1.2 (for tools that
// read only 1.2, translate-toolkit before 3.17 among them) or gettext PO.
import { resolve } from 'node:path';
import { formatProblem } from './check/problems.ts';
import { parseCommand, runTool } from './cli.ts';
import type { ExchangeDocument } from './exchange/document.ts';
import { exportDocument } from './exchange/document.ts';
import { writePo } from './exchange/po.ts';
import { writeXliff, writeXliff12 } from './exchange/xliff.ts';
import { readProjectFiles } from './project-files.ts';
import { writeAtomic } from './write-atomic.ts';

/** Each format: its writer, and its name in messages. */
const FORMATS: Readonly<Record<string, { readonly write: (document: ExchangeDocument) => string; readonly name: string }>> = {
  xliff: { write: writeXliff, name: 'XLIFF 2.0' },
  'xliff-1.2': { write: writeXliff12, name: 'XLIFF 1.2' },
  po: { write: writePo, name: 'PO' },
};

const usage = `usage: npm run i18n:export -- <locale> --out FILE [--format ${Object.keys(FORMATS).join('|')}]`;
const { values, positionals } = parseCommand(usage, { out: { type: 'string' }, format: { type: 'string' } });
const [locale] = positionals;
const out = values.out;
const format = FORMATS[values.format ?? (out?.endsWith('.po') ? 'po' : 'xliff')];
if (!locale || !out || !format || (values.format !== undefined && !Object.hasOwn(FORMATS, values.format))) {
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
  writeAtomic(resolve(process.env.INIT_CWD ?? process.cwd(), out), format.write(document));
  console.log(`i18n:export: ${document.units.length} segments of ${locale} written to ${out} (${format.name})`);
});
