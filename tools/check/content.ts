import type { Article, ArgumentSpec } from '../../site/content.ts';
import { lineAndColumn, parseJsonTree } from './json.ts';
import type { ProblemList } from './problems.ts';
import { findNodeAtLocation, getNodeValue, type JSONPath, type Node } from 'jsonc-parser';

const SEGMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG = SEGMENT_ID;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ARGUMENT_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const RESERVED_SLUGS = new Set(['ui', 'glossary']);

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: Json): v is string => typeof v === 'string' && v.trim() !== '';

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Whether `value` is an IANA time zone this runtime knows ("Asia/Tehran"). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates `content/<slug>.json` into the article model, naming every problem.
 * Returns undefined when the file cannot describe an article.
 */
export function parseArticle(file: string, text: string, problems: ProblemList): Article | undefined {
  const tree = parseJsonTree(file, text, problems);
  if (!tree) return undefined;
  const data: Json = getNodeValue(tree);
  if (!isObject(data)) {
    problems.error(file, undefined, 'must be a JSON object describing one article');
    return undefined;
  }
  const before = problems.size;
  // Each message starts with where it is (`blocks[3].segments[0]: …`): the problem is placed there.
  const fail = (message: string, segment?: string) => problems.error(file, segment, message, positionOf(text, tree, message));

  const slug = data.slug;
  const expectedSlug = file.replace(/^.*\//, '').replace(/\.json$/, '');
  if (typeof slug !== 'string' || !SLUG.test(slug)) fail('slug: must be lower-case words joined by hyphens');
  else if (slug !== expectedSlug) fail(`slug: "${slug}" must match the file name "${expectedSlug}"`);
  else if (RESERVED_SLUGS.has(slug)) fail(`slug: "${slug}" is the name of a shared namespace`);
  if (!isText(data.publisher)) fail('publisher: must be a name');
  if (
    data.original !== undefined &&
    !(isObject(data.original) && typeof data.original.url === 'string' && /^https:\/\/[^\s/]+\/\S*$/.test(data.original.url))
  )
    fail('original: must be { "url": "https://…" }, the address of the article as its publisher published it');
  if (data.language !== 'en') fail('language: must be "en", the language the editions are translated from');

  const published = data.published;
  if (!isObject(published)) fail('published: must give the date and time zone');
  else {
    if (typeof published.date !== 'string' || !isIsoDate(published.date)) fail('published.date: must be a date YYYY-MM-DD');
    if (typeof published.timeZone !== 'string' || !isTimeZone(published.timeZone))
      fail('published.timeZone: must be an IANA time zone such as "Asia/Tehran"');
  }
  const modified = data.modified;
  if (modified !== undefined) {
    if (!isObject(modified) || typeof modified.date !== 'string' || !isIsoDate(modified.date))
      fail('modified.date: must be the date YYYY-MM-DD of the last correction');
    else if (isObject(published) && typeof published.date === 'string' && modified.date < published.date)
      fail('modified.date: a correction cannot come before the article was published');
  }
  if (!isObject(data.dateline) || !isText(data.dateline.place)) fail('dateline.place: must name the place');
  if (data.photo !== undefined && (!isObject(data.photo) || !isText(data.photo.photographer) || !isText(data.photo.agency)))
    fail('photo: must name the photographer and the agency');

  const args = isObject(data.arguments) ? data.arguments : {};
  if (data.arguments !== undefined && !isObject(data.arguments)) fail('arguments: must be an object');
  for (const [name, spec] of Object.entries(args)) {
    if (!ARGUMENT_NAME.test(name)) fail(`arguments: "${name}" must be a name of letters and digits`);
    if (!isArgumentSpec(spec)) fail(`arguments.${name}: must be { "weekday": "YYYY-MM-DD" }, { "number": n } or { "date": "YYYY-MM-DD" }`);
  }

  const blocks = Array.isArray(data.blocks) ? data.blocks : [];
  if (blocks.length === 0) fail('blocks: must list the article top to bottom');
  const seen = new Set<string>();
  const segmentId = (where: string, id: Json) => {
    if (typeof id !== 'string' || !SEGMENT_ID.test(id)) {
      fail(`${where}: segment ids are lower-case words joined by hyphens`);
      return;
    }
    if (seen.has(id)) fail(`${where}: named by more than one block`, id);
    seen.add(id);
  };
  blocks.forEach((block: Json, i: number) => {
    const where = `blocks[${i}]`;
    if (!isObject(block)) return fail(`${where}: must be an object`);
    switch (block.type) {
      case 'headline':
      case 'standfirst':
      case 'subheading':
      case 'source':
        return segmentId(`${where}.segment`, block.segment);
      case 'photo':
        for (const key of ['alt', 'caption', 'credit']) segmentId(`${where}.${key}`, block[key]);
        return;
      case 'paragraph':
        if (block.dateline !== undefined) segmentId(`${where}.dateline`, block.dateline);
        if (!Array.isArray(block.segments) || block.segments.length === 0) return fail(`${where}.segments: must list segment ids`);
        block.segments.forEach((id: Json, j: number) => segmentId(`${where}.segments[${j}]`, id));
        return;
      default:
        return fail(`${where}.type: must be headline, standfirst, photo, paragraph, subheading or source`);
    }
  });
  const notes = data.notes === undefined ? [] : Array.isArray(data.notes) ? data.notes : (fail('notes: must list the editor’s notes'), []);
  const named = new Set(seen);
  notes.forEach((note: Json, i: number) => {
    if (!isObject(note)) return fail(`notes[${i}]: must be { "segment": "<id>", "on": "<id of the segment it is about>" }`);
    segmentId(`notes[${i}].segment`, note.segment);
    if (typeof note.on !== 'string' || !named.has(note.on)) fail(`notes[${i}].on: must name a segment of a block`);
  });
  for (const type of ['headline', 'standfirst'] as const) {
    if (blocks.filter((b: Json) => isObject(b) && b.type === type).length !== 1) fail(`blocks: must have exactly one ${type}`);
  }
  return problems.size === before ? (data as unknown as Article) : undefined;
}

/** The position of the JSON value a message names first (`published.date: …`), or of its nearest parent. */
function positionOf(text: string, tree: Node, message: string) {
  const where = /^([A-Za-z]+(?:\.[A-Za-z]+|\[\d+\])*):/.exec(message)?.[1];
  const path: JSONPath = where ? [...where.matchAll(/([A-Za-z]+)|\[(\d+)\]/g)].map((m) => (m[1] === undefined ? Number(m[2]) : m[1])) : [];
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return lineAndColumn(text, node.offset);
  }
  return undefined;
}

function isArgumentSpec(spec: Json): spec is ArgumentSpec {
  if (!isObject(spec)) return false;
  const keys = Object.keys(spec);
  if (keys.length !== 1) return false;
  if ('weekday' in spec) return typeof spec.weekday === 'string' && isIsoDate(spec.weekday);
  if ('number' in spec) return typeof spec.number === 'number' && Number.isFinite(spec.number);
  if ('date' in spec) return typeof spec.date === 'string' && isIsoDate(spec.date);
  return false;
}
