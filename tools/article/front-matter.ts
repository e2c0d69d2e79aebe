import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { isIsoDate, isTimeZone } from '../check/content.ts';
import type { Position, ProblemList } from '../check/problems.ts';

/** A text of the article file and where it starts, so a problem found later in it is named at its line. */
export interface Located {
  readonly text: string;
  readonly position: Position;
}

/** The photo's texts, and its credit read as the content model keeps it. */
export interface PhotoSource {
  readonly alt: Located;
  readonly caption: Located;
  readonly credit: Located;
  readonly photographer: string;
  readonly agency: string;
}

/** The front matter of an article file, validated. */
export interface FrontMatter {
  /** The URL name, where the file gives one (otherwise it is made from the headline). */
  readonly slug?: Located;
  readonly headline: Located;
  readonly standfirst: Located;
  /** YYYY-MM-DD. */
  readonly published: Located;
  /** IANA time zone of the dateline (UTC where the file gives none). */
  readonly timeZone: string;
  readonly dateline: Located;
  /** Who first published the article. */
  readonly source: Located;
  readonly sourceUrl: string;
  readonly photo?: PhotoSource;
}

/** Every key an article file's front matter may have, and whether it must. */
export const FRONT_MATTER_KEYS = {
  slug: 'optional',
  headline: 'required',
  standfirst: 'required',
  published: 'required',
  timeZone: 'optional',
  dateline: 'required',
  source: 'required',
  sourceUrl: 'required',
  photoAlt: 'optional',
  photoCaption: 'optional',
  photoCredit: 'optional',
} as const;
type Key = keyof typeof FRONT_MATTER_KEYS;
const isKey = (key: string): key is Key => Object.hasOwn(FRONT_MATTER_KEYS, key);

const PHOTO_KEYS = ['photoAlt', 'photoCaption', 'photoCredit'] as const;
/** "Pavel Bednyakov/AP Photo", "Pavel Bednyakov/AP": the photographer, then the agency. */
const CREDIT = /^(.+?)\s*\/\s*(.+?)(?:\s+Photo)?$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads the YAML front matter (`yaml`, strict: a key given twice is an error) of an article file. `start` is
 * where the YAML text begins in the file, so each problem is named at its line there. Returns undefined, with
 * every problem named, when anything is wrong.
 */
export function readFrontMatter(file: string, yamlText: string, start: Position, problems: ProblemList): FrontMatter | undefined {
  const before = problems.size;
  const lines = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line: start.line + line - 1, column: line === 1 ? start.column + col - 1 : col };
  };
  const fail = (message: string, offset?: number) => problems.error(file, undefined, message, offset === undefined ? start : at(offset));
  for (const error of document.errors)
    fail(`front matter: ${error.code === 'DUPLICATE_KEY' ? 'a key given twice' : error.message.split('\n')[0]!}`, error.pos[0]);
  if (problems.hasErrorsSince(before)) return undefined;
  if (!isMap(document.contents)) {
    fail('front matter: must be keys and values (headline: …, published: YYYY-MM-DD, …)');
    return undefined;
  }

  const values = new Map<Key, Located>();
  const given = new Set<string>();
  for (const pair of document.contents.items) {
    const key = pair.key as YamlNode | null;
    const keyOffset = key?.range?.[0] ?? 0;
    const name = isScalar(key) ? String(key.value) : '';
    if (!isKey(name)) {
      fail(`front matter: unknown key "${name}" (an article file has ${Object.keys(FRONT_MATTER_KEYS).join(', ')})`, keyOffset);
      continue;
    }
    given.add(name);
    const value = pair.value as YamlNode | null;
    const text = isScalar(value) && typeof value.value === 'string' ? value.value.replace(/\s+/g, ' ').trim() : undefined;
    if (text === undefined || text === '') {
      fail(`${name}: must be text`, value?.range?.[0] ?? keyOffset);
      continue;
    }
    values.set(name, { text, position: at(value!.range![0]) });
  }
  for (const [key, need] of Object.entries(FRONT_MATTER_KEYS))
    if (need === 'required' && !given.has(key)) fail(`${key}: missing (the front matter must give ${requiredKeys()})`);

  const located = (key: Key) => values.get(key);
  const failAt = (where: Located | undefined, message: string) => problems.error(file, undefined, message, where?.position ?? start);
  const slug = located('slug');
  if (slug && !SLUG.test(slug.text)) failAt(slug, 'slug: must be lower-case words joined by hyphens');
  const published = located('published');
  if (published && !isIsoDate(published.text)) failAt(published, 'published: must be a date YYYY-MM-DD');
  const timeZone = located('timeZone');
  if (timeZone && !isTimeZone(timeZone.text)) failAt(timeZone, 'timeZone: must be an IANA time zone such as "Asia/Tehran"');
  const sourceUrl = located('sourceUrl');
  if (sourceUrl && !/^https:\/\/[^\s/]+\/\S*$/.test(sourceUrl.text))
    failAt(sourceUrl, 'sourceUrl: must be the https:// address of the article as its publisher published it');
  const photoGiven = PHOTO_KEYS.filter((k) => values.has(k));
  if (photoGiven.length > 0 && photoGiven.length < PHOTO_KEYS.length)
    failAt(
      located(photoGiven[0]!),
      `${PHOTO_KEYS.filter((k) => !values.has(k)).join(', ')}: missing (a photo has photoAlt, photoCaption and photoCredit together)`,
    );
  const credit = located('photoCredit');
  const byline = credit ? CREDIT.exec(credit.text) : undefined;
  if (credit && !byline) failAt(credit, 'photoCredit: must be "Photographer/Agency" (such as "Pavel Bednyakov/AP Photo")');
  if (problems.hasErrorsSince(before)) return undefined;

  const photo =
    photoGiven.length === PHOTO_KEYS.length && byline
      ? { alt: located('photoAlt')!, caption: located('photoCaption')!, credit: credit!, photographer: byline[1]!, agency: byline[2]! }
      : undefined;
  return {
    ...(slug ? { slug } : {}),
    headline: located('headline')!,
    standfirst: located('standfirst')!,
    published: published!,
    timeZone: timeZone?.text ?? 'UTC',
    dateline: located('dateline')!,
    source: located('source')!,
    sourceUrl: sourceUrl!.text,
    ...(photo ? { photo } : {}),
  };
}

const requiredKeys = () =>
  Object.entries(FRONT_MATTER_KEYS)
    .filter(([, need]) => need === 'required')
    .map(([key]) => key)
    .join(', ');
