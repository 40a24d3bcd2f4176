import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    // Some cases parse pathological pages in jsdom or start a process: room for a busy two-core machine.
    testTimeout: 20_000,
    mockReset: true,
    restoreMocks: true,
  },
});
