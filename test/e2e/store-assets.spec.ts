/**
 * The store listings' screenshots, taken from the real extension on the bundled sample pages: the side panel
 * beside the company's site, and the prospect list. Written to `.output/store/` (not committed: every run of
 * the suite makes them afresh from the current build).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/browser';
import { expect, PAGES, test } from './fixtures';

const OUT = path.join(ROOT, '.output/store');

test('store screenshots: the side panel and the prospect list, at 1280×800', async ({
  ext,
  visit,
  openPanel,
}) => {
  mkdirSync(OUT, { recursive: true });
  const { tabId } = await visit(PAGES.lumenfold);
  const panel = await openPanel({ tabId });
  await panel.setViewportSize({ width: 420, height: 800 });
  await expect(panel.getByTestId('tier')).toBeVisible();
  await panel.getByTestId('save-prospect').click();
  await expect(panel.getByTestId('saved')).toBeVisible();
  // The verdict at the top, as the rep first sees it (saving scrolled the button into view).
  await panel.evaluate(() => window.scrollTo(0, 0));
  const panelShot = await panel.screenshot({ path: path.join(OUT, 'sidepanel-420x800.png') });
  expect(panelShot.length).toBeGreaterThan(10_000);

  for (const url of [PAGES.fernbridge, PAGES.civicLedger, PAGES.quarryPeak]) {
    const other = await visit(url);
    const otherPanel = await openPanel({ tabId: other.tabId });
    await otherPanel.getByTestId('save-prospect').click();
    await expect(otherPanel.getByTestId('saved')).toBeVisible();
    await otherPanel.close();
  }
  const list = await ext.context.newPage();
  await list.setViewportSize({ width: 1280, height: 800 });
  await list.goto(ext.pageUrl('list.html'));
  await expect(list.getByTestId('prospect-row').first()).toBeVisible();
  const listShot = await list.screenshot({ path: path.join(OUT, 'list-1280x800.png') });
  expect(listShot.length).toBeGreaterThan(10_000);
  await list.close();
  await panel.close();
});
