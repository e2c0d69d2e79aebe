import { getNodeValue } from 'jsonc-parser';
import { EDITION_STATES, type EditionEntry, type EditionsFile } from '../../site/editions.ts';
import { FONTS } from '../../site/fonts.ts';
import { parseJsonTree } from './json.ts';
import type { ProblemList } from './problems.ts';

/** The file that lists the editions. */
export const EDITIONS_FILE = 'locales/editions.json';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A BCP 47 tag as `Intl.getCanonicalLocales` writes it, or undefined when it is not one. */
export function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** Whether CLDR has data for the language: it can name it in English (rather than echo the code back). */
export function cldrKnows(tag: string): boolean {
  const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(tag);
  return name !== undefined && name !== tag;
}

const CALENDARS = new Set(Intl.supportedValuesOf('calendar'));

/** Validates `locales/editions.json`, naming every problem. */
export function parseEditions(file: string, text: string, problems: ProblemList): EditionsFile | undefined {
  const tree = parseJsonTree(file, text, problems);
  if (!tree) return undefined;
  const data: unknown = getNodeValue(tree);
  const before = problems.size;
  const fail = (message: string, edition?: string) => problems.error(file, edition, message);
  if (!isObject(data) || !isObject(data.editions) || typeof data.source !== 'string') {
    fail('must be { "source": "<tag>", "editions": { "<tag>": { "state": "draft" | "published", … } } }');
    return undefined;
  }
  const editions: Record<string, EditionEntry> = {};
  for (const [locale, entry] of Object.entries(data.editions)) {
    const canonical = canonicalTag(locale);
    if (canonical !== locale) {
      fail(canonical ? `not a canonical BCP 47 tag: write "${canonical}"` : 'not a BCP 47 language tag', locale);
      continue;
    }
    if (!cldrKnows(locale)) fail('a language CLDR does not know: its direction, script and calendar cannot be found', locale);
    if (!isObject(entry) || !EDITION_STATES.includes(entry.state as EditionEntry['state'])) {
      fail(`must be { "state": ${EDITION_STATES.map((s) => `"${s}"`).join(' | ')} }`, locale);
      continue;
    }
    for (const key of Object.keys(entry))
      if (!['state', 'secondaryCalendar', 'font', 'ogLocale'].includes(key)) fail(`unknown field "${key}"`, locale);
    if (entry.secondaryCalendar !== undefined && !CALENDARS.has(String(entry.secondaryCalendar)))
      fail(`secondaryCalendar: "${String(entry.secondaryCalendar)}" is not a calendar this runtime knows`, locale);
    if (entry.font !== undefined && (typeof entry.font !== 'string' || !Object.hasOwn(FONTS, entry.font)))
      fail(`font: "${String(entry.font)}" is not one of the site's fonts (${Object.keys(FONTS).join(', ')})`, locale);
    if (entry.ogLocale !== undefined && !/^[a-z]{2,3}_[A-Z]{2}$/.test(String(entry.ogLocale)))
      fail('ogLocale: must be language_TERRITORY, such as en_GB', locale);
    editions[locale] = entry as unknown as EditionEntry;
  }
  if (!Object.hasOwn(editions, data.source)) fail(`source: "${data.source}" must be one of the editions`);
  else if (editions[data.source]!.state !== 'published') fail('source: the source edition must be published');
  return problems.size === before ? { source: data.source, editions } : undefined;
}
