/** Words an id leaves out: they say nothing of which paragraph it is. */
const STOP_WORDS = new Set(
  'a an the of to in on at for from by with as and or but is are was were be been has have had it its that this these those he his she her they their them we our said says will would can could also than then there who which what'.split(
    ' ',
  ),
);

/** Words of an id (and of a slug): lower-case ASCII letters and digits. */
function words(text: string): string[] {
  return text
    .replace(/<\/?[ib]>/g, ' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** The first `count` words of a text that say something (no "the", "of"…), joined by hyphens: a readable id. */
export function idFromText(text: string, count = 4): string {
  const meaningful = words(text).filter((w) => !STOP_WORDS.has(w));
  return (meaningful.length > 0 ? meaningful : words(text)).slice(0, count).join('-') || 'segment';
}

/** An article's URL name from its headline: its first words, every word kept. */
export const slugFromHeadline = (headline: string): string => words(headline).slice(0, 8).join('-') || 'article';

/** `base`, or `base-2`, `base-3`… whichever no segment has taken yet; taken from then on. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
