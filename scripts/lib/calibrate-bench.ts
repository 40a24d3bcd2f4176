/**
 * The calibration import in the options page, in Chromium with the real extension: 20,000 generated accounts
 * from choosing the file to the per-tier table, and the longest task that blocked the page meanwhile.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExtensionBrowser } from './browser';
import { makeSampleAccountsCsv } from './sample-accounts';

/** Seconds from choosing a 20,000-row file to the table (mapping step confirmed at once), and the longest task. */
export async function measureCalibrateImport(
  ext: ExtensionBrowser,
  rows = 20_000,
): Promise<{ importS: number; longestTaskMs: number }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'icp-lens-accounts-')), 'accounts-20k.csv');
  writeFileSync(file, makeSampleAccountsCsv(rows, 20));
  const page = await ext.context.newPage();
  try {
    await page.goto(ext.pageUrl('options.html'));
    await page.getByTestId('calibrate').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { longestTask: number };
      w.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longestTask = Math.max(w.longestTask, entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const started = Date.now();
    await page.getByTestId('accounts-file').setInputFiles(file);
    await page
      .getByTestId('mapping-step')
      // "Import 20,000 rows", or "Import 19,990 of 20,000 rows (10 left out)" where some outcome reads as none.
      .getByRole('button', { name: new RegExp(`^Import (.+ of )?${rows.toLocaleString('en-US')} rows`) })
      .click();
    await page.getByTestId('calibrate-status').getByText('Imported').waitFor({ timeout: 120_000 });
    await page.getByTestId('tier-table').waitFor();
    const importS = (Date.now() - started) / 1000;
    const longestTaskMs = await page.evaluate(
      () => (window as unknown as { longestTask: number }).longestTask,
    );
    // The page asks before deleting: yes.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete imported accounts' }).click();
    await page.getByTestId('calibrate-status').getByText('Imported accounts deleted').waitFor();
    return { importS, longestTaskMs };
  } finally {
    await page.close();
  }
}
