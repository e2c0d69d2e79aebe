import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import blake3 from 'blake3-wasm';

// The archive tier's upload: the build leaves the archive's pages in a directory of their own; this puts into the
// R2 bucket exactly the objects whose bytes changed, and removes those no page names any more. The bucket keeps a
// record of what it holds (MANIFEST_KEY), so a sync reads one object, not a listing of the whole archive.

/** The object that records what the bucket holds: never served (the worker reads only an edition's paths). */
export const MANIFEST_KEY = '.archive-manifest.json';

/** What the bucket holds of one page: its bytes' hash (the build's) and its ETag. */
export interface ArchivedObject {
  readonly hash: string;
  readonly etag: string;
}

/** Where the archive goes: an R2 bucket (through its S3 API: s3Bucket). */
export interface ArchiveBucket {
  getText(key: string): Promise<string | undefined>;
  put(key: string, body: Uint8Array, options: { readonly contentType: string; readonly etag: string }): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * The ETag the static assets would give the same file: wrangler's `hashFile` (BLAKE3 of the base64 of the bytes
 * and the extension, 32 hex digits). A page that moves between the tiers keeps its ETag, so a browser's copy
 * stays valid.
 */
export function assetEtag(bytes: Uint8Array, file: string): string {
  return blake3
    .hash(Buffer.from(`${Buffer.from(bytes).toString('base64')}${extname(file).slice(1)}`))
    .toString('hex')
    .slice(0, 32);
}

/** The types the static assets give the archive's files (wrangler's: `mime`, with a charset for text). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

export const contentTypeOf = (file: string): string => CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';

/** What one sync did. */
export interface SyncReport {
  readonly uploaded: number;
  readonly deleted: number;
  readonly unchanged: number;
}

/**
 * Makes the bucket hold exactly `files` (path under `dir` → the hash of its bytes): uploads each file the bucket's
 * record does not have with that hash, deletes each object no file names, then records what it holds.
 */
export async function syncArchive(
  dir: string,
  files: ReadonlyMap<string, string>,
  bucket: ArchiveBucket,
  concurrency = 8,
): Promise<SyncReport> {
  const recorded = await bucket.getText(MANIFEST_KEY);
  const before = new Map<string, ArchivedObject>(recorded ? Object.entries(JSON.parse(recorded) as Record<string, ArchivedObject>) : []);
  const after = new Map<string, ArchivedObject>();
  const uploads: string[] = [];
  for (const [file, hash] of files) {
    const held = before.get(file);
    if (held?.hash === hash) after.set(file, held);
    else uploads.push(file);
  }
  const deletions = [...before.keys()].filter((file) => !files.has(file));
  const queue: (() => Promise<void>)[] = [
    ...uploads.map((file) => async () => {
      const bytes = readFileSync(join(dir, file));
      const etag = assetEtag(bytes, file);
      await bucket.put(file, bytes, { contentType: contentTypeOf(file), etag });
      after.set(file, { hash: files.get(file)!, etag });
    }),
    ...deletions.map((file) => () => bucket.delete(file)),
  ];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let task = queue.shift(); task; task = queue.shift()) await task();
    }),
  );
  const record = Object.fromEntries([...after].sort(([a], [b]) => (a < b ? -1 : 1)));
  await bucket.put(MANIFEST_KEY, new TextEncoder().encode(JSON.stringify(record)), { contentType: 'application/json', etag: '' });
  return { uploaded: uploads.length, deleted: deletions.length, unchanged: files.size - uploads.length };
}

/** The bucket through R2's S3-compatible API: an API token's access key, for `npm run archive:sync`. */
export function s3Bucket(options: {
  accountId: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  endpoint?: string;
}): ArchiveBucket {
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    service: 's3',
    region: 'auto',
  });
  const base = options.endpoint ?? `https://${options.accountId}.r2.cloudflarestorage.com`;
  const url = (key: string) => `${base}/${encodeURIComponent(options.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const ok = async (response: Response, what: string) => {
    if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  };
  return {
    getText: async (key) => {
      const response = await client.fetch(url(key));
      if (response.status === 404) return undefined;
      await ok(response, `GET ${key}`);
      return response.text();
    },
    put: async (key, body, { contentType, etag }) => {
      const headers: Record<string, string> = { 'Content-Type': contentType };
      if (etag) headers['x-amz-meta-etag'] = etag;
      await ok(await client.fetch(url(key), { method: 'PUT', body: body as Uint8Array<ArrayBuffer>, headers }), `PUT ${key}`);
    },
    delete: async (key) => ok(await client.fetch(url(key), { method: 'DELETE' }), `DELETE ${key}`),
  };
}
