import { describe, expect, it } from 'vitest';
import { PERSIAN_RULES, typeset } from '../../site/typography.ts';
import { siteApp, SLUG } from './catalog.ts';

const NBSP = '\u00a0';
const ZWNJ = '\u200c';
/** A no-break space written as `~` and a zero-width non-joiner as `|`, so a case reads as it is set. */
const set = (text: string) => text.replace(/~/g, NBSP).replace(/\|/g, ZWNJ);

const RULES: readonly { description: string; locale: string; input: string; expected: string }[] = [
  { description: 'Russian: a day keeps to its month', locale: 'ru', input: '19 января 2022 г.', expected: '19~января 2022~г.' },
  { description: 'Russian: a preposition and a year keep to their word', locale: 'ru', input: 'в 2017 году', expected: 'в~2017~году' },
  {
    description: 'Russian: short words keep to the next word («за», «и»)',
    locale: 'ru',
    input: 'выступили за укрепление связей и торговли',
    expected: 'выступили за~укрепление связей и~торговли',
  },
  {
    description: 'Russian: a dash stays on the line of the word before it',
    locale: 'ru',
    input: 'стран», — заявил',
    expected: 'стран»,~— заявил',
  },
  {
    description: 'Russian: a dash that ends a text (a dateline) stays on the line of the word before it',
    locale: 'ru',
    input: 'Тегеран —',
    expected: 'Тегеран~—',
  },
  { description: 'Russian: straight quotes become « »', locale: 'ru', input: 'назвал "необратимым"', expected: 'назвал «необратимым»' },
  {
    description: 'Russian: a hand-placed no-break space is kept where the rules want one',
    locale: 'ru',
    input: 'в~2015~году',
    expected: 'в~2015~году',
  },
  {
    description: 'English: a number keeps to its word, the publisher’s quotes and spaced en dash stay',
    locale: 'en-GB',
    input: 'from 40 years ago, “the accord – which',
    expected: 'from 40~years ago, “the accord~– which',
  },
  {
    description: 'English: a dash that ends a text (a dateline) stays on the line of the word before it',
    locale: 'en-GB',
    input: 'Tehran, Iran –',
    expected: 'Tehran, Iran~–',
  },
  {
    description: 'English: short words are not bound',
    locale: 'en-GB',
    input: 'at the Kremlin on Wednesday',
    expected: 'at the Kremlin on Wednesday',
  },
  { description: 'Persian: a number and «ساله» are one word', locale: 'fa', input: 'همکاری ۲۰ ساله را', expected: 'همکاری ۲۰|ساله را' },
  { description: 'Persian: the verbal prefix joins its verb', locale: 'fa', input: 'می خواهد و نمی بیند', expected: 'می|خواهد و نمی|بیند' },
  { description: 'Persian: the plural suffix joins its noun', locale: 'fa', input: 'کشور ها را', expected: 'کشور|ها را' },
  { description: 'Persian: a day keeps to its month, the month to its year', locale: 'fa', input: '۲۹ دی ۱۴۰۰', expected: '۲۹~دی~۱۴۰۰' },
  {
    description: 'Persian: «و» and short prepositions are not bound to the next word (Persian typesetting does not)',
    locale: 'fa',
    input: 'پوتین و رئیسی در کرملین',
    expected: 'پوتین و رئیسی در کرملین',
  },
  {
    description: 'Persian: no space before punctuation or inside guillemets',
    locale: 'fa',
    input: '« راهبردی » است .',
    expected: '«راهبردی» است.',
  },
  {
    description: 'Persian: a spaced dash stays on the line of the word before it',
    locale: 'fa',
    input: 'سوریه – جایی',
    expected: 'سوریه~– جایی',
  },
  {
    description: 'Persian: a dash that ends a text (a dateline) stays on the line of the word before it',
    locale: 'fa',
    input: 'تهران –',
    expected: 'تهران~–',
  },
  { description: 'a language no rule set knows is left as it is', locale: 'tr', input: 'Putin ve Reisi', expected: 'Putin ve Reisi' },
];

describe('typography by rule, at build (site/typography.ts)', () => {
  for (const { description, locale, input, expected } of RULES)
    it(description, () => {
      expect(typeset(locale, set(input))).toBe(set(expected));
    });

  it('every Persian rule is exercised by a case above', () => {
    const persian = RULES.filter((r) => r.locale === 'fa');
    for (const rule of PERSIAN_RULES)
      expect(
        persian.some((c) => new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '')).test(set(c.input))),
        rule.name,
      ).toBe(true);
  });

  it('typesetting twice changes nothing more', () => {
    for (const { locale, input } of RULES) expect(typeset(locale, typeset(locale, set(input)))).toBe(typeset(locale, set(input)));
  });
});

describe('the rules applied on the pages, never in the translators’ files', () => {
  const site = siteApp();
  const page = async (locale: string) => (await site.request(`/${locale}/${SLUG}`)).text();

  it('Russian: «19 января», «в 2017 году», «за» kept with its word', async () => {
    const html = await page('ru');
    expect(html).toContain(`19${NBSP}января 2022${NBSP}г.`);
    expect(html).toContain(`в${NBSP}2017${NBSP}году`);
    expect(html).not.toMatch(/ за /);
  });

  it('Persian: the date line and «۲۰‌ساله»', async () => {
    const html = await page('fa');
    expect(html).toContain(`۲۹${NBSP}دی${NBSP}۱۴۰۰`);
    expect(html).toContain(`۲۰${ZWNJ}ساله`);
  });

  for (const locale of ['en', 'fa', 'ru'])
    it(`${locale}: the dateline’s closing dash stays on the line of the place`, async () => {
      expect(await page(locale)).toMatch(/data-segment="dateline">[^<]*\S\u00a0[–—]<\/span>/);
    });

  it('English: a number keeps to its word', async () => {
    expect(await page('en')).toContain(`40${NBSP}years ago`);
  });
});
