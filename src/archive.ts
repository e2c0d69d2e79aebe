import { applyRules, type HeaderRule } from './header-rules.ts';
import { assetFile } from './paths.ts';

/** What the archive tier needs: the bucket, its version (changed by every upload), and the rules of `_headers`. */
export interface ArchiveOptions {
  readonly bucket: R2Bucket;
  readonly version: string;
  readonly rules: readonly HeaderRule[];
  /** The Workers cache, where a page read from the bucket is kept by its `Cache-Control`. */
  readonly cache?: Cache;
  readonly waitUntil?: (promise: Promise<unknown>) => void;
}

/**
 * RFC 9110 §13.1.2, as the static assets answer it: `If-None-Match` holding this one entity tag (quoted), strong
 * or weak (weak comparison), is a match; a list, `*` or anything else is not, and gets the full response.
 */
function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get('If-None-Match')?.trim();
  return header !== undefined && header.replace(/^W\//, '') === etag;
}

/**
 * A page of the archive tier: the object of the bucket at the file the static assets would have (`/fa/x` is
 * `fa/x.html`), served with the headers the static assets would give it (the same `_headers` rules, the object's
 * content type, its ETag as the build computed it), with 304 for its ETag, through the Workers cache. Undefined
 * where the bucket has no such object.
 */
export async function fromArchive(request: Request, options: ArchiveOptions): Promise<Response | undefined> {
  const url = new URL(request.url);
  // One entry per page and archive version: an upload changes the version, so nothing stale is read back.
  const cacheKey = new Request(`${url.origin}${url.pathname}?archive=${options.version}`);
  const cached = await options.cache?.match(cacheKey);
  // A cached response's headers are immutable: a copy, so the worker's middleware can add its own.
  let response = cached ? new Response(cached.body, cached) : undefined;
  if (!response) {
    const object = await options.bucket.get(assetFile(url.pathname));
    if (!object) return undefined;
    const headers = new Headers();
    object.writeHttpMetadata(headers);
    headers.set('ETag', `"${object.customMetadata?.etag ?? object.etag}"`);
    applyRules(options.rules, url.pathname, headers);
    response = new Response(object.body, { headers });
    if (options.cache) {
      const stored = response.clone();
      const put = options.cache.put(cacheKey, stored);
      if (options.waitUntil) options.waitUntil(put);
      else await put;
    }
  }
  const etag = response.headers.get('ETag')!;
  const status = notModified(request, etag) ? 304 : 200;
  if (status === 200 && request.method !== 'HEAD') return response;
  await response.body?.cancel();
  return new Response(null, { status, headers: response.headers });
}
