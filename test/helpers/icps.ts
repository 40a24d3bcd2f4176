/** ICPs the tests, the snapshot script and the benchmarks change to, built from the default. */
import { DEFAULT_ICP, type Icp } from '../../lib/icp';

/** A manager's new ICP that wants machinery makers instead of software companies. */
export function machineryIcp(version: number, name = 'Machinery'): Icp {
  return {
    ...DEFAULT_ICP,
    name,
    version,
    criteria: DEFAULT_ICP.criteria.map((c) =>
      c.kind === 'industry'
        ? { ...c, label: 'Machinery', industries: ['industrial-machinery'], wording: [] }
        : c,
    ),
  };
}

/** The default ICP with a list of competitors' domains that disqualify (a large team file when long). */
export function withCompetitors(domains: string[], version: number, name: string): Icp {
  return {
    ...DEFAULT_ICP,
    name,
    version,
    criteria: [
      ...DEFAULT_ICP.criteria,
      { id: 'rivals', label: 'Competitors', kind: 'domains', weight: 0, rule: 'disqualifier', domains },
    ],
  };
}
