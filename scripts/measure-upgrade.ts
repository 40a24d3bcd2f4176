/**
 * `npx tsx scripts/measure-upgrade.ts [count]`: how long the database upgrade to the current version takes for
 * `count` prospects (100,000 by default), from v5 (a build since 0.2.0) and from v4 (0.2.0's database after
 * its first upgrade), in Node over fake-indexeddb and in headless Chromium's own IndexedDB. Prints the figures;
 * nothing is asserted (this machine is shared, and timings belong to reports).
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ensureChromium, ROOT } from './lib/browser';
import { measureUpgrade } from './lib/upgrade-bench';

const count = Number(process.argv[2] ?? 100_000);
const round = (figures: object) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v as number)]));

const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
for (const from of [5, 4] as const)
  console.log(
    `node, fake-indexeddb, from v${from}:`,
    round(await measureUpgrade(count, from, { indexedDB, IDBKeyRange })),
  );

// The same code bundled for a page at an http origin (IndexedDB needs one), served without a network.
const bundle = await build({
  stdin: {
    contents: `import { measureUpgrade } from './scripts/lib/upgrade-bench';\nglobalThis.measureUpgrade = measureUpgrade;`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  write: false,
  tsconfig: `${ROOT}/tsconfig.json`,
});
const browser = await chromium.launch({ executablePath: ensureChromium() });
const page = await browser.newPage();
await page.route('http://upgrade.bench/**', (route) =>
  route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><script>${bundle.outputFiles[0]?.text.replaceAll('</script', '<\\/script')}</script>`,
  }),
);
await page.goto('http://upgrade.bench/');
for (const from of [5, 4] as const) {
  const inChromium = await page.evaluate(
    ([n, v]) => (globalThis as unknown as { measureUpgrade: typeof measureUpgrade }).measureUpgrade(n, v),
    [count, from] as const,
  );
  console.log(`chromium, IndexedDB, from v${from}:`, round(inChromium));
}
await browser.close();
