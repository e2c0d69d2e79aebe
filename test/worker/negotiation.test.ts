import { describe, expect, it } from 'vitest';
import { createNegotiator, parseAcceptLanguage } from '../../src/negotiate.ts';
import fixture from '../fixtures/negotiation.json';

const negotiate = createNegotiator(['en', 'fa', 'ru'], 'en');

describe('negotiate(Accept-Language)', () => {
  for (const { description, header, expected } of fixture.headers) {
    it(description, () => {
      expect(negotiate(header)).toBe(expected);
    });
  }

  it('sorts by weight and keeps the header order for equal weights', () => {
    expect(parseAcceptLanguage('a;q=0.5, b, c;q=0.5, d').map((r) => r.range)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('RFC 4647 Lookup over editions that are not bare languages', () => {
  const regional = createNegotiator(['en', 'zh-Hant', 'pt-BR', 'he', 'id'], 'en');
  const cases = [
    { header: 'zh-Hant-TW', expected: 'zh-Hant', description: 'a range more specific than an edition truncates to it' },
    { header: 'zh', expected: 'en', description: 'a range less specific than every edition finds none' },
    { header: 'pt-BR-x-private', expected: 'pt-BR', description: 'a private-use singleton is removed with its subtag' },
    { header: 'ZH-hANT', expected: 'zh-Hant', description: 'case does not matter' },
    { header: 'pt-BR;q=0, *', expected: 'en', description: 'q=0 on the exact tag excludes it, and * then gives the first other' },
    { header: 'iw-IL', expected: 'he', description: 'a deprecated code reaches its language (CLDR alias): iw is Hebrew' },
    { header: 'in', expected: 'id', description: 'in is Indonesian' },
    { header: 'zh-TW', expected: 'en', description: 'no Lookup from zh-TW to zh-Hant: a region is not a script' },
  ];
  for (const { header, expected, description } of cases) {
    it(`${description}: ${header} → ${expected}`, () => {
      expect(regional(header)).toBe(expected);
    });
  }
});
