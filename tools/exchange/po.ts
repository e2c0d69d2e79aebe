import { po, type PoData } from 'gettext-parser';
import { localeFile } from '../check/check.ts';
import { printable, type Position } from '../check/problems.ts';
import { isSegmentState, type SegmentState } from '../check/sidecar.ts';
import { noCandidates, type CandidatesFor } from '../memory/candidates.ts';
import { INTERFACE_NOTE, type ExchangeDocument, type ExchangeUnit } from './document.ts';
import { ExchangeFormatError } from './format-error.ts';
import { placeholdersOf } from './placeholders.ts';

// A PO string literal, for the "#| msgid" comment that shows a stale entry's previous English.
const poString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;

const BLOCK_PREFIX = 'block: ';
const STATE_PREFIX = 'state: ';
const REVISION_PREFIX = 'revision: ';
const PREVIOUS_PREFIX = 'previous-source: ';
/** An extracted comment offering a match from the memory. */
const MEMORY_PREFIX = 'memory ';
/** `segment: <file>/<id>`: which segment an entry is, for tools that drop msgctxt (translate-toolkit's po2xliff). */
export const SEGMENT_PREFIX = 'segment: ';
const PLACEHOLDERS_PREFIX = 'placeholders: ';
/** The flag that tells tools (Weblate's ICU check, say) the strings are ICU MessageFormat; msgfmt lets it be. */
export const ICU_FLAG = 'icu-message-format';

/**
 * gettext's Plural-Forms of the languages gettext documents (the messages use ICU plurals, so no entry has a
 * plural; the header is there for the tools that expect it). Others: the formula of most European languages.
 */
const PLURAL_FORMS: Readonly<Record<string, string>> = {
  ar: 'nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);',
  en: 'nplurals=2; plural=(n != 1);',
  fa: 'nplurals=2; plural=(n > 1);',
  fr: 'nplurals=2; plural=(n > 1);',
  he: 'nplurals=2; plural=(n != 1);',
  ja: 'nplurals=1; plural=0;',
  ko: 'nplurals=1; plural=0;',
  pl: 'nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
  ru: 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
  tr: 'nplurals=2; plural=(n != 1);',
  uk: 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
  zh: 'nplurals=1; plural=0;',
};
const DEFAULT_PLURAL_FORMS = 'nplurals=2; plural=(n != 1);';

/** `2026-11-28 04:10+0000`, as gettext dates its headers. */
function gettextDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}+0000`;
}

/**
 * gettext PO: msgctxt is the segment id, msgid the English, msgstr the translation; the reference names the
 * English file (so two files may share an id); `#, fuzzy` with `#| msgid` marks a stale translation; extracted
 * comments carry the block, the state and the revision of the target exported, and the memory's matches
 * (`candidatesFor`, `memory 87.5% (<origin>): <translation>`) for an entry still to translate.
 */
export function writePo(document: ExchangeDocument, now = new Date(), candidatesFor: CandidatesFor = noCandidates): string {
  const translations: PoData['translations'] = {
    '': { '': { msgid: '', msgstr: [''] } },
  };
  // Own properties only, defined rather than assigned: an id such as `__proto__` is a context like any other.
  const own = <T>(object: Record<string, T>, key: string, value: () => T): T => {
    if (!Object.hasOwn(object, key))
      Object.defineProperty(object, key, { value: value(), enumerable: true, writable: true, configurable: true });
    return object[key]!;
  };
  for (const unit of document.units) {
    const context = unit.id;
    const fuzzy = unit.stale || unit.state === 'initial';
    const entries = own(translations, context, () => ({}));
    // The codes a translation must keep, for the translator and for tools that check them.
    const placeholders = placeholdersOf(unit.source);
    own(entries, unit.source, () => ({
      msgctxt: context,
      msgid: unit.source,
      msgstr: [unit.target ?? ''],
      comments: {
        reference: localeFile(document.sourceLocale, unit.namespace),
        extracted: [
          `${SEGMENT_PREFIX}${unit.namespace}/${unit.id}`,
          `${BLOCK_PREFIX}${unit.note ?? INTERFACE_NOTE}`,
          `${STATE_PREFIX}${unit.state}`,
          ...(unit.revision === undefined ? [] : [`${REVISION_PREFIX}${unit.revision}`]),
          ...(placeholders.length === 0 ? [] : [`${PLACEHOLDERS_PREFIX}${placeholders.join(' ')}`]),
          // Also as "#| msgid" below (gettext's way); this line survives tools that drop those (po2xliff).
          ...(unit.previousSource === undefined ? [] : [`${PREVIOUS_PREFIX}${unit.previousSource}`]),
          ...candidatesFor(unit).map((c) => `${MEMORY_PREFIX}${c.similarity}% (${c.origin}): ${c.target.replace(/\s+/g, ' ')}`),
        ].join('\n'),
        flag: [...(fuzzy ? ['fuzzy'] : []), ICU_FLAG].join(', '),
        ...(unit.previousSource === undefined ? {} : { previous: `msgid ${poString(unit.previousSource)}` }),
      },
    }));
  }
  const language = document.targetLocale.split(/[-_]/)[0]!.toLowerCase();
  const languageName = new Intl.DisplayNames(['en'], { type: 'language' }).of(language) ?? language;
  const headers = {
    'Project-Id-Version': 'kremlin-editions',
    'PO-Revision-Date': gettextDate(now),
    'Last-Translator': 'npm run i18n:export',
    'Language-Team': languageName,
    Language: document.targetLocale,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    'Plural-Forms': PLURAL_FORMS[language] ?? DEFAULT_PLURAL_FORMS,
    'X-Source-Language': document.sourceLocale,
  };
  return po.compile({ charset: 'utf-8', headers, translations }, { foldLength: 0, sort: false }).toString('utf8');
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '"': '"', '\\': '\\' };

/** A PO string's value, from its literal (`"a\"b"`), with C's escapes (as gettext reads them). */
function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, e: string) =>
    e[0] === 'x'
      ? String.fromCharCode(parseInt(e.slice(1), 16))
      : /^[0-7]/.test(e)
        ? String.fromCharCode(parseInt(e, 8))
        : (ESCAPES[e] ?? e),
  );
}

/** Each entry's msgctxt and the line its entry starts on, read from the file's lines (gettext-parser keeps no lines). */
function entryLines(text: string): Map<string, number> {
  const lines = text.split('\n');
  const found = new Map<string, number>();
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') start = -1;
    else if (start < 0) start = i + 1;
    if (line.startsWith(`#. ${SEGMENT_PREFIX}`) && !found.has(line.slice(3))) found.set(line.slice(3), start);
    const m = /^msgctxt\s+("(?:[^"\\]|\\.)*")\s*$/.exec(line);
    if (!m) continue;
    let value = unquote(m[1]!);
    for (let j = i + 1; j < lines.length && /^\s*"/.test(lines[j]!); j++) value += unquote(lines[j]!.trim());
    if (!found.has(value)) found.set(value, start);
  }
  return found;
}

/** Reads a PO file into units, each with its entry's line. Throws `ExchangeFormatError` when it is not one. */
export function readPo(text: string): ExchangeDocument {
  let parsed;
  try {
    parsed = po.parse(text, { validation: true });
  } catch (error) {
    const line = /line (\d+)/.exec((error as Error).message)?.[1];
    throw new ExchangeFormatError(`not a valid PO file: ${(error as Error).message}`, line ? { line: Number(line), column: 1 } : undefined);
  }
  const lines = entryLines(text);
  const units: ExchangeUnit[] = [];
  for (const [context, entries] of Object.entries(parsed.translations)) {
    for (const entry of Object.values(entries)) {
      if (context === '' && entry.msgid === '') continue; // the header
      const comments = entry.comments ?? {};
      const extracted = (comments.extracted ?? '').split('\n');
      const value = (prefix: string) => extracted.find((l) => l.startsWith(prefix))?.slice(prefix.length);
      const segment = value(SEGMENT_PREFIX);
      const line =
        entry.msgctxt !== undefined
          ? lines.get(entry.msgctxt)
          : segment !== undefined
            ? lines.get(`${SEGMENT_PREFIX}${segment}`)
            : undefined;
      const position: Position | undefined = line === undefined ? undefined : { line, column: 1 };
      // The English file and the id: the reference and msgctxt this project writes, else the segment comment.
      const reference = /^locales\/[^/]+\/([^/]+)\.json$/.exec((comments.reference ?? '').split(/\s+/)[0] ?? '');
      const named = segment === undefined ? undefined : /^([^/]+)\/(.+)$/.exec(segment);
      const namespace = reference?.[1] ?? named?.[1];
      const id = entry.msgctxt ?? named?.[2];
      if (namespace === undefined || id === undefined)
        throw new ExchangeFormatError(
          `entry "${printable(entry.msgctxt ?? entry.msgid)}": it must name its segment (msgctxt "<id>" and #: locales/en/<file>.json, or #. segment: <file>/<id>)`,
          position,
        );
      const note = value(BLOCK_PREFIX);
      const exported = value(STATE_PREFIX);
      const revision = value(REVISION_PREFIX);
      const fuzzy = (comments.flag ?? '').split(/[,\s]+/).includes('fuzzy'); // one "#," line or several
      const target = entry.msgstr[0] ?? '';
      const exportedState = isSegmentState(exported) ? exported : 'translated';
      // PO knows only "fuzzy": with "#| msgid" it is a stale translation; without, one still in progress.
      // translate-toolkit's xliff2po writes the previous English of an XLIFF 1.2 export as an extracted comment.
      const stale = fuzzy && ((comments.previous ?? '') !== '' || value(PREVIOUS_PREFIX) !== undefined);
      const state: SegmentState = stale ? exportedState : fuzzy ? 'initial' : exportedState === 'initial' ? 'translated' : exportedState;
      units.push({
        namespace,
        id,
        source: entry.msgid,
        ...(target === '' ? {} : { target }),
        state,
        stale,
        ...(note === undefined ? {} : { note }),
        ...(revision === undefined ? {} : { revision }),
        ...(position ? { position } : {}),
      });
    }
  }
  const language = /^"Language:/m.exec(text);
  return {
    sourceLocale: parsed.headers['X-Source-Language'] ?? '',
    targetLocale: parsed.headers.Language ?? '',
    units,
    ...(language ? { targetPosition: { line: text.slice(0, language.index).split('\n').length, column: 1 } } : {}),
  };
}
