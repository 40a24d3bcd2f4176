import { describe, expect, it } from 'vitest';
import { IcpLensDb, type Verdict } from '@/lib/db/index';
import { allProspects, saveProspect } from '@/lib/db/prospects';
import { movedWith, rescoreChunk, startRescore } from '@/lib/db/rescore';
import { decodeResult, decodeVerdict, encodeVerdict, VERDICT_BLOCK } from '@/lib/db/verdict-store';
import { factsFromValues, factValues, prospectResult } from '@/lib/db/verdicts';
import { mergeCandidates } from '@/lib/extract/merge';
import type { CompanyFacts } from '@/lib/extract/schema';
import { DEFAULT_ICP, type Icp, scoreCompany } from '@/lib/icp';
import { loadFixture, readPage, SAMPLES } from '../helpers/dom';
import { fact } from '../helpers/facts';
import { machineryIcp } from '../helpers/icps';

async function listOf(n: number): Promise<IcpLensDb> {
  const db = new IcpLensDb(`rescore-${Math.random()}`);
  for (let i = 0; i < n; i++) {
    const facts: CompanyFacts = {
      name: fact(`Company ${i}`),
      domain: fact(`company-${i}.com`),
      industry: fact(i % 2 ? 'Software Development' : 'Retail'),
      employees: fact({ min: 300, max: 300 }),
      hqCountry: fact('DE'),
    };
    await saveProspect(
      db,
      { facts, result: scoreCompany(facts, DEFAULT_ICP), icp: DEFAULT_ICP, sourceUrls: [] },
      1,
    );
  }
  return db;
}

describe('re-scoring the list', () => {
  const retail: Icp = {
    ...DEFAULT_ICP,
    version: 2,
    criteria: DEFAULT_ICP.criteria.map((c) =>
      c.kind === 'industry' ? { ...c, industries: ['retail'], wording: [] } : c,
    ),
  };

  it('re-scores every prospect in chunks of whole verdict blocks, records the movers and sums them up', async () => {
    // Ids 1 to 70: three blocks of verdicts, the last one partly filled.
    const db = await listOf(70);
    let progress = await startRescore(db, retail, 5);
    const seen: number[] = [];
    while (progress.finishedAt === null) {
      progress = await rescoreChunk(db, retail, progress, VERDICT_BLOCK, 5);
      seen.push(progress.done);
    }
    expect(seen).toEqual([VERDICT_BLOCK - 1, 2 * VERDICT_BLOCK - 1, 70, 70]);
    expect(progress).toMatchObject({ total: 70, done: 70, icpVersion: 2 });
    const all = await allProspects(db);
    expect(all.every((p) => p.icpVersion === 2)).toBe(true);
    const movers = all.filter((p) => movedWith(p.tierHistory, 2));
    expect(movers).toHaveLength(70);
    expect(progress.movedUp + progress.movedDown).toBe(movers.length);
    expect(progress.movedUp).toBe(movers.filter((p) => p.tier === 'tier_1').length);
  });

  it('keeps what each criterion is once per block, for each ICP its verdicts were scored by', async () => {
    const db = await listOf(40);
    const before = await allProspects(db);
    const machinery = machineryIcp(2);
    // A chunk of one block: block 0 (ids 1 to 31) moves to ICP v2, block 1 (ids 32 to 40) stays on v1.
    await rescoreChunk(db, machinery, await startRescore(db, machinery), VERDICT_BLOCK);
    const [first, second] = await db.verdictBlocks.orderBy(':id').toArray();
    expect(first?.heads).toHaveLength(1);
    expect(second?.heads).toHaveLength(1);
    expect(first?.heads).not.toEqual(second?.heads);
    // A save scored by v2 into block 1 makes that block keep both.
    const facts: CompanyFacts = { name: fact('Late'), domain: fact('late.example') };
    const late = await saveProspect(db, {
      facts,
      result: scoreCompany(facts, machinery),
      icp: machinery,
      sourceUrls: [],
    });
    expect(late.prospect.id).toBe(41);
    expect((await db.verdictBlocks.get(1))?.heads).toHaveLength(2);
    const labels = (icp: Icp) => scoreCompany({}, icp).criteria.map((c) => c.label);
    expect(labels(machinery)).not.toEqual(labels(DEFAULT_ICP));
    for (const p of await allProspects(db)) {
      if (p.id === 41) expect(p.result).toEqual(late.prospect.result);
      else if ((p.id as number) < VERDICT_BLOCK) {
        expect(p.result.criteria.map((c) => c.label)).toEqual(labels(machinery));
        expect(p.icpVersion).toBe(2);
      } else expect(p).toEqual(before.find((b) => b.id === p.id));
    }
  });

  it('resumes after the last chunk written, scoring nobody twice', async () => {
    const db = await listOf(12);
    const first = await rescoreChunk(db, retail, await startRescore(db, retail), 5);
    // The service worker stops here; a new one continues from the saved progress.
    let progress = first;
    while (progress.finishedAt === null) progress = await rescoreChunk(db, retail, progress, 5);
    expect(progress.done).toBe(12);
    const histories = (await allProspects(db)).map(
      (p) => p.tierHistory.filter((h) => h.icpVersion === 2).length,
    );
    expect(histories.every((n) => n === 1)).toBe(true);
  });
});

describe('scoring from a verdict’s kept values', () => {
  const ICPS = [
    DEFAULT_ICP,
    machineryIcp(2, 'Machinery'),
    { ...DEFAULT_ICP, unknownPolicy: 'miss' as const },
  ];
  /** Each sample page's merged facts. */
  const samples = () =>
    SAMPLES.map((s) => mergeCandidates(readPage(loadFixture(`samples/${s.file}`, s.url), s.url)));

  it('gives the same verdict as the full facts, on every sample page and for several ICPs', () => {
    let compared = 0;
    for (const facts of samples()) {
      for (const icp of ICPS) {
        const kept = factsFromValues(factValues(facts));
        expect(scoreCompany(kept, icp, { explain: false })).toEqual(
          scoreCompany(facts, icp, { explain: false }),
        );
        compared++;
      }
    }
    expect(compared).toBe(SAMPLES.length * ICPS.length);
  });

  it('reads back a kept verdict as it was written, on every sample page and for several ICPs', () => {
    let compared = 0;
    let wide = 0;
    for (const facts of samples()) {
      for (const icp of ICPS) {
        const result = prospectResult(scoreCompany(facts, icp));
        const verdict: Verdict = {
          id: compared + 1,
          tier: result.tier,
          score: result.score,
          result,
          icpName: icp.name,
          icpVersion: icp.version,
          tierHistory: [{ from: null, to: result.tier, icpVersion: icp.version, at: 1 }],
          inputs: factValues(facts),
        };
        const stored = encodeVerdict(verdict);
        expect(typeof stored.result).toBe('string');
        expect(decodeResult(stored.result, stored.heads)).toEqual(result);
        expect(decodeVerdict(stored)).toEqual(verdict);
        // Kept one byte per character, whatever the labels and the page's text hold.
        for (const text of [stored.result, stored.heads, stored.inputs])
          expect([...text].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
        wide += [...JSON.stringify([result, verdict.inputs])].filter((c) => c.charCodeAt(0) > 0xff).length;
        compared++;
      }
    }
    expect(compared).toBe(SAMPLES.length * ICPS.length);
    // The samples and ICPs do hold such characters (dashes, curly quotes), so the escaping was exercised.
    expect(wide).toBeGreaterThan(0);
  });
});
