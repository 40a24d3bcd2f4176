import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_ICP, type Icp } from '@/lib/icp';
import {
  clearUserIcp,
  loadActiveIcp,
  loadIcpHistory,
  loadPolicy,
  loadPrivacy,
  SyncQuotaError,
  savePrivacy,
  saveUserIcp,
  syncSizeProblem,
  userIcpItem,
  watchPolicy,
} from '@/lib/settings';
import { NO_POLICY } from '@/lib/settings/precedence';
import { withCompetitors } from '../helpers/icps';

const withDomains = (count: number, version = 2): Icp =>
  withCompetitors(
    Array.from({ length: count }, (_, i) => `competitor-${i}.com`),
    version,
    `Big ${count}`,
  );

describe('the rep’s ICP in synced storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is the built-in default until the rep saves one, and nothing is written for the default', async () => {
    expect(await loadActiveIcp()).toMatchObject({ source: 'default', icp: { name: DEFAULT_ICP.name } });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('reads back exactly what was saved', async () => {
    const icp = withDomains(3);
    await saveUserIcp(icp);
    expect(await loadActiveIcp()).toMatchObject({ icp, source: 'user', problem: null, locked: false });
  });

  it('splits an ICP too big for one sync item over several, and cleans up when it shrinks', async () => {
    const big = withDomains(1500);
    await saveUserIcp(big);
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(stored).filter((k) => k.startsWith('icpChunk')).length).toBeGreaterThan(1);
    for (const value of Object.values(stored)) expect(JSON.stringify(value).length).toBeLessThan(8192);
    expect((await loadActiveIcp()).icp).toEqual(big);
    await saveUserIcp(withDomains(2, 3));
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual(['icp']);
  });

  it('keeps every sync item within the browser’s 8,192 bytes, escaped quotes and accents counted', async () => {
    // What the browser counts: the key and the value as JSON, in UTF-8. A chunk is a string, so each `"` of the
    // ICP's JSON is stored as `\"`: 1,500 short domains ("c1.io") made chunks of 7,000 characters take 8,700.
    const accents = 'Präzisionsgeräte für Großküchen, Bäckereien und Gaststätten';
    const worded = Array.from({ length: 100 }, (_, i) => `${accents} ${i}`);
    const icps: Icp[] = [
      withCompetitors(
        Array.from({ length: 1500 }, (_, i) => `c${i}.io`),
        2,
        'Short domains',
      ),
      {
        ...DEFAULT_ICP,
        version: 3,
        criteria: [
          ...DEFAULT_ICP.criteria.map((c) => (c.kind === 'industry' ? { ...c, wording: worded } : c)),
          { id: 'kitchens', label: 'Kitchens', kind: 'keywords', weight: 1, rule: 'score', keywords: worded },
        ],
      },
    ];
    for (const icp of icps) {
      await saveUserIcp(icp);
      const stored = await fakeBrowser.storage.sync.get(null);
      expect(Object.keys(stored).filter((k) => k.startsWith('icpChunk')).length).toBeGreaterThan(1);
      for (const [key, value] of Object.entries(stored))
        expect(key.length + new TextEncoder().encode(JSON.stringify(value)).length).toBeLessThanOrEqual(8192);
      expect((await loadActiveIcp()).icp).toEqual(icp);
    }
  });

  it('refuses an ICP too big for browser sync with a clear message, and keeps the one in force', async () => {
    await saveUserIcp(withDomains(3));
    await expect(saveUserIcp(withDomains(5000, 3))).rejects.toThrow(SyncQuotaError);
    await expect(saveUserIcp(withDomains(5000, 3))).rejects.toThrow(
      /takes \d+ kB; browser sync keeps at most about \d+ kB/,
    );
    expect((await loadActiveIcp()).icp.name).toBe('Big 3');
  });

  it('tells before any save whether an ICP fits browser sync, naming the criterion to shorten', async () => {
    // About 80 kB and about 110 kB: the save's own measure tells which fits.
    expect(syncSizeProblem(withDomains(3_500))).toBeNull();
    await saveUserIcp(withDomains(3_500));
    const problem = syncSizeProblem(withDomains(5_000));
    expect(problem).toMatch(/Shorten long lists \(domains, keywords; “Competitors” alone takes \d+ kB\)/);
    await expect(saveUserIcp(withDomains(5_000))).rejects.toThrow(problem as string);
  });

  it('keeps replaced versions in the history, newest first, and clearing goes back to the default', async () => {
    await saveUserIcp(withDomains(1, 2));
    await saveUserIcp(withDomains(2, 3));
    await clearUserIcp();
    expect(await loadHistoryNames()).toEqual(['Big 2', 'Big 1']);
    expect((await loadActiveIcp()).source).toBe('default');
  });

  it('lists the ICP in force under the earlier versions only once a new one is written', async () => {
    await saveUserIcp(withDomains(1, 2));
    // What Chromium answers when the rep's synced settings are full.
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(
      new Error('Resource::kQuotaBytes quota exceeded'),
    );
    await expect(saveUserIcp(withDomains(2, 3))).rejects.toThrow('Browser sync is full');
    expect((await loadActiveIcp()).icp.name).toBe('Big 1');
    expect(await loadHistoryNames()).toEqual([]);
    await saveUserIcp(withDomains(2, 3));
    expect(await loadHistoryNames()).toEqual(['Big 1']);
  });

  it('says, when sync is full, what is wrong and what to do, not the browser’s own words', async () => {
    // Chromium's text, as it rejects a write that the extension's 100 kB of sync has no room for.
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(
      new Error('Resource::kQuotaBytes quota exceeded'),
    );
    await expect(saveUserIcp(withDomains(2, 3))).rejects.toThrow(
      /^Browser sync is full: it keeps about 92 kB for ICP Lens, and this ICP does not fit beside what is stored there\. Shorten long lists \(domains, keywords\), or share it as a team file\.$/,
    );
  });

  it('words a piece refused as too large for one item, not in the browser’s words', async () => {
    // Chromium's text for a single item over its 8 kB per item.
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(
      new Error('Resource::kQuotaBytesPerItem quota exceeded'),
    );
    await expect(saveUserIcp(withDomains(2, 3))).rejects.toThrow(
      /^Browser sync refused a piece of this ICP as too large for one stored item\. Shorten long lists/,
    );
  });

  it('says, when the browser’s saves per minute are used up, to wait a minute and save again', async () => {
    // Chromium's text once an extension has written to sync 120 times within a minute.
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(
      new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'),
    );
    await expect(saveUserIcp(withDomains(2, 3))).rejects.toThrow(
      /^The browser allows only so many saves to sync per minute, and they are used up: wait a minute, then save again\.$/,
    );
  });

  it('never puts an ICP pieced from two saves in force when the browser stops a save half-way', async () => {
    const rivals = withCompetitors(
      Array.from({ length: 1500 }, (_, i) => `rival${i}.de`),
      2,
      'Rivals',
    );
    await saveUserIcp(withDomains(1500, 1));
    const set = fakeBrowser.storage.sync.set.bind(fakeBrowser.storage.sync);
    let writes = 0;
    // The third write (the third piece) refused, as when the browser's writes per minute run out.
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation(async (items) => {
      if (++writes === 3) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
      return set(items);
    });
    await expect(saveUserIcp(rivals)).rejects.toThrow(
      /^The browser allows only so many saves to sync per minute, and they are used up: wait a minute, then save again\. The browser stopped the save half-way.*Earlier versions/,
    );
    vi.mocked(fakeBrowser.storage.sync.set).mockRestore();
    // The pieces of the two do not pass for an ICP: the rep's is read as broken, and the one before is kept.
    const active = await loadActiveIcp();
    expect(active.icp.name).not.toBe('Rivals');
    expect(active.icp.name === 'Big 1500' && active.source === 'user').toBe(false);
    expect(await loadHistoryNames()).toEqual(['Big 1500']);
  });

  it('reads a v1 item saved by an earlier release', async () => {
    // The shape written by 0.1.0: the ICP object itself under `sync:icp`.
    await fakeBrowser.storage.sync.set({ icp: { ...DEFAULT_ICP, name: 'Saved by 0.1.0', version: 4 } });
    expect(await loadActiveIcp()).toMatchObject({
      source: 'user',
      icp: { name: 'Saved by 0.1.0', version: 4 },
    });
    expect(await userIcpItem.getMeta()).toEqual({});
  });
});

async function loadHistoryNames() {
  return (await loadIcpHistory()).map((h) => h.icp.name);
}

describe('privacy settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('default to 30 days, no incognito, nothing paused, without writing anything', async () => {
    expect(await loadPrivacy()).toEqual({ memoryDays: 30, rememberIncognito: false, pausedSites: [] });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('validate changes and keep the rest', async () => {
    await savePrivacy({ memoryDays: 7 });
    await expect(savePrivacy({ memoryDays: 0 })).rejects.toThrow();
    expect(await loadPrivacy()).toEqual({ memoryDays: 7, rememberIncognito: false, pausedSites: [] });
  });
});

describe('the enterprise policy', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  /**
   * Managed storage that answers `delayMs` after each read, as Chromium does right after it starts; `answered`
   * says whether a read has been answered.
   */
  function slowManaged(policy: Record<string, unknown>, delayMs: number) {
    const reads = { answered: false };
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(
      () =>
        new Promise((resolve) =>
          setTimeout(() => {
            reads.answered = true;
            resolve(policy as never);
          }, delayMs),
        ),
    );
    return reads;
  }

  it('counts a slow read as no policy while none has been seen, and tells when a policy comes', async () => {
    const reads = slowManaged({ memoryDays: 7 }, 600);
    const changed = vi.fn();
    const unwatch = watchPolicy(changed);
    expect(await loadPolicy()).toEqual(NO_POLICY);
    expect(reads.answered).toBe(false);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ policySeen: { memoryDays: 7 } });
    unwatch();
  });

  it('answers a slow read with the last policy seen, and tells of a change when the read comes', async () => {
    await fakeBrowser.storage.managed.set({ memoryDays: 7 });
    expect((await loadPolicy()).memoryDays).toBe(7);
    // The browser restarts with a new policy, which it is slow to tell.
    const reads = slowManaged({ memoryDays: 14 }, 1000);
    const changed = vi.fn();
    const unwatch = watchPolicy(changed);
    expect((await loadPolicy()).memoryDays).toBe(7);
    expect(reads.answered).toBe(false);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1), { timeout: 3000 });
    vi.restoreAllMocks();
    await fakeBrowser.storage.managed.set({ memoryDays: 14 });
    expect((await loadPolicy()).memoryDays).toBe(14);
    unwatch();
  });

  it('calls back once for a change an administrator pushes, and keeps nothing when there is no policy', async () => {
    const changed = vi.fn();
    const unwatch = watchPolicy(changed);
    await fakeBrowser.storage.managed.set({ memoryDays: 7 });
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    await fakeBrowser.storage.managed.clear();
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(2));
    expect(await loadPolicy()).toEqual(NO_POLICY);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    unwatch();
  });
});
