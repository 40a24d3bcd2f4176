/**
 * Enterprise policy end to end, with Chromium's real policy loader: a uniquely named file in
 * /etc/chromium/policies/managed sets this extension's settings (`3rdparty`), for a copy of the build given a
 * fixed id through a test-only manifest `key`. The file affects every Chromium on the machine, but names only
 * the test id; it is removed before and after. Without root the directory cannot be written: skipped (not run).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { DEFAULT_ICP } from '../../lib/icp/default-icp';
import { CHROME_BUILD, type ExtensionBrowser, launchWithExtension, ROOT } from '../../scripts/lib/browser';

const POLICY_DIR = '/etc/chromium/policies/managed';
const PREFIX = 'icp-lens-test-';
const KEY = readFileSync(path.join(ROOT, 'test/fixtures/policy/test-extension-key.pub'), 'utf8').trim();

/** Chromium's extension id for a key: the first 32 hex digits of its SHA-256, written with the letters a–p. */
function extensionIdFor(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
}
const EXTENSION_ID = extensionIdFor(KEY);

/** The one extension API the test reads in the service worker (Node has no `chrome`). */
interface ManagedGlobals {
  chrome: { storage: { managed: { get(keys: null): Promise<Record<string, unknown>> } } };
}

const isRoot = process.getuid?.() === 0;
const test = base.extend<{ policyFile: string; launch(settings: object): Promise<ExtensionBrowser> }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; none here.
  policyFile: async ({}, use) => {
    const file = path.join(POLICY_DIR, `${PREFIX}${randomBytes(6).toString('hex')}.json`);
    // Setup: our own file must not exist; files of this name pattern left by a crashed run (older than an
    // hour, so never a concurrent run's) go too.
    mkdirSync(POLICY_DIR, { recursive: true });
    for (const name of readdirSync(POLICY_DIR)) {
      const stale = path.join(POLICY_DIR, name);
      if (name.startsWith(PREFIX) && Date.now() - statSync(stale).mtimeMs > 3_600_000)
        rmSync(stale, { force: true });
    }
    rmSync(file, { force: true });
    await use(file);
    rmSync(file, { force: true });
  },
  launch: async ({ policyFile }, use) => {
    const copies: string[] = [];
    const browsers: ExtensionBrowser[] = [];
    await use(async (settings) => {
      writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: settings } } }));
      const copy = mkdtempSync(path.join(tmpdir(), 'icp-lens-policy-ext-'));
      copies.push(copy);
      cpSync(CHROME_BUILD, copy, { recursive: true });
      const manifestPath = path.join(copy, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: KEY }));
      const ext = await launchWithExtension({ extensionDir: copy });
      browsers.push(ext);
      return ext;
    });
    for (const ext of browsers) await ext.close().catch(() => {});
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  },
});

test.describe.configure({ mode: 'serial' });

const ORG_ICP = { ...DEFAULT_ICP, name: 'Acme policy ICP', owner: 'IT <it@acme.test>', version: 7 };

test('the build itself carries no manifest key (only the test copy does)', () => {
  expect(existsSync(path.join(CHROME_BUILD, 'manifest.json'))).toBe(true);
  expect(JSON.parse(readFileSync(path.join(CHROME_BUILD, 'manifest.json'), 'utf8'))).not.toHaveProperty(
    'key',
  );
});

// Everything below writes the policy directory: skipped, not run, without root (the test above needs none).
test.describe('with a policy file', () => {
  test.skip(!isRoot, `needs root to write Chromium's managed policy directory (${POLICY_DIR}): not run`);

  test('an ICP set by Chromium policy is in force and locked in the options page', async ({ launch }) => {
    const ext = await launch({
      icp: JSON.stringify(ORG_ICP),
      refreshMinutes: 30,
      memoryDays: 14,
      rememberIncognito: false,
    });
    expect(ext.extensionId).toBe(EXTENSION_ID);
    await expect
      .poll(() =>
        ext.worker.evaluate(async () => {
          const { chrome } = globalThis as unknown as ManagedGlobals;
          return (await chrome.storage.managed.get(null)).refreshMinutes;
        }),
      )
      .toBe(30);
    const page = await ext.context.newPage();
    await page.goto(ext.pageUrl('options.html'));
    await expect(page.getByTestId('icp-name')).toContainText('Acme policy ICP v7');
    await expect(page.getByTestId('icp-source')).toContainText('Set by your organisation’s policy.');
    await expect(page.getByTestId('icp-locked')).toContainText('Set by your organisation’s policy');
    await expect(page.getByRole('button', { name: 'Edit the ICP' })).toHaveCount(0);
    await expect(page.getByTestId('policy-problems')).toHaveCount(0);
    // The company memory's settings the policy sets are shown as such, and cannot be changed.
    const days = page.getByLabel(/Forget pages after/);
    await expect(days).toHaveValue('14');
    await expect(days).toBeDisabled();
    await expect(page.getByTestId('memory-days-help')).toHaveText('Set by your organisation’s policy.');
    await expect(page.getByLabel(/Remember pages seen in incognito windows/)).toBeDisabled();
    await expect(page.getByTestId('incognito-locked')).toContainText('set by your organisation’s policy');
  });

  test('a team address set by policy is fetched without any prompt, and a changed policy applies while running', async ({
    launch,
    policyFile,
  }) => {
    test.setTimeout(120_000);
    // The team file's host, with the CORS headers docs/ADMIN.md asks of it.
    const server = http.createServer((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
        etag: '"t5"',
      });
      res.end(JSON.stringify({ ...ORG_ICP, name: 'Acme team file', version: 5 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const teamIcpUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/icp.json`;
    try {
      const ext = await launch({ teamIcpUrl, refreshMinutes: 15 });
      const page = await ext.context.newPage();
      await page.goto(ext.pageUrl('options.html'));
      await expect(async () => {
        await page.reload();
        await expect(page.getByTestId('icp-name')).toContainText('Acme team file v5', { timeout: 1000 });
      }).toPass({ timeout: 20_000 });
      await expect(page.getByTestId('team-url-policy')).toHaveText(teamIcpUrl);
      await expect(page.getByTestId('team-url')).toHaveCount(0);
      await expect(page.getByTestId('icp-locked')).toContainText(
        'Your organisation’s policy sets this team file. It cannot be edited or replaced here.',
      );
      await expect(page.getByTestId('team-checked')).toContainText('checked every 15 minutes');

      // IT pushes a new policy: the ICP itself now. Chromium notices the file change while running.
      writeFileSync(
        policyFile,
        JSON.stringify({
          '3rdparty': { extensions: { [EXTENSION_ID]: { icp: JSON.stringify({ ...ORG_ICP, version: 8 }) } } },
        }),
      );
      await expect(async () => {
        await page.reload();
        await expect(page.getByTestId('icp-name')).toContainText('Acme policy ICP v8', { timeout: 1000 });
      }).toPass({ timeout: 90_000 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a manager’s unsaved draft survives a policy that starts setting the ICP: told, not savable, exportable', async ({
    launch,
    policyFile,
  }) => {
    test.setTimeout(120_000);
    // A policy that sets something else: the ICP is the manager's to edit.
    const ext = await launch({ refreshMinutes: 30 });
    const page = await ext.context.newPage();
    await page.goto(ext.pageUrl('options.html'));
    await page.getByRole('button', { name: 'Edit the ICP' }).click();
    await page.getByLabel('Name', { exact: true }).fill('My unsaved draft');

    // IT pushes the ICP itself while the editor is open. Chromium reads the changed file while running (within
    // seconds here; the wait allows for its slowest reload), and the page learns of it through its own watch of
    // managed storage: no reload, which would lose the draft this test is about.
    writeFileSync(
      policyFile,
      JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: { icp: JSON.stringify(ORG_ICP) } } } }),
    );
    await expect(page.getByTestId('icp-locked')).toContainText('Set by your organisation’s policy', {
      timeout: 90_000,
    });
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('My unsaved draft');
    await expect(page.getByTestId('editor-locked')).toContainText(
      'Your organisation’s policy now sets the ICP (Acme policy ICP, version 7): your draft cannot be saved here.',
    );
    await expect(page.getByTestId('editor-replaced')).toHaveCount(0);
    await expect(page.getByTestId('save-icp')).toBeDisabled();

    // The draft leaves as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-icp').click(),
    ]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.name).toBe('My unsaved draft');
    await expect(page.getByTestId('editor-status')).toContainText(
      'It cannot be saved in this browser: your organisation’s policy sets the ICP.',
    );

    // Closed when done (asked first: the draft is still not saved anywhere in the browser).
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Close the editor' }).click();
    await expect(page.getByTestId('save-icp')).toHaveCount(0);
    await expect(page.getByTestId('icp-name')).toContainText('Acme policy ICP v7');
    await expect(page.getByRole('button', { name: 'Edit the ICP' })).toHaveCount(0);
  });

  test('an invalid ICP in the policy is reported in the editor’s words; the default stands in, still locked', async ({
    launch,
  }) => {
    const ext = await launch({
      icp: JSON.stringify({ ...ORG_ICP, tiers: { tier1: 10, tier2: 50, tier3: 20 } }),
    });
    const page = await ext.context.newPage();
    await page.goto(ext.pageUrl('options.html'));
    await expect(page.getByTestId('icp-name')).toContainText('Mid-market B2B SaaS (built-in) v1');
    await expect(page.getByTestId('policy-problems')).toContainText(
      'icp: Tier thresholds: must fall from Tier 1 to Tier 3',
    );
    // A typo in the policy does not hand the ICP to the reps.
    await expect(page.getByTestId('icp-locked')).toContainText(
      'the built-in default stands in until what it sets can be used',
    );
    await expect(page.getByRole('button', { name: 'Edit the ICP' })).toHaveCount(0);
  });
});
