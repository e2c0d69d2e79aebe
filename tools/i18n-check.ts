// npm run i18n:check                                   validate every locale against English
// npm run i18n:check -- --confirm <locale> <segment id> [--state <state>]
//                                                      record that a translation still fits its (changed) English
// npm run i18n:check -- --confirm <locale> --all [--state <state>]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UI_NAMESPACE } from '../site/content.ts';
import { checkProject, localeFile } from './check/check.ts';
import { formatProblem } from './check/problems.ts';
import { isSegmentState, readSidecar, recordFor, serializeJson, sidecarFile, type SegmentRecord } from './check/sidecar.ts';
import { ROOT, readProjectFiles } from './project-files.ts';
import { writeAtomic } from './write-atomic.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { confirm: { type: 'string' }, all: { type: 'boolean', default: false }, state: { type: 'string' } },
});

const files = readProjectFiles();
const result = checkProject(files);

if (values.confirm !== undefined) {
  const locale = values.confirm;
  const state = values.state;
  const fail = (message: string): never => {
    console.error(`i18n:check --confirm: ${message}`);
    process.exit(2);
  };
  if (!result.catalog) fail('fix the errors that npm run i18n:check lists first');
  const catalog = result.catalog!;
  const source = catalog.editions.source;
  const translations = Object.keys(catalog.editions.editions).filter((l) => l !== source);
  if (!translations.includes(locale)) fail(`"${locale}" is not a translated edition (${translations.join(', ')})`);
  if (state !== undefined && !isSegmentState(state)) fail(`--state must be initial, translated, reviewed or final`);
  if (!values.all && positionals.length === 0) fail('name the segment ids to confirm, or --all');
  const namespaces = [UI_NAMESPACE, ...catalog.articles.map((a) => a.slug)];
  const english = catalog.resources[source]!;
  const wanted = new Set(positionals);
  const found = new Set<string>();
  for (const namespace of namespaces) {
    const path = sidecarFile(locale, namespace);
    const records = readSidecar(files, locale, namespace);
    const next: Record<string, SegmentRecord> = {};
    let changed = false;
    for (const [id, message] of Object.entries(english[namespace] ?? {})) {
      const translated = catalog.resources[locale]?.[namespace]?.[id] !== undefined;
      const record = records.get(id);
      if (translated && (values.all || wanted.has(id) || wanted.has(`${namespace}/${id}`))) {
        found.add(id);
        next[id] = recordFor(message, isSegmentState(state) ? state : (record?.state ?? 'translated'));
        changed ||= JSON.stringify(next[id]) !== JSON.stringify(record);
      } else if (record) next[id] = record;
    }
    if (changed) {
      writeAtomic(join(ROOT, path), serializeJson(next));
      console.log(`i18n:check: recorded ${path}`);
    }
  }
  for (const id of wanted) if (!found.has(id.replace(/^.*\//, ''))) fail(`${localeFile(locale, '…')}: ${id}: no such translated segment`);
  process.exit(0);
}

for (const problem of result.problems) console.log(formatProblem(problem));
const errors = result.problems.filter((p) => p.severity === 'error').length;
const warnings = result.problems.length - errors;
console.log('');
console.log('locale  segments  translated  missing  stale  done');
for (const s of result.summaries) {
  const done = s.segments === 0 ? 100 : Math.floor(((s.translated - s.stale) / s.segments) * 1000) / 10;
  console.log(
    `${s.locale.padEnd(6)}  ${String(s.segments).padStart(8)}  ${String(s.translated).padStart(10)}  ${String(s.missing).padStart(7)}  ${String(s.stale).padStart(5)}  ${done.toFixed(1).padStart(5)}%`,
  );
}
console.log(`\n${errors} error(s), ${warnings} warning(s)`);
process.exit(errors > 0 ? 1 : 0);
