/**
 * Every view of the extension passes axe-core's WCAG 2.1 A and AA rules in the light and the dark theme: no
 * violation of impact "serious" or "critical". Lesser ones are printed with the test's output, not failed on.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ROOT } from '../../scripts/lib/browser';
import { expect, forgetTab, listWithSaved, openBlankTab, PAGES, test } from './fixtures';

const WCAG_21_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now, once in each colour scheme, with every `<details>` opened so that what
 * they hold is checked too. Fails softly (so that both schemes and every view are reported in one run) on any
 * serious or critical violation, naming the rule, the element and what is wrong with it.
 */
async function expectAccessible(page: Page, view: string): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_A_AA).analyze();
    const found = (failing: boolean) =>
      violations
        .filter((v) => FAILING_IMPACTS.has(v.impact ?? '') === failing)
        .flatMap((v) =>
          v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary ?? v.help}`),
        );
    const lesser = found(false);
    if (lesser.length > 0)
      console.warn(
        `${view}, ${colorScheme}: moderate or minor accessibility issues\n  ${lesser.join('\n  ')}`,
      );
    expect.soft(found(true), `${view}, ${colorScheme}: serious or critical violations`).toEqual([]);
  }
}

test('the side panel with a verdict passes the WCAG 2.1 AA checks in light and dark', async ({
  visit,
  openPanel,
}) => {
  const { tabId } = await visit(PAGES.lumenfold);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('tier')).toHaveText('Tier 1');
  await expectAccessible(panel, 'side panel, verdict');
});

test('the side panel with nothing to show passes the WCAG 2.1 AA checks in light and dark', async ({
  ext,
  visit,
  openPanel,
}) => {
  // A tab it cannot read…
  const { page: blank, tabId: blankTab } = await openBlankTab(ext);
  const cannotRead = await openPanel({ tabId: blankTab });
  await expect(cannotRead.getByTestId('empty')).toContainText('ICP Lens cannot read this page');
  await expectAccessible(cannotRead, 'side panel, a page it cannot read');
  // …and a web page it holds nothing for (as one open since before ICP Lens was installed).
  const { tabId } = await visit(PAGES.lumenfold);
  await forgetTab(ext, tabId);
  const nothingYet = await openPanel({ tabId });
  await expect(nothingYet.getByTestId('empty')).toContainText('No company on this page yet');
  await expectAccessible(nothingYet, 'side panel, no company yet');
  await blank.close();
});

test('the prospect list and its "Why?" dialog pass the WCAG 2.1 AA checks in light and dark', async ({
  ext,
  visit,
  openPanel,
}) => {
  // Three verdicts, so three tiers' colours: Tier 1, Tier 3 and Not a fit.
  const list = await listWithSaved({ ext, visit, openPanel }, [
    PAGES.lumenfold,
    PAGES.fernbridge,
    PAGES.civicLedger,
  ]);
  await expect(list.getByTestId('prospect-row')).toHaveCount(3);
  await expectAccessible(list, 'prospect list');

  await list.getByRole('button', { name: 'Why Lumenfold: Tier 1' }).click();
  await expect(list.getByTestId('why-dialog')).toBeVisible();
  await expectAccessible(list, 'prospect list, "Why?" open');
  await list.close();
});

test('the options page with the ICP editor open passes the WCAG 2.1 AA checks in light and dark', async ({
  ext,
}) => {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByRole('button', { name: 'Edit the ICP' }).click();
  await expect(options.getByTestId('save-icp')).toBeVisible();
  await expectAccessible(options, 'options, ICP editor');
  await options.close();
});

test("the options page's calibration passes the WCAG 2.1 AA checks in light and dark, before and after an import", async ({
  ext,
}) => {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options
    .getByTestId('accounts-file')
    .setInputFiles(path.join(ROOT, 'test/fixtures/accounts/sample-accounts.csv'));
  const mapping = options.getByTestId('mapping-step');
  await expect(mapping).toBeVisible();
  await expectAccessible(options, 'options, calibration column mapping');
  await mapping.getByRole('button', { name: /^Import / }).click();
  await expect(options.getByTestId('tier-table')).toBeVisible();
  await expect(options.getByTestId('suggestions')).toBeVisible();
  await expectAccessible(options, 'options, calibration report');
  await options.close();
});
