// The archive tier: a small newsroom (four articles, three editions) built twice in a scratch copy, first with
// every page static (the reference), then with the two oldest articles past the boundary (site.config.json), their
// pages uploaded to an R2 bucket through its S3 API and served by the worker. Miniflare simulates the bucket and
// its S3 API; the upload is the one `npm run archive:sync` makes.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNewsroom } from '../../scripts/bench/newsroom.ts';
import { assetEtag, MANIFEST_KEY } from '../../site/archive-sync.ts';
import { buildDirectories } from '../../site/directories.ts';
import { assetFile, paths } from '../../src/paths.ts';
import { ROOT } from '../../tools/project-files.ts';
import { bundleWorker } from './bundle.ts';
import { ARCHIVE_BUCKET, ARCHIVE_CREDENTIALS, IF_NONE_MATCH, ORIGIN, startEdge } from './edge.ts';

let scratch: string;
let slugs: string[];
let edge: Miniflare | undefined;
let url: URL;
/** The reference: each page of the archived articles as the static assets served it. */
const reference = new Map<string, { status: number; headers: Headers; bytes: Uint8Array }>();

/** The pages of an article in every edition (the source has no review page). */
const pagesOf = (slug: string) => [
  ...['en', 'fa', 'ru'].flatMap((l) => [paths.article(l, slug), paths.articleJson(l, slug), paths.card(l, slug)]),
  paths.review('fa', slug),
  paths.review('ru', slug),
];
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  edge!.dispatchFetch(`${ORIGIN}${path}`, { method, headers, redirect: 'manual' });

/** The build of the scratch copy, as `npm run build` runs it. */
const build = () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(scratch, 'site', 'build.ts')], { cwd: scratch, encoding: 'utf8' });
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  return run.stdout;
};
/** `npm run archive:sync`, as an operator runs it, through the S3 API of the bucket the edge simulates. */
const sync = () => {
  const { INIT_CWD: _, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(scratch, 'scripts', 'archive-sync.ts')], {
    cwd: scratch,
    encoding: 'utf8',
    env: {
      ...env,
      R2_ACCOUNT_ID: 'local',
      R2_ACCESS_KEY_ID: ARCHIVE_CREDENTIALS.accessKeyId,
      R2_SECRET_ACCESS_KEY: ARCHIVE_CREDENTIALS.secretAccessKey,
      R2_ENDPOINT: new URL('/cdn-cgi/local/r2/s3', url).href,
    },
  });
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  const [, uploaded, deleted, unchanged] = /(\d+) uploaded, (\d+) removed, (\d+) unchanged/.exec(run.stdout)!.map(Number);
  return { uploaded, deleted, unchanged };
};
/** Bundles the worker as `wrangler deploy` would (which builds first), and serves it with the archive bound. */
const deploy = async (archive: boolean) => {
  await edge?.dispose();
  const bundle = join(scratch, '.wrangler', 'bundle');
  bundleWorker(scratch, bundle);
  edge = startEdge(scratch, bundle, { archive, persist: join(scratch, '.wrangler', 'state') });
  url = await edge.ready;
};

beforeAll(async () => {
  mkdirSync(join(ROOT, '.wrangler'), { recursive: true });
  scratch = mkdtempSync(join(ROOT, '.wrangler', 'archive-'));
  ({ slugs } = makeNewsroom(scratch, 4, 3));
  await deploy(false);
  for (const slug of slugs.slice(2))
    for (const path of pagesOf(slug)) {
      const response = await get(path);
      reference.set(path, { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) });
    }
  // The two oldest articles were published more than a day before the newest.
  writeFileSync(join(scratch, 'site.config.json'), JSON.stringify({ archive: { enabled: true, afterDays: 1 } }));
  appendFileSync(join(scratch, 'wrangler.toml'), `\n[[r2_buckets]]\nbinding = "ARCHIVE"\nbucket_name = "${ARCHIVE_BUCKET}"\n`);
  await deploy(true);
}, 240_000);
afterAll(async () => {
  await edge?.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the archive tier', () => {
  it('the build puts the oldest articles’ pages in the archive directory, not in the static assets', () => {
    const { out, archive } = buildDirectories(scratch);
    for (const slug of slugs.slice(0, 2)) expect(existsSync(join(out, 'fa', `${slug}.html`)), slug).toBe(true);
    for (const slug of slugs.slice(2)) {
      expect(existsSync(join(out, 'fa', `${slug}.html`)), slug).toBe(false);
      expect(existsSync(join(archive, 'fa', `${slug}.html`)), slug).toBe(true);
    }
    // The lists still link every article: an archived one is reached at its usual URL.
    expect(readFileSync(join(out, 'fa', 'index.html'), 'utf8')).toContain(`href="/fa/${slugs[3]}"`);
  });

  it('the upload puts each archived page in the bucket once, and a second upload changes nothing', async () => {
    const first = sync();
    expect(first).toEqual({ uploaded: pagesOf(slugs[2]!).length * 2, deleted: 0, unchanged: 0 });
    expect(sync()).toEqual({ uploaded: 0, deleted: 0, unchanged: pagesOf(slugs[2]!).length * 2 });
  });

  it('every archived page is byte for byte the static build’s, with the same headers, and the ETag the static assets would give it', async () => {
    for (const slug of slugs.slice(2))
      for (const path of pagesOf(slug)) {
        const response = await get(path);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const expected = reference.get(path)!;
        expect(response.status, path).toBe(200);
        expect(Buffer.from(bytes).equals(Buffer.from(expected.bytes)), path).toBe(true);
        const own = (headers: Headers) =>
          [...headers].filter(([name]) => !['etag', 'cf-cache-status', 'content-length', 'date'].includes(name)).sort();
        expect(own(response.headers), path).toEqual(own(expected.headers));
        expect(response.headers.get('ETag'), path).toBe(`"${assetEtag(bytes, assetFile(path))}"`);
      }
  });

  it('a page read once is served from the Workers cache: the bucket is not read again for it', async () => {
    const path = paths.article('en', slugs[3]!);
    const first = new Uint8Array(await (await get(path)).arrayBuffer());
    const bucket = await edge!.getR2Bucket('ARCHIVE');
    const object = (await bucket.get(assetFile(path)))!;
    const stored = {
      bytes: new Uint8Array(await object.arrayBuffer()),
      httpMetadata: object.httpMetadata,
      customMetadata: object.customMetadata,
    };
    await bucket.delete(assetFile(path));
    try {
      const again = await get(path);
      expect(again.status).toBe(200);
      expect(Buffer.from(new Uint8Array(await again.arrayBuffer())).equals(Buffer.from(first))).toBe(true);
    } finally {
      await bucket.put(assetFile(path), stored.bytes, { httpMetadata: stored.httpMetadata!, customMetadata: stored.customMetadata! });
    }
  });

  for (const { description, header, status } of IF_NONE_MATCH)
    it(`an archived page answers If-None-Match with ${description} with ${status}, as its static build did`, async () => {
      const path = paths.article('ru', slugs[3]!);
      const first = await get(path);
      await first.arrayBuffer();
      const tag = first.headers.get('ETag')!;
      const response = await get(path, { 'If-None-Match': header(tag) });
      const body = await response.text();
      expect(response.status).toBe(status);
      if (status === 304) {
        expect(body).toBe('');
        expect(response.headers.get('ETag')).toBe(tag);
        expect(response.headers.get('Content-Language')).toBe('ru');
      } else expect(body).toContain('<html lang="ru"');
    });

  it('HEAD of an archived page answers like GET, without a body', async () => {
    const path = paths.article('fa', slugs[3]!);
    const full = await get(path);
    await full.arrayBuffer();
    const head = await get(path, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const name of ['ETag', 'Content-Type', 'Content-Language', 'Cache-Control'])
      expect(head.headers.get(name), name).toBe(full.headers.get(name));
  });

  it('an archived article’s negotiating URL redirects to the reader’s edition; an unknown one is 404', async () => {
    const found = await get(paths.articleAnyEdition(slugs[3]!), { 'Accept-Language': 'fa' });
    expect(found.status).toBe(302);
    expect(found.headers.get('Location')).toBe(paths.article('fa', slugs[3]!));
    const missing = await get('/no-such-article', { 'Accept-Language': 'fa' });
    await missing.arrayBuffer();
    expect(missing.status).toBe(404);
    const unknownPage = await get('/fa/no-such-article');
    expect(unknownPage.status).toBe(404);
    expect(await unknownPage.text()).toContain('<html lang="fa"');
  });

  it('the bucket’s record of what it holds is not served', async () => {
    const response = await get(`/${MANIFEST_KEY}`);
    await response.arrayBuffer();
    expect(response.status).toBe(404);
  });

  it('an edited segment of an archived article uploads only the pages that show it; a removed article’s pages leave the bucket', async () => {
    const slug = slugs[3]!;
    const file = join(scratch, 'locales', 'fa', `${slug}.json`);
    const segments = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    segments['delegation'] = `${segments['delegation']!.slice(0, -1)}، به نقل از خبرگزاری ایرنا.`;
    writeFileSync(file, `${JSON.stringify(segments, null, 2)}\n`);
    build();
    expect(sync()).toMatchObject({ uploaded: 3, deleted: 0 }); // the page, the JSON edition, the review page
    await deploy(true);
    // (Read without the no-break spaces the Persian typography adds at build.)
    expect((await (await get(paths.article('fa', slug))).text()).replace(/\u00a0/g, ' ')).toContain('به نقل از خبرگزاری ایرنا');

    for (const locale of ['en', 'fa', 'ru'])
      for (const suffix of ['.json', '.state.json']) rmSync(join(scratch, 'locales', locale, `${slugs[2]}${suffix}`), { force: true });
    rmSync(join(scratch, 'content', `${slugs[2]}.json`));
    build();
    expect(sync()).toMatchObject({ uploaded: 0, deleted: pagesOf(slugs[2]!).length });
  }, 240_000);
});
