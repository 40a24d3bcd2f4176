/**
 * An update from every earlier release: its database (schema and records, as that release made them; see
 * scripts/snapshot-release.ts) is opened by the current code, and its stored settings are read by it. Nothing
 * may be lost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Prospect, SeenPage } from '@/lib/db/index';
import { countTier, queryProspectIds } from '@/lib/db/list-query';
import { allProspects } from '@/lib/db/prospects';
import { rescoreChunk, startRescore } from '@/lib/db/rescore';
import { prospectResult } from '@/lib/db/verdicts';
import { DEFAULT_ICP } from '@/lib/icp';
import type { ScoreResult } from '@/lib/icp/result-schema';
import { loadActiveIcp, loadPrivacy, loadRescore, loadTeamSchedule } from '@/lib/settings';
import { openUpgraded } from '../helpers/db-snapshot';
import { fixturePath } from '../helpers/dom';

interface Snapshot {
  release: string;
  database: {
    name: string;
    version: number;
    stores: Record<string, string>;
    /** Prospects as releases before 0.2 kept them: with the whole scoring result (its prose left empty). */
    tables: {
      pages: SeenPage[];
      prospects: Array<Omit<Prospect, 'result'> & { result: ScoreResult }>;
    } & Record<string, unknown[]>;
  };
  /**
   * Every prospect whole, as that release's own code read it back (snapshots from 0.2 on). Without it (0.1),
   * the prospects table holds them whole.
   */
  prospects?: Prospect[];
  storage: { sync: Record<string, unknown>; local: Record<string, unknown> };
}

const releases = readdirSync(fixturePath('db'))
  .filter((f) => /^release-.*\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(fixturePath(`db/${f}`), 'utf8')) as Snapshot);

describe('updating from an earlier release', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has a snapshot of at least one release to start from', () => {
    expect(releases.length).toBeGreaterThan(0);
  });

  for (const snapshot of releases) {
    it(`${snapshot.release}: every page and prospect is kept, and the list still answers its queries`, async () => {
      const db = await openUpgraded(snapshot.database, `release-${snapshot.release}`);
      expect(db.verno).toBeGreaterThanOrEqual(snapshot.database.version);
      const byUrl = (a: SeenPage, b: SeenPage) => a.url.localeCompare(b.url);
      expect((await db.pages.toArray()).sort(byUrl)).toEqual([...snapshot.database.tables.pages].sort(byUrl));
      // Each prospect reads back whole (the company and the ICP's verdict on it, wherever they are kept now).
      const saved =
        snapshot.prospects ??
        snapshot.database.tables.prospects.map((before) => {
          // What the list keeps of a result: all of it but the prose, which 0.1 never stored.
          expect(before.result.criteria.every((c) => c.detail === '' && c.evidence === null)).toBe(true);
          return { ...before, result: prospectResult(before.result) };
        });
      expect(saved.length).toBeGreaterThan(0);
      const prospects = await allProspects(db);
      expect(prospects).toHaveLength(saved.length);
      for (const before of saved) expect(prospects.find((p) => p.id === before.id)).toEqual(before);
      // The indexes the list uses still find the old records.
      const ids = await queryProspectIds(db, { sort: 'tier' });
      expect(ids).toHaveLength(prospects.length);
      // Sorted by name, every one of them (the upgrade gave the old records their name sort key), as a rep reads
      // names: accents and case aside.
      const fold = (name: string) => name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
      const byName = await queryProspectIds(db, { sort: 'name' });
      expect(byName).toHaveLength(prospects.length);
      const names = byName.map((id) => fold(prospects.find((p) => p.id === id)?.name as string));
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const tagged = await queryProspectIds(db, { sort: 'score', tag: 'q4' });
      expect(tagged.length).toBe(prospects.filter((p) => p.tags.includes('q4')).length);
      // A search finds each of them from a later word of its name too: the upgrade indexed the old records' words.
      const multiWord = prospects.filter((p) => p.name.includes(' '));
      expect(multiWord.length).toBeGreaterThan(0);
      for (const p of multiWord) {
        const word = (p.name.split(' ').pop() as string).slice(0, 4).toLowerCase();
        expect(await queryProspectIds(db, { sort: 'name', search: word }), p.name).toContain(p.id);
        expect(await queryProspectIds(db, { sort: 'tier', search: word }), p.name).toContain(p.id);
      }
      for (const tier of ['tier_1', 'tier_2', 'tier_3', 'not_a_fit'] as const) {
        expect(await countTier(db, tier)).toBe(prospects.filter((p) => p.tier === tier).length);
      }
      // And a re-score after the update reaches every one of them.
      let progress = await startRescore(db, { ...DEFAULT_ICP, version: 1000 });
      while (progress.finishedAt === null) progress = await rescoreChunk(db, DEFAULT_ICP, progress);
      expect(progress.done).toBe(saved.length);
      db.close();
    });

    it(`${snapshot.release}: the rep's ICP, privacy choices, re-score summary and team address are read as they were`, async () => {
      await fakeBrowser.storage.sync.set(snapshot.storage.sync);
      await fakeBrowser.storage.local.set(snapshot.storage.local);
      const active = await loadActiveIcp();
      expect(active.source).toBe('user');
      // Every stored setting as it was; a setting added since at its default (minCoverageForTier2, after 0.2.0).
      expect(active.icp).toEqual({ minCoverageForTier2: 0.3, ...(snapshot.storage.sync.icp as object) });
      expect(await loadPrivacy()).toMatchObject({
        memoryDays: snapshot.storage.local.memoryDays,
        rememberIncognito: snapshot.storage.local.rememberIncognito,
        pausedSites: snapshot.storage.local.pausedSites,
      });
      expect(await loadRescore()).toEqual(snapshot.storage.local.rescore);
      expect((await loadTeamSchedule()).url).toBe(snapshot.storage.local.teamIcpUrl);
    });
  }
});
