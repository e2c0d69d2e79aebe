// Negotiation: our RFC 9110 + RFC 4647 Lookup negotiator against what other stacks use, on one corpus.
import { detectFromHeader } from 'hono/language';
import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { createNegotiator } from '../../src/negotiate.ts';

const negotiate = createNegotiator(['en', 'fa', 'ru'], 'en');
import corpus from './accept-language-corpus.json' with { type: 'json' };

const SUPPORTED = ['en', 'fa', 'ru'];
const DEFAULT = 'en';

type Chooser = (header: string) => string;

/** The negotiators compared, each used as its documentation shows. */
export const negotiators: Record<string, Chooser> = {
  ours: (header) => negotiate(header),
  negotiator: (header) => new Negotiator({ headers: { 'accept-language': header } }).language(SUPPORTED) ?? DEFAULT,
  'intl-localematcher (lookup)': (header) => {
    const requested = new Negotiator({ headers: { 'accept-language': header } }).languages();
    try {
      return match(requested, SUPPORTED, DEFAULT, { algorithm: 'lookup' });
    } catch {
      return DEFAULT; // it throws on a tag it cannot canonicalise
    }
  },
  'hono languageDetector': (header) => {
    const c = { req: { header: () => header } } as unknown as Parameters<typeof detectFromHeader>[0];
    return (
      detectFromHeader(c, {
        order: ['header'],
        lookupQueryString: 'lang',
        lookupCookie: 'language',
        lookupFromHeaderKey: 'accept-language',
        lookupFromPathIndex: 0,
        caches: false,
        ignoreCase: true,
        fallbackLanguage: DEFAULT,
        supportedLanguages: SUPPORTED,
        debug: false,
      }) ?? DEFAULT
    );
  },
};

export interface NegotiationResult {
  readonly name: string;
  readonly opsPerSecond: number;
  /** Headers of the corpus on which it chooses what ours chooses. */
  readonly agrees: number;
}

/** Operations per second over the corpus (best of several timed passes), and agreement with ours. */
export function benchNegotiation(headers: readonly string[] = corpus.headers, seconds = 1): NegotiationResult[] {
  const reference = headers.map((h) => negotiate(h));
  return Object.entries(negotiators).map(([name, choose]) => {
    const agrees = headers.filter((h, i) => choose(h) === reference[i]).length;
    let best = 0;
    const deadline = performance.now() + seconds * 1000;
    while (performance.now() < deadline) {
      const start = performance.now();
      let sink = 0;
      for (let pass = 0; pass < 20; pass++) for (const h of headers) sink += choose(h).length;
      const elapsed = (performance.now() - start) / 1000;
      if (sink < 0) throw new Error('unreachable');
      best = Math.max(best, (20 * headers.length) / elapsed);
    }
    return { name, opsPerSecond: best, agrees };
  });
}

export const corpusSize = corpus.headers.length;
