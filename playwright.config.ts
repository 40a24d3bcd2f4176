import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium with the built extension (see scripts/lib/browser.ts).
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
});
