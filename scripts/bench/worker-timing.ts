// Run in a fresh Node process (with --experimental-vm-modules): compiles and evaluates a bundled worker, then
// times its first two responses and its steady per-request cost. Prints one JSON line. Node runs the same V8
// as workerd. Before timing, Node's lazily loaded built-ins (fetch's Request and Response) are loaded, as
// workerd has them natively.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const [bundle, ...paths] = process.argv.slice(2);
await new Response(new Request('http://127.0.0.1/').url).arrayBuffer();
new TextDecoder().decode(new Uint8Array(1));

// The bindings: the configured origin, and static assets that answer every fetch with a small page (only
// a 404 reaches them here; the pages themselves never reach the worker).
const page = new TextEncoder().encode('<!doctype html><title>404</title>');
const env = { SITE_ORIGIN: 'https://news.example.org', ASSETS: { fetch: async () => new Response(page, { status: 200 }) } };
const ctx = { waitUntil: () => {}, passThroughOnException: () => {}, props: {} };

const code = readFileSync(bundle!, 'utf8');
const t0 = performance.now();
const module = new vm.SourceTextModule(code, { context: vm.createContext(globalThis) });
const t1 = performance.now();
await module.link(() => {
  throw new Error('the bundle imports nothing');
});
await module.evaluate();
const t2 = performance.now();
const worker = (module.namespace as { default: { fetch(request: Request, env: unknown, ctx: unknown): Promise<Response> } }).default;

const first: number[] = [];
for (const path of paths) {
  const start = performance.now();
  const response = await worker.fetch(
    new Request(`https://news.example.org${path}`, { headers: { 'Accept-Language': 'fa-IR,fa;q=0.9,en;q=0.8' } }),
    env,
    ctx,
  );
  await response.arrayBuffer();
  first.push(performance.now() - start);
}

const n = 20_000;
const start = performance.now();
for (let i = 0; i < n; i++) {
  const response = await worker.fetch(
    new Request(`https://news.example.org${paths[i % paths.length]}`, { headers: { 'Accept-Language': 'fa-IR,fa;q=0.9,en;q=0.8' } }),
    env,
    ctx,
  );
  await response.arrayBuffer();
}
const steady = (performance.now() - start) / n;

console.log(JSON.stringify({ compile: t1 - t0, evaluate: t2 - t1, first, steady }));
