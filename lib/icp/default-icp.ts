/**
 * The ICP in force when nobody configured one: a mid-market B2B SaaS profile, the most common starting
 * point for software sellers. Thresholds follow the usual 80/60/40 banding.
 */

import { DEFAULT_OWNER } from './owner';
import { type Icp, type IcpInput, IcpSchema } from './schema';

const DEFAULT_ICP_INPUT: IcpInput = {
  schemaVersion: 1,
  name: 'Mid-market B2B SaaS (built-in)',
  version: 1,
  updatedAt: '2026-11-23T00:00:00Z',
  owner: DEFAULT_OWNER,
  description:
    'Software and internet companies of 200–2,000 people in North America or Europe, founded this century, ' +
    'with revenue between $20M and $500M. Government, education and non-profits are excluded.',
  criteria: [
    {
      id: 'industry',
      label: 'Software, IT or internet',
      kind: 'industry',
      weight: 3,
      rule: 'score',
      industries: ['software', 'it-services', 'internet', 'computer-security', 'data-infrastructure'],
      wording: ['SaaS'],
    },
    {
      id: 'employees',
      label: '200–2,000 employees',
      kind: 'employees',
      weight: 3,
      rule: 'score',
      ideal: { min: 200, max: 2000 },
      acceptable: [
        { min: 50, max: 199, credit: 0.5 },
        { min: 2001, max: 5000, credit: 0.5 },
      ],
    },
    {
      id: 'location',
      label: 'HQ in North America or Europe',
      kind: 'location',
      weight: 2,
      rule: 'score',
      countries: [],
      regions: ['north-america', 'europe'],
    },
    {
      id: 'revenue',
      label: '$20M–$500M revenue',
      kind: 'revenue',
      weight: 2,
      rule: 'score',
      ideal: { min: 20_000_000, max: 500_000_000 },
      acceptable: [
        { min: 5_000_000, max: 19_999_999, credit: 0.5 },
        { min: 500_000_001, max: 1_000_000_000, credit: 0.5 },
      ],
    },
    {
      id: 'founded',
      label: 'Founded 2000 or later',
      kind: 'founded',
      weight: 1,
      rule: 'score',
      ideal: { min: 2000, max: null },
      acceptable: [{ min: 1990, max: 1999, credit: 0.5 }],
    },
    {
      id: 'not-public-sector',
      label: 'Not government, education or non-profit',
      kind: 'companyType',
      weight: 0,
      rule: 'disqualifier',
      types: ['government', 'educational', 'nonprofit'],
    },
  ],
  tiers: { tier1: 80, tier2: 60, tier3: 40 },
  unknownPolicy: 'ignore',
  minCoverageForTier1: 0.6,
  minCoverageForTier2: 0.3,
  mustHaveFailTier: 'tier_3',
};

/** The built-in default ICP, validated by the same schema as every other ICP. */
export const DEFAULT_ICP: Icp = IcpSchema.parse(DEFAULT_ICP_INPUT);
