// npm run i18n:check                                   validate every locale against English
// npm run i18n:check -- --confirm <locale> <segment id> [--state <state>]
//                                                      record that a translation fits its English as it is now
//                                                      (after a stale warning, or an edit after review)
// npm run i18n:check -- --confirm <locale> --all [--state <state>]
import { UI_NAMESPACE } from '../site/content.ts';
import { checkProject, localeFile } from './check/check.ts';
import { formatProblem, printable } from './check/problems.ts';
import { isSegmentState, readSidecar, recordFor, revision, serializeJson, sidecarFile, type SegmentRecord } from './check/sidecar.ts';
import { parseCommand, runTool } from './cli.ts';
import { commitFiles, withLocaleLock } from './commit.ts';
import { ROOT, readProjectFiles } from './project-files.ts';

const usage = `usage: npm run i18n:check
       npm run i18n:check -- --confirm <locale> (<segment id>… | --all) [--state initial|translated|reviewed|final]`;
const { values, positionals } = parseCommand(usage, {
  confirm: { type: 'string' },
  all: { type: 'boolean', default: false },
  state: { type: 'string' },
});

// --confirm writes sidecars: it holds the locale lock from its read to its write.
runTool('i18n:check', () => withLocaleLock(ROOT, check));

function check(): void {
  const files = readProjectFiles();
  const result = checkProject(files);

  if (values.confirm !== undefined) {
    const locale = values.confirm;
    const state = values.state;
    const fail = (message: string): never => {
      console.error(`i18n:check --confirm: ${printable(message)}`);
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
    const writes: { path: string; text: string }[] = [];
    for (const namespace of namespaces) {
      const records = readSidecar(files, locale, namespace);
      const next: Record<string, SegmentRecord> = {};
      let changed = false;
      for (const [id, message] of Object.entries(english[namespace] ?? {})) {
        const target = catalog.resources[locale]?.[namespace]?.[id] ?? catalog.drafts[locale]?.[namespace]?.[id];
        const record = records.get(id);
        if (target !== undefined && (values.all || wanted.has(id) || wanted.has(`${namespace}/${id}`))) {
          found.add(id);
          // Without --state, a segment keeps its state; one written since it was left untranslated is translated.
          const kept =
            record?.state === 'initial' && record.targetHash !== revision(target) ? 'translated' : (record?.state ?? 'translated');
          next[id] = recordFor(message, target, isSegmentState(state) ? state : kept);
          changed ||= JSON.stringify(next[id]) !== JSON.stringify(record);
        } else if (record) next[id] = record;
      }
      if (changed) writes.push({ path: sidecarFile(locale, namespace), text: serializeJson(next) });
    }
    for (const id of wanted) if (!found.has(id.replace(/^.*\//, ''))) fail(`${localeFile(locale, '…')}: ${id}: no such translated segment`);
    commitFiles(ROOT, writes);
    for (const write of writes) console.log(`i18n:check: recorded ${write.path}`);
    process.exit(0);
  }

  for (const problem of result.problems) console.log(formatProblem(problem));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  console.log('');
  const columns = ['locale', 'edition  ', 'segments', 'translated', 'draft', 'missing', 'stale', 'errors', 'done'];
  console.log(columns.join('  '));
  for (const s of result.summaries) {
    const done = s.segments === 0 ? 100 : Math.floor((s.done / s.segments) * 1000) / 10;
    const cells = [s.locale, s.edition, s.segments, s.translated, s.draft, s.missing, s.stale, s.errors].map(String);
    console.log(
      [
        ...cells.map((cell, i) => (i < 2 ? cell.padEnd(columns[i]!.length) : cell.padStart(columns[i]!.length))),
        `${done.toFixed(1).padStart(5)}%`,
      ].join('  '),
    );
  }
  console.log(`\n${errors} error(s), ${warnings} warning(s)`);
  process.exit(errors > 0 ? 1 : 0);
}
