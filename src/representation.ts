import type { Locale } from './locales.ts';

/** A response body built once per isolate, with the validator that names it. */
export interface Representation {
  readonly body: Uint8Array<ArrayBuffer>;
  /** Strong ETag, derived from the bytes and prefixed with the edition, so no two editions share one. */
  readonly etag: string;
  readonly contentType: string;
  readonly contentLanguage?: Locale;
  /** Extra headers that belong to the representation (a `Link` header, say). */
  readonly headers?: Readonly<Record<string, string>>;
}

const encoder = new TextEncoder();

async function strongEtag(prefix: string, body: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  let hex = '';
  for (let i = 0; i < 12; i++) hex += digest[i]!.toString(16).padStart(2, '0');
  return `"${prefix}-${hex}"`;
}

/** Encodes a body and names it with an ETag: done once per page, never per response. */
export async function represent(
  text: string,
  contentType: string,
  options: { locale?: Locale; headers?: Readonly<Record<string, string>> } = {},
): Promise<Representation> {
  const body = encoder.encode(text) as Uint8Array<ArrayBuffer>;
  const etag = await strongEtag(options.locale ?? 'site', body);
  return {
    body,
    etag,
    contentType,
    ...(options.locale ? { contentLanguage: options.locale } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  };
}

/**
 * Representations by key, built on first use and kept for the life of the isolate. Bounded, because
 * keys include the request's origin, which a client chooses.
 */
export class RepresentationCache {
  readonly #entries = new Map<string, Promise<Representation>>();
  readonly #limit: number;

  constructor(limit = 256) {
    this.#limit = limit;
  }

  get(key: string, build: () => Promise<Representation>): Promise<Representation> {
    let entry = this.#entries.get(key);
    if (!entry) {
      if (this.#entries.size >= this.#limit) this.#entries.delete(this.#entries.keys().next().value!);
      entry = build();
      this.#entries.set(key, entry);
      // A build that failed is not kept: the next request tries again.
      entry.catch(() => this.#entries.delete(key));
    }
    return entry;
  }
}
