import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Bounds for a busy 2-core CI machine, not for speed: no test depends on how fast it runs, only that it ends.
// Property tests are bounded by their count of runs (test/properties.ts).
const BOUNDS = { testTimeout: 120_000, hookTimeout: 120_000 } as const;

export default defineConfig({
  test: {
    projects: [
      {
        // Unit tests inside workerd: the worker's negotiation and routing, and the site app that renders the
        // pages (the same code the build runs), compared byte for byte with the built files.
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: { name: 'workerd', include: ['test/worker/**/*.test.ts', 'test/site/**/*.test.{ts,tsx}'], ...BOUNDS },
      },
      {
        // The worker and its static assets together, as the edge serves them: Miniflare, over HTTP.
        test: {
          name: 'http',
          include: ['test/http/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/http/bundle.ts'],
          ...BOUNDS,
        },
      },
      {
        // What the build makes in Node beside the pages: the share cards, the fonts, the typography.
        test: { name: 'build', include: ['test/build/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        // The translators' tools, as a translator runs them: functions on the files, and processes.
        test: { name: 'tools', include: ['test/tools/**/*.test.ts'], environment: 'node', ...BOUNDS },
      },
    ],
  },
});
