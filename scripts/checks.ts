// The report of a script that checks things one by one (test:browser, audit): a TAP-like line per check, and
// the closing "N passed, N failed" line.

let passed = 0;
let failed = 0;

/** Records a check: `ok` or `not ok`, its name, and what was seen. */
export function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}`);
}

/** Prints the closing line and exits: 1 if any check failed. */
export function finish(): never {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}
