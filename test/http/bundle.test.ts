import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUNDLE_DIR } from './bundle.ts';

/** The worker as `wrangler deploy` would upload it, and esbuild's account of what went into it. */
const code = readFileSync(join(BUNDLE_DIR, 'index.js'));
const metafile = JSON.parse(readFileSync(join(BUNDLE_DIR, 'metafile.json'), 'utf8')) as { inputs: Record<string, unknown> };
const inputs = Object.keys(metafile.inputs);

describe('the deployed worker', () => {
  it('is at most 25 KiB gzipped', () => {
    expect(gzipSync(code).byteLength).toBeLessThanOrEqual(25 * 1024);
  });

  it('contains neither i18next nor @formatjs, nor any page template: texts and formatting stay in the build', () => {
    expect(inputs.filter((path) => /node_modules\/(i18next|@formatjs|intl-messageformat)\//.test(path))).toEqual([]);
    expect(inputs.filter((path) => /^(site|tools)\//.test(path))).toEqual([]);
    expect(inputs.filter((path) => path.startsWith('src/'))).toEqual(
      expect.arrayContaining(['src/index.ts', 'src/app.ts', 'src/negotiate.ts']),
    );
  });

  it('needs no Node.js compatibility: it imports no node: module', () => {
    expect(inputs.filter((path) => path.startsWith('node:') || path.includes('unenv'))).toEqual([]);
  });
});
