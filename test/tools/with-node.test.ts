import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PROJECT = join(import.meta.dirname, '..', '..');
const lock = readFileSync(join(PROJECT, 'scripts', 'node.lock'), 'utf8');
const pin = lock
  .split('\n')
  .find((line) => line.startsWith(`node-${process.platform}-${process.arch} `))
  ?.split(/\s+/);
let root: string;

// A project of two files, and a PATH whose `node` is too old: as a fresh clone on a machine with Node 20.
beforeAll(() => {
  mkdirSync(join(PROJECT, '.wrangler'), { recursive: true });
  root = mkdtempSync(join(PROJECT, '.wrangler', 'with-node-'));
  mkdirSync(join(root, 'scripts'));
  mkdirSync(join(root, 'old-node'));
  cpSync(join(PROJECT, 'scripts', 'with-node.sh'), join(root, 'scripts', 'with-node.sh'));
  // Answers the version probe as Node 20 would; anything else (npm itself) runs on this Node.
  writeFileSync(
    join(root, 'old-node', 'node'),
    `#!/bin/sh\ncase "$2" in *process.versions.node*) echo old; exit 0 ;; esac\nexec ${JSON.stringify(process.execPath)} "$@"\n`,
  );
  chmodSync(join(root, 'old-node', 'node'), 0o755);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (lockText: string) => {
  writeFileSync(join(root, 'scripts', 'node.lock'), lockText);
  // npm itself stays reachable; the node it finds first is the old one.
  const path = [join(root, 'old-node'), dirname(process.execPath), '/usr/bin', '/bin'].join(':');
  const result = spawnSync('sh', [join(root, 'scripts', 'with-node.sh'), 'node', '--version'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PATH: path, NODE_OPTIONS: '' },
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
};

describe.runIf(pin)('with-node.sh, where the Node on PATH is too old', () => {
  it('refuses a Node whose binary does not have the SHA-256 scripts/node.lock names, and leaves none installed', () => {
    const tampered = lock.replace(pin![2]!, '0'.repeat(64));
    const { status, out } = run(tampered);
    expect(status).toBe(1);
    expect(out).toContain(`with-node: refusing ${pin![0]}@${pin![1]}: bin/node has SHA-256 ${pin![2]}`);
    expect(() => readFileSync(join(root, '.node', 'node_modules', pin![0]!, 'bin', 'node'))).toThrow();
  });

  it('installs the exact version pinned, checks it, and runs the command with it', () => {
    const { status, out } = run(lock);
    expect(status).toBe(0);
    expect(out).toContain(`v${pin![1]}`);
    expect(readFileSync(join(root, '.node', `${pin![0]}-${pin![1]}.installed`), 'utf8').trim()).toBe(pin![1]);
  });

  it('checks the installed binary every time before it runs: one replaced since is refused, and does not run', () => {
    const node = join(root, '.node', 'node_modules', pin![0]!, 'bin', 'node');
    const original = readFileSync(node);
    writeFileSync(node, '#!/bin/sh\necho replaced-binary-ran\n');
    try {
      const { status, out } = run(lock);
      expect(status).toBe(1);
      expect(out).toContain(`with-node: refusing to run .node/node_modules/${pin![0]}/bin/node: its SHA-256 is `);
      expect(out).toContain(`scripts/node.lock says ${pin![2]} (it changed after it was installed)`);
      expect(out).not.toContain('replaced-binary-ran');
    } finally {
      writeFileSync(node, original);
    }
    expect(run(lock).status).toBe(0);
  });
});
