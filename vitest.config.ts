import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // The worker and everything it is made of, inside workerd.
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: { name: 'workerd', include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/cli/**'] },
      },
      {
        // The translators' command-line tools, run as a translator runs them: as processes on the files.
        test: { name: 'cli', include: ['test/cli/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
    ],
  },
});
