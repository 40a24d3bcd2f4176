/**
 * Typed, versioned storage items. With lib/db, the only part of lib/ that touches storage.
 *
 * Defaults are never written: an unset item means "use the built-in default", so a later default (or a
 * team- or policy-provided ICP) can change under the rep without a stale copy shadowing it.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { PageExtractSchema } from '../extract/schema';
import { DEFAULT_ICP } from '../icp/default-icp';
import { formatIssues, type Icp, IcpSchema } from '../icp/schema';

/** Where the ICP in force came from. */
export const IcpSourceSchema = z.enum(['default', 'user']);

/** The ICP in force, with where it came from and any problem reading the stored one. */
export const ActiveIcpSchema = z.object({
  icp: IcpSchema,
  source: IcpSourceSchema,
  /** Set when a stored ICP exists but could not be used (the default is in force instead). */
  problem: z.string().nullable(),
});
export type ActiveIcp = z.infer<typeof ActiveIcpSchema>;

/**
 * The rep's own ICP (synced across their browsers). `null`: not set, the default is in force.
 * v1: the first shape; later versions add migrations here, each tested from a saved v1 example.
 */
export const userIcpItem = storage.defineItem<unknown>('sync:icp', { fallback: null, version: 1 });

/** Reads the ICP in force. A stored ICP that fails validation is reported, never silently replaced. */
export async function loadActiveIcp(): Promise<ActiveIcp> {
  const stored = await userIcpItem.getValue();
  if (stored === null || stored === undefined) return { icp: DEFAULT_ICP, source: 'default', problem: null };
  const parsed = IcpSchema.safeParse(stored);
  if (parsed.success) return { icp: parsed.data, source: 'user', problem: null };
  return {
    icp: DEFAULT_ICP,
    source: 'default',
    problem: `Your saved ICP could not be read (${formatIssues(parsed.error).slice(0, 3).join('; ')}); the built-in default is in force.`,
  };
}

/** Saves the rep's own ICP after validating it. */
export async function saveUserIcp(icp: Icp): Promise<void> {
  await userIcpItem.setValue(IcpSchema.parse(icp));
}

/** Calls back whenever the stored ICP changes. */
export function watchIcp(callback: () => void): () => void {
  return userIcpItem.watch(callback);
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

/** Reads the privacy settings; anything stored that fails validation falls back to its default. */
export async function loadPrivacy(): Promise<PrivacySettings> {
  const [memoryDays, rememberIncognito, pausedSites] = await Promise.all([
    memoryDaysItem.getValue(),
    rememberIncognitoItem.getValue(),
    pausedSitesItem.getValue(),
  ]);
  const shape = PrivacySettingsSchema.shape;
  return {
    memoryDays: shape.memoryDays.safeParse(memoryDays).data ?? DEFAULT_PRIVACY.memoryDays,
    rememberIncognito:
      shape.rememberIncognito.safeParse(rememberIncognito).data ?? DEFAULT_PRIVACY.rememberIncognito,
    pausedSites: shape.pausedSites.safeParse(pausedSites).data ?? DEFAULT_PRIVACY.pausedSites,
  };
}

/** Saves the privacy settings the rep changed (validated; other settings untouched). */
export async function savePrivacy(change: Partial<PrivacySettings>): Promise<PrivacySettings> {
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
  paused: z.object({ url: z.string(), domain: z.string() }).nullable().default(null),
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
