// npm run i18n:import -- FILE
// Reads an XLIFF 2.0 or PO file, validates every segment as the check does, and writes the locale files
// and sidecars atomically. Any problem refuses the whole file, and nothing is written.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem } from './check/problems.ts';
import { importDocument, type ExchangeDocument } from './exchange/document.ts';
import { readPo } from './exchange/po.ts';
import { ExchangeFormatError, readXliff } from './exchange/xliff.ts';
import { ROOT, readProjectFiles } from './project-files.ts';
import { writeAtomic } from './write-atomic.ts';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run i18n:import -- FILE (.xlf/.xliff or .po)');
  process.exit(2);
}
const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
const text = readFileSync(path, 'utf8');
let document: ExchangeDocument;
try {
  document = /^\s*(<\?xml|<xliff)/.test(text) ? readXliff(text) : readPo(text);
} catch (error) {
  if (!(error instanceof ExchangeFormatError)) throw error;
  console.error(`${file}: ${error.message}`);
  console.error('i18n:import: refused; nothing written');
  process.exit(1);
}
const files = readProjectFiles();
const { writes, problems } = importDocument(files, document, file);
for (const problem of problems) console.error(formatProblem(problem));
if (writes.length === 0 && problems.some((p) => p.severity === 'error')) {
  console.error('i18n:import: refused; nothing written');
  process.exit(1);
}
let changed = 0;
for (const write of writes) {
  if (files.locales.find((f) => f.path === write.path)?.text === write.text) continue;
  writeAtomic(join(ROOT, write.path), write.text);
  console.log(`i18n:import: wrote ${write.path}`);
  changed++;
}
console.log(`i18n:import: ${document.units.length} segments read, ${changed} file(s) changed`);
