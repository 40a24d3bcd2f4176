/**
 * Typed, versioned storage items. With lib/db, the only part of lib/ that touches storage.
 *
 * Defaults are never written: an unset item means "use the built-in default", so a later default (or a
 * team- or policy-provided ICP) can change under the rep without a stale copy shadowing it.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { PageExtractSchema } from '../extract/schema';
import { DEFAULT_ICP } from '../icp/default-icp';
import { type Icp, IcpSchema, parseIcp } from '../icp/schema';
import { checkTeamUrl } from '../team-sync';
import {
  type ActiveIcp,
  DEFAULT_REFRESH_MINUTES,
  effectiveTeamUrl,
  type ManagedPolicy,
  readPolicy,
  resolveActiveIcp,
  type TeamSyncState,
  TeamSyncStateSchema,
} from './precedence';

export {
  type ActiveIcp,
  ActiveIcpSchema,
  type IcpSource,
  IcpSourceSchema,
  type ManagedPolicy,
  type TeamStatus,
  type TeamSyncState,
} from './precedence';

/**
 * The rep's own ICP (synced across their browsers). `null`: not set, the default is in force.
 * v1: either the ICP itself or, when it is too big for one sync item, `{ chunked, version, savedAt }` pointing
 * at `sync:icpChunk<i>` strings. Later versions add migrations here, each tested from a saved v1 example.
 */
export const userIcpItem = storage.defineItem<unknown>('sync:icp', { fallback: null, version: 1 });

/** Browser sync allows 8,192 bytes per item (key included) and 102,400 in all. */
const SYNC_ITEM_BYTES = 8000;
const SYNC_TOTAL_BYTES = 95_000;

const ChunkPointerSchema = z.object({
  chunked: z.number().int().min(1).max(20),
  version: z.number(),
  savedAt: z.number(),
  /**
   * The joined JSON's length and hash: chunks a save stopped writing half-way (the browser's sync quota, its
   * writes per minute), or that another device has only partly received, join into JSON that can still parse
   * as an ICP nobody saved, the old one's end on the new one's start. Absent in pointers written before 0.3.0.
   */
  length: z.number().int().nonnegative().optional(),
  hash: z.number().int().nonnegative().optional(),
});
const chunkKey = (i: number) => `sync:icpChunk${i}` as const;

const utf8 = new TextEncoder();
/**
 * The bytes browser sync counts for a value: its JSON, in UTF-8 (a chunk's `"` is stored as `\"`), as Chromium
 * writes it, which spells `<`, `>`, `&` and the line and paragraph separators as six-character escapes (counted
 * so whether or not it does for each: a few bytes too many cost nothing).
 */
const storedBytes = (value: unknown) => {
  const json = JSON.stringify(value);
  return (
    utf8.encode(json).length +
    5 * (json.match(/[<>&]/g)?.length ?? 0) +
    3 * (json.match(/[\u2028\u2029]/g)?.length ?? 0)
  );
};

/** FNV-1a over a string's UTF-16 code units: enough to tell a whole ICP from pieces of two. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The ICP's JSON cut into strings that each fit one sync item once stored: measured as the browser measures
 * them (quotes escaped, accents in UTF-8, with the key), not in characters, and never inside a character.
 */
function syncChunks(json: string): string[] {
  // The longest chunk key ("icpChunk19") and the string's own quotes.
  const room = SYNC_ITEM_BYTES - 'icpChunk19'.length - 2;
  const chunks: string[] = [];
  let chunk = '';
  let size = 0;
  for (const char of json) {
    const bytes = storedBytes(char) - 2;
    if (size + bytes > room) {
      chunks.push(chunk);
      chunk = '';
      size = 0;
    }
    chunk += char;
    size += bytes;
  }
  if (chunk) chunks.push(chunk);
  return chunks;
}

/** How an ICP is written to browser sync: whole in one item, or as chunks; and the bytes it takes there. */
function syncLayout(icp: Icp): { json: string; single: boolean; chunks: string[]; bytes: number } {
  const json = JSON.stringify(icp);
  const single = 'icp'.length + storedBytes(icp) <= SYNC_ITEM_BYTES;
  const chunks = single ? [] : syncChunks(json);
  const bytes = single
    ? storedBytes(icp)
    : chunks.reduce((sum, chunk, i) => sum + `icpChunk${i}`.length + storedBytes(chunk), 0);
  return { json, single, chunks, bytes };
}

/**
 * Why this ICP cannot be saved as the rep's own (too big for browser sync), naming its biggest criterion, the
 * one to shorten first; `null` when it fits. What a save refuses with, and what an import warns of at once.
 */
export function syncSizeProblem(icp: Icp): string | null {
  return sizeProblem(icp, syncLayout(icp).bytes);
}

/** {@link syncSizeProblem} for an ICP whose bytes in sync are measured already. */
function sizeProblem(icp: Icp, bytes: number): string | null {
  if (bytes <= SYNC_TOTAL_BYTES) return null;
  const biggest = icp.criteria.reduce((a, b) => (storedBytes(b) > storedBytes(a) ? b : a));
  return `This ICP takes ${Math.ceil(bytes / 1024)} kB; browser sync keeps at most about ${Math.floor(SYNC_TOTAL_BYTES / 1024)} kB. Shorten long lists (domains, keywords; “${biggest.label}” alone takes ${Math.ceil(storedBytes(biggest) / 1024)} kB) or share it as a team file.`;
}

/** The ICP is too big for browser sync. */
export class SyncQuotaError extends Error {}

async function readStoredIcp(): Promise<unknown> {
  const stored = await userIcpItem.getValue();
  const pointer = ChunkPointerSchema.safeParse(stored);
  if (!pointer.success) return stored;
  const chunks = await Promise.all(
    Array.from({ length: pointer.data.chunked }, (_, i) => storage.getItem<string>(chunkKey(i))),
  );
  const json = chunks.map((c) => c ?? '').join('');
  const { length, hash } = pointer.data;
  if ((length !== undefined && json.length !== length) || (hash !== undefined && fnv1a(json) !== hash))
    return { brokenChunks: true };
  try {
    return JSON.parse(json);
  } catch {
    return { brokenChunks: true };
  }
}

/**
 * The managed storage area as last read, kept so that a read the browser is slow to answer need not hold
 * anything up (see {@link loadPolicy}). It is the policy's own text, which the extension may read anyway.
 */
const policySeenItem = storage.defineItem<Record<string, unknown> | null>('local:policySeen', {
  fallback: null,
});

/**
 * How long a policy read is waited for before the last policy seen stands in. Chromium answers the first read
 * of managed storage after the browser starts only once its policy service is ready: 2.6 s after the start in
 * Debian's Chromium here, when every other read takes a few milliseconds. Every page opened meanwhile waited
 * for it before its verdict.
 */
const POLICY_WAIT_MS = 200;

/** The read of managed storage under way, shared by everyone who asks meanwhile; whether it was late. */
let managedRead: Promise<Record<string, unknown>> | null = null;
let managedReadLate = false;
/** Reads started, so that an answer to an earlier read never overwrites a later one's. */
let managedReads = 0;

/**
 * Reads managed storage (no policy, or a browser without managed storage, is an empty area: Firefox rejects
 * the read when no policy names this extension). An answer that differs from the last one seen is kept, which
 * is what tells {@link watchPolicy}'s listeners. `fresh` starts a read of its own (after a change, a read
 * started before it may answer with the old policy).
 */
function readManaged(fresh = false): Promise<Record<string, unknown>> {
  if (managedRead && !fresh) return managedRead;
  const number = ++managedReads;
  const read = storage
    .snapshot('managed')
    .catch(() => ({}))
    .then(async (snapshot) => {
      if (number !== managedReads) return snapshot;
      managedRead = null;
      managedReadLate = false;
      // No policy is kept as nothing, as every default is (an empty area and no item are the same).
      const seen = (await policySeenItem.getValue()) ?? {};
      if (JSON.stringify(seen) === JSON.stringify(snapshot)) return snapshot;
      if (Object.keys(snapshot).length === 0) await policySeenItem.removeValue();
      else await policySeenItem.setValue(snapshot);
      return snapshot;
    });
  managedRead = read;
  return read;
}

/**
 * The enterprise policy (managed storage). A read the browser does not answer within a moment (right after
 * it starts) is answered with the last policy seen (none, if none was), as is every read while it is still
 * late, and its own answer, should it differ, reaches {@link watchPolicy}'s listeners as a change: what was
 * scored meanwhile is scored again.
 */
export async function loadPolicy(): Promise<ManagedPolicy> {
  const read = readManaged();
  let answer: Record<string, unknown> | null = null;
  if (!managedReadLate) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), POLICY_WAIT_MS);
    });
    answer = await Promise.race([read, late]);
    clearTimeout(timer);
    if (answer === null && managedRead === read) managedReadLate = true;
  }
  return readPolicy(answer ?? (await policySeenItem.getValue()) ?? {});
}

/** The team-file address the rep set (a policy's address wins over it); `null`: none. */
export const teamIcpUrlItem = storage.defineItem<string | null>('local:teamIcpUrl', {
  fallback: null,
  version: 1,
});

/** The team file's last good ICP, validators, last check and last error (see TeamSyncStateSchema). */
export const teamSyncItem = storage.defineItem<unknown>('local:teamIcp', { fallback: null, version: 1 });

/** The stored team-sync state, or null when there is none (or it no longer validates). */
export async function loadTeamSync(): Promise<TeamSyncState | null> {
  return TeamSyncStateSchema.safeParse(await teamSyncItem.getValue()).data ?? null;
}

/** The team address in force (policy, else the rep's) and how often to check it. */
export async function loadTeamSchedule(): Promise<{
  url: string | null;
  setBy: 'policy' | 'rep' | null;
  periodMinutes: number;
}> {
  const [policy, repUrl] = await Promise.all([loadPolicy(), teamIcpUrlItem.getValue()]);
  const team = effectiveTeamUrl(policy, repUrl);
  return {
    url: team?.url ?? null,
    setBy: team?.setBy ?? null,
    periodMinutes: policy.refreshMinutes ?? DEFAULT_REFRESH_MINUTES,
  };
}

/**
 * Reads the ICP in force: the policy's, the team file's, the rep's own or the built-in default (see
 * precedence.ts). A stored or provided ICP that fails validation is reported, never silently replaced.
 */
export async function loadActiveIcp(): Promise<ActiveIcp> {
  const [policy, repTeamUrl, team, user] = await Promise.all([
    loadPolicy(),
    teamIcpUrlItem.getValue(),
    loadTeamSync(),
    readStoredIcp(),
  ]);
  return resolveActiveIcp({ policy, repTeamUrl, team, user: user ?? null, defaultIcp: DEFAULT_ICP });
}

/** The rep's own ICP if one is stored and valid (whether or not it is in force). */
async function loadUserIcp(): Promise<Icp | null> {
  const stored = await readStoredIcp();
  if (stored === null || stored === undefined) return null;
  const parsed = parseIcp(stored);
  return parsed.ok ? parsed.icp : null;
}

/**
 * Sets (or, with `null`, removes) the team-file address the rep chose. Refuses an address that is not https
 * (or http on localhost). Removing it forgets the team file's state; the rep's own ICP is untouched.
 */
export async function saveRepTeamUrl(url: string | null): Promise<void> {
  if (url === null) {
    await teamIcpUrlItem.removeValue();
    await teamSyncItem.removeValue();
    return;
  }
  const checked = checkTeamUrl(url);
  if (!checked.ok) throw new Error(`Not saved: ${checked.problem}.`);
  await teamIcpUrlItem.setValue(checked.url.href);
}

/** Saves the state a team sync returned. */
export async function saveTeamSync(state: TeamSyncState): Promise<void> {
  await teamSyncItem.setValue(TeamSyncStateSchema.parse(state));
}

/**
 * What to tell the manager when the browser refuses a write to sync, in place of its own words
 * ("Resource::kQuotaBytes quota exceeded", "This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota."),
 * which name neither what is wrong nor what to do; any other error as it is. Chromium's texts, as it words them.
 */
function syncRefusal(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/MAX_WRITE_OPERATIONS_PER_MINUTE/.test(text))
    return 'The browser allows only so many saves to sync per minute, and they are used up: wait a minute, then save again';
  if (/MAX_WRITE_OPERATIONS_PER_HOUR/.test(text))
    return 'The browser allows only so many saves to sync per hour, and they are used up: save again within the hour (Export JSON keeps the draft meanwhile)';
  // One item over the browser's limit per item: the pieces are sized to fit it, so only a browser that counts
  // differently would say this; the advice is the same.
  if (/kQuotaBytesPerItem\b|QUOTA_BYTES_PER_ITEM\b/.test(text))
    return 'Browser sync refused a piece of this ICP as too large for one stored item. Shorten long lists (domains, keywords), or share it as a team file';
  if (/kQuotaBytes\b|QUOTA_BYTES\b/.test(text))
    return `Browser sync is full: it keeps about ${Math.floor(SYNC_TOTAL_BYTES / 1024)} kB for ICP Lens, and this ICP does not fit beside what is stored there. Shorten long lists (domains, keywords), or share it as a team file`;
  return text.replace(/\.$/, '');
}

/**
 * The browser refused a write after the first piece of a long ICP was written: the ICP in force before is no
 * longer whole (it is read as broken), and nothing told the pages so, as the pointer to the pieces is written last.
 */
export class SaveStoppedHalfWayError extends Error {}

/** The rep may not save an ICP of their own: the organisation's policy sets it. */
export class IcpLockedError extends Error {}

/** The rep's earlier ICP versions, newest first (kept locally: sync space is small). */
export const IcpHistorySchema = z.array(z.object({ icp: z.unknown(), replacedAt: z.number() })).max(20);
const icpHistoryItem = storage.defineItem<unknown>('local:icpHistory', { fallback: [], version: 1 });
const HISTORY_LENGTH = 10;

/** Earlier versions of the rep's ICP that still validate, newest first. */
export async function loadIcpHistory(): Promise<Array<{ icp: Icp; replacedAt: number }>> {
  const parsed = IcpHistorySchema.safeParse(await icpHistoryItem.getValue());
  if (!parsed.success) return [];
  return parsed.data.flatMap((entry) => {
    const icp = parseIcp(entry.icp);
    return icp.ok ? [{ icp: icp.icp, replacedAt: entry.replacedAt }] : [];
  });
}

/**
 * Saves the rep's own ICP after validating it; the ICP it replaces goes into the history (and out of it again
 * when the browser refuses the save before anything changed). Splits it over several sync items when it is too
 * big for one, and refuses it (SyncQuotaError) when it is too big for sync.
 */
export async function saveUserIcp(input: Icp): Promise<void> {
  const icp = IcpSchema.parse(input);
  const { json, single, chunks, bytes } = syncLayout(icp);
  const tooBig = sizeProblem(icp, bytes);
  if (tooBig) throw new SyncQuotaError(tooBig);
  if ((await loadActiveIcp()).locked) {
    throw new IcpLockedError('Your organisation’s policy sets the ICP; it cannot be changed here.');
  }
  const previous = await loadUserIcp();
  const oldPointer = ChunkPointerSchema.safeParse(await userIcpItem.getValue());
  // The ICP it replaces is filed first, so that it can be gone back to whatever happens to the writes below.
  const history = await loadIcpHistory();
  if (previous) await addToHistory(previous);
  try {
    if (single) {
      await userIcpItem.setValue(icp);
    } else {
      // Chunks first, pointer last: a sync interrupted half-way never points at missing chunks, and chunks of
      // two ICPs under the old pointer fail its length and hash (read as broken, never as an ICP).
      for (const [i, chunk] of chunks.entries()) await storage.setItem(chunkKey(i), chunk);
      await userIcpItem.setValue({
        chunked: chunks.length,
        version: icp.version,
        savedAt: Date.now(),
        length: json.length,
        hash: fnv1a(json),
      });
    }
  } catch (error) {
    // Refused before anything changed (the browser's sync quota), the old ICP is still in force whole: it is
    // not listed as replaced. Refused half-way, it stays among the earlier versions to go back to.
    const intact = await loadUserIcp().catch(() => null);
    if (JSON.stringify(intact) === JSON.stringify(previous)) {
      await icpHistoryItem.setValue(history).catch(() => {});
      throw new Error(`${syncRefusal(error)}.`, { cause: error });
    }
    throw new SaveStoppedHalfWayError(
      `${syncRefusal(error)}. The browser stopped the save half-way, so your ICP before it is no longer whole in force: load it again from Earlier versions.`,
      { cause: error },
    );
  }
  const stale = oldPointer.success ? oldPointer.data.chunked : 0;
  for (let i = chunks.length; i < stale; i++) await storage.removeItem(chunkKey(i));
}

/** Files an ICP that is no longer in force under the earlier versions, newest first. */
async function addToHistory(icp: Icp): Promise<void> {
  await icpHistoryItem.setValue(
    [{ icp, replacedAt: Date.now() }, ...(await loadIcpHistory())].slice(0, HISTORY_LENGTH),
  );
}

/** Goes back to the organisation's ICP or the built-in default (the rep's ICP goes into the history). */
export async function clearUserIcp(): Promise<void> {
  const previous = await loadUserIcp();
  if (previous) await addToHistory(previous);
  const pointer = ChunkPointerSchema.safeParse(await userIcpItem.getValue());
  await userIcpItem.removeValue();
  for (let i = 0; i < (pointer.success ? pointer.data.chunked : 0); i++)
    await storage.removeItem(chunkKey(i));
}

/**
 * Calls back whenever the enterprise policy changes: an administrator pushed a new one, or a read answered
 * late differs from the policy last seen. A change of managed storage is read again, and the callback runs
 * when the policy seen changes, so that one change calls back once.
 */
export function watchPolicy(callback: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') void readManaged(true);
  };
  browser.storage.onChanged.addListener(listener);
  const unwatch = policySeenItem.watch(callback);
  return () => {
    browser.storage.onChanged.removeListener(listener);
    unwatch();
  };
}

/**
 * Calls back on any change to the ICP settings, including a team check that changed nothing but its time or
 * error: for pages that show those (the options page).
 */
export function watchIcpSettings(callback: () => void): () => void {
  const stops = [
    userIcpItem.watch(callback),
    teamIcpUrlItem.watch(callback),
    teamSyncItem.watch(callback),
    watchPolicy(callback),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

/** Identifies an ICP by what it says, so that a change from any channel is noticed once. */
function identity(active: ActiveIcp): string {
  return `${active.source} ${JSON.stringify(active.icp)}`;
}

/**
 * Calls back whenever the ICP in force changes, from any channel: the rep's ICP, the team address, a new team
 * file, the policy. A team check that changes nothing (a 304, a failure) does not call back.
 */
export function watchActiveIcp(callback: (active: ActiveIcp) => void): () => void {
  let last: Promise<string> = loadActiveIcp().then(identity);
  const check = () => {
    last = last.then(async (before) => {
      const active = await loadActiveIcp();
      const now = identity(active);
      if (now !== before) callback(active);
      return now;
    });
  };
  return watchIcpSettings(check);
}

/** The rep's privacy choices for the company memory. */
export const PrivacySettingsSchema = z.object({
  /** Pages older than this many days are forgotten. */
  memoryDays: z.number().int().min(1).max(365),
  /** Whether pages seen in incognito windows are remembered. */
  rememberIncognito: z.boolean(),
  /** Registrable domains where ICP Lens does not read pages at all. */
  pausedSites: z.array(z.string().regex(/^[a-z0-9.-]+$/)).max(1000),
});
export type PrivacySettings = z.infer<typeof PrivacySettingsSchema>;

/** The defaults, used while the rep has not chosen (never written to storage). */
export const DEFAULT_PRIVACY: PrivacySettings = { memoryDays: 30, rememberIncognito: false, pausedSites: [] };

const memoryDaysItem = storage.defineItem<number>('local:memoryDays', {
  fallback: DEFAULT_PRIVACY.memoryDays,
  version: 1,
});
const rememberIncognitoItem = storage.defineItem<boolean>('local:rememberIncognito', {
  fallback: DEFAULT_PRIVACY.rememberIncognito,
  version: 1,
});
const pausedSitesItem = storage.defineItem<string[]>('local:pausedSites', {
  fallback: DEFAULT_PRIVACY.pausedSites,
  version: 1,
});

/** The sites the rep paused: where ICP Lens reads nothing. */
export async function loadPausedSites(): Promise<string[]> {
  const sites = await pausedSitesItem.getValue();
  return PrivacySettingsSchema.shape.pausedSites.safeParse(sites).data ?? DEFAULT_PRIVACY.pausedSites;
}

/** The privacy settings an organisation's policy sets for every rep: they override the rep's own. */
export type PrivacyLocks = { memoryDays: boolean; rememberIncognito: boolean };

/** Which privacy settings the policy sets. */
export async function loadPrivacyLocks(): Promise<PrivacyLocks> {
  const policy = await loadPolicy();
  return { memoryDays: policy.memoryDays !== null, rememberIncognito: policy.rememberIncognito !== null };
}

/**
 * Reads the privacy settings in force: the policy's where it sets them, else the rep's; anything stored that
 * fails validation falls back to its default.
 */
export async function loadPrivacy(): Promise<PrivacySettings> {
  const [memoryDays, rememberIncognito, pausedSites, policy] = await Promise.all([
    memoryDaysItem.getValue(),
    rememberIncognitoItem.getValue(),
    loadPausedSites(),
    loadPolicy(),
  ]);
  const shape = PrivacySettingsSchema.shape;
  return {
    memoryDays:
      policy.memoryDays ?? shape.memoryDays.safeParse(memoryDays).data ?? DEFAULT_PRIVACY.memoryDays,
    rememberIncognito:
      policy.rememberIncognito ??
      shape.rememberIncognito.safeParse(rememberIncognito).data ??
      DEFAULT_PRIVACY.rememberIncognito,
    pausedSites,
  };
}

/** What the rep is told when changing a setting the policy sets. */
const LOCKED_PRIVACY: Record<keyof PrivacyLocks, string> = {
  memoryDays: 'Your organisation’s policy sets how long pages are remembered; it cannot be changed here.',
  rememberIncognito:
    'Your organisation’s policy sets whether incognito pages are remembered; it cannot be changed here.',
};

/** Saves the privacy settings the rep changed (validated; other settings untouched; none the policy sets). */
export async function savePrivacy(change: Partial<PrivacySettings>): Promise<PrivacySettings> {
  const locks = await loadPrivacyLocks();
  for (const key of ['memoryDays', 'rememberIncognito'] as const)
    if (change[key] !== undefined && locks[key]) throw new Error(LOCKED_PRIVACY[key]);
  const next = PrivacySettingsSchema.parse({ ...(await loadPrivacy()), ...change });
  if (change.memoryDays !== undefined) await memoryDaysItem.setValue(next.memoryDays);
  if (change.rememberIncognito !== undefined) await rememberIncognitoItem.setValue(next.rememberIncognito);
  if (change.pausedSites !== undefined) await pausedSitesItem.setValue([...new Set(next.pausedSites)].sort());
  return next;
}

/** What the background remembers of a tab: the page's extraction, until the tab navigates or closes. */
export const StoredPageSchema = z.object({
  tabId: z.number().int(),
  /** The page's extraction; null when ICP Lens is paused on the page's site. */
  extract: PageExtractSchema.nullable(),
  /** Set when the page was not read because the rep paused ICP Lens on this site. */
  paused: z
    .object({
      url: z.string(),
      domain: z.string(),
      /** The rep resumed the site since: the page is read once it is loaded again. */
      resumed: z.boolean().default(false),
    })
    .nullable()
    .default(null),
  /** Whether the tab is in an incognito window. */
  incognito: z.boolean().default(false),
  /** When the page reported, ms since the epoch. */
  reportedAt: z.number(),
});
export type StoredPage = z.infer<typeof StoredPageSchema>;

const tabKey = (tabId: number) => `session:tab-${tabId}` as const;

/**
 * Per-tab page reports in session storage: they survive the service worker being stopped, never reach disk,
 * and one key per tab means two tabs reporting at once cannot overwrite each other.
 */
export const tabPages = {
  async get(tabId: number): Promise<StoredPage | undefined> {
    const parsed = StoredPageSchema.safeParse(await storage.getItem(tabKey(tabId)));
    return parsed.success ? parsed.data : undefined;
  },
  async set(page: StoredPage): Promise<void> {
    await storage.setItem(tabKey(page.tabId), page);
  },
  async delete(tabId: number): Promise<void> {
    await storage.removeItem(tabKey(tabId));
  },
  async all(): Promise<StoredPage[]> {
    const snapshot = await storage.snapshot('session');
    return Object.entries(snapshot)
      .filter(([key]) => key.startsWith('tab-'))
      .map(([, value]) => StoredPageSchema.safeParse(value))
      .flatMap((r) => (r.success ? [r.data] : []));
  },
};

/** The last re-score of the prospect list (see lib/db/rescore.ts): progress while it runs, a summary after. */
export const RescoreProgressSchema = z.object({
  icpName: z.string(),
  icpVersion: z.number(),
  total: z.number(),
  done: z.number(),
  movedUp: z.number(),
  movedDown: z.number(),
  lastId: z.number(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export const rescoreItem = storage.defineItem<unknown>('local:rescore', { fallback: null, version: 1 });

/** The last re-score, if any. */
export async function loadRescore(): Promise<z.infer<typeof RescoreProgressSchema> | null> {
  return RescoreProgressSchema.safeParse(await rescoreItem.getValue()).data ?? null;
}
