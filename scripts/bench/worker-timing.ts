// Run in a fresh Node process (with --experimental-vm-modules): compiles and evaluates the bundled worker,
// then times its first and repeated requests. Prints one JSON line. Node runs the same V8 as workerd.
// Before timing: Node's lazily loaded built-ins (fetch's Request and Response, Web Crypto) are loaded, as
// workerd has them natively; and ICU's data is loaded once in another context, because V8 loads it once per
// process, not per isolate: on the edge, where one process runs many isolates, it is already there. That
// one-time cost is measured and reported on its own.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const bundle = process.argv[2]!;
const paths = ['/fa/putin-raisi-kremlin-meeting', '/en/putin-raisi-kremlin-meeting', '/ru/putin-raisi-kremlin-meeting'];
await crypto.subtle.digest('SHA-256', new TextEncoder().encode('warm'));
new TextDecoder().decode(new Uint8Array(1));
await new Response(new Request('http://127.0.0.1/').url).arrayBuffer();
const icuStart = performance.now();
vm.runInContext(
  `for (const l of ['en', 'fa', 'ru']) {
    new Intl.NumberFormat(l).format(2017);
    new Intl.PluralRules(l).select(40);
    new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC', calendar: l === 'fa' ? 'persian' : 'gregory' }).format(0);
    new Intl.DisplayNames(l, { type: 'language' }).of(l);
    new Intl.ListFormat(l).format(['a', 'b']);
  }`,
  vm.createContext({}),
);
const icu = performance.now() - icuStart;

const code = readFileSync(bundle, 'utf8');
const t0 = performance.now();
const module = new vm.SourceTextModule(code, { context: vm.createContext(globalThis) });
const t1 = performance.now();
await module.link(() => {
  throw new Error('the bundle imports nothing');
});
await module.evaluate();
const t2 = performance.now();
const worker = (module.namespace as { default: { fetch(request: Request): Promise<Response> } }).default;

const first: number[] = [];
for (const path of paths) {
  const start = performance.now();
  const response = await worker.fetch(new Request(`http://127.0.0.1${path}`));
  await response.arrayBuffer();
  first.push(performance.now() - start);
}

const n = 20_000;
const start = performance.now();
for (let i = 0; i < n; i++) {
  const response = await worker.fetch(new Request(`http://127.0.0.1${paths[i % 3]}`));
  await response.arrayBuffer();
}
const built = (performance.now() - start) / n;

// The same loop's floor: constructing the request and reading a constant response of the same size.
const constant = new TextEncoder().encode('x'.repeat(12_000));
const floorStart = performance.now();
for (let i = 0; i < n; i++) {
  new Request(`http://127.0.0.1${paths[i % 3]}`);
  await new Response(constant).arrayBuffer();
}
const floor = (performance.now() - floorStart) / n;

console.log(JSON.stringify({ icu, compile: t1 - t0, evaluate: t2 - t1, first, built, floor }));
