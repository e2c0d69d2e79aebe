import { describe, expect, it } from 'vitest';
import { checkOrigin } from '../../site/origin.ts';

const cases = [
  { value: 'https://news.example.org', command: 'deploy', expected: 'https://news.example.org' },
  { value: 'https://news.example.org/', command: 'deploy', expected: 'https://news.example.org' },
  { value: 'http://127.0.0.1:8787', command: 'dev', expected: 'http://127.0.0.1:8787' },
  { value: 'http://127.0.0.1:8787', command: undefined, expected: 'http://127.0.0.1:8787' },
  { value: 'http://127.0.0.1:8787', command: 'deploy', expected: /refusing to build for http:\/\/127\.0\.0\.1:8787/ },
  { value: 'http://localhost:8787', command: 'versions upload', expected: /refusing/ },
  { value: 'http://[::1]:8787', command: 'deploy', expected: /refusing/ },
  { value: 'http://192.168.1.20', command: 'deploy', expected: /refusing/ },
  { value: 'http://editions.localhost', command: 'deploy', expected: /refusing/ },
  { value: 'https://news.example.org/path', command: 'dev', expected: /origin alone/ },
  { value: 'https://user:secret@news.example.org', command: 'dev', expected: /origin alone/ },
  { value: 'ftp://news.example.org', command: 'dev', expected: /origin alone/ },
  { value: 'news.example.org', command: 'dev', expected: /not a URL/ },
  { value: undefined, command: 'deploy', expected: /not set/ },
] as const;

describe('SITE_ORIGIN', () => {
  for (const { value, command, expected } of cases) {
    it(`${String(value)} for ${command ?? 'a build on its own'}: ${typeof expected === 'string' ? expected : 'refused'}`, () => {
      const result = checkOrigin(value, command);
      if (typeof expected === 'string') expect(result).toBe(expected);
      else expect(typeof result === 'string' ? result : result.problem).toMatch(expected);
    });
  }
});
