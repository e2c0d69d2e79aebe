import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/generated/site.ts';
import { createNegotiator, MAX_ENTRIES, MAX_HEADER_LENGTH } from '../../src/negotiate.ts';
import { RUNS, header, anyString, tag, weight } from '../properties.ts';

const LOCALES = site.published;
const negotiate = createNegotiator(LOCALES, site.sourceLocale);

const swapCase = (text: string) => text.replace(/[a-z]/gi, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));

describe('negotiation, on arbitrary headers', () => {
  it('never throws and always returns a published edition, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, header), (h) => {
        expect(LOCALES).toContain(negotiate(h));
      }),
      RUNS,
    );
  });

  it('ignores case', () => {
    fc.assert(
      fc.property(header, (h) => {
        expect(negotiate(swapCase(h))).toBe(negotiate(h));
      }),
      RUNS,
    );
  });

  it('honours q=0: an edition the reader refuses is never chosen over one they accept', () => {
    fc.assert(
      fc.property(fc.constantFrom('fa', 'ru'), header, (refused, h) => {
        expect(negotiate(`${refused};q=0, ${h}`)).not.toBe(refused);
      }),
      RUNS,
    );
  });

  it(`reads only the first ${MAX_ENTRIES} entries: what follows them changes nothing`, () => {
    const short = fc.array(
      fc.tuple(tag, weight).map(([t, w]) => `${t}${w}`.slice(0, 20)),
      { minLength: MAX_ENTRIES, maxLength: MAX_ENTRIES },
    );
    fc.assert(
      fc.property(short, fc.oneof(anyString, header), (first, rest) => {
        const head = first.join(',');
        expect(negotiate(`${head},${rest}`)).toBe(negotiate(head));
      }),
      RUNS,
    );
  });

  it(`reads only the first ${MAX_HEADER_LENGTH} characters: a longer header costs no more`, () => {
    fc.assert(
      fc.property(fc.oneof(anyString, header), fc.oneof(anyString, header), (h, tail) => {
        const long = (h + ' '.repeat(MAX_HEADER_LENGTH)).slice(0, MAX_HEADER_LENGTH);
        expect(negotiate(long + tail)).toBe(negotiate(long));
      }),
      RUNS,
    );
  });
});
