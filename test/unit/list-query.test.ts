import { describe, expect, it } from 'vitest';
import { IcpLensDb } from '@/lib/db/index';
import { queryProspectIds, readsInIndexOrder } from '@/lib/db/list-query';
import { saveProspect, updateProspect } from '@/lib/db/prospects';
import type { CompanyFacts } from '@/lib/extract/schema';
import { DEFAULT_ICP, scoreCompany } from '@/lib/icp';

const fact = <T>(value: T) => ({
  value,
  source: 'jsonld' as const,
  snippet: '',
  confidence: 0.9,
  alternatives: [],
});

async function list() {
  const db = new IcpLensDb(`list-${Math.random()}`);
  const add = async (name: string, industry: string, employees: number, country: string, at: number) => {
    const facts: CompanyFacts = {
      name: fact(name),
      domain: fact(`${name.toLowerCase()}.com`),
      industry: fact(industry),
      employees: fact({ min: employees, max: employees }),
      hqCountry: fact(country),
    };
    return (
      await saveProspect(
        db,
        { facts, result: scoreCompany(facts, DEFAULT_ICP), icp: DEFAULT_ICP, sourceUrls: [] },
        at,
      )
    ).prospect;
  };
  const acme = await add('Acme', 'Software', 300, 'DE', 1); // Tier 1
  const brio = await add('Brio', 'Retail', 300, 'US', 2); // weaker
  const cala = await add('Cala', 'Software', 100, 'FR', 3);
  await updateProspect(db, brio.id as number, { status: 'contacted', tags: ['event'] });
  return { db, acme, brio, cala };
}

describe('list queries', () => {
  it('groups by tier, best first, then sorts by score inside a filter', async () => {
    const { db, acme, brio, cala } = await list();
    void cala;
    const ids = await queryProspectIds(db, { sort: 'tier' });
    expect(ids[0]).toBe(acme.id);
    expect(ids).toHaveLength(3);
    const byScore = await queryProspectIds(db, { sort: 'score' });
    const scores = (await db.prospects.bulkGet(byScore)).map((p) => p?.score ?? -1);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect([...byScore].sort()).toEqual([acme.id, brio.id, cala.id].sort());
  });

  it('filters by status, tag, country and a name or domain prefix', async () => {
    const { db, acme, brio } = await list();
    expect(await queryProspectIds(db, { sort: 'score', status: 'contacted' })).toEqual([brio.id]);
    expect(await queryProspectIds(db, { sort: 'score', tag: 'event' })).toEqual([brio.id]);
    expect(await queryProspectIds(db, { sort: 'score', hqCountry: 'DE' })).toEqual([acme.id]);
    expect(await queryProspectIds(db, { sort: 'name', search: 'ac' })).toEqual([acme.id]);
    expect(await queryProspectIds(db, { sort: 'name', search: 'brio.c' })).toEqual([brio.id]);
    expect(await queryProspectIds(db, { sort: 'score', status: 'contacted', hqCountry: 'DE' })).toEqual([]);
  });

  it('gives the first rows of a query alone, in the same order as the whole list', async () => {
    const { db } = await list();
    for (const sort of ['tier', 'score', 'savedAt', 'updatedAt', 'name'] as const) {
      const whole = await queryProspectIds(db, { sort });
      expect(await queryProspectIds(db, { sort }, 2)).toEqual(whole.slice(0, 2));
    }
    const filtered = await queryProspectIds(db, { sort: 'name', search: 'c' }, 1);
    expect(filtered).toEqual((await queryProspectIds(db, { sort: 'name', search: 'c' })).slice(0, 1));
    expect(readsInIndexOrder({ sort: 'score' })).toBe(true);
    expect(readsInIndexOrder({ sort: 'score', tier: 'tier_1' })).toBe(false);
    expect(readsInIndexOrder({ sort: 'tier', movedWithVersion: 2 })).toBe(false);
  });
});
