/**
 * The memory the content script adds to a page: the page's JavaScript heap after garbage collection with the
 * extension's script in it, minus the same page's heap in a browser without the extension. Isolated worlds
 * share the page's heap, so the difference is the script's code and what it keeps.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { type ExtensionBrowser, ensureChromium, waitForReport } from './browser';

/** A page's used JavaScript heap in bytes, after a full garbage collection. */
async function usedHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Median kB the content script adds over these pages (each served at its address from its file). */
export async function measureContentScriptHeap(
  ext: ExtensionBrowser,
  pages: Array<{ url: string; file: string }>,
): Promise<number> {
  const plain = await chromium.launch({
    executablePath: ensureChromium(),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await plain.newContext();
    const byUrl = new Map(pages.map((p) => [p.url, p.file]));
    await context.route(/^https?:\/\//, async (route) => {
      const file = route.request().isNavigationRequest() ? byUrl.get(route.request().url()) : undefined;
      await route.fulfill(
        file
          ? { status: 200, contentType: 'text/html', body: readFileSync(file) }
          : { status: 404, body: '' },
      );
    });
    const added: number[] = [];
    for (const { url } of pages) {
      const withScript = await ext.context.newPage();
      await withScript.goto(url);
      await waitForReport(ext.worker, url);
      const without = await context.newPage();
      await without.goto(url);
      added.push((await usedHeap(withScript)) - (await usedHeap(without)));
      await withScript.close();
      await without.close();
    }
    added.sort((a, b) => a - b);
    return (added[Math.floor(added.length / 2)] ?? Number.NaN) / 1024;
  } finally {
    await plain.close();
  }
}
