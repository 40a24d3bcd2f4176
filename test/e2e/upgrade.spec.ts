/**
 * An update from the newest release in real Chromium: the database it left (its schema and records, from its
 * snapshot in test/fixtures/db, written with Dexie at its version in the extension's own origin) and its
 * settings are opened by the current build, whose list page upgrades the database in Chromium's IndexedDB.
 * The unit test (upgrade.test.ts) checks every record field by field over fake-indexeddb; this one checks that
 * the real browser's upgrade keeps what a rep sees. A browser of its own: the suite's shared one already holds
 * a current database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { tierName } from '../../components/format';
import { TierSchema } from '../../lib/icp/schema';
import { launchWithExtension } from '../../scripts/lib/browser';
import { fixturePath } from '../helpers/dom';

interface Snapshot {
  database: {
    name: string;
    version: number;
    stores: Record<string, string>;
    tables: Record<string, unknown[]>;
  };
  prospects: Array<{ name: string; tier: string; notes: string; tags: string[] }>;
  storage: { sync: Record<string, unknown>; local: Record<string, unknown> };
}

/** The newest release's snapshot (releases from 0.2 on keep each prospect as their own code read it). */
const newest = readdirSync(fixturePath('db'))
  .map((f) => /^release-(\d+)\.(\d+)\.(\d+)\.json$/.exec(f))
  .filter((m): m is RegExpExecArray => m !== null)
  .sort(
    (a, b) => Number(b[1]) - Number(a[1]) || Number(b[2]) - Number(a[2]) || Number(b[3]) - Number(a[3]),
  )[0];
const snapshot = JSON.parse(readFileSync(fixturePath(`db/${newest?.[0]}`), 'utf8')) as Snapshot & {
  release: string;
};
const dexie = readFileSync(createRequire(import.meta.url).resolve('dexie/dist/dexie.min.js'), 'utf8');

test(`an update from ${snapshot.release} keeps every prospect with its tier, notes and tags, and the rep’s ICP`, async () => {
  const ext = await launchWithExtension();
  try {
    // Written from a page of the extension's origin that runs none of its code (the manifest shown as text).
    const origin = await ext.context.newPage();
    await origin.goto(ext.pageUrl('manifest.json'));
    await origin.evaluate(dexie);
    await origin.evaluate(async ({ database }) => {
      const { Dexie } = globalThis as unknown as {
        Dexie: new (
          name: string,
        ) => {
          version(n: number): { stores(s: Record<string, string>): void };
          table(name: string): { bulkAdd(rows: unknown[]): Promise<unknown> };
          close(): void;
        };
      };
      const old = new Dexie(database.name);
      old.version(database.version).stores(database.stores);
      for (const [table, rows] of Object.entries(database.tables)) await old.table(table).bulkAdd(rows);
      old.close();
    }, snapshot);
    await origin.close();
    await ext.worker.evaluate(async ({ sync, local }) => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: Record<'sync' | 'local', { set(items: object): Promise<void> }> };
      };
      await chrome.storage.sync.set(sync);
      await chrome.storage.local.set(local);
    }, snapshot.storage);

    const list = await ext.context.newPage();
    await list.goto(ext.pageUrl('list.html'));
    await expect(list.getByTestId('prospect-row')).toHaveCount(snapshot.prospects.length);
    // Upgraded in the browser: Dexie keeps version n as IndexedDB version 10·n.
    const versions = await list.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.version ?? 0),
    );
    expect(Math.max(...versions) / 10).toBeGreaterThan(snapshot.database.version);
    // The release's misfits each rest on something the ICP weighs: none is filed under "Not enough known".
    const counts = [
      ...TierSchema.options.map(
        (tier) => `${tierName(tier)}: ${snapshot.prospects.filter((p) => p.tier === tier).length}`,
      ),
      'Not enough known: 0',
    ];
    await expect(list.getByTestId('list-total')).toHaveText(
      `${snapshot.prospects.length} saved · ${counts.join(' · ')}`,
    );
    for (const p of snapshot.prospects) {
      await expect(list.getByLabel(`Notes on ${p.name}`)).toHaveValue(p.notes);
      await expect(list.getByLabel(`Tags of ${p.name}`)).toHaveValue(p.tags.join(', '));
    }
    // The tier filter finds them through the upgraded rank index.
    await list.getByLabel('Tier', { exact: true }).selectOption('not_a_fit');
    const misfits = snapshot.prospects.filter((p) => p.tier === 'not_a_fit');
    expect(misfits.length).toBeGreaterThan(0);
    await expect(list.getByTestId('prospect-row')).toHaveCount(misfits.length);
    for (const p of misfits) await expect(list.getByTestId('rows')).toContainText(p.name);

    // The rep's own ICP (the built-in one with the industry criterion changed) is still the active one.
    const icp = snapshot.storage.sync.icp as { criteria: Array<{ id: string; label: string }> };
    const industry = icp.criteria.find((c) => c.id === 'industry');
    expect(industry?.label).toBe('Machinery');
    const options = await ext.context.newPage();
    await options.goto(ext.pageUrl('options.html'));
    await expect(options.getByTestId('icp-criterion-industry')).toContainText('Machinery');
  } finally {
    await ext.close();
  }
});
