import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.ts';
import { site } from '../../src/generated/site.ts';

afterEach(() => vi.restoreAllMocks());

const app = createApp(site);
const request = (path: string, init: RequestInit = {}, bindings: Env = env) =>
  app.fetch(new Request(`https://example.com${path}`, init), bindings);

describe('the worker, on its own', () => {
  it('knows the editions the build wrote, offers only published ones, and holds no list of articles', () => {
    expect(site.editions).toEqual(expect.arrayContaining(['en', 'fa', 'ru']));
    for (const locale of site.published) expect(site.editions).toContain(locale);
    expect(JSON.stringify(site)).not.toContain('putin-raisi-kremlin-meeting');
  });

  it('redirects an article’s negotiating URL only for an article the static assets hold', async () => {
    const found = await request('/putin-raisi-kremlin-meeting', { headers: { 'Accept-Language': 'ru' } });
    expect(found.status).toBe(302);
    expect(found.headers.get('Location')).toBe('/ru/putin-raisi-kremlin-meeting');
    for (const path of ['/no-such-article', '/Putin-Raisi-Kremlin-Meeting', '/a--b', '/assets']) {
      const missing = await request(path, { headers: { 'Accept-Language': 'ru' } });
      expect(missing.status, path).toBe(404);
    }
  });

  it('answers an unknown path with the edition’s 404 page, fetched from the static assets', async () => {
    const response = await request('/ru/no-such-page');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Language')).toBe('ru');
    expect(response.headers.get('ETag')).toBeNull();
    expect(await response.text()).toContain('<html lang="ru"');
  });

  it('a failure gives the edition’s error page with status 500, no detail of the error, never cached, logged once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // The static assets fail for the 404 page alone: the worker's answer fails, the error page is there.
    const failing = {
      ...env,
      ASSETS: {
        fetch: (input: URL | string, init?: RequestInit) =>
          String(input).endsWith('/404') ? Promise.reject(new TypeError('assets unavailable')) : env.ASSETS.fetch(input, init),
      },
    } as unknown as Env;
    const response = await request('/fa/no-such-page', {}, failing);
    expect(response.status).toBe(500);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('Content-Language')).toBe('fa');
    const html = await response.text();
    expect(html).toContain('<html lang="fa"');
    expect(html).toContain('data-segment="error-title"');
    expect(html).not.toMatch(/TypeError|assets unavailable/);
    expect(errors).toHaveBeenCalledTimes(1);
  });

  it('when even the error page cannot be had: a 500 of one line, with no detail of the error, never cached, logged once with method and path', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { ...env, ASSETS: { fetch: () => Promise.reject(new TypeError('assets unavailable')) } } as unknown as Env;
    const response = await request('/fa/no-such-page', {}, broken);
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toMatch(/TypeError|assets unavailable|at .*\.ts/);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/^GET \/fa\/no-such-page: 500: TypeError: assets unavailable/);
  });
});
