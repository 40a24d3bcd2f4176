import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_ICP } from '../../lib/icp/default-icp';
import { ROOT } from '../../scripts/lib/browser';
import { expect, PAGES, test } from './fixtures';

const SAMPLE = path.join(ROOT, 'test/fixtures/accounts/sample-accounts.csv');

async function importCsv(page: Page, file: string, rows: number): Promise<void> {
  await page.getByTestId('accounts-file').setInputFiles(file);
  const mapping = page.getByTestId('mapping-step');
  await expect(mapping).toBeVisible();
  await mapping
    .getByRole('button', { name: new RegExp(`^Import (.* of )?${rows.toLocaleString('en-US')} rows`) })
    .click();
  await expect(page.getByTestId('calibrate-status')).toContainText('Imported');
}

test('a manager imports CRM accounts, reads the per-tier table and adopts a suggestion into the draft', async ({
  ext,
}) => {
  const page = await ext.context.newPage();
  await page.goto(ext.pageUrl('options.html'));
  await page.getByTestId('accounts-file').setInputFiles(SAMPLE);
  const mapping = page.getByTestId('mapping-step');
  // The HubSpot headers are guessed; the manager could correct any of them here.
  await expect(mapping.getByLabel('Outcome or deal stage')).toHaveValue('Deal Stage');
  await expect(mapping.getByLabel('Domain or website')).toHaveValue('Company Domain Name');
  // The sample's "maybe later" stage (4 rows) is no outcome: listed, and left out unless the manager chooses.
  await expect(mapping.getByRole('rowheader', { name: 'maybe later' })).toBeVisible();
  await mapping.getByRole('button', { name: 'Import 1,496 of 1,500 rows (4 left out)' }).click();

  const status = page.getByTestId('calibrate-status');
  await expect(status).toContainText(
    /Imported [\d,]+ accounts from sample-accounts\.csv; 4 rows left out as chosen \(outcome not imported\); \d+ rows? with a value left unread; \d+ rows? rejected \(see below\)\./,
  );
  const imported = Number(
    (/Imported ([\d,]+)/.exec((await status.textContent()) ?? '')?.[1] ?? '').replace(',', ''),
  );
  const rejected = Number(/; (\d+) rows? rejected/.exec((await status.textContent()) ?? '')?.[1]);
  expect(imported + rejected + 4).toBe(1500);

  // Every imported account is in one tier, as won, lost or open.
  const table = page.getByTestId('tier-table');
  let total = 0;
  for (const tier of ['tier_1', 'tier_2', 'tier_3', 'not_a_fit', 'not_enough_known']) {
    const cells = await table.getByTestId(`tier-table-${tier}`).locator('td').allTextContents();
    total += cells.slice(0, 3).reduce((s, c) => s + Number(c.replace(',', '')), 0);
  }
  expect(total).toBe(imported);
  await expect(table.getByTestId('tier-table-tier_1')).toContainText('Tier 1');
  await expect(page.getByTestId('calibrate-headline')).toContainText(/Tier 1 wins \d+%.*AUC 0\.\d\d/);
  await expect(page.getByTestId('criteria-table')).toContainText('Software, IT or internet');
  // "lots" employees leave the count unknown, the account imported; a domain that is none rejects the row.
  const unread = page.getByTestId('calibrate-partly-read');
  await unread.locator('summary').click();
  await expect(unread).toContainText(/Line \d+: employees: "lots"/);
  const rejectedList = page.locator('.calibrate-rejected').filter({ hasText: 'rejected' });
  await rejectedList.locator('summary').click();
  await expect(rejectedList).toContainText(/Line \d+: domain: "not a domain"/);
  await expect(rejectedList).not.toContainText('maybe later');
  await expect(rejectedList).not.toContainText('"lots"');

  // Adopt the first suggestion: it lands in the editor's draft, unsaved.
  const suggestion = page.getByTestId('suggestions').getByRole('listitem').first();
  const label = (await suggestion.locator('strong').textContent()) ?? '';
  expect(label).not.toBe('');
  const scrolled = await page.evaluate(() => window.scrollY);
  await suggestion.getByRole('button', { name: /^Add to draft/ }).click();
  await expect(page.getByTestId('editor-status')).toContainText('Added a suggestion from the calibration');
  // The page stays where the rep was: the editor opening for it takes no focus to its top.
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).not.toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled / 2);
  await expect(page.getByTestId('save-icp')).toBeEnabled();
  await expect(page.getByRole('button', { name: `Add to draft: ${label}` })).toHaveCount(0);
  const saved = await ext.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<object> } } } }
    ).chrome.storage.sync.get('icp'),
  );
  expect(saved).toEqual({});

  // The draft and the ICP in force, side by side on the same accounts.
  await page.getByLabel('Compare with').selectOption('draft');
  await expect(page.getByTestId('comparison')).toContainText(
    /\d+ accounts? moves? up a tier, \d+ moves? down/,
  );
  await expect(page.getByTestId('tier-table-other')).toBeVisible();
  await page.close();
});

test('a won account shows as a customer in the side panel and the list, until the import is deleted', async ({
  ext,
  visit,
  openPanel,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'accounts-'));
  const csv = path.join(dir, 'customers.csv');
  writeFileSync(
    csv,
    'Account Name;Website;Stage\nLumenfold;https://www.lumenfold.io;Closed Won\nFernbridge;fernbridge.de;Closed Lost\n',
  );
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await importCsv(options, csv, 2);

  const { tabId } = await visit(PAGES.lumenfold);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('customer-badge')).toContainText('Already a customer');
  await panel.getByTestId('save-prospect').click();
  const list = await ext.context.newPage();
  await list.goto(ext.pageUrl('list.html'));
  const row = list.getByTestId('prospect-row').filter({ hasText: 'Lumenfold' });
  await expect(row.getByTestId('customer-badge')).toHaveText('Customer');

  const fernbridge = await visit(PAGES.fernbridge);
  const lostPanel = await openPanel({ tabId: fernbridge.tabId });
  await expect(lostPanel.getByTestId('company-name')).toBeVisible();
  await expect(lostPanel.getByTestId('customer-badge')).toHaveCount(0);

  // Asked first: dismissed, the accounts stay (the badge with them); accepted, they go.
  const asked: string[] = [];
  options.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void (asked.length === 1 ? dialog.dismiss() : dialog.accept());
  });
  await options.getByRole('button', { name: 'Delete imported accounts' }).click();
  await expect
    .poll(() => asked)
    .toEqual([
      expect.stringMatching(
        /^Delete the [\d,]+ imported accounts\? Their "already a customer" marks go too\.$/,
      ),
    ]);
  await expect(options.getByTestId('calibrate-status')).not.toContainText('deleted');
  await expect(options.getByTestId('tier-table')).toBeVisible();
  await options.getByRole('button', { name: 'Delete imported accounts' }).click();
  await expect(options.getByTestId('calibrate-status')).toContainText('Imported accounts deleted');
  expect(asked).toHaveLength(2);
  await expect(panel.getByTestId('customer-badge')).toHaveCount(0);
  await expect(row.getByTestId('customer-badge')).toHaveCount(0);
});

test('a file it cannot use is refused with a clear message, and the earlier import stays', async ({
  ext,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'accounts-'));
  const good = path.join(dir, 'good.csv');
  writeFileSync(good, 'Name,Domain,Stage\nAcme,acme.com,won\nBeta,beta.io,lost\nGamma,gamma.de,open\n');
  const colons = path.join(dir, 'colons.csv');
  writeFileSync(colons, 'Name:Domain:Stage\nAcme:acme.com:won\n');
  const page = await ext.context.newPage();
  await page.goto(ext.pageUrl('options.html'));
  await importCsv(page, good, 3);
  await expect(page.getByTestId('calibrate-source')).toContainText('3 accounts from good.csv');

  await page.getByTestId('accounts-file').setInputFiles(colons);
  await expect(page.getByRole('alert')).toContainText('Not imported: colons.csv: Only one column found');
  await expect(page.getByTestId('mapping-step')).toHaveCount(0);
  // No outcome read at all (the stage column holds something else): said before importing, and no import.
  const noOutcome = path.join(dir, 'no-outcome.csv');
  writeFileSync(noOutcome, 'Name,Domain,Stage\nAcme,acme.com,=1+1\nBeta,beta.io,soon\n');
  await page.getByTestId('accounts-file').setInputFiles(noOutcome);
  await expect(page.getByRole('alert')).toContainText('No value of “Stage” reads as won, lost or open');
  await expect(page.getByTestId('mapping-step').getByRole('button', { name: /^Import/ })).toBeDisabled();
  await page.getByTestId('mapping-step').getByRole('button', { name: 'Cancel' }).click();
  // Every row unreadable for another reason: nothing replaces the earlier import.
  const unreadable = path.join(dir, 'unreadable.csv');
  writeFileSync(unreadable, 'Name,Domain,Stage\n,not a domain,won\n,also not,lost\n');
  await page.getByTestId('accounts-file').setInputFiles(unreadable);
  await page.getByTestId('mapping-step').getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Not imported: no row of unreadable.csv could be read (line 2: domain: "not a domain" is not a domain',
  );
  await page.reload();
  await expect(page.getByTestId('calibrate-source')).toContainText('3 accounts from good.csv');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete imported accounts' }).click();
  await expect(page.getByTestId('calibrate-source')).toHaveCount(0);
});

test('figures that rest on part of the file, or on won deals alone, say so above them', async ({ ext }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'accounts-'));
  const custom = path.join(dir, 'custom-stages.csv');
  const rows = [
    ...Array.from({ length: 7 }, (_, i) => `Won ${i},won${i}.example,Closed Won,200`),
    ...Array.from({ length: 3 }, (_, i) => `Lots ${i},lots${i}.example,Closed Won,lots`),
    // Rows of the wrong shape are left out too (and are no rows to import).
    ...Array.from({ length: 2 }, (_, i) => `Shifted ${i},shifted${i}.example,Closed Won,200,extra`),
  ];
  writeFileSync(custom, `Name,Domain,Stage,Employees\n${rows.join('\n')}\n`);
  const page = await ext.context.newPage();
  await page.goto(ext.pageUrl('options.html'));
  await importCsv(page, custom, 10);
  await expect(page.getByTestId('calibrate-rejected-warning')).toContainText(
    '17% of the rows (2 of 12) could not be read and are left out of every figure below. Most of those shown fail on their number of cells (2), e.g. line 12:',
  );
  // "lots" as the head count: the accounts count, their head count unknown, and the column is pointed at.
  await expect(page.getByTestId('calibrate-partly-read-warning')).toContainText(
    '25% of the rows (3 of 12) are imported with a value left unread, which the figures below count as unknown. Most of those shown fail on “employees” (3), e.g. line 9: employees:',
  );
  await expect(page.getByTestId('calibrate-one-sided')).toContainText(
    'No lost deal among them: the win rates compare nothing.',
  );
  // The per-criterion table tells what no import can show from what too few accounts show.
  await expect(page.getByTestId('criteria-table')).toContainText(
    'not in the import (no column for it, or an empty one)',
  );

  // A file to compare with that cannot be read says so beside its button, until a good one is chosen.
  await page.getByLabel('Compare with').selectOption('file');
  const compareFile = page.locator('.calibrate-compare input[type="file"]');
  await compareFile.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{'),
  });
  await expect(page.getByTestId('compare-error')).toContainText(
    'Not compared: broken.json is not valid JSON',
  );
  await compareFile.setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...DEFAULT_ICP, name: 'Other ICP', version: 3 })),
  });
  await expect(page.getByTestId('comparison')).toContainText('The file “Other ICP” v3');
  await expect(page.getByTestId('compare-error')).toHaveCount(0);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete imported accounts' }).click();
  await page.close();
});

test("a team's own deal stages are chosen as won, lost or open in the mapping step, not rejected", async ({
  ext,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'accounts-'));
  const custom = path.join(dir, 'own-stages.csv');
  const rows = [
    ...Array.from({ length: 4 }, (_, i) => `Renewed ${i},renewed${i}.example,Signed - Renewal`),
    ...Array.from({ length: 3 }, (_, i) => `Elsewhere ${i},elsewhere${i}.example,Went with competitor`),
    ...Array.from({ length: 2 }, (_, i) => `Won ${i},won${i}.example,Closed Won`),
    'Junk,junk.example,Spam',
  ];
  writeFileSync(custom, `Name,Domain,Stage\n${rows.join('\n')}\n`);
  const page = await ext.context.newPage();
  await page.goto(ext.pageUrl('options.html'));
  await page.getByTestId('accounts-file').setInputFiles(custom);
  const mapping = page.getByTestId('mapping-step');
  const wordings = page.getByTestId('outcome-wordings');
  // Each value once, most rows first, with what it is read as; the unknown ones are said to be left out by
  // choice, and the import button counts them.
  await expect(wordings).toContainText(
    'What each value of Stage means. 8 rows have values read as no outcome: they are not imported, and left out of the figures rather than counted as errors.',
  );
  await expect(wordings.getByRole('rowheader')).toHaveText([
    'Signed - Renewal',
    'Went with competitor',
    'Closed Won',
    'Spam',
  ]);
  await expect(wordings.getByLabel('Read “Closed Won” as')).toHaveValue('won');
  await expect(wordings.getByRole('row', { name: /Closed Won/ })).toContainText('guessed');
  await expect(wordings.getByLabel('Read “Signed - Renewal” as')).toHaveValue('');
  await expect(mapping.getByRole('button', { name: 'Import 2 of 10 rows (8 left out)' })).toBeVisible();
  await wordings.getByLabel('Read “Signed - Renewal” as').selectOption('won');
  await wordings.getByLabel('Read “Went with competitor” as').selectOption({ label: 'Lost' });
  await expect(wordings).toContainText('1 row has a value read as no outcome: it is not imported');
  await expect(wordings.getByRole('row', { name: /Signed - Renewal/ })).not.toContainText('guessed');

  // Another column for the outcome, then back: the choices made for Stage are still there.
  const outcomeColumn = mapping.getByLabel('Outcome or deal stage');
  await outcomeColumn.selectOption('Name');
  // Ten names, none an outcome: most likely the wrong column, said above the list, and nothing to import.
  await expect(page.getByTestId('outcome-column-warning')).toContainText(
    '“Name” has 10 different values, none of them read as won, lost or open',
  );
  await expect(mapping.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await outcomeColumn.selectOption('Stage');
  await expect(wordings.getByLabel('Read “Signed - Renewal” as')).toHaveValue('won');

  await mapping.getByRole('button', { name: 'Import 9 of 10 rows (1 left out)' }).click();
  await expect(page.getByTestId('calibrate-status')).toContainText(
    'Imported 9 accounts from own-stages.csv; 1 row left out as chosen (outcome not imported).',
  );
  // The keyboard goes on from the import's status, not from the top of the page.
  await expect(page.getByTestId('calibrate-status')).toBeFocused();
  // The row left out is no error. A name, a domain and a stage are nothing the ICP weighs: the headline says
  // so, and which columns to map, instead of a row of dashes.
  await expect(page.getByTestId('calibrate-headline')).toContainText(
    'None of the 9 accounts shows anything the ICP weighs: every one is “Not enough known”',
  );
  await expect(page.getByTestId('tier-table-not_enough_known')).toContainText('Not enough known');
  await expect(page.locator('.calibrate-rejected')).toHaveCount(0);
  await expect(page.getByTestId('calibrate-rejected-warning')).toHaveCount(0);
  await expect(page.getByTestId('calibrate-source')).toContainText('1 row left out as chosen');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete imported accounts' }).click();
  await page.close();
});
