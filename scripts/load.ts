// npm run load: a mixed burst against `npm start` (wrangler dev) on 127.0.0.1 (a free port, or PORT) — the three editions, the
// negotiating URLs, `?lang=`, a 404 and the JSON edition — at 64 connections (HEAD is left out: autocannon waits for the body its
// Content-Length announces) for about 10 seconds (at most 200 000 requests). Reports
// requests, errors, status codes and p99; exits non-zero on any error or 5xx, or if the worker no longer
// answers correctly afterwards.
import autocannon from 'autocannon';
import { sitePort, startSite, stopSite } from './dev-server.ts';
import { ROOT } from '../tools/project-files.ts';

const PORT = await sitePort();
const BASE = `http://127.0.0.1:${PORT}`;
const SLUG = 'putin-raisi-kremlin-meeting';

const requests: autocannon.Request[] = [
  { method: 'GET', path: `/fa/${SLUG}` },
  { method: 'GET', path: `/en/${SLUG}` },
  { method: 'GET', path: `/ru/${SLUG}` },
  { method: 'GET', path: '/', headers: { 'accept-language': 'fa-IR,fa;q=0.9,en-US;q=0.8,en;q=0.7' } },
  { method: 'GET', path: `/${SLUG}`, headers: { 'accept-language': 'ru-RU,ru;q=0.9' } },
  { method: 'GET', path: `/${SLUG}?lang=fa` },
  { method: 'GET', path: '/fa/no-such-page' },
  { method: 'GET', path: `/fa/${SLUG}.json` },
  { method: 'GET', path: '/ru/', headers: { cookie: 'lang=fa' } },
  { method: 'GET', path: `/en/${SLUG}`, headers: { 'if-none-match': 'W/"stale"' } },
];

/** What a reader must still get after the burst. */
async function answersCorrectly(): Promise<string[]> {
  const failures: string[] = [];
  const expect = (what: string, ok: boolean) => ok || failures.push(what);
  for (const [locale, text] of [
    ['en', 'Putin and Raisi back closer ties'],
    ['fa', 'پوتین'],
    ['ru', 'Путин'],
  ] as const) {
    const response = await fetch(`${BASE}/${locale}/${SLUG}`);
    const body = await response.text();
    expect(`${locale}: 200`, response.status === 200);
    expect(`${locale}: Content-Language`, response.headers.get('content-language') === locale);
    expect(`${locale}: its text`, body.includes(text));
  }
  const negotiated = await fetch(`${BASE}/`, { headers: { 'accept-language': 'ru' }, redirect: 'manual' });
  expect('/ negotiates ru', negotiated.status === 302 && negotiated.headers.get('location') === '/ru/');
  return failures;
}

console.error(`load: starting wrangler dev on ${BASE}`);
const server = await startSite(ROOT, PORT);
let failed = false;
try {
  const result = await autocannon({ url: BASE, connections: 64, duration: 10, maxOverallRequests: 200_000, requests });
  const codes = Object.entries(result.statusCodeStats ?? {})
    .map(([code, stats]) => `${code}: ${(stats as { count: number }).count}`)
    .join(', ');
  console.log(`requests: ${result.requests.total} in ${result.duration} s (${Math.round(result.requests.average)} req/s)`);
  console.log(`errors: ${result.errors}, timeouts: ${result.timeouts}`);
  console.log(`status codes: ${codes}`);
  console.log(`2xx: ${result['2xx']}, 3xx: ${result['3xx']}, 4xx: ${result['4xx']}, 5xx: ${result['5xx']}`);
  console.log(`latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  const after = await answersCorrectly();
  console.log(
    after.length === 0 ? 'afterwards: every edition and the negotiation still answer correctly' : `afterwards: FAILED ${after.join('; ')}`,
  );
  failed = result.errors > 0 || result.timeouts > 0 || result['5xx'] > 0 || after.length > 0;
} finally {
  stopSite(server);
}
console.log(failed ? 'load: FAILED' : 'load: passed');
process.exit(failed ? 1 : 0);
