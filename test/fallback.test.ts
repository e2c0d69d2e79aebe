import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.tsx';
import enSegments from '../locales/en/putin-raisi-kremlin-meeting.json';
import { catalogWith, SLUG } from './catalog-fixture.ts';

afterEach(() => vi.restoreAllMocks());

describe('formatting never fails a request', () => {
  it('a segment that cannot be formatted (a missing argument) is shown in English, marked, and logged once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = createApp(catalogWith((c) => (c.resources.fa![SLUG]!['deal-restored-sanctions'] = 'اگر {unknownValue, number} توافق')));
    const response = await app.request(`/fa/${SLUG}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<span data-segment="deal-restored-sanctions" lang="en" dir="ltr" class="fallback">If the deal is restored');
    expect(html).toContain('role="note"');
    expect(html).not.toContain('unknownValue');
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toContain('fa/putin-raisi-kremlin-meeting/deal-restored-sanctions');
    // The page is built once: a second request logs nothing more.
    await app.request(`/fa/${SLUG}`);
    expect(errors).toHaveBeenCalledTimes(1);
  });

  it('a segment missing from a locale falls back to English through i18next', async () => {
    const app = createApp(catalogWith((c) => delete c.resources.ru![SLUG]!['shamkhani-oil']));
    const html = await (await app.request(`/ru/${SLUG}`)).text();
    expect(html).toContain(`lang="en" dir="ltr" class="fallback">From Tehran`);
    expect(enSegments['shamkhani-oil']).toMatch(/^From \{tehran\}/);
  });
});
