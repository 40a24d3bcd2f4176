import { expect, PAGES, test } from './fixtures';

test("the company's website and its LinkedIn page complete each other", async ({
  ext,
  visit,
  openPanel,
  badge,
}) => {
  // The LinkedIn page states the industry and names the website; the website then profits from it. Its badge
  // shows once the background has remembered it (Chromium may take seconds after its start to answer the
  // first read of managed storage, which every report waits for).
  const linkedin = await visit(PAGES.quarryPeak);
  await expect.poll(() => badge(linkedin.tabId), { timeout: 15_000 }).not.toBe('');
  await ext.context.route('https://www.quarrypeak.com/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<html><head><title>Quarry Peak</title><script type="application/ld+json">{"@type":"Organization","name":"Quarry Peak Logistics","url":"https://www.quarrypeak.com","foundingDate":"2009"}</script></head><body>Routes.</body></html>`,
    }),
  );
  const { tabId } = await visit('https://www.quarrypeak.com/');
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-sources')).toContainText('seen on quarrypeak.com and linkedin.com');
  await expect(panel.getByTestId('criterion-industry')).toHaveAttribute('data-status', 'match');
  await expect(panel.getByTestId('facts')).toContainText('from linkedin.com/company/quarry-peak-logistics');
  // The company's LinkedIn page, one click away.
  await expect(panel.getByTestId('linkedin-link')).toHaveAttribute(
    'href',
    'https://www.linkedin.com/company/quarry-peak-logistics',
  );
});

test('pausing on a site stops reading it, and the options page forgets everything in one click', async ({
  ext,
  visit,
  openPanel,
}) => {
  const { tabId, page } = await visit(PAGES.fernbridge);
  const panel = await openPanel({ tabId });
  await panel.getByRole('button', { name: 'Pause on fernbridge.de' }).click();
  // Said at once, without a reload, and still so after one; the keyboard stays where the button was.
  await expect(panel.getByTestId('paused')).toContainText('Paused on fernbridge.de');
  await expect(panel.getByRole('heading', { name: 'Paused on fernbridge.de' })).toBeFocused();
  await page.reload();
  await expect(panel.getByTestId('paused')).toContainText('Paused on fernbridge.de');
  await panel.getByRole('button', { name: /Resume on fernbridge\.de/ }).click();
  await expect(panel.getByTestId('resumed')).toContainText('Reload the page to read it');
  await expect(panel.getByRole('heading', { name: 'Resumed on fernbridge.de' })).toBeFocused();
  await page.reload();
  await expect(panel.getByTestId('tier')).toBeVisible();

  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await expect(options.getByTestId('remembered-pages')).not.toHaveText('0');
  const remembered = (await options.getByTestId('remembered-pages').textContent()) ?? '';
  // Asked first, naming how many: dismissed, nothing is forgotten; accepted, everything is.
  const asked: string[] = [];
  options.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void (asked.length === 1 ? dialog.dismiss() : dialog.accept());
  });
  await options.getByTestId('forget-memory').click();
  await expect.poll(() => asked).toEqual([`Forget all ${remembered} remembered pages?`]);
  // A fresh page, so that the status below can only be the next press's.
  await options.reload();
  await expect(options.getByTestId('remembered-pages')).toHaveText(remembered);
  await options.getByTestId('forget-memory').click();
  await expect(options.getByTestId('remembered-pages')).toHaveText('0');
  // The accepted press forgot every page: the dismissed one had forgotten none.
  await expect(options.getByRole('status')).toContainText(`Forgot ${remembered} pages.`);
  expect(asked).toHaveLength(2);
  await options.close();
});

test('saving from the panel on two pages of the same company keeps one record', async ({
  ext,
  visit,
  openPanel,
}) => {
  const linkedin = await visit(PAGES.quarryPeak);
  const panel = await openPanel({ tabId: linkedin.tabId });
  await panel.getByTestId('save-prospect').click();
  await expect(
    panel.getByRole('status').filter({ hasText: /Saved to the Tier \d list|Updated on your list/ }),
  ).toBeVisible();
  await expect(panel.getByTestId('saved')).toContainText('On your list');
  await expect(panel.getByTestId('compact-list')).toContainText('Quarry Peak Logistics');

  await ext.context.route('https://www.quarrypeak.com/about', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<html><head><title>About Quarry Peak</title><script type="application/ld+json">{"@type":"Organization","name":"Quarry Peak Logistics","url":"https://www.quarrypeak.com"}</script></head><body>About us.</body></html>`,
    }),
  );
  const site = await visit('https://www.quarrypeak.com/about');
  const sitePanel = await openPanel({ tabId: site.tabId });
  await expect(sitePanel.getByTestId('saved')).toContainText('On your list');
  await sitePanel.getByTestId('save-prospect').click();
  await expect(sitePanel.getByRole('status').filter({ hasText: 'Updated on your list' })).toBeVisible();

  const count = await ext.worker.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('icp-lens');
        open.onsuccess = () => {
          const request = open.result
            .transaction('prospects')
            .objectStore('prospects')
            .index('domain')
            .count('quarrypeak.com');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  expect(count).toBe(1);
});

test('the memory period is saved once typed, and a value out of range says what stays in force', async ({
  ext,
}) => {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  const days = options.getByLabel(/Forget pages after/);
  const before = await days.inputValue();
  await days.fill('400');
  await days.press('Enter');
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(options.getByTestId('memory-days-help')).toHaveText(
    `A whole number of days from 1 to 365; ${before} days stay in force.`,
  );
  await options.reload();
  await expect(days).toHaveValue(before);
  // Typed key by key, 90 is saved when the rep is done with the field, not at its first key.
  await days.fill('');
  await days.pressSequentially('9');
  await options.reload();
  await expect(days).toHaveValue(before);
  await days.fill('');
  await days.pressSequentially('90');
  await days.press('Enter');
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await options.reload();
  await expect(days).toHaveValue('90');
  await days.fill(before);
  await days.press('Tab');
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await options.close();
});
