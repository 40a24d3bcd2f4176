/**
 * Property-based tests: random documents thrown at the ICP import and random companies at the scorer. The
 * number of cases run is printed (NUM_RUNS each).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompanyFacts } from '@/lib/extract/schema';
import {
  DEFAULT_ICP,
  type IcpInput,
  IcpSchema,
  INDUSTRIES,
  parseIcp,
  REGION_OPTIONS,
  scoreCompany,
} from '@/lib/icp';
import { migrateIcp } from '@/lib/icp/migrate';

const NUM_RUNS = 500;

const band = fc
  .tuple(fc.option(fc.integer({ min: 0, max: 100_000 })), fc.option(fc.integer({ min: 0, max: 100_000 })))
  .map(([a, b]) => (a !== null && b !== null && a > b ? { min: b, max: a } : { min: a, max: b }));
const base = (i: number) => ({
  id: fc.constant(`c${i}`),
  label: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
  weight: fc.integer({ min: 0, max: 10 }),
  rule: fc.constantFrom('score' as const, 'must-have' as const, 'disqualifier' as const),
});
const criterion = (i: number) =>
  fc.oneof(
    fc.record({
      ...base(i),
      kind: fc.constant('industry' as const),
      industries: fc.subarray(
        INDUSTRIES.map((x) => x.id),
        { minLength: 1 },
      ),
    }),
    fc.record({
      ...base(i),
      kind: fc.constantFrom('employees' as const, 'revenue' as const, 'founded' as const),
      ideal: band,
    }),
    fc.record({
      ...base(i),
      kind: fc.constant('location' as const),
      regions: fc.subarray(
        REGION_OPTIONS.map((r) => r.id),
        { minLength: 1 },
      ),
    }),
    fc.record({
      ...base(i),
      kind: fc.constant('technologies' as const),
      match: fc.constantFrom('any' as const, 'all' as const, 'none' as const),
      technologies: fc.constant(['HubSpot', 'Marketo']),
    }),
    fc.record({
      ...base(i),
      kind: fc.constant('companyType' as const),
      types: fc.constant(['private' as const]),
    }),
  );
const icpArb = fc
  .integer({ min: 1, max: 20 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => criterion(i))))
  .chain((criteria) =>
    fc
      .record({
        unknownPolicy: fc.constantFrom('ignore' as const, 'miss' as const),
        minCoverageForTier1: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(
        (extra) =>
          ({
            ...DEFAULT_ICP,
            ...extra,
            criteria: [
              ...criteria,
              { id: 'anchor', label: 'Anchor', kind: 'employees', weight: 1, ideal: { min: 1, max: null } },
            ],
          }) as IcpInput,
      ),
  )
  .map((input) => IcpSchema.parse(input));

const fact = <T>(value: T) => ({
  value,
  source: 'jsonld' as const,
  snippet: 's',
  confidence: 0.9,
  alternatives: [],
});
const factsArb = fc
  .record(
    {
      industry: fc.constantFrom('Software Development', 'Retail', 'Maschinenbau', 'x').map(fact),
      employees: band.map((b) => fact({ min: b.min ?? 0, max: b.max })),
      foundedYear: fc.integer({ min: 1800, max: 2026 }).map(fact),
      hqCountry: fc.constantFrom('DE', 'US', 'FR', 'JP').map(fact),
      technologies: fc.subarray(['HubSpot', 'Marketo', 'Segment']).map(fact),
      companyType: fc.constantFrom('private', 'public', 'nonprofit').map(fact),
    },
    { requiredKeys: [] },
  )
  .map((f) => f as CompanyFacts);

describe('ICP import and scorer under random input', () => {
  it(`never throws on random JSON documents, and names problems with paths (${NUM_RUNS} cases)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ criteria: fc.jsonValue(), tiers: fc.jsonValue(), name: fc.jsonValue() }),
        ),
        (doc) => {
          const result = parseIcp(doc);
          if (!result.ok) for (const p of result.problems) expect(p).toMatch(/^[^\n]+: /);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it(`never throws on mutated valid ICPs (${NUM_RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), (key, value) => {
        const doc = structuredClone(DEFAULT_ICP) as Record<string, unknown>;
        doc[key] = value;
        expect(() => parseIcp(doc)).not.toThrow();
        expect(() => migrateIcp(doc)).not.toThrow(TypeError);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`scores every random company against every random ICP: 0–100, contributions add up, deterministic (${NUM_RUNS} cases)`, () => {
    fc.assert(
      fc.property(icpArb, factsArb, (icp, facts) => {
        const result = scoreCompany(facts, icp);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.coverage).toBeGreaterThanOrEqual(0);
        expect(result.coverage).toBeLessThanOrEqual(1);
        const tenths = result.criteria.reduce((s, c) => s + Math.round(c.contribution * 10), 0);
        expect(tenths).toBe(Math.round(result.score * 10));
        if (result.criteria.some((c) => c.status === 'disqualified')) expect(result.tier).toBe('not_a_fit');
        expect(scoreCompany(facts, icp)).toEqual(result);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('ICP migrations', () => {
  it('reads a v1 file without schemaVersion as v1', () => {
    const { schemaVersion: _omitted, ...withoutVersion } = DEFAULT_ICP;
    expect(parseIcp(withoutVersion)).toMatchObject({ ok: true });
  });

  it('refuses a file from a newer ICP Lens with a clear message', () => {
    expect(parseIcp({ ...DEFAULT_ICP, schemaVersion: 99 })).toMatchObject({
      ok: false,
      problems: [
        expect.stringMatching(/^schemaVersion: this ICP file uses version 99, written by a newer ICP Lens/),
      ],
      issues: [],
    });
  });
});
