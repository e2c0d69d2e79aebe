// npm run i18n:export -- <locale> --out FILE [--format xliff|xliff-1.2|po]
// Writes every segment of a locale for a translator's tool: XLIFF 2.0 (default), XLIFF 1.2 (for tools that
// read only 1.2, translate-toolkit before 3.17 among them) or gettext PO.
import { resolve } from 'node:path';
import { formatProblem, ProblemList } from './check/problems.ts';
import { parseCommand, runTool } from './cli.ts';
import type { ExchangeDocument } from './exchange/document.ts';
import { exportDocument } from './exchange/document.ts';
import { writePo } from './exchange/po.ts';
import { writeXliff, writeXliff12 } from './exchange/xliff.ts';
import { memoryCandidates, type CandidatesFor } from './memory/candidates.ts';
import { projectMemory } from './memory/memory.ts';
import { readMemoryFile } from './memory/store.ts';
import { ROOT, readProjectFiles } from './project-files.ts';
import { writeAtomic } from './write-atomic.ts';

/** Each format: its writer (with the memory's matches where the format carries them), and its name in messages. */
const FORMATS: Readonly<
  Record<string, { readonly write: (document: ExchangeDocument, candidatesFor: CandidatesFor) => string; readonly name: string }>
> = {
  xliff: { write: (document, candidatesFor) => writeXliff(document, candidatesFor), name: 'XLIFF 2.0' },
  'xliff-1.2': { write: (document) => writeXliff12(document), name: 'XLIFF 1.2' },
  po: { write: (document, candidatesFor) => writePo(document, new Date(), candidatesFor), name: 'PO' },
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
  writeAtomic(resolve(process.env.INIT_CWD ?? process.cwd(), out), format.write(document, memoryCandidates(found.memory, locale)));
  console.log(`i18n:export: ${document.units.length} segments of ${locale} written to ${out} (${format.name})`);
});
