/**
 * The store listings' images, made from the real extension on the bundled sample pages: screenshots of the side
 * panel beside the company's site, of the prospect list and of the options page, at the 1280×800 the Chrome Web
 * Store takes; the promo tiles (440×280, 1400×560) laid out by test/e2e/store-promo.html around the real icon
 * and panel, with the listing's own words (docs/STORE.md). Written to `.output/store/` (not committed: every
 * run of the suite makes them afresh from the current build). Also: the manifest Chromium loads asks for
 * exactly the permissions docs/STORE.md justifies.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from '../../scripts/lib/browser';
import { justifiedEntries, listingBlock, manifestEntries, readStoreListing } from '../helpers/store-listing';
import { expect, PAGES, test } from './fixtures';

const OUT = path.join(ROOT, '.output/store');
const TEMPLATE = readFileSync(path.join(ROOT, 'test/e2e/store-promo.html'), 'utf8');

/** A PNG's size and colour type, read from its IHDR chunk (the first after the 8-byte signature). */
function pngHeader(file: string): { width: number; height: number; colorType: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1'), `${file} starts with IHDR`).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25] ?? -1 };
}

/** Checks a written image: its pixel size, and no alpha channel (Chrome refuses promo images with one). */
function expectImage(name: string, width: number, height: number): void {
  const header = pngHeader(path.join(OUT, name));
  expect({ name, width: header.width, height: header.height }).toEqual({ name, width, height });
  // 2 = truecolour without alpha (6 would be with alpha).
  expect(header.colorType, `${name} colour type`).toBe(2);
}

/** The part of the loaded manifest this suite reads. */
interface LoadedManifest {
  name: string;
  description?: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches?: string[] }>;
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** Renders the frame in one of its layouts with the given images and words, and saves it. */
async function renderFrame(
  page: Page,
  layout: 'screenshot' | 'small' | 'marquee',
  size: { width: number; height: number },
  content: { images: Record<string, string>; texts: Record<string, string> },
  name: string,
): Promise<void> {
  await page.setViewportSize(size);
  await page.setContent(TEMPLATE);
  await page.evaluate(
    ({ layout, images, texts }) => {
      document.body.dataset.layout = layout;
      for (const img of Array.from(document.querySelectorAll<HTMLImageElement>('[data-image]')))
        img.src = images[img.dataset.image ?? ''] ?? '';
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-text]')))
        el.textContent = texts[el.dataset.text ?? ''] ?? '';
    },
    { layout, ...content },
  );
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>(`[data-part] img`)).every(
      (img) => img.offsetParent === null || (img.complete && img.naturalWidth > 0),
    ),
  );
  // Every text of the layout is shown whole: no line of the tagline pushed out of a tile.
  const clipped = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-text]'))
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return (
          el.scrollWidth > el.clientWidth + 1 ||
          box.bottom > window.innerHeight ||
          box.right > window.innerWidth
        );
      })
      .map((el) => el.dataset.text),
  );
  expect(clipped, `${name}: texts cut off`).toEqual([]);
  await page.screenshot({ path: path.join(OUT, name) });
}

test('store images: screenshots at 1280×800 and promo tiles at 440×280 and 1400×560, without alpha', async ({
  ext,
  visit,
  openPanel,
}) => {
  // Only this run's images: nothing left from a run of an older build to be uploaded by mistake.
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const listing = readStoreListing();
  const { page: site, tabId } = await visit(PAGES.lumenfold);
  await site.setViewportSize({ width: 860, height: 800 });
  const siteShot = await site.screenshot();

  const panel = await openPanel({ tabId });
  await panel.setViewportSize({ width: 420, height: 800 });
  await expect(panel.getByTestId('tier')).toBeVisible();
  await panel.getByTestId('save-prospect').click();
  await expect(panel.getByTestId('saved')).toBeVisible();
  // The verdict at the top, as the rep first sees it (saving scrolled the button into view).
  await panel.evaluate(() => window.scrollTo(0, 0));
  const panelShot = await panel.screenshot({ path: path.join(OUT, 'sidepanel-420x800.png') });

  const frame = await ext.context.newPage();
  await renderFrame(
    frame,
    'screenshot',
    { width: 1280, height: 800 },
    { images: { site: dataUrl(siteShot), panel: dataUrl(panelShot) }, texts: {} },
    'screenshot-panel-1280x800.png',
  );

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
  // The list holds these four (each test starts from an empty one).
  await expect(list.getByText('Quarry Peak Logistics').first()).toBeVisible();
  await list.screenshot({ path: path.join(OUT, 'screenshot-list-1280x800.png') });
  await list.close();

  const options = await ext.context.newPage();
  await options.setViewportSize({ width: 1280, height: 800 });
  await options.goto(ext.pageUrl('options.html'));
  await expect(options.getByText(listingBlock(listing, 'name'), { exact: false }).first()).toBeVisible();
  await options.screenshot({ path: path.join(OUT, 'screenshot-options-1280x800.png') });
  await options.close();

  const icon = dataUrl(readFileSync(path.join(ROOT, '.output/chrome-mv3/icon/128.png')));
  const texts = {
    name: listingBlock(listing, 'name'),
    tagline: listingBlock(listing, 'tile-tagline'),
    summary: listingBlock(listing, 'summary'),
  };
  await renderFrame(
    frame,
    'small',
    { width: 440, height: 280 },
    { images: { icon }, texts },
    'promo-small-440x280.png',
  );
  await renderFrame(
    frame,
    'marquee',
    { width: 1400, height: 560 },
    { images: { icon, panel: dataUrl(panelShot) }, texts },
    'promo-marquee-1400x560.png',
  );
  await frame.close();
  await panel.close();

  expectImage('screenshot-panel-1280x800.png', 1280, 800);
  expectImage('screenshot-list-1280x800.png', 1280, 800);
  expectImage('screenshot-options-1280x800.png', 1280, 800);
  expectImage('promo-small-440x280.png', 440, 280);
  expectImage('promo-marquee-1400x560.png', 1400, 560);
  expectImage('sidepanel-420x800.png', 420, 800);
  writeFileSync(
    path.join(OUT, 'README.txt'),
    'Made by test/e2e/store-assets.spec.ts from the build it ran on. What goes where: docs/STORE.md.\n',
  );
});

test('the manifest Chromium loads asks for exactly the permissions and hosts docs/STORE.md justifies', async ({
  ext,
}) => {
  const manifest = await ext.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { getManifest(): LoadedManifest } } }
    ).chrome.runtime.getManifest(),
  );
  const listing = readStoreListing();
  expect(manifestEntries(manifest)).toEqual(justifiedEntries(listing));
  expect(manifest.name).toBe(listingBlock(listing, 'name'));
  expect(manifest.description).toBe(listingBlock(listing, 'summary'));

  // The content scripts read pages under the justified host patterns: none runs anywhere else (a content script
  // on file:// or on every URL would need a justification of its own).
  const hosts = new Set(manifest.host_permissions ?? []);
  const outside = (manifest.content_scripts ?? [])
    .flatMap((script) => script.matches ?? [])
    .filter((pattern) => {
      const [, scheme] = /^([^:]+):\/\//.exec(pattern) ?? [];
      const schemes = scheme === '*' ? ['http', 'https'] : [scheme];
      return !schemes.every((s) => hosts.has(`${s}://*/*`) || hosts.has(pattern));
    });
  expect(outside).toEqual([]);
});
