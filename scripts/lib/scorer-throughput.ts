/**
 * Scorer throughput on one core, run as its own process from a production-style bundle (see bench.ts:
 * TypeScript runners wrap every function for stack names, which would measure the runner, not the scorer).
 * Prints `{"bulk": n, "explained": n}` scorings per second.
 */
import type { CompanyFacts } from '../../lib/extract/schema';
import { type Criterion, DEFAULT_ICP, IcpSchema, scoreCompany } from '../../lib/icp';

/** A 20-criterion ICP (the default's kinds, repeated) against 1,000 varied companies, after a warm-up. */
function measure(explain: boolean): number {
  const kinds = DEFAULT_ICP.criteria.filter((c) => c.rule !== 'disqualifier');
  const criteria = Array.from({ length: 20 }, (_, i) => ({
    ...(kinds[i % kinds.length] as Criterion),
    id: `c${i}`,
  }));
  const icp = IcpSchema.parse({ ...DEFAULT_ICP, criteria });
  const fact = <T>(value: T) => ({
    value,
    source: 'jsonld' as const,
    snippet: '',
    confidence: 0.9,
    alternatives: [],
  });
  const companies: CompanyFacts[] = Array.from({ length: 1000 }, (_, i) => ({
    industry: fact(
      ['Software Development', 'Retail', 'IT Services and IT Consulting', 'Maschinenbau'][i % 4] as string,
    ),
    employees: fact({ min: (i * 37) % 5000, max: ((i * 37) % 5000) + 100 }),
    foundedYear: fact(1950 + (i % 75)),
    ...(i % 3 ? { hqCountry: fact(['DE', 'US', 'JP'][i % 3] as string) } : {}),
    ...(i % 2 ? { revenueUsd: fact({ min: i * 100_000, max: i * 200_000 }) } : {}),
  }));
  let n = 0;
  const run = (ms: number) => {
    const end = performance.now() + ms;
    let count = 0;
    while (performance.now() < end) {
      for (let i = 0; i < 100; i++)
        scoreCompany(companies[(n + i) % companies.length] as CompanyFacts, icp, { explain });
      count += 100;
      n += 100;
    }
    return count;
  };
  run(500);
  const started = performance.now();
  const count = run(1500);
  return count / ((performance.now() - started) / 1000);
}

console.log(JSON.stringify({ bulk: measure(false), explained: measure(true) }));
