/**
 * Hostile pages in real Chromium: markup and script in every field a reader takes text from, prototype-pollution
 * keys, forged extension messages, a page that redefines the DOM and the JavaScript built-ins, and pages too
 * large for comfort. Expected: no script runs in extension pages, no foreign message is accepted, extraction
 * finishes and reports its own cost, and the page keeps working.
 *
 * The pages are fictional and generated here; each is served at its address for this spec only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Route } from '@playwright/test';
import { BackupSchema } from '../../lib/db/backup';
import type { CompanyFacts } from '../../lib/extract/schema';
import { DEFAULT_ICP, scoreCompany } from '../../lib/icp';
import { ROOT, waitForReport } from '../../scripts/lib/browser';
import { expect, test } from './fixtures';

/** Runs when inserted as HTML anywhere: marks the document and renames it. */
const XSS = `<img src=x onerror="window.__pwned=1;document.title='pwned'"><script>window.__pwned=2</script>`;
const XSS_NAME = `${XSS}Evilcorp`;

const html = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const jsonLd = (doc: unknown) =>
  `<script type="application/ld+json">${JSON.stringify(doc).replaceAll('</', '<\\/')}</script>`;
const attr = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

const URLS = {
  xss: 'https://www.evilcorp-xss.com/',
  linkedinXss: 'https://www.linkedin.com/company/evilcorp-xss',
  proto: 'https://www.protoco.com/about',
  forged: 'https://www.genuine-co.com/',
  unplug: 'https://www.steady-signal.com/',
  redefined: 'https://www.steadfast-tools.com/',
  huge: 'https://www.hugepage-co.com/',
  manyNodes: 'https://www.many-nodes.com/',
} as const;

const MB = 1024 * 1024;
const sentence = 'Quarterly logistics notes: routes, depots, carriers and schedules for the region. ';
const prose = (chars: number) => sentence.repeat(Math.ceil(chars / sentence.length));

/**
 * A 50 MB page built the way large pages are: a 32 MB inline JSON state blob (as single-page apps embed),
 * a 5 MB JSON-LD block (over the reader's 400 KB cap), 10 MB of hidden text and 3 MB of visible paragraphs.
 */
function hugePage(): string {
  const state = JSON.stringify({
    rows: Array.from({ length: (32 * MB) / 100 }, (_, i) => ({ id: i, note: 'n'.repeat(80) })),
  });
  return html(
    `<title>Hugepage Co</title>
     ${jsonLd({ '@type': 'Organization', name: 'Hugepage Co', url: URLS.huge })}
     ${jsonLd({ '@type': 'Organization', name: 'Oversized', description: prose(5 * MB) })}
     <script id="__STATE__" type="application/json">${state}</script>`,
    `<h1>Hugepage Co</h1>
     <div hidden>${Array.from({ length: 1000 }, () => `<p>${prose(10_000)}</p>`).join('')}</div>
     <main>${Array.from({ length: 1500 }, () => `<p>${prose(2000)}</p>`).join('')}</main>
     <button id="ping" onclick="this.textContent='pong'">ping</button>`,
  );
}

function pages(extensionId: string): Record<string, string> {
  const linkedin = readFileSync(path.join(ROOT, 'test/fixtures/samples/quarry-peak-linkedin.html'), 'utf8');
  return {
    [URLS.xss]: html(
      `<title>${XSS} | Evilcorp</title>
       <meta property="og:site_name" content="${attr(XSS_NAME)}">
       <meta name="description" content="${attr(`${XSS} software for teams`)}">
       ${jsonLd({
         '@type': 'Organization',
         name: XSS_NAME,
         url: URLS.xss,
         description: `${XSS} Software for <iframe src="javascript:window.__pwned=3"></iframe> teams`,
         industry: `Software Development ${XSS}`,
         address: { addressLocality: XSS, addressCountry: 'DE' },
         numberOfEmployees: 300,
         // Profiles the panel shows as links: only web addresses may become one.
         sameAs: ['javascript:window.__pwned=4', 'https://x.com/evilcorp-xss'],
       })}`,
      `<h1>${attr(XSS_NAME)}</h1><footer>&copy; Evilcorp GmbH</footer>`,
    ),
    // A LinkedIn company page whose name and About fields carry markup (as text, the way LinkedIn escapes it).
    [URLS.linkedinXss]: linkedin
      .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '')
      .replaceAll('Quarry Peak Logistics', attr(XSS_NAME).replaceAll('<', '&lt;'))
      // Another company entirely, so the company memory has nothing to join it with.
      .replaceAll('quarry-peak-logistics', 'evilcorp-xss')
      .replaceAll('quarrypeak', 'evilcorp-xss')
      .replaceAll('Quarry Peak', 'Evilcorp')
      .replace(
        '<dd>Software Development</dd>',
        `<dd>Software Development ${XSS.replaceAll('<', '&lt;')}</dd>`,
      ),
    // Prototype-pollution keys, as an attacker writes them: JSON text, so `__proto__` is an ordinary key.
    [URLS.proto]: html(
      `<title>Protoco</title><script type="application/ld+json">
        {"@type":"Organization","name":"Protoco","url":"${URLS.proto}",
         "__proto__":{"polluted":"yes","name":"Forged by __proto__","@type":"Organization"},
         "constructor":{"prototype":{"polluted":"yes","name":"Forged by constructor"}},
         "prototype":{"polluted":"yes"},
         "address":{"__proto__":{"addressCountry":"KP"},"addressCountry":"DE"}}
      </script>`,
      '<h1>Protoco</h1>',
    ),
    // Posts forged extension messages in every way a page can.
    [URLS.forged]: html(
      `<title>Genuine Co</title>${jsonLd({ '@type': 'Organization', name: 'Genuine Co', url: URLS.forged })}
       <script>
         const forged = { type: 'reportPage', payload: { url: location.href, title: 'Forged Corp', ms: 0,
           jsonLd: ['{"@type":"Organization","name":"Forged Corp"}'], meta: {},
           body: { microdata: [], rdfa: [],
             candidates: [{ field: 'name', value: 'Forged Corp', source: 'jsonld', snippet: 'x', confidence: 1 }] } } };
         window.__attempts = [];
         const forge = () => {
           window.postMessage(forged, '*');
           window.postMessage(JSON.stringify(forged), '*');
           document.dispatchEvent(new CustomEvent('reportPage', { detail: forged }));
           window.dispatchEvent(new Event('wxt:locationchange'));
           // WXT's own name for its location-change event (the extension's id is no secret).
           window.dispatchEvent(new Event(${JSON.stringify(extensionId)} + ':content:wxt:locationchange'));
           try {
             const runtime = window.chrome && window.chrome.runtime;
             if (runtime && runtime.sendMessage) {
               runtime.sendMessage(${JSON.stringify(extensionId)}, forged, () => {});
               window.__attempts.push('sendMessage called');
             } else window.__attempts.push('no chrome.runtime.sendMessage');
           } catch (error) { window.__attempts.push('threw: ' + error.message); }
         };
         forge();
         const timer = setInterval(forge, 100);
         setTimeout(() => clearInterval(timer), 3000);
       </script>`,
      '<h1>Genuine Co</h1>',
    ),
    // Listens for any sign of the extension, and tries to switch its reader off or make it read again.
    [URLS.unplug]: html(
      `<title>Steady Signal</title>${jsonLd({ '@type': 'Organization', name: 'Steady Signal', url: URLS.unplug })}
       <script>
         window.__heard = [];
         addEventListener('message', (e) => window.__heard.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)));
         window.__unplug = () => {
           // WXT's restart signal for its content script named "content" (the extension's id is no secret).
           const started = ${JSON.stringify(extensionId)} + ':content:wxt:content-script-started';
           const unplug = () => {
             document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
             window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
           };
           let n = 0;
           const timer = setInterval(() => {
             unplug();
             if (++n === 20) { clearInterval(timer); window.__done = true; }
           }, 100);
         };
       </script>`,
      '<h1>Steady Signal</h1>',
    ),
    // Redefines the DOM and the built-ins before anything else runs, to feed the extractor lies.
    [URLS.redefined]: html(
      `<script>
         const lie = 'Forged Industries';
         Document.prototype.querySelectorAll = function () { return []; };
         Element.prototype.querySelectorAll = function () { return []; };
         Document.prototype.querySelector = function () { return null; };
         Document.prototype.getElementsByTagName = function () { return []; };
         Object.defineProperty(Node.prototype, 'textContent', { get() { return lie; } });
         Object.defineProperty(HTMLElement.prototype, 'innerText', { get() { return lie; } });
         Object.defineProperty(Document.prototype, 'title', { get() { return lie; } });
         JSON.parse = () => ({ '@type': 'Organization', name: lie });
         String.prototype.trim = function () { return lie; };
         Array.prototype.map = function () { return [lie]; };
         Object.entries = () => [['name', lie]];
         window.URL = function () { throw new Error('no URLs here'); };
         window.__redefined = true;
       </script>
       <title>Steadfast Tools</title>
       ${jsonLd({
         '@type': 'Organization',
         name: 'Steadfast Tools',
         url: URLS.redefined,
         industry: 'Software Development',
         numberOfEmployees: { '@type': 'QuantitativeValue', value: 450 },
         address: { addressLocality: 'Leeds', addressCountry: 'GB' },
       })}`,
      '<h1>Steadfast Tools</h1>',
    ),
    [URLS.huge]: hugePage(),
    // 200,000 elements built by the page itself, and a button the page still has to answer.
    [URLS.manyNodes]: html(
      `<title>Many Nodes</title>${jsonLd({ '@type': 'Organization', name: 'Many Nodes', url: URLS.manyNodes })}`,
      `<h1>Many Nodes</h1><button id="ping" onclick="this.textContent='pong'">ping</button><div id="grid"></div>
       <script>
         const grid = document.getElementById('grid');
         const frag = document.createDocumentFragment();
         for (let i = 0; i < 200000; i++) {
           const cell = document.createElement(i % 10 ? 'span' : 'div');
           cell.textContent = 'cell ' + i;
           frag.appendChild(cell);
         }
         grid.appendChild(frag);
       </script>`,
    ),
  };
}

let served: Record<string, string> = {};
const handler = async (route: Route) => {
  const body = served[route.request().url()];
  if (body === undefined) await route.fallback();
  else await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
};

test.beforeAll(async ({ ext }) => {
  served = pages(ext.extensionId);
  // Registered after the shared routes, so these run first; anything else falls back to them.
  await ext.context.route(/^https:\/\/www\./, handler);
});
test.afterAll(async ({ ext }) => {
  await ext.context.unroute(/^https:\/\/www\./, handler);
  served = {};
});

/** Records dialogs an extension page opens (an `alert` from an injected script would be one). */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** Nothing injected ran in an extension page, and nothing was inserted as markup. */
async function expectNoScriptRan(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.title()).not.toBe('pwned');
  await expect(page.locator('body img, body iframe, body svg[onload], main script')).toHaveCount(0);
  expect(dialogs).toEqual([]);
}

test('markup in names, descriptions, JSON-LD and meta fields is shown as text in the panel and the list; none of it runs', async ({
  ext,
  visit,
  openPanel,
}) => {
  const { tabId } = await visit(URLS.xss);
  const panel = await openPanel({ tabId });
  const dialogs = watchDialogs(panel);
  await expect(panel.getByTestId('company-name')).toHaveText(XSS_NAME);
  await expect(panel.getByTestId('criterion-industry')).toContainText('Software Development');
  await expectNoScriptRan(panel, dialogs);
  await expect(panel.getByRole('link', { name: 'x.com/evilcorp-xss' })).toHaveAttribute(
    'href',
    'https://x.com/evilcorp-xss',
  );
  await expect(panel.locator('a[href^="javascript" i]')).toHaveCount(0);

  await panel.getByTestId('save-prospect').click();
  await expect(panel.getByTestId('saved')).toBeVisible();
  const list = await ext.context.newPage();
  const listDialogs = watchDialogs(list);
  await list.goto(ext.pageUrl('list.html'));
  await expect(list.getByText(XSS_NAME, { exact: true }).first()).toBeVisible();
  await expectNoScriptRan(list, listDialogs);
  await list.close();
});

test('markup in LinkedIn company fields is shown as text', async ({ visit, openPanel }) => {
  const { tabId } = await visit(URLS.linkedinXss);
  const panel = await openPanel({ tabId });
  const dialogs = watchDialogs(panel);
  await expect(panel.getByTestId('company-name')).toHaveText(XSS_NAME);
  await expectNoScriptRan(panel, dialogs);
});

test('prototype-pollution keys in JSON-LD pollute nothing and forge no facts', async ({
  ext,
  visit,
  openPanel,
}) => {
  const { tabId, page } = await visit(URLS.proto);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-name')).toHaveText('Protoco');
  expect(await panel.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  expect(await ext.worker.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  const { extract } = await waitForReport(ext.worker, URLS.proto);
  expect(JSON.stringify(extract)).not.toMatch(/Forged by|"KP"/);
});

test('a page posting forged extension messages changes nothing: the panel shows its real facts', async ({
  ext,
  visit,
  openPanel,
}) => {
  const { page, tabId } = await visit(URLS.forged);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-name')).toHaveText('Genuine Co');
  // Let the page keep forging for a while, then look again, in the panel and in what the background holds.
  await page.waitForFunction(() => (window as unknown as { __attempts: string[] }).__attempts.length >= 10);
  const reportedAt = async () =>
    ((await waitForReport(ext.worker, URLS.forged)) as unknown as { reportedAt: number }).reportedAt;
  const before = await reportedAt();
  await page.waitForTimeout(1500);
  await expect(panel.getByTestId('company-name')).toHaveText('Genuine Co');
  const { extract } = await waitForReport(ext.worker, URLS.forged);
  expect(JSON.stringify(extract)).not.toContain('Forged Corp');
  // A forged location change (the page's address did not change) reads and reports nothing again.
  expect(await reportedAt()).toBe(before);
  // A web page has no way to message an extension that declares no `externally_connectable`.
  const attempts = await page.evaluate(() => (window as unknown as { __attempts: string[] }).__attempts);
  expect(attempts[0]).toBe('no chrome.runtime.sendMessage');
});

test('a page cannot see the reader start, switch it off or make it read again', async ({ ext, visit }) => {
  const { page } = await visit(URLS.unplug);
  const reportedAt = async (url: string) =>
    ((await waitForReport(ext.worker, url)) as unknown as { reportedAt: number }).reportedAt;
  const before = await reportedAt(URLS.unplug);
  await page.evaluate(() => (window as unknown as { __unplug: () => void }).__unplug());
  await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true);
  await page.waitForTimeout(500);
  // Forged "page restored from the cache" events read nothing again.
  expect(await reportedAt(URLS.unplug)).toBe(before);
  // Nothing the page can listen to told it of the extension.
  const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
  expect(heard.filter((m) => m.includes(ext.extensionId) || m.includes('wxt'))).toEqual([]);
  // The forged restart signal did not stop the reader: the page's next move is read.
  await page.evaluate(() => {
    history.pushState({}, '', '/about');
    document.title = 'About Steady Signal';
  });
  const moved = await waitForReport(ext.worker, `${URLS.unplug}about`);
  expect(moved.extract.url).toBe(`${URLS.unplug}about`);
});

test("a page that redefines the DOM and JavaScript's built-ins cannot mislead the extractor (isolated world)", async ({
  visit,
  openPanel,
}) => {
  const { page, tabId } = await visit(URLS.redefined);
  expect(await page.evaluate(() => (window as unknown as { __redefined?: boolean }).__redefined)).toBe(true);
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-name')).toHaveText('Steadfast Tools');
  await expect(panel.getByTestId('company-domain')).toHaveText('steadfast-tools.com');
  await expect(panel.getByTestId('criterion-industry')).toContainText('Software Development');
  await expect(panel.getByTestId('criterion-employees')).toContainText('450');
  await expect(panel.getByTestId('criterion-location')).toHaveAttribute('data-status', 'match');
});

test('a 50 MB page is read and reported, and the page stays responsive', async ({ ext, openPanel }) => {
  expect(served[URLS.huge]?.length).toBeGreaterThanOrEqual(50 * MB);
  const page = await ext.context.newPage();
  await page.goto(URLS.huge, { timeout: 45_000 });
  const { tabId, extract } = await waitForReport(ext.worker, URLS.huge, 30_000);
  expect(extract.ms).toBeGreaterThanOrEqual(0);
  // Reported, not asserted: timings belong in `npm run bench`, and this machine is shared.
  test.info().annotations.push({ type: 'extract.ms', description: String(Math.round(extract.ms)) });
  expect(JSON.stringify(extract)).not.toContain('Oversized');
  await page.getByRole('button', { name: 'ping' }).click();
  await expect(page.locator('#ping')).toHaveText('pong');
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-name')).toHaveText('Hugepage Co');
  await page.close();
});

test('a page of 200,000 elements is read and reported, and its own controls still work', async ({
  ext,
  visit,
  openPanel,
}) => {
  const { page, tabId } = await visit(URLS.manyNodes);
  const { extract } = await waitForReport(ext.worker, URLS.manyNodes);
  expect(extract.ms).toBeGreaterThanOrEqual(0);
  // Reported, not asserted: timings belong in `npm run bench`, and this machine is shared.
  test.info().annotations.push({ type: 'extract.ms', description: String(Math.round(extract.ms)) });
  expect(await page.evaluate(() => document.querySelectorAll('#grid > *').length)).toBe(200_000);
  await page.getByRole('button', { name: 'ping' }).click();
  await expect(page.locator('#ping')).toHaveText('pong');
  const panel = await openPanel({ tabId });
  await expect(panel.getByTestId('company-name')).toHaveText('Many Nodes');
});

test('a malicious backup file: a javascript: source or a domain with a path is refused whole, and its text is shown as text', async ({
  ext,
}) => {
  const facts = {
    name: { value: XSS_NAME, source: 'jsonld', snippet: XSS, confidence: 0.9, alternatives: [] },
    domain: { value: 'evil-backup.com', source: 'jsonld', snippet: '', confidence: 0.9, alternatives: [] },
  } as CompanyFacts;
  const result = scoreCompany(facts, DEFAULT_ICP);
  const prospect = {
    domain: 'evil-backup.com',
    linkedinSlug: null,
    name: XSS_NAME,
    nameLower: XSS_NAME.toLowerCase(),
    facts,
    sourceUrls: ['https://evil-backup.com/'],
    tier: result.tier,
    score: result.score,
    result,
    icpName: XSS,
    icpVersion: 1,
    status: 'new',
    notes: XSS,
    tags: [XSS.slice(0, 60)],
    industryId: null,
    hqCountry: null,
    tierHistory: [],
    savedAt: 1,
    updatedAt: 1,
  };
  const backupOf = (p: object) => ({ format: 'icp-lens-backup', version: 1, exportedAt: 1, prospects: [p] });
  const hostileText = BackupSchema.parse(backupOf(prospect));
  const list = await ext.context.newPage();
  const dialogs = watchDialogs(list);
  await list.goto(ext.pageUrl('list.html'));
  /** Picks a file in the browser's file chooser, as a rep does. */
  const pick = async (backup: unknown) => {
    const chooser = list.waitForEvent('filechooser');
    await list.getByText('Restore…').click();
    await (await chooser).setFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
  };
  // Links the list would have shown: a script address where the domain is unknown, another site's page.
  await pick(
    backupOf({
      ...prospect,
      domain: null,
      sourceUrls: ['javascript:window.__pwned=4;document.title="pwned"'],
    }),
  );
  await expect(
    list.getByText(
      'Not restored: backup.json: Not an ICP Lens backup: prospects[0].sourceUrls[0]: must be an http:// or https:// address',
    ),
  ).toBeVisible();
  await pick(backupOf({ ...prospect, domain: 'evil.example/login?next=' }));
  await expect(
    list.getByText(
      'Not restored: backup.json: Not an ICP Lens backup: prospects[0].domain: must be a bare domain such as acme.com',
    ),
  ).toBeVisible();
  await expect(list.getByTestId('prospect-row').filter({ hasText: 'evil-backup.com' })).toHaveCount(0);

  await pick(hostileText);
  await expect(list.getByText(/Restored backup\.json: 1 added/)).toBeVisible();
  // The same file chosen again is read again, adding nothing twice. Chrome fires no change for a file the input
  // already holds (Playwright's chooser does), so the input is cleared after each pick.
  await expect(list.locator('input[type="file"]')).toHaveValue('');
  await pick(hostileText);
  await expect(list.getByText(/Restored backup\.json: 0 added/)).toBeVisible();
  // The restored prospect's row (by its domain: the name is the hostile page's company's too).
  const link = list
    .getByTestId('prospect-row')
    .filter({ hasText: 'evil-backup.com' })
    .getByRole('link', { name: XSS_NAME, exact: true });
  await expect(link).toHaveAttribute('href', 'https://evil-backup.com/');
  await expectNoScriptRan(list, dialogs);
  await list.close();
});

test('a compromised team ICP can only change the ICP: its text shows as text, and an invalid one is refused', async ({
  ext,
  visit,
  openPanel,
}) => {
  const hostileIcp = {
    ...DEFAULT_ICP,
    name: XSS_NAME,
    description: XSS,
    criteria: DEFAULT_ICP.criteria.map((c) => (c.id === 'industry' ? { ...c, label: XSS } : c)),
  };
  const setIcp = (icp: unknown) =>
    ext.worker.evaluate(
      (value) =>
        (
          globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
        ).chrome.storage.sync.set({ icp: value }),
      icp,
    );
  await setIcp(hostileIcp);
  const { tabId } = await visit(URLS.redefined);
  const panel = await openPanel({ tabId });
  const dialogs = watchDialogs(panel);
  await expect(panel.getByTestId('icp-footer')).toContainText(XSS_NAME);
  await expect(panel.getByTestId('criterion-industry')).toContainText(XSS);
  await expectNoScriptRan(panel, dialogs);

  // Anything outside the schema (here an unknown key carrying script) is refused whole: the default is in force.
  await setIcp({ ...hostileIcp, onload: 'window.__pwned=5' });
  await expect(panel.getByTestId('icp-footer')).toContainText('Mid-market B2B SaaS (built-in)');
  await expectNoScriptRan(panel, dialogs);
});
