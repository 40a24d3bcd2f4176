import { expect, PAGES, test } from './fixtures';

/**
 * A fictional shop (test/fixtures/samples/brambleworks-home.html) with HubSpot, GTM, Shopify and Greenhouse. Its
 * footer's badge is an SVG link, whose `href` is an object, not an address: reading it as one once lost the
 * page's whole report.
 */
const SHOP = 'https://www.brambleworks-outfitters.com/';

test("a company site's technologies appear in the panel, each with the signal that showed it", async ({
  ext,
  visit,
  openPanel,
}) => {
  // A consent manager's cookie, as OneTrust's banner leaves it: only its name is read.
  await ext.context.addCookies([
    { name: 'OptanonConsent', value: 'isGpcEnabled=0&groups=C0001:1', url: SHOP },
  ]);
  const { tabId } = await visit(SHOP);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-name')).toHaveText('Brambleworks Outfitters');
  const list = panel.getByTestId('technologies');
  const hubspot = list.getByRole('listitem').filter({ hasText: 'HubSpot' });
  await expect(hubspot).toContainText('Marketing automation');
  await expect(hubspot).toContainText('script https://js.hs-scripts.com/48151623.js');
  // The Google Tag Manager snippet inserts its script from an inline script.
  await expect(list.getByRole('listitem').filter({ hasText: 'Google Tag Manager' })).toContainText(
    'https://www.googletagmanager.com/gtm.js?id=GTM-BRMBL01',
  );
  // Shopify: its CDN stylesheet first, and the global an inline script of the page set, read in the main world.
  const shopify = list.getByRole('listitem').filter({ hasText: 'Shopify' });
  await expect(shopify).toContainText('stylesheet https://cdn.shopify.com/');
  await expect(shopify.locator('.technology-evidence')).toHaveAttribute('title', /global Shopify/);
  await expect(shopify).not.toHaveAttribute('title');
  await expect(list.getByRole('listitem').filter({ hasText: 'Greenhouse' })).toContainText(
    'link https://boards.greenhouse.io/brambleworks',
  );
  const onetrust = list.getByRole('listitem').filter({ hasText: 'OneTrust' });
  await expect(onetrust).toContainText('cookie OptanonConsent');
  await expect(onetrust).not.toContainText('groups');
  await expect(panel.getByTestId('facts')).toContainText('HubSpot, Google Tag Manager, Shopify, Greenhouse');
});

test('a platform page reports no technologies: its scripts are the platform’s', async ({
  visit,
  openPanel,
}) => {
  // The sample LinkedIn page carries a GTM container and HubSpot's queue, as a platform's own tags would.
  const { tabId } = await visit(PAGES.quarryPeak);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-name')).toHaveText('Quarry Peak Logistics');
  await expect(panel.getByTestId('technologies')).toHaveCount(0);
  await expect(panel.getByTestId('facts')).not.toContainText('Technologies');
});

test('the ICP editor offers the technologies ICP Lens detects, by any of their names, and warns about others', async ({
  ext,
}) => {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByRole('button', { name: 'Edit the ICP' }).click();
  await options.getByLabel('Kind of criterion to add').selectOption('technologies');
  await options.getByRole('button', { name: 'Add criterion' }).click();
  const criterion = options.getByTestId('edit-technologies');
  const input = criterion.getByRole('combobox', { name: 'Technologies' });

  // Found by its former name, shown with its category, picked with the keyboard.
  await input.fill('account engagement');
  const pardot = criterion.getByRole('option', { name: /Pardot/ });
  await expect(pardot).toContainText('Marketing automation');
  await expect(pardot).toContainText('also Account Engagement');
  await input.press('ArrowDown');
  await expect(pardot).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  const tags = criterion.getByRole('list', { name: 'Technologies' });
  await expect(tags.getByRole('listitem')).toHaveText(['Pardot×']);

  // Picked with the mouse from a category search.
  await input.fill('tag manager');
  await criterion.getByRole('option', { name: /Google Tag Manager/ }).click();
  // An alias typed as it is stays as written and says what it is detected as.
  await input.fill('CMS Hub');
  await input.press('Escape');
  await input.press('Enter');
  await expect(tags).toContainText('CMS Hub (detected as HubSpot CMS)');
  // A name ICP Lens cannot detect is kept, with a warning, and does not block saving.
  await input.fill('Hubspott');
  await input.press('Escape');
  await input.press('Enter');
  await expect(criterion.getByTestId('technology-warning')).toContainText('does not detect “Hubspott”');
  await expect(tags.getByRole('listitem')).toHaveCount(4);
  // A misspelling gets the name it most likely means, as `icp validate` suggests it, ready to take.
  await input.fill('Salesfroce');
  await input.press('Escape');
  await input.press('Enter');
  const warning = criterion.getByTestId('technology-warning');
  await expect(warning).toContainText('“Salesfroce”: did you mean “Salesforce”?');
  await warning.getByRole('button', { name: 'Use Salesforce' }).click();
  await expect(tags.getByRole('listitem').last()).toHaveText('Salesforce×');
  await expect(warning).not.toContainText('Salesfroce');
  await expect(options.getByTestId('save-icp')).toBeEnabled();
  await options.getByTestId('save-icp').click();
  await expect(options.getByTestId('editor-status')).toContainText('Saved');
  await options.close();
});
