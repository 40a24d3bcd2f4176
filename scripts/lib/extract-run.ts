/** Runs the real extension over saved pages and returns each page's report, as the content script sent it. */
import type { PageExtract } from '../../lib/extract/schema';
import { type ExtensionBrowser, waitForReport } from './browser';

/** One page to extract. */
export interface PageToExtract {
  file: string;
  url: string;
  /** Absolute path of the saved HTML. */
  path: string;
}

/** What came back for one page. */
export interface ExtractOutcome {
  page: PageToExtract;
  extract: PageExtract | null;
  error: string | null;
}

/**
 * Visits every page in its own tab (so no page sees another's facts) and collects the content script's report.
 * Pages must already be served (see `servePages`).
 */
export async function extractAll(
  ext: ExtensionBrowser,
  pages: PageToExtract[],
  concurrency = 3,
): Promise<ExtractOutcome[]> {
  const outcomes: ExtractOutcome[] = new Array(pages.length);
  let next = 0;
  async function worker() {
    while (next < pages.length) {
      const index = next++;
      const page = pages[index] as PageToExtract;
      const tab = await ext.context.newPage();
      try {
        await tab.goto(page.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
        const report = await waitForReport(ext.worker, page.url, 20_000);
        outcomes[index] = { page, extract: report.extract as PageExtract, error: null };
      } catch (error) {
        outcomes[index] = {
          page,
          extract: null,
          error: error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : String(error),
        };
      } finally {
        await tab.close().catch(() => {});
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, pages.length) }, worker));
  return outcomes;
}
