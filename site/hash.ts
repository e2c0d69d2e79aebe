import { createHash } from 'node:crypto';

/** SHA-256 of a text or bytes, in hex: the project's one hash, for fingerprints and revisions alike. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
