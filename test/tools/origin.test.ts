import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDeployOrigin, checkOrigin } from '../../site/origin.ts';
import { PROJECT } from './scratch.ts';

const cases = [
  { value: 'https://news.example.org', command: 'deploy', expected: 'https://news.example.org' },
  { value: 'https://news.example.org/', command: 'deploy', expected: 'https://news.example.org' },
  { value: 'http://127.0.0.1:8787', command: 'dev', expected: 'http://127.0.0.1:8787' },
  { value: 'http://127.0.0.1:8787', command: undefined, expected: 'http://127.0.0.1:8787' },
  {
    value: 'http://127.0.0.1:8787',
    command: 'deploy',
    expected: /refusing to build for http:\/\/127\.0\.0\.1:8787 .*: a loopback address/,
  },
  { value: 'http://localhost:8787', command: 'versions upload', expected: /refusing/ },
  { value: 'http://localhost.:8787', command: 'deploy', expected: /\(\.localhost\)/ },
  { value: 'http://editions.localhost', command: 'deploy', expected: /\(\.localhost\)/ },
  { value: 'http://editions.localhost.', command: 'deploy', expected: /\(\.localhost\)/ },
  { value: 'http://printer.local', command: 'deploy', expected: /\(\.local\)/ },
  { value: 'http://intranet', command: 'deploy', expected: /a name with no domain/ },
  { value: 'http://[::1]:8787', command: 'deploy', expected: /a loopback address/ },
  { value: 'http://[::]', command: 'deploy', expected: /an? unspecified address/ },
  { value: 'http://[::ffff:7f00:1]', command: 'deploy', expected: /a loopback address/ },
  { value: 'http://[fec0::1]', command: 'deploy', expected: /a deprecatedSiteLocal address/ },
  { value: 'http://[fe80::1]', command: 'deploy', expected: /a linkLocal address/ },
  { value: 'http://[fd12::1]', command: 'deploy', expected: /a uniqueLocal address/ },
  { value: 'http://192.168.1.20', command: 'deploy', expected: /a private address/ },
  { value: 'http://10.0.0.1', command: 'deploy', expected: /a private address/ },
  { value: 'http://100.64.0.1', command: 'deploy', expected: /a carrierGradeNat address/ },
  { value: 'http://169.254.169.254', command: 'deploy', expected: /a linkLocal address/ },
  { value: 'http://0x7f.1', command: 'deploy', expected: /origin alone/ }, // another spelling of 127.0.0.1
  { value: 'http://2130706433', command: 'deploy', expected: /origin alone/ },
  { value: 'https://10.news.example', command: 'deploy', expected: 'https://10.news.example' },
  { value: 'https://local.news.example', command: 'deploy', expected: 'https://local.news.example' },
  { value: 'https://8.8.8.8', command: 'deploy', expected: 'https://8.8.8.8' },
  { value: 'https://[2606:4700::1]', command: 'deploy', expected: 'https://[2606:4700::1]' },
  { value: 'https://news.example.org/path', command: 'dev', expected: /origin alone/ },
  { value: 'https://user:secret@news.example.org', command: 'dev', expected: /origin alone/ },
  { value: 'ftp://news.example.org', command: 'dev', expected: /origin alone/ },
  { value: 'news.example.org', command: 'dev', expected: /not a URL/ },
  { value: undefined, command: 'deploy', expected: /not set/ },
] as const;

describe('SITE_ORIGIN, by a real address parser and by its labels', () => {
  for (const { value, command, expected } of cases) {
    it(`${String(value)} for ${command ?? 'a build on its own'}: ${typeof expected === 'string' ? expected : 'refused'}`, () => {
      const result = checkOrigin(value, command);
      if (typeof expected === 'string') expect(result).toBe(expected);
      else expect(typeof result === 'string' ? result : result.problem).toMatch(expected);
    });
  }
});

describe('a deploy', () => {
  it('refuses the example origin wrangler.toml ships with, saying where to set it', () => {
    expect(checkDeployOrigin('https://news.example.org')).toEqual({
      problem:
        'SITE_ORIGIN is still the example https://news.example.org: set SITE_ORIGIN in wrangler.toml [vars] to the site’s public origin (then npm run types)',
    });
    expect(checkDeployOrigin('https://news.example.com')).toBe('https://news.example.com');
  });

  it('npm run deploy stops before wrangler while wrangler.toml names the example origin', () => {
    const { SITE_ORIGIN: _, ...env } = process.env;
    const run = spawnSync(process.execPath, [join(PROJECT, 'scripts', 'deploy.ts')], { cwd: PROJECT, encoding: 'utf8', env });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'deploy: SITE_ORIGIN is still the example https://news.example.org: set SITE_ORIGIN in wrangler.toml [vars] to the site’s public origin (then npm run types)',
    );
  });
});
