// npm run i18n:export -- <locale> --out FILE [--format xliff|po]
// Writes every segment of a locale for a translator's tool: XLIFF 2.0 (default) or gettext PO.
import { resolve } from 'node:path';
import { formatProblem, ProblemList } from './check/problems.ts';
import { parseCommand } from './cli.ts';
import { exportDocument } from './exchange/document.ts';
import { writePo } from './exchange/po.ts';
import { writeXliff } from './exchange/xliff.ts';
import { memoryCandidates } from './memory/candidates.ts';
import { projectMemory } from './memory/memory.ts';
import { readMemoryFile } from './memory/store.ts';
import { ROOT, readProjectFiles } from './project-files.ts';
import { writeAtomic } from './write-atomic.ts';

const usage = 'usage: npm run i18n:export -- <locale> --out FILE [--format xliff|po]';
const { values, positionals } = parseCommand(usage, { out: { type: 'string' }, format: { type: 'string' } });
const [locale] = positionals;
if (!locale || !values.out) {
  console.error(usage);
  process.exit(2);
}
const format = values.format ?? (values.out.endsWith('.po') ? 'po' : 'xliff');
if (format !== 'po' && format !== 'xliff') {
  console.error(usage);
  process.exit(2);
}
const files = readProjectFiles();
const { document, problems } = exportDocument(files, locale);
const memoryProblems = new ProblemList();
const found = document && projectMemory(files, readMemoryFile(ROOT), memoryProblems);
if (!document || !found) {
  for (const problem of [...problems, ...memoryProblems.items]) console.error(formatProblem(problem));
  console.error('i18n:export: nothing written');
  process.exit(1);
}
// Close matches from the translation memory, for the segments still to translate.
const candidatesFor = memoryCandidates(found.memory, locale);
writeAtomic(
  resolve(process.env.INIT_CWD ?? process.cwd(), values.out),
  format === 'po' ? writePo(document, new Date(), candidatesFor) : writeXliff(document, candidatesFor),
);
console.log(
  `i18n:export: ${document.units.length} segments of ${locale} written to ${values.out} (${format === 'po' ? 'PO' : 'XLIFF 2.0'})`,
);
