// A scratch copy of the project, inside it (so node_modules resolves), for tests that run the tools and the
// build as a newsroom does and change the files they work on.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tools/project-files.ts';

const ENTRIES = ['content', 'locales', 'site', 'src', 'tools', 'scripts', 'wrangler.toml', 'tsconfig.json', 'package.json'];

/** Copies the project's sources and data (and `extra` entries) into a new folder under .wrangler/; returns its path. */
export function makeScratch(prefix: string, extra: readonly string[] = []): string {
  mkdirSync(join(ROOT, '.wrangler'), { recursive: true });
  const scratch = mkdtempSync(join(ROOT, '.wrangler', prefix));
  for (const entry of [...ENTRIES, ...extra])
    cpSync(join(ROOT, entry), join(scratch, entry), { recursive: true, filter: (path) => !path.includes(join('src', 'generated')) });
  return scratch;
}

/** A tool of the scratch copy, run there as a process, as a translator or an editor runs it. */
export function runTool(scratch: string, script: string, ...args: string[]) {
  // npm's INIT_CWD, set when the tests run under npm, would name the real project.
  const { INIT_CWD: _, ...env } = process.env;
  const run = spawnSync(process.execPath, [join(scratch, 'tools', script), ...args], { cwd: scratch, encoding: 'utf8', env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, out: `${run.stdout}${run.stderr}` };
}
