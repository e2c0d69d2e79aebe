// A scratch copy of the project inside it (so node_modules resolves), which the tools may change, and the
// tools run on it as a translator runs them: as processes, in the project's folder.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT = join(import.meta.dirname, '..', '..');

/** What a tool printed (stdout then stderr) and how it ended. */
export interface Run {
  readonly status: number | null;
  readonly out: string;
}

/** Copies the project's files a tool needs into a new folder under .wrangler/, and returns it. */
export function scratchProject(
  name: string,
  entries = ['tools', 'site', 'src', 'content', 'locales', 'wrangler.toml', 'tsconfig.json'],
): string {
  mkdirSync(join(PROJECT, '.wrangler'), { recursive: true });
  const root = mkdtempSync(join(PROJECT, '.wrangler', `${name}-`));
  for (const entry of entries)
    cpSync(join(PROJECT, entry), join(root, entry), { recursive: true, filter: (path) => !path.includes(join('src', 'generated')) });
  return root;
}

export const removeScratch = (root: string): void => rmSync(root, { recursive: true, force: true });

// As a translator runs them in the project (npm's INIT_CWD, set when the tests run under npm, would be the real one).
const toolEnv = (env: Record<string, string>) => {
  const { INIT_CWD: _, ...rest } = process.env;
  return { ...rest, ...env };
};

/** A tool of `root` (tools/<script>), with Node options before it and variables added to its environment. */
export function runTool(root: string, script: string, args: readonly string[] = [], options: ToolOptions = {}): Run {
  const result = spawnSync(process.execPath, [...(options.node ?? []), join(root, 'tools', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: toolEnv(options.env ?? {}),
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

export interface ToolOptions {
  readonly node?: readonly string[];
  readonly env?: Record<string, string>;
}

/** The same, without waiting: resolves when it has ended. */
export function startTool(root: string, script: string, args: readonly string[] = [], options: ToolOptions = {}): Promise<Run> {
  const command = script.endsWith('build.ts') ? ['--import', 'tsx', join(root, 'site', script)] : [join(root, 'tools', script)];
  const child = spawn(process.execPath, [...(options.node ?? []), ...command, ...args], { cwd: root, env: toolEnv(options.env ?? {}) });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, out })));
}

/** Every locale file of `root`, as text: what must not change when a tool refuses. */
export function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(root, 'locales'), { recursive: true, encoding: 'utf8' }))
    if (name.endsWith('.json')) files[name] = readFileSync(join(root, 'locales', name), 'utf8');
  return files;
}
