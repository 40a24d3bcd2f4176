import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { DEFAULT_ICP } from '../../lib/icp/default-icp';
import type { ExtensionGlobals } from '../../scripts/lib/browser';
import { machineryIcp, withCompetitors } from '../helpers/icps';
import { expect, fillSync, forgetTab, openBlankTab, PAGES, test } from './fixtures';

test('a company website: facts reach the background, the panel shows tier, score and criteria, the badge the tier', async ({
  visit,
  openPanel,
  badge,
}) => {
  const { tabId } = await visit(PAGES.lumenfold);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-name')).toHaveText('Lumenfold');
  await expect(panel.getByTestId('company-domain')).toHaveText('lumenfold.io');
  await expect(panel.getByTestId('tier')).toHaveText('Tier 1');
  await expect(panel.getByTestId('score')).toHaveText('100');
  await expect(panel.getByTestId('criterion-industry')).toHaveAttribute('data-status', 'match');
  await expect(panel.getByTestId('criterion-industry')).toContainText('Software Development');
  await expect(panel.getByTestId('criterion-revenue')).toHaveAttribute('data-status', 'unknown');
  // The page does not say what kind of organization it is, so the disqualifier cannot be checked.
  await expect(panel.getByTestId('criterion-not-public-sector')).toHaveAttribute('data-status', 'unknown');
  await expect(panel.getByTestId('icp-footer')).toContainText('Mid-market B2B SaaS (built-in)');
  expect(await badge(tabId)).toBe('T1');
});

test('a real LinkedIn company page from the corpus (Audiense) is read and tiered', async ({
  visit,
  openPanel,
  badge,
}) => {
  const { tabId } = await visit(PAGES.audiense);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-name')).toHaveText('Audiense');
  await expect(panel.getByTestId('company-domain')).toHaveText('audiense.com');
  await expect(panel.getByTestId('criterion-industry')).toHaveAttribute('data-status', 'miss');
  await expect(panel.getByTestId('criterion-industry')).toContainText('Advertising Services');
  await expect(panel.getByTestId('criterion-location')).toHaveAttribute('data-status', 'match');
  await expect(panel.getByTestId('criterion-employees')).toContainText('51–200 employees');
  await expect(panel.getByTestId('tier')).toHaveText('Tier 3');
  expect(await badge(tabId)).toBe('T3');
});

test('a disqualified organization is Not a fit, with the reason', async ({ visit, openPanel, badge }) => {
  const { tabId } = await visit(PAGES.civicLedger);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('tier')).toHaveText('Not a fit');
  await expect(panel.getByTestId('verdict')).toContainText(
    'Disqualified: Non-profit organization (“Not government, education or non-profit”)',
  );
  await expect(panel.getByTestId('criterion-not-public-sector')).toHaveAttribute(
    'data-status',
    'disqualified',
  );
  expect(await badge(tabId)).toBe('✕');
  // A screen reader hears the verdict without the score it sets aside (100 here), as the verdict shows it.
  await expect(panel.getByTestId('announcement')).toHaveText('Civic Ledger: Not a fit, disqualified');
  // Kept on the list as what it is, not "to the Not a fit list".
  await expect(panel.getByTestId('save-prospect')).toHaveText('Save as Not a fit');
  await panel.getByTestId('save-prospect').click();
  await expect(panel.getByTestId('save-bar')).toContainText('Saved to your list, as Not a fit.');
});

test('a company site that shows nothing the ICP asks about says "Not enough known", not "Not a fit"', async ({
  visit,
  openPanel,
  badge,
}) => {
  const { tabId } = await visit(PAGES.ashgrove);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-name')).toHaveText('Ashgrove Studio');
  await expect(panel.getByTestId('tier')).toHaveText('Not enough known');
  await expect(panel.getByTestId('verdict')).toContainText(
    'Nothing the ICP asks about is shown on this page',
  );
  await expect(panel.getByTestId('coverage')).toHaveText('0%');
  // No score: a 0 would say the company fits nothing.
  await expect(panel.getByTestId('score')).toHaveText('—');
  await expect(panel.getByTestId('save-prospect')).toHaveText('Save to your list');
  expect(await badge(tabId)).toBe('?');
});

test('a news article is not taken for a company profile, and gets no badge', async ({
  visit,
  openPanel,
  badge,
}) => {
  const { tabId } = await visit(PAGES.news);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('not-a-profile')).toContainText('News article');
  expect(await badge(tabId)).toBe('');
});

test('the panel follows the active tab of its window', async ({ ext, visit, openPanel }) => {
  const first = await visit(PAGES.lumenfold);
  const { windowId } = await ext.worker.evaluate(
    (id) => (globalThis as unknown as ExtensionGlobals).chrome.tabs.get(id),
    first.tabId,
  );
  const panel = await openPanel({ windowId });
  const second = await visit(PAGES.fernbridge);
  await second.page.bringToFront();
  await expect(panel.getByTestId('company-name')).toHaveText('Fernbridge Maschinenbau');
  await expect(panel.getByTestId('tier')).toHaveText('Tier 3');
  // One live region stays in the panel whatever it shows, and says what changed in a line.
  const heard = panel.getByRole('status').and(panel.getByTestId('announcement'));
  await expect(heard).toHaveText('Fernbridge Maschinenbau: Tier 3, score 44');
  const news = await visit(PAGES.news);
  await news.page.bringToFront();
  await expect(heard).toHaveText('Not a company profile');
  await first.page.bringToFront();
  await expect(panel.getByTestId('company-name')).toHaveText('Lumenfold');
  await expect(heard).toHaveText('Lumenfold: Tier 1, score 100');
});

test("switching tabs shows only the new company's facts, none of the previous company's", async ({
  ext,
  visit,
  openPanel,
}) => {
  const fernbridge = await visit(PAGES.fernbridge);
  const { windowId } = await ext.worker.evaluate(
    (id) => (globalThis as unknown as ExtensionGlobals).chrome.tabs.get(id),
    fernbridge.tabId,
  );
  const panel = await openPanel({ windowId });
  await fernbridge.page.bringToFront();
  await expect(panel.getByTestId('company-name')).toHaveText('Fernbridge Maschinenbau');
  await panel.getByTestId('save-prospect').click();
  await expect(panel.getByTestId('saved')).toBeVisible();
  const lumenfold = await visit(PAGES.lumenfold);
  await lumenfold.page.bringToFront();
  await expect(panel.getByTestId('company-name')).toHaveText('Lumenfold');
  await expect(panel.getByTestId('facts')).toHaveCount(1);
  await expect(panel.getByTestId('facts')).toContainText('Lumenfold GmbH');
  await expect(panel.locator('main')).not.toContainText('Fernbridge Maschinenbau GmbH');
  const ashgrove = await visit(PAGES.ashgrove);
  await ashgrove.page.bringToFront();
  await expect(panel.getByTestId('company-name')).toHaveText('Ashgrove Studio');
  await expect(panel.getByTestId('facts')).toHaveCount(0);
  await expect(panel.locator('main')).not.toContainText('Lumenfold GmbH');
  await fernbridge.page.bringToFront();
  await expect(panel.getByTestId('company-name')).toHaveText('Fernbridge Maschinenbau');
  await expect(panel.getByTestId('facts')).toHaveCount(1);
  await expect(panel.getByText('No company facts beyond the name on this page.')).toHaveCount(0);
  await expect(panel.getByTestId('save-bar')).toHaveCount(1);
  await expect(panel.getByTestId('saved')).toContainText('On your list since');
});

test('what the panel said of a save is not left standing once a new ICP re-tiers the company', async ({
  ext,
  visit,
  openPanel,
}) => {
  const { tabId } = await visit(PAGES.fernbridge);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('tier')).toHaveText('Tier 3');
  await panel.getByTestId('save-prospect').click();
  await expect(panel.getByTestId('save-bar')).toContainText('Saved to the Tier 3 list.');
  // The manager's new ICP wants machinery makers: Fernbridge moves up, on the page and on the list.
  await ext.worker.evaluate(
    (icp) =>
      (
        globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
      ).chrome.storage.sync.set({ icp }),
    machineryIcp(2),
  );
  await expect(panel.getByTestId('tier')).toHaveText('Tier 2');
  await expect(panel.getByTestId('saved')).toContainText('as Tier 2');
  await expect(panel.getByTestId('save-bar')).not.toContainText('Saved to the Tier 3 list.');
});

test('before any ICP is set up, the verdict says it is the built-in example, not the rep’s own', async ({
  ext,
  visit,
  openPanel,
}) => {
  const { tabId } = await visit(PAGES.lumenfold);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('tier')).toHaveText('Tier 1');
  const note = panel.getByTestId('default-icp');
  await expect(note).toHaveText(
    "Scored against ICP Lens's built-in example profile, not your own. Set up your ICP",
  );
  await expect(note.getByRole('link', { name: 'Set up your ICP' })).toHaveAttribute(
    'href',
    ext.pageUrl('options.html'),
  );
  // The rep's own ICP in force: nothing more to say.
  await ext.worker.evaluate(
    (icp) =>
      (
        globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
      ).chrome.storage.sync.set({ icp }),
    machineryIcp(2),
  );
  await expect(panel.getByTestId('icp-footer')).toContainText('your own ICP');
  await expect(note).toHaveCount(0);
});

test('switched to another tab, the panel never shows the previous company while it waits for the new one', async ({
  ext,
  visit,
  openPanel,
}) => {
  const lumenfold = await visit(PAGES.lumenfold);
  const fernbridge = await visit(PAGES.fernbridge);
  const { windowId } = await ext.worker.evaluate(
    (id) => (globalThis as unknown as ExtensionGlobals).chrome.tabs.get(id),
    lumenfold.tabId,
  );
  const panel = await openPanel({ windowId });
  await lumenfold.page.bringToFront();
  await expect(panel.getByTestId('company-name')).toHaveText('Lumenfold');
  // The background is slow to answer (as when it wakes up): busy for two seconds while the rep switches tabs.
  const busy = ext.worker.evaluate(() => {
    const until = Date.now() + 2_000;
    while (Date.now() < until);
  });
  await fernbridge.page.bringToFront();
  await expect(panel.getByTestId('company-name')).toHaveCount(0, { timeout: 1_000 });
  await expect(panel.getByTestId('save-prospect')).toHaveCount(0);
  await expect(panel.getByTestId('reading')).toBeVisible();
  await busy;
  await expect(panel.getByTestId('company-name')).toHaveText('Fernbridge Maschinenbau');
});

test('navigating to another page replaces what the panel shows', async ({ visit, openPanel, badge }) => {
  const { page, tabId } = await visit(PAGES.lumenfold);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-name')).toHaveText('Lumenfold');
  await page.goto(PAGES.fernbridge);
  await expect(panel.getByTestId('company-name')).toHaveText('Fernbridge Maschinenbau');
  expect(await badge(tabId)).toBe('T3');
});

test('client-side navigation on a single-page site is followed', async ({ visit, openPanel, badge }) => {
  const { page, tabId } = await visit(PAGES.quarryPeak);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-name')).toHaveText('Quarry Peak Logistics');
  await expect(panel.getByTestId('tier')).toHaveText('Tier 2');
  await expect(panel.getByTestId('criterion-not-public-sector')).toContainText('Passed');
  // What LinkedIn does when the rep clicks a "similar page": new address, new content, no page load.
  await page.evaluate(() => {
    document.querySelector('script[type="application/ld+json"]')?.remove();
    document.title = 'Roadwise Freight | LinkedIn';
    const heading = document.querySelector('h1');
    if (heading) heading.textContent = 'Roadwise Freight';
    const facts = document.querySelectorAll('dd');
    const values = [
      'https://www.roadwise-freight.com',
      'Truck Transportation',
      '1,001-5,000 employees',
      'Dayton, Ohio',
      'Privately Held',
      '1987',
      'freight',
    ];
    facts.forEach((dd, i) => {
      dd.textContent = values[i] ?? '';
    });
    history.pushState({}, '', '/company/roadwise-freight');
  });
  await expect(panel.getByTestId('company-name')).toHaveText('Roadwise Freight', { timeout: 15_000 });
  await expect(panel.getByTestId('company-domain')).toHaveText('roadwise-freight.com');
  await expect(panel.getByTestId('tier')).toHaveText('Not a fit');
  expect(await badge(tabId)).toBe('✕');
});

test('a move within the page (a link to #pricing, a script tidying its address) keeps the verdict', async ({
  visit,
  openPanel,
  badge,
}) => {
  const { page, tabId } = await visit(PAGES.lumenfold);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('tier')).toHaveText('Tier 1');
  await panel.getByTestId('save-prospect').click();
  /** The address the background holds the tab's page read for (null: none, as after a new document). */
  const readAt = () =>
    panel.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<{ url?: string } | null> } };
      };
      return (await chrome.runtime.sendMessage({ type: 'getTabState', payload: { tabId: id } }))?.url ?? null;
    }, tabId);
  // The rep types a note as the page moves on under it: what was typed is saved, not lost with the field.
  await panel.getByLabel('Notes on Lumenfold').fill('Pricing page: asks for SSO');
  // A link to a part of the page: the content script reads it again at its new address, and the background
  // keeps the tab's page meanwhile.
  await page.evaluate(() => {
    location.hash = 'pricing';
  });
  await expect.poll(readAt).toBe(`${PAGES.lumenfold}#pricing`);
  await expect(panel.getByTestId('tier')).toHaveText('Tier 1');
  expect(await badge(tabId)).toBe('T1');
  // A site script that tidies tracking parameters out of its address (`replaceState`), as many do.
  await page.evaluate(() => history.replaceState({}, '', '/?ref=mail'));
  await expect.poll(readAt).toBe(new URL('/?ref=mail', PAGES.lumenfold).href);
  await expect(panel.getByTestId('tier')).toHaveText('Tier 1');
  // The note field kept its place and the keyboard: typing goes on where it was.
  await panel.keyboard.type(' and SAML');
  await expect(panel.getByLabel('Notes on Lumenfold')).toHaveValue('Pricing page: asks for SSO and SAML');
  // A single-page site's route (`pushState` to another path): the same company, read again.
  await page.evaluate(() => history.pushState({}, '', '/customers'));
  await expect.poll(readAt).toBe(new URL('/customers', PAGES.lumenfold).href);
  await panel.keyboard.type(', Okta');
  await expect(panel.getByLabel('Notes on Lumenfold')).toHaveValue(
    'Pricing page: asks for SSO and SAML, Okta',
  );
  await expect.poll(() => badge(tabId)).toBe('T1');
});

test('hostile page text renders as text: no script runs in the page or the panel', async ({
  visit,
  openPanel,
}) => {
  const { page, tabId } = await visit(PAGES.hostile);
  const panel = await openPanel({ tabId });
  const dialogs: string[] = [];
  panel.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await expect(panel.getByTestId('company-name')).toHaveText(
    '<img src=x onerror=alert(1)><script>alert(2)</script>Hostile Co',
  );
  await expect(panel.locator('main img, main script, main iframe, main svg')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(await page.title()).not.toBe('pwned');
});

test('the options page shows the built-in default ICP when nothing is configured', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(ext.pageUrl('options.html'));
  await expect(page.getByTestId('icp-name')).toContainText('Mid-market B2B SaaS (built-in)');
  await expect(page.getByTestId('icp-source')).toContainText('Built-in default');
  // ICP Lens's own "owner" is nobody a rep could ask: not shown as who maintains it.
  await expect(page.getByTestId('icp-source')).not.toContainText('Maintained by');
  await expect(page.getByTestId('icp-criterion-employees')).toContainText('Ideal 200–2,000 employees');
  await page.close();
});

test('the options page fits a 360 px wide window: nothing scrolls sideways, with the editor closed or open', async ({
  ext,
}) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(ext.pageUrl('options.html'));
  // The widest parts as the page first shows them: the ICP's criteria and the team file's address field.
  await expect(page.getByTestId('icp-criterion-not-public-sector')).toBeVisible();
  await expect(page.getByTestId('team-url')).toBeVisible();
  const sideways = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await sideways()).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Edit the ICP' }).click();
  await expect(page.getByRole('button', { name: 'Close the editor' })).toBeVisible();
  expect(await sideways()).toBeLessThanOrEqual(0);
  // A criterion's label can be read while it is edited ("Software, IT or internet" whole, about 170 px).
  const label = page.locator('.criterion-editor header .grow input').first();
  await expect(label).toHaveValue('Software, IT or internet');
  expect((await label.boundingBox())?.width).toBeGreaterThanOrEqual(180);
  await page.close();
});

test('importing a file into the ICP editor says what happened beside the import button', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(ext.pageUrl('options.html'));
  await page.getByRole('button', { name: 'Edit the ICP' }).click();
  const input = page.locator('.editor-toolbar input[type="file"]');
  // A prospect list backup picked by mistake is named as one.
  await input.setInputFiles({
    name: 'icp-lens-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'icp-lens-backup', version: 1, prospects: [] })),
  });
  const loaded = page.getByTestId('editor-loaded');
  await expect(loaded).toHaveText(
    'Not imported: icp-lens-backup.json is a prospect list backup, not an ICP; restore it in the prospect list.',
  );
  await expect(loaded).toHaveAttribute('role', 'alert');
  // An invalid file's problems are told in the form's words.
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...DEFAULT_ICP, version: 1.5, extraKey: 1 })),
  });
  await expect(loaded).toHaveText(
    'Not imported: broken.json has 2 problems: Version: must be a whole number (now 1.5); The ICP: has settings this version does not know: extraKey',
  );
  // A file saved as "ANSI" is read, and the manager is told to check its letters (and to publish UTF-8).
  await input.setInputFiles({
    name: 'ansi.json',
    mimeType: 'application/json',
    // Characters Windows-1252 has no byte for (the default's dashes) as JSON escapes, "ü" as its one byte.
    buffer: Buffer.from(
      JSON.stringify({ ...DEFAULT_ICP, name: 'Vertrieb Süd', version: 1 }).replace(
        /[^\x20-\xff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
      'latin1',
    ),
  });
  await expect(loaded).toHaveText(
    'Imported ansi.json into the editor: review it, then save. It is not UTF-8: it was read as Windows-1252 ("ANSI"), so check that its accented letters read right. Published as a team file, save it as UTF-8 (team sync refuses any other).',
  );
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Vertrieb Süd');
  await input.setInputFiles({
    name: 'team.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        ...DEFAULT_ICP,
        name: 'Imported ICP',
        version: 12,
        updatedAt: '2026-11-01T09:00:00.000Z',
      }),
    ),
  });
  await expect(loaded).toHaveText(
    'Imported team.json into the editor: review it, then save (saved unchanged, it stays version 12).',
  );
  await expect(loaded).toHaveAttribute('role', 'status');
  // The button names the version it saves: the file's own while unchanged, the next one once edited.
  await expect(page.getByTestId('save-icp')).toHaveText('Save as version 12');
  await page.getByLabel('Name', { exact: true }).fill('Imported ICP, my copy');
  await expect(page.getByTestId('save-icp')).toHaveText('Save as version 13');
  await page.getByLabel('Name', { exact: true }).fill('Imported ICP');
  await expect(page.getByTestId('save-icp')).toHaveText('Save as version 12');
  // Saved unchanged, the manager's file is in force as it is: its version and its date.
  await page.getByTestId('save-icp').click();
  await expect(page.getByTestId('icp-name')).toContainText('Imported ICP v12');
  const fileDate = await page.evaluate(() => new Date('2026-11-01T09:00:00.000Z').toLocaleDateString());
  await expect(page.getByTestId('icp-source')).toContainText(`Updated ${fileDate}.`);
  await page.close();
});

test('a save the browser stops half-way lists the earlier version it says to load, and what is in force', async ({
  ext,
}) => {
  const page = await ext.context.newPage();
  await page.goto(ext.pageUrl('options.html'));
  await page.getByRole('button', { name: 'Edit the ICP' }).click();
  const input = page.locator('.editor-toolbar input[type="file"]');
  const importIcp = (icp: object) =>
    input.setInputFiles({
      name: 'rivals.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(icp)),
    });
  const rivals = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => `${prefix}-rival-${i}.com`);
  // Saved in two sync items (about 12 kB), then a longer one (four items) over it.
  await importIcp(withCompetitors(rivals(600, 'a'), 2, 'Rivals A'));
  await page.getByTestId('save-icp').click();
  await expect(page.getByTestId('editor-status')).toHaveText(
    'Saved as version 2. Open tabs and the side panel use it now.',
  );
  await expect(page.getByText('Earlier versions')).toHaveCount(0);
  // Room for the first item (in place of Rivals A's first) and not the second: the browser refuses it.
  await fillSync(page, 1_000);
  await importIcp(withCompetitors(rivals(1_400, 'b'), 3, 'Rivals B'));
  await page.getByTestId('save-icp').click();
  await expect(page.getByTestId('editor-status')).toContainText(
    'The browser stopped the save half-way, so your ICP before it is no longer whole in force: load it again from Earlier versions.',
  );
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Rivals B');
  // The page no longer says Rivals A is in force: the pieces of the two are read as broken.
  await expect(page.getByTestId('icp-name')).toContainText('Mid-market B2B SaaS (built-in)');
  await page.getByText('Earlier versions (1)').click();
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Rivals A v2' })
    .getByRole('button', { name: 'Load' })
    .click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Rivals A');
  await expect(page.getByTestId('save-icp')).toBeEnabled();
  await page.close();
});

test('a file fixed after its import failed is imported when the manager picks it again', async ({
  ext,
}, testInfo) => {
  const page = await ext.context.newPage();
  await page.goto(ext.pageUrl('options.html'));
  await page.getByRole('button', { name: 'Edit the ICP' }).click();
  const input = page.locator('.editor-toolbar input[type="file"]');
  const loaded = page.getByTestId('editor-loaded');
  // A file on disk, as the manager picks it: a comma too many, which they fix in their text editor and pick again.
  const file = testInfo.outputPath('team-icp.json');
  writeFileSync(
    file,
    JSON.stringify({ ...DEFAULT_ICP, name: 'Fixed by hand', version: 5 }).replace(/}$/, ',}'),
  );
  await input.setInputFiles(file);
  await expect(loaded).toContainText('Not imported: team-icp.json is not valid JSON');
  writeFileSync(file, JSON.stringify({ ...DEFAULT_ICP, name: 'Fixed by hand', version: 5 }));
  await input.setInputFiles(file);
  await expect(loaded).toHaveText(
    'Imported team-icp.json into the editor: review it, then save (saved unchanged, it stays version 5).',
  );
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Fixed by hand');
  await page.close();
});

test('an imported ICP too big for browser sync is said to be so at once, and what to shorten', async ({
  ext,
}) => {
  const page = await ext.context.newPage();
  await page.goto(ext.pageUrl('options.html'));
  await page.getByRole('button', { name: 'Edit the ICP' }).click();
  // A valid file of about 170 kB (a file may take 1 MB): 5,000 competitors' domains.
  const domains = Array.from({ length: 5_000 }, (_, i) => `competitor-company-number-${i}.com`);
  await page.locator('.editor-toolbar input[type="file"]').setInputFiles({
    name: 'rivals.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(withCompetitors(domains, 2, 'All our rivals'))),
  });
  const loaded = page.getByTestId('editor-loaded');
  await expect(loaded).toHaveAttribute('role', 'alert');
  await expect(loaded).toHaveText(
    /^Imported rivals\.json into the editor, but it cannot be saved as it is\. This ICP takes \d+ kB; browser sync keeps at most about 92 kB\. Shorten long lists \(domains, keywords; “Competitors” alone takes \d+ kB\) or share it as a team file\.$/,
  );
  // The save says the same, in the same words.
  const told = (await loaded.textContent())?.replace(/^.*as it is\. /, '');
  await page.getByTestId('save-icp').click();
  await expect(page.getByTestId('editor-status')).toHaveText(`Not saved: ${told}`);
  await page.close();
});

test("the panel follows the browser's dark theme", async ({ visit, openPanel }) => {
  const { tabId } = await visit(PAGES.lumenfold);
  const panel = await openPanel({ tabId });
  await panel.emulateMedia({ colorScheme: 'light' });
  await expect(panel.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await panel.emulateMedia({ colorScheme: 'dark' });
  await expect(panel.locator('body')).toHaveCSS('background-color', 'rgb(17, 20, 24)');
  await expect(panel.getByTestId('tier')).toHaveText('Tier 1');
});

test('the toolbar icon opens the side panel', async ({ ext }) => {
  const behavior = await ext.worker.evaluate(() =>
    (globalThis as unknown as ExtensionGlobals).chrome.sidePanel.getPanelBehavior(),
  );
  expect(behavior.openPanelOnActionClick).toBe(true);
});

test("editing the ICP in the options page changes a page's tier in the side panel", async ({
  ext,
  visit,
  openPanel,
  badge,
}) => {
  const { tabId } = await visit(PAGES.fernbridge);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('tier')).toHaveText('Tier 3');

  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByRole('button', { name: 'Edit the ICP' }).click();
  // The editor opens where the button was: the keyboard goes on to its first field.
  await expect(options.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  // Manufacturing becomes part of the profile: tick it in the industry criterion.
  const industry = options.getByTestId('edit-industry');
  await industry.getByText('Manufacturing', { exact: true }).first().click();
  await industry.getByLabel('Industrial Machinery Manufacturing').check();
  await expect(options.getByTestId('preview')).toContainText('Fernbridge Maschinenbau: Tier 3 → Tier 1');
  // An invalid band is reported at its criterion, in the form's words, and blocks saving.
  const employees = options.getByTestId('edit-employees');
  const ideal = employees.getByRole('group', { name: /Ideal/ });
  await ideal.getByLabel('from').fill('5000');
  await expect(options.getByTestId('problems-employees')).toHaveText(
    'Ideal range: the lowest value is above the highest (5000 > 2000)',
  );
  await expect(employees).toHaveAccessibleDescription(/the lowest value is above the highest/);
  await expect(options.getByTestId('problems')).toContainText(
    'Criterion “200–2,000 employees”, Ideal range: the lowest value is above the highest (5000 > 2000)',
  );
  await expect(options.getByTestId('save-icp')).toBeDisabled();
  // So are thresholds that do not fall: at the thresholds, whose fields say they are invalid.
  const tier2 = options.getByRole('spinbutton', { name: 'Tier 2', exact: true });
  await tier2.fill('90');
  await expect(options.getByTestId('tier-problems')).toHaveText(
    'must fall from Tier 1 to Tier 3: Tier 1 needs a higher score than Tier 2, and Tier 2 than Tier 3 (now 80, 90, 40)',
  );
  await expect(tier2).toHaveAttribute('aria-invalid', 'true');
  await expect(tier2).toHaveAccessibleDescription(/must fall from Tier 1 to Tier 3/);
  await tier2.fill('60');
  await expect(options.getByTestId('tier-problems')).toHaveCount(0);
  await expect(tier2).not.toHaveAttribute('aria-invalid');
  // A range changed under a label that names the old one: the editor says so (it still saves).
  await ideal.getByLabel('from').fill('100');
  await expect(options.getByTestId('stale-label-employees')).toContainText(
    'The label names 200, but the ideal range is 100–2,000 employees',
  );
  await expect(employees.getByLabel('Label')).toHaveAccessibleDescription(/^The label names 200/);
  await ideal.getByLabel('from').fill('200');
  await expect(options.getByTestId('stale-label-employees')).toHaveCount(0);
  await expect(options.getByTestId('problems')).toHaveCount(0);
  await options.getByTestId('save-icp').press('Enter');
  await expect(options.getByTestId('editor-status')).toContainText('Saved');
  // Saved, the button has nothing left to save, and keeps the focus.
  await expect(options.getByTestId('save-icp')).toBeDisabled();
  await expect(options.getByTestId('save-icp')).toBeFocused();
  await expect(options.getByTestId('icp-name')).toContainText('v2');

  await expect(panel.getByTestId('tier')).toHaveText('Tier 2');
  await expect(panel.getByTestId('icp-footer')).toContainText('your own ICP');
  expect(await badge(tabId)).toBe('T2');
  await options.close();
});

test('the ICP editor reads bounds as managers write them, and a removed band takes only its own values', async ({
  ext,
}) => {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByRole('button', { name: 'Edit the ICP' }).click();
  const revenue = options.getByTestId('edit-revenue');
  const from = revenue.getByRole('group', { name: /Ideal/ }).getByLabel('from');
  await expect(from).toHaveValue('20M');
  // Unreadable: said at the field and in the summary, and not saved as an open bound.
  await from.fill('25X');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(from).toHaveAccessibleDescription(/“25X” is not an amount in US dollars such as .*20M/);
  await expect(options.getByTestId('problems')).toContainText(
    'Criterion “$20M–$500M revenue”, Ideal range, from: cannot be read as a number',
  );
  await expect(options.getByTestId('save-icp')).toBeDisabled();
  // A minus sign or another currency is flagged, not read away.
  for (const text of ['-5M', '€20M']) {
    await from.fill(text);
    await expect(from).toHaveAttribute('aria-invalid', 'true');
  }
  await from.fill('$30M');
  await expect(from).not.toHaveAttribute('aria-invalid');
  await expect(options.getByTestId('problems')).toHaveCount(0);

  // Removing the first of the employees' two acceptable bands leaves the second's fields as they were, an
  // entry not yet readable included.
  const employees = options.getByTestId('edit-employees');
  await employees.getByRole('group', { name: 'Acceptable band 2' }).getByLabel('to').fill('7X');
  await employees.getByRole('button', { name: 'Remove band 1' }).click();
  const band = employees.getByRole('group', { name: 'Acceptable band 1' });
  await expect(band.getByLabel('from')).toHaveValue('2001');
  await expect(band.getByLabel('to')).toHaveValue('7X');
  await expect(band.getByLabel('to')).toHaveAttribute('aria-invalid', 'true');
  await expect(band.getByLabel('credit %')).toHaveValue('50');
  await expect(employees.getByRole('group', { name: 'Acceptable band 2' })).toHaveCount(0);
  await band.getByLabel('to').fill('10k');
  await options.getByTestId('save-icp').click();
  await expect(options.getByTestId('editor-status')).toContainText('Saved');

  // What was saved is what the form showed.
  await options.reload();
  await options.getByRole('button', { name: 'Edit the ICP' }).click();
  await expect(
    options.getByTestId('edit-revenue').getByRole('group', { name: /Ideal/ }).getByLabel('from'),
  ).toHaveValue('30M');
  const saved = options.getByTestId('edit-employees').getByRole('group', { name: /Acceptable band/ });
  await expect(saved).toHaveCount(1);
  await expect(saved.getByLabel('from')).toHaveValue('2001');
  await expect(saved.getByLabel('to')).toHaveValue('10000');
  await options.close();
});

test("a fact's evidence and other readings open from the keyboard, not only in a tooltip", async ({
  visit,
  openPanel,
}) => {
  const { tabId } = await visit(PAGES.fernbridge);
  const panel = await openPanel({ tabId });
  const employees = panel.getByTestId('evidence-employees');
  await expect(employees.locator('summary')).toHaveText('structured data +1 other reading');
  await expect(employees.getByText('numberOfEmployees: 140')).toBeHidden();
  await employees.locator('summary').focus();
  await panel.keyboard.press('Enter');
  await expect(employees.getByText('numberOfEmployees: 140')).toBeVisible();
  await expect(employees.getByRole('listitem')).toHaveText(['140+ (page text)']);
});

test('the ICP editor keeps a figure being typed in the tier and coverage fields', async ({ ext }) => {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByRole('button', { name: 'Edit the ICP' }).click();
  // Emptied with Backspace and typed again, as a manager does: not "0", then "075".
  const tier1 = options.getByLabel('Tier 1', { exact: true });
  await tier1.click();
  await tier1.press('End');
  await tier1.press('Backspace');
  await tier1.press('Backspace');
  await expect(tier1).toHaveValue('');
  await tier1.pressSequentially('75');
  await expect(tier1).toHaveValue('75');
  // A decimal share of the profile on its way: "33." stays to become "33.3".
  const floor = options.getByLabel(/^Tier 1 needs at least/);
  await floor.fill('');
  await floor.pressSequentially('33.3');
  await expect(floor).toHaveValue('33.3');
  // Backspaced to nothing and left, the field has the figure it had when entered again ("7" passed on the way).
  await tier1.blur();
  await tier1.click();
  await tier1.press('End');
  await tier1.press('Backspace');
  await tier1.press('Backspace');
  await tier1.blur();
  await expect(tier1).toHaveValue('75');
  await expect(options.getByTestId('problems')).toHaveCount(0);
  await options.close();
});

test('the ICP editor shows a coverage problem under its field, and says when Tier 2’s figure has no effect', async ({
  ext,
}) => {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByRole('button', { name: 'Edit the ICP' }).click();
  const tier1 = options.getByLabel(/^Tier 1 needs at least/);
  const tier2 = options.getByLabel(/^Tier 2 needs at least/);
  await tier1.fill('150');
  await expect(tier1).toHaveAttribute('aria-invalid', 'true');
  await expect(tier1).toHaveAccessibleDescription('must be a share of the profile from 0 to 100% (now 150%)');
  await expect(options.getByTestId('coverage-tier1-problems')).toBeVisible();
  await expect(options.getByTestId('coverage-hint')).toHaveCount(0);
  // Below Tier 2's figure, Tier 1's holds for both: valid, but Tier 2's figure does nothing.
  await tier1.fill('20');
  await expect(tier1).not.toHaveAttribute('aria-invalid');
  await expect(options.getByTestId('coverage-tier1-problems')).toHaveCount(0);
  const hint =
    'Tier 2 never needs more of the profile known than Tier 1: with Tier 1 at 20%, Tier 2 needs 20% too, and its 30% has no effect. Raise Tier 1, or lower Tier 2.';
  await expect(options.getByTestId('coverage-hint')).toHaveText(hint);
  await expect(tier2).toHaveAccessibleDescription(hint);
  await expect(options.getByTestId('problems')).toHaveCount(0);
  await tier2.fill('10');
  await expect(options.getByTestId('coverage-hint')).toHaveCount(0);
  await options.close();
});

test('Export JSON with a draft that has problems exports nothing, rather than the ICP in force', async ({
  ext,
}) => {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByRole('button', { name: 'Edit the ICP' }).click();
  await options.getByLabel(/^Tier 1 needs at least/).fill('150');
  let downloads = 0;
  options.on('download', () => downloads++);
  await options.getByTestId('export-icp').click();
  await expect(options.getByTestId('editor-status')).toHaveText(
    'Not exported: fix the problems listed above the Save button first.',
  );
  // Fixed, the draft is exported as the version it will be saved as.
  await options.getByLabel(/^Tier 1 needs at least/).fill('70');
  const [exported] = await Promise.all([
    options.waitForEvent('download'),
    options.getByTestId('export-icp').click(),
  ]);
  expect(JSON.parse(readFileSync(await exported.path(), 'utf8'))).toMatchObject({
    minCoverageForTier1: 0.7,
    version: 2,
  });
  expect(downloads).toBe(1);
  await options.close();
});

test('a list pasted into a tag field of the ICP editor becomes one tag per line', async ({ ext }) => {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByRole('button', { name: 'Edit the ICP' }).click();
  // A column copied from a spreadsheet: a one-line field would have joined it into one wording.
  const paste = async (field: Locator, text: string) => {
    await field.focus();
    await options.evaluate((pasted) => navigator.clipboard.writeText(pasted), text);
    await options.keyboard.press('ControlOrMeta+V');
  };
  const industry = options.getByTestId('edit-industry');
  const wording = industry.getByRole('textbox', { name: "Also match the page's own wording" });
  await wording.fill('Robotics');
  await paste(wording, 'Automation Machinery\r\nMotion Control\r\n\r\nIndustrial IoT\r\n');
  await expect(
    industry.getByRole('list', { name: "Also match the page's own wording" }).getByRole('listitem'),
  ).toHaveText(['SaaS×', 'Robotics×', 'Automation Machinery×', 'Motion Control×', 'Industrial IoT×']);
  await expect(wording).toHaveValue('');
  await options.getByLabel('Kind of criterion to add').selectOption('technologies');
  await options.getByRole('button', { name: 'Add criterion' }).click();
  const technologies = options.getByTestId('edit-technologies');
  await paste(technologies.getByRole('combobox', { name: 'Technologies' }), 'HubSpot\tMarketo\tPardot');
  await expect(technologies.getByRole('list', { name: 'Technologies' }).getByRole('listitem')).toHaveCount(3);
  await expect(options.getByTestId('problems')).toHaveCount(0);
  await options.close();
});

test('the Countries field of the ICP editor takes country names as codes, and refuses codes of no country', async ({
  ext,
}) => {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByRole('button', { name: 'Edit the ICP' }).click();
  const location = options.getByTestId('edit-location');
  const countries = location.getByRole('textbox', { name: 'Countries' });
  const tags = location.getByRole('list', { name: 'Countries' }).getByRole('listitem');
  // Names in English or German, as the calibration reads a CRM's countries.
  for (const name of ['Germany', 'Österreich', 'uk']) {
    await countries.fill(name);
    await countries.press('Enter');
  }
  await expect(tags).toHaveText(['DE×', 'AT×', 'GB×']);
  await expect(location).toContainText('Germany, Austria, United Kingdom');
  // A code of no country stays in the field, said to be none, and is not added.
  await countries.fill('EU');
  await countries.press('Enter');
  await expect(countries).toHaveValue('EU');
  await expect(countries).toHaveAttribute('aria-invalid', 'true');
  await expect(location.getByTestId('tag-refused')).toHaveText(
    '“EU” is no country’s code: type a country’s name or its two-letter code, such as Germany or DE; for Europe and other regions, tick them under Regions.',
  );
  await countries.fill('Germny');
  await countries.press('Enter');
  await expect(location.getByTestId('tag-refused')).toHaveText(
    '“Germny” is no country ICP Lens knows: type its name in English or German (Germany, Deutschland) or its two-letter code (DE).',
  );
  await expect(tags).toHaveCount(3);
  await expect(options.getByTestId('problems')).toHaveCount(0);
  // A file that brings one is warned about: it never matches.
  await options.locator('.editor-toolbar input[type="file"]').setInputFiles({
    name: 'eu.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        ...DEFAULT_ICP,
        criteria: DEFAULT_ICP.criteria.map((c) =>
          c.kind === 'location' ? { ...c, countries: ['DE', 'XX'] } : c,
        ),
      }),
    ),
  });
  await expect(location.getByTestId('not-countries')).toHaveText(
    '“XX” is no country’s code: no company is ever there, so it never matches. Remove it; for Europe and other regions, tick them under Regions.',
  );
  await options.close();
});

test('the ICP editor closes, asking first when there are unsaved changes, and types and stages read as words', async ({
  ext,
}) => {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await expect(
    options.getByText('Government body, Educational institution, Non-profit organization'),
  ).toBeVisible();
  const edit = options.getByRole('button', { name: 'Edit the ICP' });
  await edit.click();
  await expect(
    options.getByTestId('edit-not-public-sector').getByLabel('Non-profit organization'),
  ).toBeChecked();
  await options.getByRole('textbox', { name: 'Name', exact: true }).fill('Changed, not saved');
  // Asked, and kept editing.
  options.once('dialog', (dialog) => void dialog.dismiss());
  await options.getByRole('button', { name: 'Close the editor' }).click();
  await expect(options.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Changed, not saved');
  // Asked, and closed: the ICP in force is unchanged, and the keyboard is back on the button that opened it.
  options.once('dialog', (dialog) => void dialog.accept());
  await options.getByRole('button', { name: 'Close the editor' }).click();
  await expect(edit).toBeFocused();
  await expect(options.getByTestId('icp-name')).not.toContainText('Changed, not saved');
  // Nothing changed: closes without asking.
  await edit.click();
  await options.getByRole('button', { name: 'Close the editor' }).click();
  await expect(edit).toBeFocused();
  await options.close();
});

test('a tab with nothing read says why: a page ICP Lens cannot read, or one to reload', async ({
  ext,
  visit,
  openPanel,
}) => {
  const { page: blank, tabId: blankTab } = await openBlankTab(ext);
  const panel = await openPanel({ tabId: blankTab });
  await expect(panel.getByTestId('empty')).toContainText('ICP Lens cannot read this page');
  // A web page the background holds nothing for (as one open since before ICP Lens was installed).
  const { tabId } = await visit(PAGES.lumenfold);
  await forgetTab(ext, tabId);
  const forgotten = await openPanel({ tabId });
  await expect(forgotten.getByTestId('reload-hint')).toContainText('Reload the page to read it');
  await blank.close();
});

test('a tab whose page did not load says so, not that it was open before ICP Lens', async ({
  ext,
  openPanel,
}) => {
  const failing = 'https://failing.example/';
  const page = await ext.context.newPage();
  // No answer at all, as from an address that does not resolve: Chrome shows its error page in the tab.
  await page.route(failing, (route) => route.abort('namenotresolved'));
  await page.goto(failing).catch(() => {});
  await expect.poll(() => page.url()).toBe('chrome-error://chromewebdata/');
  const tabId = await ext.worker.evaluate(
    async (url) =>
      (await (globalThis as unknown as ExtensionGlobals).chrome.tabs.query({ url }))[0]?.id as number,
    failing,
  );
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('load-failed')).toContainText('nothing to read');
  await expect(panel.getByTestId('empty')).toContainText('This page did not load');
  await expect(panel.getByTestId('reload-hint')).toHaveCount(0);
  // A screen reader hears what the panel shows.
  await expect(panel.getByTestId('announcement')).toHaveText('This page did not load');
  await page.close();
});
