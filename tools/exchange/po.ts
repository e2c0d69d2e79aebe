import { po, type PoData } from 'gettext-parser';
import { INTERFACE_NOTE, type ExchangeDocument, type ExchangeUnit } from './document.ts';
import { ExchangeFormatError } from './xliff.ts';
import { localeFile } from '../check/check.ts';
import { isSegmentState, type SegmentState } from '../check/sidecar.ts';

// A PO string literal, for the "#| msgid" comment that shows a stale entry's previous English.
const poString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;

const BLOCK_PREFIX = 'block: ';
const STATE_PREFIX = 'state: ';

/**
 * gettext PO: msgctxt is the segment id, msgid the English, msgstr the translation; the reference names
 * the English file (so two files may share an id); `#, fuzzy` with `#| msgid` marks a stale translation.
 */
export function writePo(document: ExchangeDocument): string {
  const translations: PoData['translations'] = {
    '': { '': { msgid: '', msgstr: [''] } },
  };
  for (const unit of document.units) {
    const context = unit.id;
    const fuzzy = unit.stale || unit.state === 'initial';
    translations[context] ??= {};
    translations[context]![unit.source] = {
      msgctxt: context,
      msgid: unit.source,
      msgstr: [unit.target ?? ''],
      comments: {
        reference: localeFile(document.sourceLocale, unit.namespace),
        extracted: `${BLOCK_PREFIX}${unit.note ?? INTERFACE_NOTE}\n${STATE_PREFIX}${unit.state}`,
        ...(fuzzy ? { flag: 'fuzzy' } : {}),
        ...(unit.previousSource === undefined ? {} : { previous: `msgid ${poString(unit.previousSource)}` }),
      },
    };
  }
  const headers = {
    'Project-Id-Version': 'editions',
    Language: document.targetLocale,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    'X-Source-Language': document.sourceLocale,
  };
  return po.compile({ charset: 'utf-8', headers, translations }, { foldLength: 0, sort: false }).toString('utf8');
}

/** Reads a PO file into units. Throws `ExchangeFormatError` when it is not one. */
export function readPo(text: string): ExchangeDocument {
  let parsed;
  try {
    parsed = po.parse(text, { validation: true });
  } catch (error) {
    throw new ExchangeFormatError(`not a valid PO file: ${(error as Error).message}`);
  }
  const units: ExchangeUnit[] = [];
  for (const [context, entries] of Object.entries(parsed.translations)) {
    if (context === '') continue;
    for (const entry of Object.values(entries)) {
      const comments = entry.comments ?? {};
      const reference = /^locales\/en\/([^/]+)\.json$/.exec((comments.reference ?? '').split(/\s+/)[0] ?? '');
      if (!reference)
        throw new ExchangeFormatError(`entry "${context}": its reference must name the English file (#: locales/en/<file>.json)`);
      const extracted = (comments.extracted ?? '').split('\n');
      const note = extracted.find((l) => l.startsWith(BLOCK_PREFIX))?.slice(BLOCK_PREFIX.length);
      const exported = extracted.find((l) => l.startsWith(STATE_PREFIX))?.slice(STATE_PREFIX.length);
      const fuzzy = (comments.flag ?? '').split(/,\s*/).includes('fuzzy');
      const target = entry.msgstr[0] ?? '';
      const exportedState = isSegmentState(exported) ? exported : 'translated';
      // PO knows only "fuzzy": with "#| msgid" it is a stale translation; without, one still in progress.
      const stale = fuzzy && (comments.previous ?? '') !== '';
      const state: SegmentState = stale ? exportedState : fuzzy ? 'initial' : exportedState === 'initial' ? 'translated' : exportedState;
      units.push({
        namespace: reference[1]!,
        id: entry.msgctxt ?? context,
        source: entry.msgid,
        ...(target === '' ? {} : { target }),
        state,
        stale,
        ...(note === undefined ? {} : { note }),
      });
    }
  }
  return { sourceLocale: parsed.headers['X-Source-Language'] ?? '', targetLocale: parsed.headers.Language ?? '', units };
}
