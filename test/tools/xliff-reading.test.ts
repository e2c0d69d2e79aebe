// Exchange files as translators' tools write them: character references, annotations, paired codes,
// placeholders, other encodings, and what an attacker sends (controls, deep nesting, unknown elements).
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../tools/check/problems.ts';
import { exportDocument, importDocument } from '../../tools/exchange/document.ts';
import { readPo, writePo } from '../../tools/exchange/po.ts';
import { joinRuns, splitMessage } from '../../tools/exchange/placeholders.ts';
import { ExchangeFormatError, readXliff, writeXliff, writeXliff12 } from '../../tools/exchange/xliff.ts';
import { readProjectFiles } from '../../tools/project-files.ts';
import { decodeText } from '../../tools/read-text.ts';

const files = readProjectFiles();
const SLUG = 'putin-raisi-kremlin-meeting';
const document = exportDocument(files, 'ru').document!;
const xliff = writeXliff(document);

/** The 2.0 export with site-name's target written as `inner` (raw XML), as a tool would save it. */
const withTarget = (inner: string) => xliff.replace('<target>Новости на вашем языке</target>', `<target>${inner}</target>`);
const siteName = (xml: string) => readXliff(xml).units.find((u) => u.id === 'site-name')!.target;
const siteNameLine = xliff.split('\n').findIndex((l) => l.includes('<target>Новости на вашем языке</target>')) + 1;

describe('a target as translators’ tools write it', () => {
  const read = [
    {
      description: 'a decimal character reference (&#160;) is the character',
      inner: 'Новости&#160;на вашем языке',
      expected: 'Новости\u00a0на вашем языке',
    },
    { description: 'a hexadecimal one (&#xA0;) too', inner: 'Новости&#xA0;на вашем языке', expected: 'Новости\u00a0на вашем языке' },
    { description: 'the predefined entities', inner: 'Новости &amp; &lt;мнения&gt;', expected: 'Новости & <мнения>' },
    { description: 'CDATA', inner: '<![CDATA[Новости на вашем языке]]>', expected: 'Новости на вашем языке' },
    {
      description: 'an annotation (<mrk>) keeps its words',
      inner: '<mrk id="m1" type="term">Новости</mrk> на вашем языке',
      expected: 'Новости на вашем языке',
    },
    {
      description: 'a paired code (<pc>) around the whole target keeps it',
      inner: '<pc id="p1">Новости на вашем языке</pc>',
      expected: 'Новости на вашем языке',
    },
    {
      description: 'annotation markers (<sm/>, <em/>) add nothing',
      inner: '<sm id="s1"/>Новости<em startRef="s1"/> на вашем языке',
      expected: 'Новости на вашем языке',
    },
  ];
  for (const { description, inner, expected } of read)
    it(`${description}`, () => {
      expect(siteName(withTarget(inner))).toBe(expected);
    });

  const refused = [
    { description: 'a reference to NUL (&#0;)', inner: 'Новости&#0;', message: /not well-formed XML: malformed character entity/ },
    { description: 'a reference to a C0 control (&#1;)', inner: 'Новости&#1;', message: /not well-formed XML/ },
    { description: 'a raw NUL', inner: 'Новости\u0000', message: /not well-formed XML: disallowed character/ },
    { description: 'a raw vertical tab', inner: 'Новости\u000b', message: /not well-formed XML: disallowed character/ },
    { description: 'a raw U+FFFE', inner: 'Новости\ufffe', message: /not well-formed XML: disallowed character/ },
    { description: 'an entity XML does not define (&nbsp;)', inner: 'Новости&nbsp;', message: /not well-formed XML: undefined entity/ },
    {
      description: 'an element XLIFF does not allow in a target',
      inner: 'Новости <b>на</b> вашем языке',
      message: /<b> inside a segment: not XLIFF inline content/,
    },
    {
      description: 'a placeholder whose code the file lacks',
      inner: 'Новости <ph id="9" dataRef="nowhere"/>',
      message: /<ph id="9"> names no code this file holds/,
    },
  ];
  for (const { description, inner, message } of refused)
    it(`refuses ${description} at its line, never dropping it`, () => {
      let error: unknown;
      try {
        readXliff(withTarget(inner));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ExchangeFormatError);
      expect((error as ExchangeFormatError).message).toMatch(message);
      expect((error as ExchangeFormatError).position?.line).toBe(siteNameLine);
    });

  it('an imported &#160; reaches the locale file as U+00A0, not as text', () => {
    const result = importDocument(files, readXliff(withTarget('Новости&#160;на вашем языке')), 'ru.xlf');
    expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    const ui = JSON.parse(result.writes.find((w) => w.path === 'locales/ru/ui.json')!.text) as Record<string, string>;
    expect(ui['site-name']).toBe('Новости\u00a0на вашем языке');
  });

  it('refuses elements nested deeper than an exchange file needs (3,000 levels), with one line', () => {
    const deep = `${'<g>'.repeat(3000)}x${'</g>'.repeat(3000)}`;
    expect(() => readXliff(withTarget(deep))).toThrow(/elements nested more than 32 deep/);
  });

  it('reads a UTF-16 file (with its byte order mark) as the same document', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xliff.replace('UTF-8', 'UTF-16'), 'utf16le')]);
    expect(readXliff(decodeText(utf16).text).units).toEqual(readXliff(xliff).units);
  });

  it('names the line and column of the first byte that is not UTF-8', () => {
    const bytes = Buffer.from(withTarget('Новости XX'));
    const at = bytes.indexOf('XX');
    bytes[at] = 0xff;
    const { text, notUtf8 } = decodeText(bytes);
    expect(notUtf8).toEqual({ position: { line: siteNameLine, column: expect.any(Number) }, byte: 0xff });
    expect(siteName(text)).toContain('\ufffd');
  });
});

describe('placeholders', () => {
  const messages = [
    '{putin} and {raisi} back closer ties in {kremlin} meeting',
    '“Just like you, we have also stood up against {us} sanctions from {sanctionsYears, plural, one {# year} other {# years}} ago,” the president said.',
    'On {meetingWeekday, select, monday {Monday} other {another day, with {putin}}}, <b>bold</b> and ’quotes’',
    'no codes at all',
  ];
  for (const message of messages)
    it(`split into words and codes and joined again, byte for byte: ${message.slice(0, 40)}`, () => {
      expect(joinRuns(splitMessage(message))).toBe(message);
    });

  it('a plural’s branches are words to translate; its syntax, # and the arguments are codes', () => {
    expect(splitMessage('from {n, plural, one {# year} other {# years}} ago')).toEqual([
      { kind: 'text', text: 'from ' },
      { kind: 'code', code: '{n, plural, one {' },
      { kind: 'code', code: '#' },
      { kind: 'text', text: ' year' },
      { kind: 'code', code: '} other {' },
      { kind: 'code', code: '#' },
      { kind: 'text', text: ' years' },
      { kind: 'code', code: '}}' },
      { kind: 'text', text: ' ago' },
    ]);
  });

  const formats = [
    { name: 'XLIFF 2.0', write: writeXliff, read: readXliff },
    { name: 'XLIFF 1.2', write: writeXliff12, read: readXliff },
    { name: 'PO', write: writePo, read: readPo },
  ];
  for (const { name, write, read } of formats)
    it(`${name}: every source and target comes back as it was exported`, () => {
      const back = read(write(document));
      expect(back.units.map((u) => [u.namespace, u.id, u.source, u.target, u.state, u.stale])).toEqual(
        document.units.map((u) => [u.namespace, u.id, u.source, u.target, u.state, u.stale]),
      );
      expect(back.targetLocale).toBe('ru');
    });

  it(`XLIFF 1.2 writes each code as <ph> holding it (as 1.2 tools keep it), and states as 1.2 names them`, () => {
    const xml = writeXliff12(document);
    expect(xml).toMatch(/<xliff xmlns="urn:oasis:names:tc:xliff:document:1\.2" version="1\.2">/);
    expect(xml).toContain(`<file original="${SLUG}" source-language="en" target-language="ru" datatype="plaintext">`);
    expect(xml).toMatch(
      /<trans-unit id="headline" resname="headline" approved="(yes|no)" xml:space="preserve">\n {8}<source><ph id="1">\{putin\}<\/ph> and <ph id="2">\{raisi\}<\/ph>/,
    );
    expect(xml).toContain('<note from="developer">segment: ui/site-name</note>');
  });
});
