/**
 * The database upgrade to the current version with a long list: a v4 (0.2.0 after its first update) or v5
 * database of `count` prospects, records shaped as that version wrote them, is written, then opened by the
 * current code, which upgrades it.
 * Runs in Node over fake-indexeddb and, bundled, in a Chromium page (see scripts/measure-upgrade.ts).
 */
import Dexie, { type DexieOptions } from 'dexie';
import { IcpLensDb, type ProspectRecord } from '../../lib/db/index';
import { saveProspect } from '../../lib/db/prospects';
import { nameTails } from '../../lib/db/search';
import type { CompanyFacts } from '../../lib/extract/schema';
import { DEFAULT_ICP, scoreCompany } from '../../lib/icp';

/** The schemas of v4 and v5, as lib/db/index.ts declares them. */
const STORES = {
  4: {
    pages: '&url, domain, linkedinSlug, seenAt',
    prospects:
      '++id, domain, linkedinSlug, status, savedAt, updatedAt, nameLower, industryId, hqCountry, *tags',
    verdictBlocks: 'id',
    ranks: 'id, *rank',
    evidence: 'id',
  },
  5: {
    pages: '&url, domain, linkedinSlug, seenAt',
    prospects:
      '++id, domain, linkedinSlug, status, savedAt, updatedAt, nameLower, *nameTails, industryId, hqCountry, *tags',
    verdictBlocks: 'id',
    ranks: 'id, *rank',
    evidence: 'id',
  },
};

/** Names starting with accents and capitals or without, as a rep's list has them. */
const NAMES = ['Äpfel & Co', 'émile SA', 'Zürich Data', 'Ökoplan GmbH', 'Acme Robotics', 'bravo GmbH'];

/** How long each step took, in ms, and how many prospects the upgraded name index holds. */
export interface UpgradeFigures {
  seedMs: number;
  upgradeMs: number;
  sorted: number;
}

/** A company record as v4 wrote it (no name tails or sort key), made by the current save code. */
async function v4Template(options?: DexieOptions): Promise<ProspectRecord> {
  const scratch = new IcpLensDb(`upgrade-template-${Date.now()}`, options);
  const found = { source: 'jsonld', snippet: '', confidence: 0.9, alternatives: [] };
  const facts = {
    name: { ...found, value: 'Lumenfold' },
    domain: { ...found, value: 'lumenfold.io' },
    industry: { ...found, value: 'Software' },
  } as CompanyFacts;
  const { prospect } = await saveProspect(scratch, {
    facts,
    result: scoreCompany(facts, DEFAULT_ICP),
    icp: DEFAULT_ICP,
    sourceUrls: ['https://lumenfold.io/'],
  });
  const {
    nameSort: _v6,
    nameTails: _v5,
    ...record
  } = (await scratch.prospects.get(prospect.id as number)) as ProspectRecord;
  await scratch.delete();
  return record;
}

/** Writes a v4 or v5 database of `count` prospects, then times opening it with the current code. */
export async function measureUpgrade(
  count: number,
  from: 4 | 5,
  options?: DexieOptions,
): Promise<UpgradeFigures> {
  const name = `upgrade-bench-${Date.now()}`;
  const template = await v4Template(options);
  const seedStart = performance.now();
  const old = new Dexie(name, options);
  old.version(from).stores(STORES[from]);
  for (let start = 0; start < count; start += 5000) {
    const chunk = Array.from({ length: Math.min(5000, count - start) }, (_, k) => {
      const i = start + k;
      const name = `${NAMES[i % NAMES.length]} ${i}`;
      const nameLower = name.toLowerCase();
      const record = { ...template, id: i + 1, name, nameLower, domain: `c-${i}.com` };
      return from === 5 ? { ...record, nameTails: nameTails(nameLower) } : record;
    });
    await old.table('prospects').bulkAdd(chunk);
  }
  old.close();
  const seedMs = performance.now() - seedStart;

  const upgradeStart = performance.now();
  const db = new IcpLensDb(name, options);
  await db.open();
  const upgradeMs = performance.now() - upgradeStart;
  const sorted = await db.prospects.orderBy('nameSort').count();
  await db.delete();
  return { seedMs, upgradeMs, sorted };
}
