import fc from 'fast-check';

/** Fixed seed and enough runs to matter: a failure here reproduces. */
export const RUNS = { seed: 20220119, numRuns: 1000 } as const;

// --- Accept-Language ---------------------------------------------------------------------------------------
export const tag = fc.oneof(
  fc.constantFrom(
    'en',
    'fa',
    'ru',
    'EN',
    'Fa',
    'rU',
    'fa-IR',
    'fa-Arab-IR',
    'ru-RU',
    'en-US',
    'uk',
    'de-DE',
    'zh-Hant-TW',
    '*',
    'x-pirate',
    'i-default',
  ),
  fc.stringMatching(/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,3}$/),
  fc.string({ maxLength: 12 }),
);
export const weight = fc.oneof(
  fc.constantFrom(
    '',
    ';q=0',
    ';q=1',
    ';q=0.5',
    ';q=0.000',
    ';q=1.000',
    ';q=NaN',
    ';q=-1',
    ';q=1.0001',
    ';q=abc',
    ';q=',
    ';Q=0.9',
    ' ; q=0.3',
    ';level=1',
  ),
  fc.integer({ min: 0, max: 1000 }).map((n) => `;q=${(n / 1000).toFixed(3)}`),
);
const entry = fc.tuple(fc.constantFrom('', ' ', '\t', '  '), tag, weight).map(([space, t, w]) => `${space}${t}${w}`);
/** Headers as browsers send them: a few entries. */
export const browserHeader = fc.array(entry, { maxLength: 40 }).map((entries) => entries.join(','));
/** Headers as browsers and attackers send them: a few entries, or ten thousand. */
export const header = fc.oneof(
  { weight: 9, arbitrary: browserHeader },
  {
    weight: 1,
    arbitrary: fc
      .array(entry, { minLength: 1, maxLength: 5 })
      .map((entries) => Array.from({ length: 10_000 }, (_, i) => entries[i % entries.length]).join(',')),
  },
);
export const anyString = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u0000', '\u0001', '\u007f', '\r', '\n', ',', ';', '=', '-', '*'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 2000,
});
