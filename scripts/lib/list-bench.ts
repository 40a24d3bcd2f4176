/**
 * The prospect list with 100,000 prospects, in Chromium with the real extension: first paint, filtering,
 * re-scoring all after an ICP change, and the CSV export. Seeds the extension's own IndexedDB through its list
 * page (same origin), with records shaped like the ones the panel saves.
 */

import type { Page } from 'playwright-core';
import { IcpLensDb } from '../../lib/db/index';
import { saveProspect } from '../../lib/db/prospects';
import { encodeResult, listTier, rankBlock, storedJson, VERDICT_BLOCK } from '../../lib/db/verdict-store';
import { splitProspect } from '../../lib/db/verdicts';
import { mergeCandidates } from '../../lib/extract/merge';
import { DEFAULT_ICP, MIN_COVERAGE_TO_JUDGE, nothingKnown, scoreCompany } from '../../lib/icp';
import { loadFixture, readPage } from '../../test/helpers/dom';
import type { ExtensionBrowser } from './browser';

/** The figures, in ms (rescore in s). */
export interface ListFigures {
  firstPaintMs: number;
  filterMs: number;
  rescoreAllS: number;
  exportCsvS: number;
  previewS: number;
}

/** Template records (company, verdict, evidence), built by the same code as a real save (in Node, over fake IndexedDB). */
async function templateProspect(): Promise<{ record: unknown; verdict: unknown; evidence: unknown }> {
  // Dexie in Node needs an IndexedDB; the template is built with the real save code over the in-memory one.
  const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
  const url = 'https://www.lumenfold.io/';
  const facts = mergeCandidates(readPage(loadFixture('samples/lumenfold-home.html', url), url));
  const db = new IcpLensDb(`bench-template-${Date.now()}`, { indexedDB, IDBKeyRange });
  const { prospect } = await saveProspect(db, {
    facts,
    result: scoreCompany(facts, DEFAULT_ICP),
    icp: DEFAULT_ICP,
    sourceUrls: [url],
  });
  const [{ id: _id, ...record }, verdict, evidence] = splitProspect({ ...prospect, id: 0 });
  return { record, verdict, evidence };
}

/**
 * Adds `count` prospects shaped like `template` to the extension's database, 4,096 per transaction: the
 * company and evidence records, and the verdicts in blocks of `block` with their rank records, as
 * lib/db/verdict-store.ts keeps them (its own `rankBlock`, `encodeResult` and `storedJson`, passed in as
 * source text).
 */
const SEED_SCRIPT = `async ({ template, count, block }, toRanks, encodeResult, storedJson) => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('icp-lens');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tiers = ['tier_1', 'tier_2', 'tier_3', 'not_a_fit'];
  const industries = ['software', 'retail', 'it-services', 'industrial-machinery'];
  const countries = ['DE', 'US', 'GB', 'FR', 'JP'];
  const inputs = storedJson(template.verdict.inputs);
  // Ids are given here (1 to count), so that verdicts can be grouped into their blocks as they are written.
  for (let start = 0; start < count; start += 4096) {
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['prospects', 'verdictBlocks', 'ranks', 'evidence'], 'readwrite');
      const prospects = tx.objectStore('prospects');
      const evidence = tx.objectStore('evidence');
      const blocks = new Map();
      const headsOf = new Map();
      for (let i = start; i < Math.min(count, start + 4096); i++) {
        const id = i + 1;
        const number = String(i).padStart(6, '0');
        const name = 'Company ' + number;
        const tier = tiers[i % 4];
        const score = (i * 37) % 101;
        // The name's later words and its sort key as lib/db/search.ts makes them: here the number alone, and
        // the name lower-cased (it has no accent to fold).
        prospects.add({ ...template.record, id, name, nameLower: name.toLowerCase(), nameTails: [number],
          nameSort: name.toLowerCase(),
          domain: 'company-' + i + '.com', linkedinSlug: 'company-' + i, industryId: industries[i % 4],
          hqCountry: countries[i % 5], savedAt: 1700000000000 + i, updatedAt: 1700000000000 + i });
        evidence.add({ ...template.evidence, id });
        const b = Math.floor(id / block);
        if (!blocks.has(b)) blocks.set(b, []);
        // Every verdict here has the same criteria heads: the block keeps them once, as its first.
        const { result, heads } = encodeResult({ ...template.verdict.result, tier, score });
        blocks.get(b).push({ ...template.verdict, id, tier, score, result, heads: 0, inputs });
        headsOf.set(b, heads);
      }
      // A block split over two transactions is completed by reading what the first one wrote.
      const verdictBlocks = tx.objectStore('verdictBlocks');
      const ranks = tx.objectStore('ranks');
      for (const [b, verdicts] of blocks) {
        const read = verdictBlocks.get(b);
        read.onsuccess = () => {
          const whole = { id: b, heads: [headsOf.get(b)],
            verdicts: [...(read.result?.verdicts ?? []), ...verdicts] };
          verdictBlocks.put(whole);
          ranks.put(toRanks(whole));
        };
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
}`;

/**
 * Adds `count` prospects to the extension's database through one of its pages (the list page: same origin),
 * each shaped like a real save of the Lumenfold sample, with names, domains, tiers and scores varied.
 */
export async function seedProspects(page: Page, count: number): Promise<void> {
  const template = await templateProspect();
  // Plain source text: the TypeScript runner would wrap named functions in helpers the page does not have.
  const args = { template, count, block: VERDICT_BLOCK };
  // encodeResult calls storedJson, and rankBlock listTier, which calls nothingKnown (which reads
  // MIN_COVERAGE_TO_JUDGE): all are defined in one scope.
  await page.evaluate(`(() => {
    const storedJson = ${storedJson.toString()};
    const encodeResult = ${encodeResult.toString()};
    const MIN_COVERAGE_TO_JUDGE = ${MIN_COVERAGE_TO_JUDGE};
    const nothingKnown = ${nothingKnown.toString()};
    const listTier = ${listTier.toString()};
    return (${SEED_SCRIPT})(${JSON.stringify(args)}, ${rankBlock.toString()}, encodeResult, storedJson);
  })()`);
}

/** Measures the list with `count` prospects. */
export async function measureList(ext: ExtensionBrowser, count = 100_000): Promise<ListFigures> {
  const page = await ext.context.newPage();
  await page.goto(ext.pageUrl('list.html'));
  await page.getByTestId('list-total').waitFor();
  await seedProspects(page, count);

  await page.reload();
  await page.getByTestId('prospect-row').first().waitFor({ timeout: 60_000 });
  const firstPaintMs = await page.evaluate(() => {
    // The first rows shown (the list publishes its first screenful before the whole list of ids).
    const marks = performance.getEntriesByName('icp-lens:list-query');
    return marks[0]?.startTime ?? Number.NaN;
  });

  // Filter: the time from typing a search to its result.
  const filters: number[] = [];
  for (const text of ['company 0421', 'company-9', 'company 07777']) {
    const t0 = await page.evaluate(() => performance.now());
    await page.getByLabel('Search by name or domain').fill(text);
    await page.waitForFunction(
      (t) => performance.getEntriesByName('icp-lens:list-query').some((m) => m.startTime > t),
      t0,
    );
    const t1 = await page.evaluate(
      (t) =>
        performance.getEntriesByName('icp-lens:list-query').find((m) => m.startTime > t)?.startTime ??
        Number.NaN,
      t0,
    );
    filters.push(t1 - t0);
  }
  await page.getByLabel('Search by name or domain').fill('');
  filters.sort((a, b) => a - b);

  // Re-score all: a new ICP version, then wait for the background's progress to finish.
  const icp = { ...DEFAULT_ICP, version: 99, name: 'Bench ICP' };
  await ext.worker.evaluate(
    (value) =>
      (
        globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
      ).chrome.storage.sync.set({ icp: value }),
    icp,
  );
  const rescore = await (async () => {
    for (;;) {
      const progress = await ext.worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        };
        return (await chrome.storage.local.get('rescore')).rescore as
          | { icpVersion: number; startedAt: number; finishedAt: number | null }
          | undefined;
      });
      if (progress?.icpVersion === 99 && progress.finishedAt)
        return (progress.finishedAt - progress.startedAt) / 1000;
      await new Promise((r) => setTimeout(r, 250));
    }
  })();

  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Export for HubSpot' }).click(),
  ]);
  await download.path();
  const exportCsvS = (Date.now() - started) / 1000;
  await page.close();

  // The ICP editor's preview of a draft on the whole list: from the button to the counts.
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByRole('button', { name: 'Edit the ICP' }).click();
  await options.getByRole('spinbutton', { name: 'Tier 2', exact: true }).fill('50');
  const section = options.getByTestId('list-preview');
  const previewStarted = Date.now();
  await section.getByRole('button', { name: /^Preview on your/ }).click();
  await section.getByTestId('list-preview-summary').waitFor({ timeout: 120_000 });
  const previewS = (Date.now() - previewStarted) / 1000;
  console.error(`list.preview_draft_s: ${await section.getByTestId('list-preview-summary').textContent()}`);
  await options.close();
  return {
    firstPaintMs,
    filterMs: filters[Math.floor(filters.length / 2)] ?? Number.NaN,
    rescoreAllS: rescore,
    exportCsvS,
    previewS,
  };
}
