import { describe, expect, it } from 'vitest';
import { IcpLensDb, type Prospect } from '@/lib/db/index';
import {
  countTier,
  LIST_TIERS,
  type ListQuery,
  orderRankKeys,
  queryProspectIds,
  readsInIndexOrder,
  tierCounts,
} from '@/lib/db/list-query';
import { allProspects, saveProspect, updateProspect } from '@/lib/db/prospects';
import { movedWith, rescoreChunk, startRescore } from '@/lib/db/rescore';
import { getVerdicts } from '@/lib/db/verdict-store';
import type { CompanyFacts } from '@/lib/extract/schema';
import { DEFAULT_ICP, nothingKnown, scoreCompany } from '@/lib/icp';
import { fact } from '../helpers/facts';

/** A search, said plainly: the name from its start or from any word's, or the domain from its start. */
const nameOrDomainStarts = (p: Prospect, search: string) =>
  (p.domain ?? '').startsWith(search) ||
  [0, ...[...p.nameLower.matchAll(/[^\p{L}\p{N}][\p{L}\p{N}]/gu)].map((m) => m.index + 1)].some((at) =>
    p.nameLower.startsWith(search, at),
  );

/** The tier the list files a prospect under, said plainly: "Not enough known" for a Not a fit resting on nothing. */
const listTierOf = (p: Prospect) => (nothingKnown(p.result) ? 'not_enough_known' : p.tier);

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
    const scores = (await getVerdicts(db, byScore)).map((v) => v?.score ?? -1);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect([...byScore].sort()).toEqual([acme.id, brio.id, cala.id].sort());
  });

  it('filters by status, tag, country and a name or domain prefix', async () => {
    const { db, acme, brio } = await list();
    expect(await queryProspectIds(db, { sort: 'score', status: 'contacted' })).toEqual([brio.id]);
    expect(await queryProspectIds(db, { sort: 'score', tag: 'event' })).toEqual([brio.id]);
    // A tag in any case, alone (its index) or beside another filter (checked per record).
    expect(await queryProspectIds(db, { sort: 'score', tag: 'Event' })).toEqual([brio.id]);
    expect(await queryProspectIds(db, { sort: 'name', tag: 'EVENT', search: 'br' })).toEqual([brio.id]);
    expect(await queryProspectIds(db, { sort: 'score', tag: 'even' })).toEqual([]);
    expect(await queryProspectIds(db, { sort: 'score', hqCountry: 'DE' })).toEqual([acme.id]);
    expect(await queryProspectIds(db, { sort: 'name', search: 'ac' })).toEqual([acme.id]);
    expect(await queryProspectIds(db, { sort: 'name', search: 'brio.c' })).toEqual([brio.id]);
    expect(await queryProspectIds(db, { sort: 'score', status: 'contacted', hqCountry: 'DE' })).toEqual([]);
  });

  it('sorts by name as a rep reads names: accents folded and case ignored, with a filter on or not', async () => {
    const db = new IcpLensDb(`names-${Math.random()}`);
    const names = [
      'Zürich Data',
      'émile SA',
      'bravo GmbH',
      'Äpfel & Co',
      'Ökoplan GmbH',
      'Apex Labs',
      'ACME',
    ];
    for (const [i, name] of names.entries()) {
      const facts: CompanyFacts = {
        name: fact(name),
        domain: fact(`company-${i}.com`),
        industry: fact('Software'),
      };
      await saveProspect(
        db,
        { facts, result: scoreCompany(facts, DEFAULT_ICP), icp: DEFAULT_ICP, sourceUrls: [] },
        i,
      );
    }
    const nameOf = new Map((await allProspects(db)).map((p) => [p.id, p.name]));
    const expected = [
      'ACME',
      'Apex Labs',
      'Äpfel & Co',
      'bravo GmbH',
      'émile SA',
      'Ökoplan GmbH',
      'Zürich Data',
    ];
    // Without a filter the index gives the order; with one the records are sorted in memory: both alike.
    expect((await queryProspectIds(db, { sort: 'name' })).map((id) => nameOf.get(id))).toEqual(expected);
    expect((await queryProspectIds(db, { sort: 'name' }, 3)).map((id) => nameOf.get(id))).toEqual(
      expected.slice(0, 3),
    );
    expect(
      (await queryProspectIds(db, { sort: 'name', status: 'new', search: 'company' })).map((id) =>
        nameOf.get(id),
      ),
    ).toEqual(expected);
    // A tier filter (every one of them is in the same tier) keeps the index's order.
    const tiers = new Set((await allProspects(db)).map(listTierOf));
    expect(tiers.size).toBe(1);
    const [tier] = tiers;
    expect((await queryProspectIds(db, { sort: 'name', tier })).map((id) => nameOf.get(id))).toEqual(
      expected,
    );
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

describe('ordering the whole list by its rank keys', () => {
  const TIERS = ['tier_1', 'tier_2', 'tier_3', 'not_a_fit', 'not_enough_known'] as const;
  const RANK = { tier_1: 0, tier_2: 1, tier_3: 2, not_a_fit: 3, not_enough_known: 4 };
  // The score sort: the fits, then Not a fit, then Not enough known, each by score.
  const GROUP = { tier_1: 0, tier_2: 0, tier_3: 0, not_a_fit: 1, not_enough_known: 2 };
  const plain = (keys: Array<[(typeof TIERS)[number], number, number]>, sort: 'tier' | 'score') =>
    [...keys]
      .sort(
        (a, b) =>
          (sort === 'tier' ? RANK[a[0]] - RANK[b[0]] : GROUP[a[0]] - GROUP[b[0]]) ||
          b[1] - a[1] ||
          (sort === 'score' ? RANK[a[0]] - RANK[b[0]] : 0) ||
          b[2] - a[2],
      )
      .map(([, , id]) => id);

  it('puts the better tier first where scores tie, in the score sort', () => {
    // A Tier 3 company scores 100 on the little its page shows; a Tier 1 of the same score comes first.
    const keys: Array<[(typeof TIERS)[number], number, number]> = [
      ['tier_3', 100, 9],
      ['tier_1', 100, 4],
      ['tier_2', 100, 7],
      ['tier_1', 90, 8],
    ];
    expect(orderRankKeys(keys, 'score')).toEqual([4, 7, 9, 8]);
    // Scores the composed key cannot hold go through the comparator, which agrees.
    expect(orderRankKeys([...keys, ['tier_2', 100 / 3, 2 ** 24 + 1]], 'score')).toEqual([
      4,
      7,
      9,
      8,
      2 ** 24 + 1,
    ]);
  });

  it('orders by tier, then score, then newest id, as a comparator would, with scores in tenths or not', () => {
    // A fixed pseudo-random list with many ties on tier and score.
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const tenths = Array.from({ length: 3000 }, (_, i) => [
      TIERS[Math.floor(next() * TIERS.length)] as (typeof TIERS)[number],
      Math.round(next() * 40) / 2,
      i + 1,
    ]) as Array<[(typeof TIERS)[number], number, number]>;
    // Scores the scorer would not write (thirds, beyond 100) and ids beyond 2^24 take the comparator's path.
    const odd = [...tenths, ['tier_2', 100 / 3, 5000] as [(typeof TIERS)[number], number, number]];
    const large = [...tenths, ['tier_1', 50, 2 ** 24 + 3] as [(typeof TIERS)[number], number, number]];
    for (const keys of [tenths, odd, large, []])
      for (const sort of ['tier', 'score'] as const)
        expect(orderRankKeys(keys, sort)).toEqual(plain(keys, sort));
  });
});

describe('company-field sorts', () => {
  it('keep their order when a filter that matches every row is added', async () => {
    const db = new IcpLensDb(`order-${Math.random()}`);
    // Names with accents and other letters beyond ASCII; three saved at the same moment.
    const names = ['Zeta Labs', 'Ørsted', 'Ärztekammer', 'alpha', 'Émile & Co', 'Beta', 'Same A', 'Same B'];
    for (const [i, name] of names.entries()) {
      const facts: CompanyFacts = { name: fact(name), domain: fact(`d${i}.com`), industry: fact('Software') };
      const result = scoreCompany(facts, DEFAULT_ICP);
      await saveProspect(db, { facts, result, icp: DEFAULT_ICP, sourceUrls: [] }, i < 6 ? i : 10);
    }
    for (const sort of ['name', 'savedAt', 'updatedAt'] as const) {
      const plain = await queryProspectIds(db, { sort });
      expect(plain, sort).toHaveLength(names.length);
      for (const filter of [{ status: 'new' as const }, { search: 'd' }])
        expect(await queryProspectIds(db, { sort, ...filter }), `${sort} ${JSON.stringify(filter)}`).toEqual(
          plain,
        );
    }
  });
});

describe('every combination of filters and sort', () => {
  /**
   * 48 companies across tiers, statuses, tags, countries and industries, half of them moved by a re-score; six
   * whose pages show nothing the ICP weighs (one of them a government body, which the ICP disqualifies), and
   * one more government body whose page shows enough to score well.
   */
  async function varied() {
    const db = new IcpLensDb(`list-model-${Math.random()}`);
    const industries = ['Software', 'Retail', 'Machinery'];
    const countries = ['DE', 'US', 'FR', 'JP'];
    const statuses = ['new', 'researching', 'contacted', 'qualified'] as const;
    for (let i = 0; i < 48; i++) {
      const name = `${i % 2 ? 'Beta' : 'Alpha'} ${String(i).padStart(2, '0')}`;
      const silent = i % 8 === 5;
      const facts: CompanyFacts = silent
        ? {
            name: fact(name),
            domain: fact(`c${i}.com`),
            ...(i === 13 ? { companyType: fact('government') } : {}),
          }
        : {
            name: fact(name),
            domain: fact(`c${i}.com`),
            industry: fact(industries[i % 3] as string),
            employees: fact({ min: 20 + ((i * 53) % 900), max: 20 + ((i * 53) % 900) }),
            hqCountry: fact(countries[i % 4] as string),
            // A well-scored company the ICP disqualifies: Not a fit, whatever its score.
            ...(i === 14 ? { companyType: fact('government') } : {}),
          };
      const { prospect } = await saveProspect(
        db,
        { facts, result: scoreCompany(facts, DEFAULT_ICP), icp: DEFAULT_ICP, sourceUrls: [] },
        1000 + ((i * 7) % 48),
      );
      await updateProspect(
        db,
        prospect.id as number,
        { status: statuses[i % 4], tags: i % 3 === 0 ? ['q4'] : [] },
        5000 + ((i * 11) % 48),
      );
    }
    const retail = {
      ...DEFAULT_ICP,
      version: 2,
      criteria: DEFAULT_ICP.criteria.map((c) =>
        c.kind === 'industry' ? { ...c, industries: ['retail'], wording: [] } : c,
      ),
    };
    let progress = await startRescore(db, retail);
    while (progress.finishedAt === null) progress = await rescoreChunk(db, retail, progress, 7);
    return db;
  }

  it('counts each tier as the list holds it, tallied from the rank records as on the index', async () => {
    const db = await varied();
    const all = await allProspects(db);
    const counts = await tierCounts(db);
    for (const tier of LIST_TIERS) {
      expect(counts[tier]).toBe(all.filter((p) => listTierOf(p) === tier).length);
      expect(counts[tier]).toBe(await countTier(db, tier));
    }
    // Five pages that show nothing are "Not enough known"; the government body among the silent pages stays
    // Not a fit, as the ICP excludes it.
    expect(counts.not_enough_known).toBe(5);
    expect(all.filter((p) => p.tier === 'not_a_fit' && listTierOf(p) === 'not_a_fit').length).toBeGreaterThan(
      0,
    );
    // The re-scored list spreads over more than one tier, so a tally putting everyone in one would fail.
    expect(Object.values(counts).filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('answers like a plain filter and sort over the whole list', async () => {
    const db = await varied();
    const all = await allProspects(db);
    const RANK = { tier_1: 0, tier_2: 1, tier_3: 2, not_a_fit: 3, not_enough_known: 4 };
    const GROUP = { tier_1: 0, tier_2: 0, tier_3: 0, not_a_fit: 1, not_enough_known: 2 };
    const key: Record<ListQuery['sort'], (p: Prospect) => number | string> = {
      tier: (p) => RANK[listTierOf(p)] * 1000 - p.score,
      // The fits, then Not a fit, then Not enough known, each by score.
      score: (p) => GROUP[listTierOf(p)] * 1000 - p.score,
      savedAt: (p) => -p.savedAt,
      updatedAt: (p) => -p.updatedAt,
      // Accents folded, case ignored.
      name: (p) => p.nameLower.normalize('NFD').replace(/\p{M}/gu, ''),
    };
    let checked = 0;
    for (const tier of [undefined, 'tier_1', 'not_a_fit', 'not_enough_known'] as const)
      for (const status of [undefined, 'contacted'] as const)
        for (const tag of [undefined, 'q4'])
          for (const search of [undefined, 'c1', '1'])
            for (const hqCountry of [undefined, 'US'])
              for (const movedWithVersion of [undefined, 2])
                for (const sort of ['tier', 'score', 'savedAt', 'updatedAt', 'name'] as const) {
                  const q: ListQuery = { tier, status, tag, search, hqCountry, movedWithVersion, sort };
                  const expected = all.filter(
                    (p) =>
                      (!tier || listTierOf(p) === tier) &&
                      (!status || p.status === status) &&
                      (!tag || p.tags.includes(tag)) &&
                      (!search || nameOrDomainStarts(p, search)) &&
                      (!hqCountry || p.hqCountry === hqCountry) &&
                      (movedWithVersion === undefined || movedWith(p.tierHistory, movedWithVersion)),
                  );
                  const ids = await queryProspectIds(db, q);
                  const byId = new Map(all.map((p) => [p.id, p]));
                  expect([...ids].sort(), JSON.stringify(q)).toEqual(expected.map((p) => p.id).sort());
                  // In order of the sort's key (ties in any order).
                  const keys = ids.map((id) => key[sort](byId.get(id) as Prospect));
                  expect(keys, JSON.stringify(q)).toEqual(
                    [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
                  );
                  // The first rows alone are the whole answer's first rows.
                  const first = await queryProspectIds(db, q, 5);
                  expect(first.map((id) => key[sort](byId.get(id) as Prospect))).toEqual(keys.slice(0, 5));
                  checked++;
                }
    expect(checked).toBe(4 * 2 * 2 * 3 * 2 * 2 * 5);
    // The data exercise every filter: each one keeps some prospects and drops others.
    expect(all.filter((p) => movedWith(p.tierHistory, 2)).length).toBeGreaterThan(0);
    expect(all.filter((p) => !movedWith(p.tierHistory, 2)).length).toBeGreaterThan(0);
    expect(new Set(all.map((p) => p.tier)).size).toBeGreaterThan(2);
    // A Not a fit outscores a fit, so ordering by score alone would put it among the fits.
    const fits = all.filter((p) => p.tier !== 'not_a_fit');
    expect(all.some((p) => listTierOf(p) === 'not_a_fit' && fits.some((f) => f.score < p.score))).toBe(true);
  }, 60_000);
});
