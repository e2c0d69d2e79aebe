// Validates content/ and locales/ and writes the catalog the worker bundles. A file that fails the
// check stops here, with the file, the segment and the problem named, and never reaches a reader.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProject } from '../src/check/check.ts';
import { compileCatalog } from '../src/check/compile.ts';
import { formatProblem } from '../src/check/problems.ts';
import { ROOT, readProjectFiles } from './project-files.ts';

const result = checkProject(readProjectFiles());
for (const problem of result.problems) console.error(formatProblem(problem));
if (!result.catalog) {
  console.error('catalog: not written: fix the errors above (npm run i18n:check lists them too)');
  process.exit(1);
}

const dir = join(ROOT, 'src', 'generated');
mkdirSync(dir, { recursive: true });
const target = join(dir, 'catalog.ts');
const source = `// Written by scripts/catalog.ts from content/ and locales/; do not edit.
import type { Catalog } from '../content.ts';

// JSON.parse of one string starts faster than the same data as an object literal.
export const catalog: Catalog = JSON.parse(${JSON.stringify(JSON.stringify(compileCatalog(result.catalog)))});
`;
writeFileSync(`${target}.tmp`, source);
renameSync(`${target}.tmp`, target);
const segments = result.catalog.articles.reduce((n, a) => n + Object.keys(result.catalog!.resources.en?.[a.slug] ?? {}).length, 0);
console.log(
  `catalog: ${result.catalog.articles.length} article(s), ${segments} segments in ${Object.keys(result.catalog.resources).length} locales`,
);
