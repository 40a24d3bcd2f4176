import { expect, PAGES, test } from './fixtures';

/** A fictional shop (test/fixtures/samples/brambleworks-home.html) with HubSpot, GTM, Shopify and Greenhouse. */
const SHOP = 'https://www.brambleworks-outfitters.com/';

test("a company site's technologies appear in the panel, each with the signal that showed it", async ({
  visit,
  openPanel,
}) => {
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
  await expect(shopify).toHaveAttribute('title', /global Shopify/);
  await expect(list.getByRole('listitem').filter({ hasText: 'Greenhouse' })).toContainText(
    'link https://boards.greenhouse.io/brambleworks',
  );
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
