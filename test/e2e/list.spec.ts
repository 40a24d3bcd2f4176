import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import Papa from 'papaparse';
import type { CompanyFacts } from '../../lib/extract/schema';
import { scoreCompany } from '../../lib/icp';
import { DEFAULT_ICP } from '../../lib/icp/default-icp';
import type { ExtensionGlobals } from '../../scripts/lib/browser';
import { seedProspects } from '../../scripts/lib/list-bench';
import { machineryIcp } from '../helpers/icps';
import { expect, listWithSaved, PAGES, test } from './fixtures';

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

/** Saves Lumenfold and Fernbridge from the side panel, then opens the list page. */
function listWithSamples(fixtures: Pick<Fixtures, 'ext' | 'visit' | 'openPanel'>) {
  return listWithSaved(fixtures, [PAGES.lumenfold, PAGES.fernbridge]);
}

/** The list page with `count` generated prospects in it. */
/** The company name a row of the list shows (its link). */
async function rowName(row: Locator): Promise<string> {
  return ((await row.getByRole('link').textContent()) ?? '').trim();
}

async function seededList(ext: Fixtures['ext'], count: number) {
  const list = await ext.context.newPage();
  await list.goto(ext.pageUrl('list.html'));
  await list.getByTestId('list-total').waitFor();
  await seedProspects(list, count);
  await list.reload();
  // The rows are on screen before a test scrolls them: scrolled while still empty, the box would stay at the top.
  if (count > 0) await list.getByTestId('prospect-row').first().waitFor();
  return list;
}

test('the prospect list re-scores on an ICP change, and exports a CSV that parses back', async ({
  ext,
  visit,
  openPanel,
}) => {
  const list = await listWithSamples({ ext, visit, openPanel });
  await expect(list.getByTestId('rows')).toContainText('Lumenfold');
  await expect(list.getByTestId('rows')).toContainText('Fernbridge Maschinenbau');
  // The name opens the company's own site, not the page it was saved from (its imprint).
  await expect(list.getByRole('link', { name: 'Fernbridge Maschinenbau' })).toHaveAttribute(
    'href',
    'https://fernbridge.de/',
  );

  // The manager's ICP now wants machinery makers, not software companies.
  const machinery = machineryIcp(7);
  await ext.worker.evaluate(
    (icp) =>
      (
        globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
      ).chrome.storage.sync.set({ icp }),
    machinery,
  );
  await expect(list.getByTestId('rescore')).toContainText(/ICP v7: [1-9]\d* moved up, [1-9]\d* moved down/);
  await list.getByRole('button', { name: 'Show the movers' }).click();
  await expect(list.getByTestId('rows')).toContainText('Fernbridge Maschinenbau');

  await list.getByLabel('Search by name or domain').fill('lumen');
  await expect(list.getByTestId('prospect-row')).toHaveCount(1);
  await list.getByLabel('Search by name or domain').fill('');
  await list.getByRole('button', { name: 'Show all' }).click();
  await list.getByLabel('Industry').selectOption('industrial-machinery');
  await expect(list.getByTestId('rows')).toContainText('Fernbridge Maschinenbau');
  await expect(list.getByTestId('rows')).not.toContainText('Lumenfold');
  await list.getByLabel('Industry').selectOption('');
  // A country by its name, in English or German, as well as by its code (Fernbridge is in Germany); one that
  // it is not in, or that names no country, finds it not, and the list's box says so.
  const search = list.getByLabel('Search by name or domain');
  const country = list.getByLabel('Country', { exact: true });
  await search.fill('fernbridge');
  for (const name of ['Germany', 'Deutschland', 'de']) {
    await country.fill(name);
    await expect(list.getByTestId('prospect-row')).toHaveCount(1);
  }
  for (const name of ['France', 'Atlantis']) {
    await country.fill(name);
    await expect(list.getByTestId('prospect-row')).toHaveCount(0);
    await expect(list.getByTestId('rows')).toContainText('No prospects match these filters.');
  }
  await country.fill('');
  await search.fill('');
  // Each score says what it rests on: how much of the profile the pages showed.
  await expect(list.getByTestId('prospect-row').filter({ hasText: 'Lumenfold' })).toContainText(/\d+% known/);

  const [download] = await Promise.all([
    list.waitForEvent('download'),
    list.getByRole('button', { name: 'Export for HubSpot' }).click(),
  ]);
  const csv = readFileSync((await download.path()) as string, 'utf8');
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  const fernbridge = rows.find((r) => r['Company name'] === 'Fernbridge Maschinenbau');
  expect(fernbridge).toMatchObject({
    'Company domain name': 'fernbridge.de',
    Industry: 'MACHINERY',
    'ICP version': 'Machinery v7',
  });
  expect(rows.find((r) => r['Company name'] === 'Lumenfold')?.['Ideal Customer Profile Tier']).not.toBe(
    'tier_1',
  );

  // The tier counts follow a delete and its undo made while a filter shows (the list then counts apart), and
  // agree with the whole list's own tally.
  const total = list.getByTestId('list-total');
  const saved = async () => Number(/^(\d+) saved/.exec((await total.textContent()) ?? '')?.[1]);
  const before = await saved();
  await list.getByLabel('Industry').selectOption('industrial-machinery');
  await list.getByLabel('Select Fernbridge Maschinenbau').check();
  await list.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(total).toContainText(`${before - 1} saved`);
  // The pressed button is gone with the selection: the keyboard goes on to Undo, not to the top of the page.
  await expect(list.getByRole('button', { name: 'Undo' })).toBeFocused();
  await expect(list.getByText(/^Deleted Fernbridge Maschinenbau\. /)).toBeVisible();
  // Which a screen reader says with the button, where the keyboard is.
  await expect(list.getByRole('button', { name: 'Undo' })).toHaveAccessibleDescription(
    'Deleted Fernbridge Maschinenbau.',
  );
  const filtered = await total.textContent();
  await list.getByLabel('Industry').selectOption('');
  await expect(total).toHaveText(filtered ?? '');
  await list.getByLabel('Industry').selectOption('industrial-machinery');
  await list.getByRole('button', { name: 'Undo' }).press('Enter');
  await expect(total).toContainText(`${before} saved`);
  await expect(list.getByLabel('Search by name or domain')).toBeFocused();
  await list.close();
});

test('a filter drops hidden rows from the selection, an export takes the selection, and a note is kept as typed', async ({
  ext,
  visit,
  openPanel,
}) => {
  const list = await listWithSamples({ ext, visit, openPanel });
  await expect(list.getByTestId('rows')).toContainText('Fernbridge Maschinenbau');

  // A search finds a company from any word of its name, not only from its start.
  const search = list.getByLabel('Search by name or domain');
  await search.fill('masch');
  await expect(list.getByTestId('rows')).toContainText('Fernbridge Maschinenbau');
  await expect(list.getByTestId('rows')).not.toContainText('Lumenfold');
  await search.fill('');
  await expect(list.getByTestId('rows')).toContainText('Lumenfold');

  // Both selected, then a filter that hides Fernbridge: only what is shown stays selected.
  await list.getByLabel('Select Lumenfold').check();
  await list.getByLabel('Select Fernbridge Maschinenbau').check();
  await expect(list.getByRole('region', { name: 'Bulk actions' })).toContainText('2 selected');
  await list.getByLabel('Search by name or domain').fill('lumen');
  await expect(list.getByRole('region', { name: 'Bulk actions' })).toContainText('1 selected');
  await list.getByLabel('Search by name or domain').fill('');
  await expect(list.getByTestId('rows')).toContainText('Fernbridge Maschinenbau');

  // The head's box selects every row shown, and is partly checked while only some are (Lumenfold alone now).
  const selectAll = list.getByRole('checkbox', { name: /^Select all \d+ shown$/ });
  await expect(list.getByTestId('list-head')).toContainText('TierCompanyScoreStatusNotesTags');
  await expect(selectAll).toHaveJSProperty('indeterminate', true);
  await selectAll.check();
  const shown = await list.getByTestId('prospect-row').count();
  await expect(list.getByRole('region', { name: 'Bulk actions' })).toContainText(`${shown} selected`);
  await expect(selectAll).toHaveJSProperty('indeterminate', false);
  await list.getByLabel('Select Fernbridge Maschinenbau').uncheck();
  await expect(selectAll).not.toBeChecked();
  await expect(selectAll).toHaveJSProperty('indeterminate', true);
  // A filter narrows it to what is shown.
  await list.getByLabel('Search by name or domain').fill('lumen');
  await expect(list.getByRole('checkbox', { name: 'Select all 1 shown' })).toBeChecked();
  await selectAll.uncheck();
  await expect(list.getByRole('region', { name: 'Bulk actions' })).toHaveCount(0);
  await list.getByLabel('Select Lumenfold').check();
  await list.getByLabel('Search by name or domain').fill('');
  await expect(list.getByTestId('rows')).toContainText('Fernbridge Maschinenbau');

  // The export takes the selected row only, and says so.
  const [download] = await Promise.all([
    list.waitForEvent('download'),
    list.getByRole('button', { name: 'Export 1 selected for HubSpot' }).click(),
  ]);
  const csv = readFileSync((await download.path()) as string, 'utf8');
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  expect(rows.map((r) => r['Company name'])).toEqual(['Lumenfold']);

  /** Each prospect's notes and tags as the database holds them (read by the service worker). */
  const saved = () =>
    ext.worker.evaluate(async () => {
      const list = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('icp-lens');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const rows = await new Promise<Array<{ notes: string; tags: string[] }>>((resolve) => {
        const all = list.transaction('prospects').objectStore('prospects').getAll();
        all.onsuccess = () => resolve(all.result);
      });
      list.close();
      return rows.map(({ notes, tags }) => ({ notes, tags }));
    });

  // A note typed and never left (no blur, no Enter) is saved a moment after the last key.
  await list.getByLabel('Notes on Fernbridge Maschinenbau').fill('Call after the trade fair');
  await expect.poll(async () => (await saved()).map((p) => p.notes)).toContain('Call after the trade fair');
  await list.reload();
  await expect(list.getByLabel('Notes on Fernbridge Maschinenbau')).toHaveValue('Call after the trade fair');
  await list.close();

  // A note, then tags, typed just before the tab is closed (no blur, no pause) are saved as it closes.
  for (const [field, value] of [
    ['Notes on Lumenfold', 'Ask about the Q3 budget'],
    ['Tags of Lumenfold', 'q3, berlin'],
  ]) {
    const closing = await ext.context.newPage();
    await closing.goto(ext.pageUrl('list.html'));
    await closing.getByLabel(field as string).fill(value as string);
    await closing.close({ runBeforeUnload: true });
  }
  await expect.poll(saved).toContainEqual({ notes: 'Ask about the Q3 budget', tags: ['q3', 'berlin'] });

  // Tags typed twice in another case are kept once, the field shows them as kept, and the filter takes any case.
  const tags = await ext.context.newPage();
  await tags.goto(ext.pageUrl('list.html'));
  await tags.getByLabel('Tags of Lumenfold').fill('q3, Berlin, Q3,  ');
  await tags.getByLabel('Tags of Lumenfold').press('Enter');
  await expect(tags.getByLabel('Tags of Lumenfold')).toHaveValue('q3, Berlin');
  await tags.getByLabel('Tag', { exact: true }).fill('BERLIN');
  await expect(tags.getByTestId('prospect-row')).toHaveCount(1);
  await expect(tags.getByTestId('rows')).toContainText('Lumenfold');
  await tags.close();
});

test('with a filter or search on, the header says how many companies the list shows of all saved', async ({
  ext,
}) => {
  const list = await seededList(ext, 10);
  const shown = list.getByTestId('list-shown');
  await expect(list.getByTestId('list-total')).toContainText('10 saved');
  await expect(shown).toHaveCount(0);
  // Every fourth seeded company is in Tier 1 (0, 4 and 8).
  await list.getByLabel('Tier', { exact: true }).selectOption('tier_1');
  await expect(shown).toHaveText('Showing 3 of 10');
  await list.getByLabel('Search by name or domain').fill('company 000004');
  await expect(shown).toHaveText('Showing 1 of 10');
  await expect(list.getByTestId('prospect-row')).toHaveCount(1);
  // The whole list's counts stay as they are beside it.
  await expect(list.getByTestId('list-total')).toContainText('10 saved');
  await list.getByLabel('Search by name or domain').fill('');
  await list.getByLabel('Tier', { exact: true }).selectOption('');
  await expect(shown).toHaveCount(0);
  await list.close();
});

test('a delete’s line replaces a status change’s message, and its Undo stays offered across later actions', async ({
  ext,
}) => {
  const list = await seededList(ext, 6);
  const bulk = list.getByRole('region', { name: 'Bulk actions' });
  const selectAll = list.getByRole('checkbox', { name: 'Select all 6 shown' });
  await selectAll.check();
  await bulk.getByLabel('Set status of selected').selectOption('researching');
  await expect(list.getByText('Set 6 to Researching.')).toBeVisible();
  await bulk.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(list.getByText(/^Deleted 6 companies\. /)).toBeVisible();
  await expect(list.getByText('Set 6 to Researching.')).toHaveCount(0);
  await list.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByTestId('prospect-row')).toHaveCount(6);

  // A status change after a delete says what it did, and the delete can still be undone.
  await list.getByLabel('Select Company 000001').check();
  await bulk.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(list.getByText(/^Deleted Company 000001\.$/)).toBeVisible();
  await list.getByLabel('Select Company 000002').check();
  await bulk.getByLabel('Set status of selected').selectOption('contacted');
  await expect(list.getByText('Set 1 to Contacted.')).toBeVisible();
  await expect(list.getByText(/^Deleted Company 000001\.$/)).toBeVisible();

  // Another delete: Undo puts back the latest first, then the one before, the keyboard staying on it.
  await list.getByLabel('Select Company 000002').uncheck();
  await list.getByLabel('Select Company 000003').check();
  await bulk.getByRole('button', { name: 'Delete', exact: true }).click();
  const undo = list.getByRole('button', { name: 'Undo' });
  await expect(undo).toHaveAccessibleDescription(
    'Deleted Company 000003. 1 earlier delete can be undone after this one.',
  );
  // Two clicks in one go (a double click) put back the latest delete once and drop nothing: the one before is
  // still offered. Both clicks land before the first Undo has finished.
  await undo.focus();
  await undo.evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(list.getByTestId('prospect-row')).toHaveCount(5);
  await expect(undo).toBeFocused();
  // Both Undos have had time to finish: the earlier delete must still be offered, not dropped by the second.
  await list.waitForTimeout(500);
  await expect(undo).toHaveAccessibleDescription('Deleted Company 000001.');
  await undo.press('Enter');
  await expect(list.getByTestId('prospect-row')).toHaveCount(6);
  await expect(undo).toHaveCount(0);
  await expect(list.getByLabel('Search by name or domain')).toBeFocused();
  await list.close();
});

test('sorted by name, the list reads as a rep reads names: accents and capitals aside', async ({ ext }) => {
  const names = ['Zürich Data', 'émile SA', 'bravo GmbH', 'Äpfel & Co', 'Ökoplan GmbH', 'Apex Labs'];
  const prospects = names.map((name, i) => {
    const domain = `company-${i}.com`;
    const found = { source: 'jsonld', snippet: '', confidence: 0.9, alternatives: [] };
    const facts = { name: { ...found, value: name }, domain: { ...found, value: domain } } as CompanyFacts;
    const result = scoreCompany(facts, DEFAULT_ICP);
    return {
      domain,
      linkedinSlug: null,
      name,
      nameLower: name.toLowerCase(),
      facts,
      sourceUrls: [`https://${domain}/`],
      tier: result.tier,
      score: result.score,
      result,
      icpName: DEFAULT_ICP.name,
      icpVersion: 1,
      status: 'new',
      notes: '',
      tags: [],
      industryId: null,
      hqCountry: null,
      tierHistory: [],
      savedAt: i,
      updatedAt: i,
    };
  });
  const list = await ext.context.newPage();
  await list.goto(ext.pageUrl('list.html'));
  await list.getByTestId('list-total').waitFor();
  const chooser = list.waitForEvent('filechooser');
  await list.getByText('Restore…').click();
  await (await chooser).setFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'icp-lens-backup', version: 1, exportedAt: 1, prospects })),
  });
  await expect(list.getByText(/^Restored backup\.json: 6 added/)).toBeVisible();
  await list.getByLabel('Sort by').selectOption('name');
  const sorted = ['Apex Labs', 'Äpfel & Co', 'bravo GmbH', 'émile SA', 'Ökoplan GmbH', 'Zürich Data'];
  await expect(list.locator('.row-name a')).toHaveText(sorted);
  // A search sorts what it finds alike.
  await list.getByLabel('Search by name or domain').fill('company');
  await expect(list.getByTestId('list-shown')).toHaveText('Showing 6 of 6');
  await expect(list.locator('.row-name a')).toHaveText(sorted);
  await list.close();
});

test('a company whose page shows nothing the ICP weighs is counted and filtered as "Not enough known"', async ({
  ext,
  visit,
  openPanel,
}) => {
  const other = await visit(PAGES.lumenfold);
  const { page, tabId } = await visit(PAGES.ashgrove);
  const { windowId } = await ext.worker.evaluate(
    (id) => (globalThis as unknown as ExtensionGlobals).chrome.tabs.get(id),
    tabId,
  );
  // A panel that follows the window's active tab, as a rep's does.
  const panel = await openPanel({ windowId });
  await page.bringToFront();
  await expect(panel.getByTestId('tier')).toHaveText('Not enough known');
  await panel.getByTestId('save-prospect').click();
  await expect(panel.getByTestId('saved')).toBeVisible();
  await expect(panel.getByTestId('save-bar')).toContainText(
    'Saved to your list, under “Not enough known” until a page shows more.',
  );
  await expect(panel.getByTestId('saved')).toContainText(', as Not enough known');
  await expect(panel.getByLabel('Status of Ashgrove Studio')).toHaveValue('new');
  // Another tab, another company: nothing said of saving the first one stays on show.
  await other.page.bringToFront();
  await expect(panel.getByTestId('company-name')).toHaveText('Lumenfold');
  await expect(panel.getByTestId('save-bar')).not.toContainText('Saved to your list');

  const list = await ext.context.newPage();
  await list.goto(ext.pageUrl('list.html'));
  // Counted apart: the list holds Ashgrove alone (each test starts from an empty one).
  await expect(list.getByTestId('list-total')).toContainText('Not a fit: 0 · Not enough known: 1');
  const rows = list.getByTestId('rows');
  await expect(rows).toContainText('Ashgrove Studio');
  const tier = list.getByLabel('Tier', { exact: true });
  await tier.selectOption({ label: 'Not a fit' });
  await expect(rows).not.toContainText('Ashgrove Studio');
  await tier.selectOption({ label: 'Not enough known' });
  const ashgrove = list.getByTestId('prospect-row').filter({ hasText: 'Ashgrove Studio' });
  await expect(ashgrove).toContainText('Not enough known');
  // In the neutral colour the side panel gives it, not Not a fit's.
  await expect(ashgrove).toHaveClass(/\btier-unknown\b/);
  // No score, as in the panel (a 0 would read as a company that fits nothing).
  await expect(ashgrove.locator('.row-score')).toContainText(/^—/);
  await expect(list.getByTestId('prospect-row').filter({ hasNotText: 'Not enough known' })).toHaveCount(0);
  // What the rep tracks in the list shows in the panel on the company's page at once.
  await page.bringToFront();
  await expect(panel.getByTestId('company-name')).toHaveText('Ashgrove Studio');
  await list.getByLabel('Notes on Ashgrove Studio').fill('Design agency: ask for their client list');
  await list.getByLabel('Notes on Ashgrove Studio').blur();
  await list.getByLabel('Status of Ashgrove Studio').selectOption('researching');
  await expect(panel.getByLabel('Notes on Ashgrove Studio')).toHaveValue(
    'Design agency: ask for their client list',
  );
  await expect(panel.getByLabel('Status of Ashgrove Studio')).toHaveValue('researching');
  // And written in the panel, where the rep is looking at the company: the list shows it at once.
  // Enter starts a new line there, and the list keeps the line break.
  await panel.getByLabel('Notes on Ashgrove Studio').fill('Asked for the client list on Monday');
  await panel.getByLabel('Notes on Ashgrove Studio').press('Enter');
  await panel.getByLabel('Notes on Ashgrove Studio').pressSequentially('Next: case study');
  await panel.getByLabel('Notes on Ashgrove Studio').blur();
  await panel.getByLabel('Status of Ashgrove Studio').selectOption('contacted');
  await expect(list.getByLabel('Notes on Ashgrove Studio')).toHaveValue(
    'Asked for the client list on Monday\nNext: case study',
  );
  // The row's one-line field says there is more: the whole note on hover.
  await expect(list.getByLabel('Notes on Ashgrove Studio')).toHaveAttribute(
    'title',
    'Asked for the client list on Monday\nNext: case study',
  );
  await expect(list.getByLabel('Status of Ashgrove Studio')).toHaveValue('contacted');
  // A note typed in the panel just before it is closed (no Enter, no pause) is saved as it closes.
  const closing = await openPanel({ tabId });
  await closing.getByLabel('Notes on Ashgrove Studio').fill('Call back after the holidays');
  await closing.close({ runBeforeUnload: true });
  await expect(list.getByLabel('Notes on Ashgrove Studio')).toHaveValue('Call back after the holidays');
  await page.bringToFront();
  await expect(panel.getByTestId('company-name')).toHaveText('Ashgrove Studio');
  // And deleted from there: the panel offers to save it again.
  await list.getByLabel('Select Ashgrove Studio').check();
  await list.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(list.getByTestId('rows')).not.toContainText('Ashgrove Studio');
  await expect(panel.getByTestId('saved')).toHaveCount(0);
  await expect(panel.getByTestId('save-prospect')).toHaveText('Save to your list');
  await list.close();
});

test('the ICP editor previews a draft on the saved prospects: counts under both, and who would move', async ({
  ext,
  visit,
  openPanel,
}) => {
  const list = await listWithSamples({ ext, visit, openPanel });
  await list.close();
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByRole('button', { name: 'Edit the ICP' }).click();
  const industry = options.getByTestId('edit-industry');
  await industry.getByText('Manufacturing', { exact: true }).first().click();
  await industry.getByLabel('Industrial Machinery Manufacturing').check();
  const section = options.getByTestId('list-preview');
  await section.getByRole('button', { name: /^Preview on your [\d,]+ saved companies$/ }).click();
  // As saved from its page, Fernbridge shows too little for Tier 1 (the sample preview's copy shows more).
  await expect(section.getByRole('list', { name: 'Saved companies that would change tier' })).toContainText(
    'Fernbridge Maschinenbau: Tier 3 → Tier 2 (44.4 → 77.8)',
  );
  await expect(section.getByTestId('list-preview-summary')).toContainText(
    /Of [\d,]+ saved companies, [1-9][\d,]* would move up a tier, [\d,]+ down(, and [\d,]+ between Not a fit and Not enough known)?\./,
  );
  // The move shows in the counts: Tier 2 holds more under the draft.
  const tier2 = section.getByTestId('list-preview-tier_2');
  const [inForce, draft] = (await tier2.locator('td').allTextContents()).map((t) =>
    Number(t.replaceAll(',', '')),
  );
  expect(draft).toBeGreaterThan(inForce as number);
  // A later change of the draft marks the preview out of date; nothing was saved.
  await industry.getByLabel('Industrial Machinery Manufacturing').uncheck();
  await expect(section).toContainText('The draft or the ICP in force changed since this preview.');
  await expect(options.getByTestId('icp-name')).toContainText('Mid-market B2B SaaS');
  await options.close();
});

test('"Why?" on a row explains its verdict criterion by criterion, under the ICP in force', async ({
  ext,
  visit,
  openPanel,
}) => {
  const list = await listWithSamples({ ext, visit, openPanel });
  const dialog = list.getByTestId('why-dialog');
  const why = list.getByRole('button', { name: 'Why Lumenfold: Tier 1' });
  await why.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('Why Lumenfold');
  await expect(dialog.getByTestId('tier')).toHaveText('Tier 1');
  // What matched, with what the page showed and where.
  const industry = dialog.getByTestId('criterion-industry');
  await expect(industry).toHaveAttribute('data-status', 'match');
  await expect(industry).toContainText('Software Development');
  await expect(dialog).toContainText(`Scored against ${DEFAULT_ICP.name} v${DEFAULT_ICP.version}`);
  // The list's verdict is this one: nothing to reconcile.
  await expect(dialog.getByTestId('why-stale')).toHaveCount(0);
  // Escape closes it and the keyboard is back on the row's button.
  await list.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(why).toBeFocused();

  // The manager's ICP wants machinery makers, while the dialog is open: it follows, and once the list is
  // re-scored the row and the explanation agree on the miss, with nothing left to reconcile.
  await why.click();
  await expect(dialog.getByTestId('tier')).toHaveText('Tier 1');
  await ext.worker.evaluate(
    (icp) =>
      (
        globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
      ).chrome.storage.sync.set({ icp }),
    machineryIcp(7),
  );
  await expect(dialog).toContainText('Scored against Machinery v7');
  await expect(dialog.getByTestId('criterion-industry')).toHaveAttribute('data-status', 'miss');
  await expect(dialog.getByTestId('tier')).not.toHaveText('Tier 1');
  const tierNow = ((await dialog.getByTestId('tier').textContent()) ?? '').trim();
  await expect(list.getByTestId('rescore')).toContainText('ICP v7');
  const row = list.getByTestId('prospect-row').filter({ hasText: 'Lumenfold' });
  await expect(row.locator('.row-tier')).toContainText(tierNow);
  await expect(dialog.getByTestId('why-stale')).toHaveCount(0);
  // The row was drawn again meanwhile: the keyboard still goes back to its "Why?", now named by the new tier.
  await list.keyboard.press('Escape');
  await expect(row.getByRole('button', { name: `Why Lumenfold: ${tierNow}` })).toBeFocused();
  await row.getByRole('button', { name: /^Why Lumenfold: / }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await list.close();
});

test('closing "Why?" after its row was drawn again puts the keyboard back on that row', async ({ ext }) => {
  const list = await seededList(ext, 80);
  const first = list.getByTestId('prospect-row').first();
  const name = await rowName(first);
  await first.getByRole('button', { name: /^Why / }).click();
  const dialog = list.getByTestId('why-dialog');
  await expect(dialog.getByRole('heading')).toHaveText(`Why ${name}`);
  // Scrolled away and back while the dialog is open: the virtual list drops the row's button and draws a new one.
  const rows = list.getByTestId('rows');
  await rows.evaluate((box) => {
    box.scrollTop = box.scrollHeight;
  });
  await expect(list.getByRole('link', { name, exact: true })).toHaveCount(0);
  await rows.evaluate((box) => {
    box.scrollTop = 0;
  });
  await expect(list.getByRole('link', { name, exact: true })).toHaveCount(1);
  await list.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('button', { name: new RegExp(`^Why ${name}: `) })).toBeFocused();
  await list.close();
});

test('tags typed in a row that scrolls out of the list before the field is left are saved', async ({
  ext,
}) => {
  const list = await seededList(ext, 80);
  const first = list.getByTestId('prospect-row').first();
  const name = await rowName(first);
  const tags = first.getByRole('textbox', { name: `Tags of ${name}` });
  await tags.click();
  await tags.press('End');
  await tags.pressSequentially(', urgent');
  // The wheel, not the keyboard: the field keeps the focus until its row is dropped from the page.
  const rows = list.getByTestId('rows');
  await rows.evaluate((box) => {
    box.scrollTop = box.scrollHeight;
  });
  await expect(list.getByRole('link', { name, exact: true })).toHaveCount(0);
  // Saved at once, as another tab of the list shows.
  const other = await ext.context.newPage();
  await other.goto(ext.pageUrl('list.html'));
  await expect(other.getByRole('textbox', { name: `Tags of ${name}` })).toHaveValue(/(^|, )urgent$/);
  await rows.evaluate((box) => {
    box.scrollTop = 0;
  });
  await expect(list.getByRole('textbox', { name: `Tags of ${name}` })).toHaveValue(/(^|, )urgent$/);
  await other.close();
  await list.close();
});

test('tags set elsewhere show in a row, and tabbing through the row keeps them', async ({ ext }) => {
  const list = await seededList(ext, 3);
  const name = await rowName(list.getByTestId('prospect-row').first());
  const tagsIn = (page: typeof list) => page.getByRole('textbox', { name: `Tags of ${name}` });
  // Typed in once here: from then on the browser no longer shows a field's new default value by itself.
  await tagsIn(list).fill('mine');
  await tagsIn(list).press('Enter');
  // Another tab of the list (or a restore) adds tags while this tab shows the row.
  const other = await ext.context.newPage();
  await other.goto(ext.pageUrl('list.html'));
  await expect(tagsIn(other)).toHaveValue('mine');
  await tagsIn(other).fill('mine, event 2026');
  await tagsIn(other).press('Enter');
  await expect(tagsIn(list)).toHaveValue('mine, event 2026');
  // A keyboard user passes through the field without typing: what it showed before is not written back.
  await tagsIn(list).focus();
  await list.keyboard.press('Tab');
  await other.reload();
  await expect(tagsIn(other)).toHaveValue('mine, event 2026');
  await other.close();
  await list.close();
});

test('a 360 px window shows each row’s company beside its tier, score and status, without scrolling sideways', async ({
  ext,
}) => {
  const list = await ext.context.newPage();
  await list.setViewportSize({ width: 360, height: 740 });
  await list.goto(ext.pageUrl('list.html'));
  await list.getByTestId('list-total').waitFor();
  await seedProspects(list, 3);
  await list.reload();
  const row = list.getByTestId('prospect-row').first();
  await expect(row).toContainText('Company');
  const box = async (selector: string) => (await row.locator(selector).boundingBox()) ?? { x: 0, width: 0 };
  const name = await box('.row-name');
  expect(name.width).toBeGreaterThanOrEqual(120);
  for (const part of [name, await box('.row-tier'), await box('.row-score'), await box('select')])
    expect(part.x + part.width).toBeLessThanOrEqual(360);
  expect(await list.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await list.close();
});

test('a row’s company name has room for the accent of a capital (Ökoplan is not read as Okoplan)', async ({
  ext,
}) => {
  const list = await seededList(ext, 1);
  await expect(list.getByTestId('prospect-row')).toHaveCount(1);
  // The name's box hides what goes past it: the top of an "Ö" on the name's line must be inside it.
  const room = await list.evaluate(() => {
    const cell = document.querySelector('.row-name') as HTMLElement;
    const font = getComputedStyle(cell.querySelector('a') as HTMLElement).font;
    const probe = document.createElement('span');
    probe.style.cssText = 'display: inline-block; width: 0; height: 0; vertical-align: baseline';
    cell.append(probe);
    const baseline = probe.getBoundingClientRect().bottom;
    probe.remove();
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    context.font = font;
    return baseline - context.measureText('Ö').actualBoundingBoxAscent - cell.getBoundingClientRect().top;
  });
  expect(room).toBeGreaterThanOrEqual(0);
  await list.close();
});

test('a row that leaves the filtered list under the keyboard hands the focus to the row in its place', async ({
  ext,
}) => {
  const list = await seededList(ext, 30);
  await list.getByRole('combobox', { name: 'Status', exact: true }).selectOption('new');
  const first = list.getByTestId('prospect-row').first();
  const name = await rowName(first);
  const status = first.getByRole('combobox', { name: `Status of ${name}` });
  await status.focus();
  // Chosen with the keyboard: the company is no longer "New", and its row leaves the list.
  await status.selectOption('contacted');
  await expect(list.getByRole('link', { name, exact: true })).toHaveCount(0);
  await expect(list.getByText(`${name} no longer matches the filters.`)).toBeVisible();
  // The keyboard is on the company name of the row now first, not at the top of the page, and not on its status:
  // an arrow key pressed next changes nothing.
  const next = list.getByTestId('prospect-row').first();
  const nextName = await rowName(next);
  await expect(next.getByRole('link', { name: nextName, exact: true })).toBeFocused();
  await list.keyboard.press('ArrowDown');
  await expect(next.getByRole('combobox', { name: `Status of ${nextName}` })).toHaveValue('new');
  await list.close();
});

test('Undo does not cut a deleted note that would not fit beside the note of the company saved again since', async ({
  ext,
  visit,
  openPanel,
}) => {
  const { tabId } = await visit(PAGES.lumenfold);
  const panel = await openPanel({ tabId });
  await panel.getByTestId('save-prospect').click();
  const list = await ext.context.newPage();
  await list.goto(ext.pageUrl('list.html'));
  const deletedNote = `Met at SaaStr. ${'d'.repeat(12_000)} Call back in May.`;
  await list.getByLabel('Notes on Lumenfold').fill(deletedNote);
  await list.getByLabel('Notes on Lumenfold').blur();
  await list.getByLabel('Select Lumenfold').check();
  await list.getByRole('button', { name: 'Delete', exact: true }).click();
  // Saved again from its page, with a note of its own, before the rep thinks of Undo.
  await panel.getByTestId('save-prospect').click();
  const newNote = `Sent the deck. ${'n'.repeat(12_000)} Budget in Q3.`;
  await panel.getByLabel('Notes on Lumenfold').fill(newNote);
  await panel.getByLabel('Notes on Lumenfold').blur();
  await expect(list.getByLabel('Notes on Lumenfold')).toHaveValue(newNote);

  const undo = list.getByRole('button', { name: 'Undo' });
  await undo.click();
  await expect(
    list.getByText(/^Lumenfold was not put back: .* shorten the note on the list, then press Undo again\.$/),
  ).toBeVisible();
  // Offered still, with the keyboard on it; the list's note as it was.
  await expect(undo).toBeFocused();
  await expect(list.getByLabel('Notes on Lumenfold')).toHaveValue(newNote);
  await list.getByLabel('Notes on Lumenfold').fill('Sent the deck.');
  await list.getByLabel('Notes on Lumenfold').blur();
  await undo.click();
  await expect(undo).toHaveCount(0);
  await expect(list.getByTestId('prospect-row')).toHaveCount(1);
  await expect(list.getByLabel('Notes on Lumenfold')).toHaveValue(`Sent the deck.\n\n${deletedNote}`);
  await list.close();
});

test('sorted by last updated, a row keeps its place and the keyboard while its note is typed, and moves up after', async ({
  ext,
}) => {
  const list = await seededList(ext, 80);
  await list.getByLabel('Sort by').selectOption('updatedAt');
  const rows = list.getByTestId('rows');
  await rows.evaluate((box) => {
    box.scrollTop = 30 * 64;
  });
  const row = list.locator('[data-row-index="35"]');
  const name = await rowName(row);
  const note = list.getByRole('textbox', { name: `Notes on ${name}` });
  const queries = () => list.evaluate(() => performance.getEntriesByName('icp-lens:list-query').length);
  const before = await queries();
  await note.click();
  await note.pressSequentially('Call back');
  // The rep pauses: the note is saved, and the list reads its order again.
  await expect.poll(queries).toBeGreaterThan(before);
  await expect(note).toBeFocused();
  await list.keyboard.type(' on Monday');
  // Enter saves it: the row stays where the rep is.
  await list.keyboard.press('Enter');
  await expect.poll(queries).toBeGreaterThan(before + 1);
  await expect(list.locator('[data-row-index="35"]').getByRole('link')).toHaveText(name);
  // The row's "Why?" dialog, opened and closed, leaves the row where it was and the keyboard back on its button.
  const why = list.locator('[data-row-index="35"]').getByRole('button', { name: /Why/ });
  await why.click();
  await expect(list.getByRole('dialog')).toBeVisible();
  await list.keyboard.press('Escape');
  await expect(list.getByRole('dialog')).toBeHidden();
  await expect(list.locator('[data-row-index="35"]').getByRole('link')).toHaveText(name);
  await expect(list.locator('[data-row-index="35"]').getByRole('button', { name: /Why/ })).toBeFocused();
  // Out of the rows, the list shows its order: the company last updated first.
  await list.getByLabel('Search by name or domain').focus();
  await rows.evaluate((box) => {
    box.scrollTop = 0;
  });
  await expect(list.locator('[data-row-index="0"]').getByRole('link')).toHaveText(name);
  await expect(note).toHaveValue('Call back on Monday');
  await list.close();
});

test('Enter in a row’s note or tags saves them and the keyboard goes on from the row, not from the top of the page', async ({
  ext,
}) => {
  const list = await seededList(ext, 80);
  await list.getByTestId('rows').evaluate((box) => {
    box.scrollTop = 30 * 64;
  });
  const name = await rowName(list.locator('[data-row-index="35"]'));
  const note = list.getByRole('textbox', { name: `Notes on ${name}` });
  const tags = list.getByRole('textbox', { name: `Tags of ${name}` });
  await note.fill('Call back on Monday');
  await note.press('Enter');
  await list.keyboard.press('Tab');
  await expect(tags).toBeFocused();
  await tags.fill('q3, berlin');
  await tags.press('Enter');
  await list.keyboard.press('Tab');
  await expect(list.locator('[data-row-index="36"]').getByRole('checkbox')).toBeFocused();
  const other = await ext.context.newPage();
  await other.goto(ext.pageUrl('list.html'));
  await other.getByLabel('Search by name or domain').fill(name);
  await expect(other.getByRole('textbox', { name: `Notes on ${name}` })).toHaveValue('Call back on Monday');
  await expect(other.getByRole('textbox', { name: `Tags of ${name}` })).toHaveValue('q3, berlin');
  await other.close();
  await list.close();
});

test('a note saved elsewhere while the keyboard is in a row’s note field is not written over by leaving it', async ({
  ext,
}) => {
  const list = await seededList(ext, 3);
  const name = await rowName(list.getByTestId('prospect-row').first());
  const noteIn = (page: typeof list) => page.getByRole('textbox', { name: `Notes on ${name}` });
  await noteIn(list).fill('Call back');
  await noteIn(list).press('Enter');
  const other = await ext.context.newPage();
  await other.goto(ext.pageUrl('list.html'));
  await expect(noteIn(other)).toHaveValue('Call back');
  // The keyboard is in this tab's field, without typing, while another tab of the list adds to the note.
  await noteIn(list).focus();
  await noteIn(other).fill('Call back: asked for a demo');
  await noteIn(other).press('Enter');
  await list.keyboard.press('Tab');
  // What this tab showed is not written back, and it shows the note as saved.
  await expect(noteIn(list)).toHaveValue('Call back: asked for a demo');
  await other.reload();
  await expect(noteIn(other)).toHaveValue('Call back: asked for a demo');
  await other.close();
  await list.close();
});

test('a note pasted past 20,000 characters stays whole in the field, which says it is not saved', async ({
  ext,
}) => {
  const list = await seededList(ext, 2);
  const note = list.getByRole('textbox', { name: 'Notes on Company 000001' });
  await note.fill('Call Ana');
  await note.press('Enter');
  const pasted = `Minutes of the call. ${'m'.repeat(20_000)} Budget in Q3.`;
  await note.focus();
  // As a paste lands: one insertion, which the browser would cut at a `maxlength`.
  await list.keyboard.insertText(pasted);
  const typed = `Call Ana${pasted}`;
  await expect(note).toHaveJSProperty('value', typed);
  await expect(note).toHaveJSProperty(
    'validationMessage',
    'Not saved: this note is 20,043 characters, and a note holds 20,000. Take out 43 to save it; until then the note saved before stays.',
  );
  await note.press('Enter');
  await note.blur();
  await expect(note).toHaveJSProperty('value', typed);
  const other = await ext.context.newPage();
  await other.goto(ext.pageUrl('list.html'));
  await expect(other.getByRole('textbox', { name: 'Notes on Company 000001' })).toHaveValue('Call Ana');
  await other.close();
  await list.close();
});

test('a note typed in the side panel as the company is deleted in the list is said not to be saved', async ({
  ext,
  visit,
  openPanel,
}) => {
  const { tabId } = await visit(PAGES.lumenfold);
  const panel = await openPanel({ tabId });
  await panel.getByTestId('save-prospect').click();
  const list = await ext.context.newPage();
  await list.goto(ext.pageUrl('list.html'));
  await list.getByLabel('Select Lumenfold').check();
  // The panel's clock stands still: the note, typed, waits for its save until the company is gone. (Playwright
  // installs a clock in the whole browser context, which this worker's later tests share: it runs again after.)
  await panel.clock.install();
  await panel.clock.pauseAt(Date.now() + 1000);
  try {
    await panel.getByLabel('Notes on Lumenfold').fill('Call Ana on Monday');
    await list.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(
      panel.getByText('Not saved: this company is no longer on your list (it was deleted meanwhile).'),
    ).toBeVisible();
  } finally {
    await panel.clock.resume();
  }
  await list.close();
});
