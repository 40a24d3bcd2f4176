/**
 * Starting points for an ICP: the built-in default and a few realistic profiles a manager can load into the
 * editor and adapt. Each is validated by the ICP schema when the module loads.
 */
import { DEFAULT_ICP } from './default-icp';
import { PRESET_OWNER } from './owner';
import { type Icp, type IcpInput, IcpSchema } from './schema';

const common = {
  schemaVersion: 1,
  version: 1,
  updatedAt: '2026-11-23T00:00:00Z',
  owner: PRESET_OWNER,
} as const;

const ENTERPRISE_MANUFACTURING: IcpInput = {
  ...common,
  name: 'Enterprise manufacturing',
  description: 'Manufacturers of 1,000+ people in North America or Europe with $250M+ revenue.',
  criteria: [
    {
      id: 'industry',
      label: 'Manufacturing',
      kind: 'industry',
      weight: 4,
      rule: 'must-have',
      industries: [
        'manufacturing',
        'industrial-machinery',
        'automotive',
        'computer-hardware',
        'medical-devices',
        'food-beverage',
        'pharma-biotech',
      ],
      wording: [],
    },
    {
      id: 'employees',
      label: '1,000+ employees',
      kind: 'employees',
      weight: 3,
      ideal: { min: 1000, max: null },
      acceptable: [{ min: 500, max: 999, credit: 0.5 }],
    },
    {
      id: 'revenue',
      label: '$250M+ revenue',
      kind: 'revenue',
      weight: 3,
      ideal: { min: 250_000_000, max: null },
      acceptable: [{ min: 100_000_000, max: 249_999_999, credit: 0.5 }],
    },
    {
      id: 'location',
      label: 'HQ in North America or Europe',
      kind: 'location',
      weight: 2,
      regions: ['north-america', 'europe'],
      countries: [],
    },
    {
      id: 'public',
      label: 'Public or private company',
      kind: 'companyType',
      weight: 0,
      rule: 'disqualifier',
      types: ['government', 'educational', 'nonprofit'],
    },
  ],
  tiers: { tier1: 80, tier2: 60, tier3: 40 },
  unknownPolicy: 'ignore',
  minCoverageForTier1: 0.7,
};

const SMB_ECOMMERCE: IcpInput = {
  ...common,
  name: 'SMB e-commerce',
  description:
    'Online shops of 10–200 people on Shopify or WooCommerce, in English- and German-speaking markets.',
  criteria: [
    {
      id: 'industry',
      label: 'Retail or e-commerce',
      kind: 'industry',
      weight: 3,
      industries: ['retail', 'wholesale', 'food-beverage'],
      wording: ['e-commerce', 'online shop'],
    },
    {
      id: 'employees',
      label: '10–200 employees',
      kind: 'employees',
      weight: 3,
      ideal: { min: 10, max: 200 },
      acceptable: [
        { min: 2, max: 9, credit: 0.5 },
        { min: 201, max: 500, credit: 0.3 },
      ],
    },
    {
      id: 'platform',
      label: 'Runs Shopify or WooCommerce',
      kind: 'technologies',
      weight: 3,
      match: 'any',
      technologies: ['Shopify', 'WooCommerce'],
    },
    {
      id: 'location',
      label: 'US, UK, Ireland, DACH, Canada or Australia',
      kind: 'location',
      weight: 2,
      regions: ['north-america', 'uki', 'dach', 'anz'],
      countries: [],
    },
    {
      id: 'no-enterprise',
      label: 'Not on Salesforce Commerce Cloud',
      kind: 'technologies',
      weight: 0,
      rule: 'disqualifier',
      match: 'any',
      technologies: ['Salesforce Commerce Cloud'],
    },
  ],
  tiers: { tier1: 80, tier2: 60, tier3: 40 },
  unknownPolicy: 'ignore',
  minCoverageForTier1: 0.6,
};

/** The presets offered in the editor, the built-in default first. */
export const PRESETS: ReadonlyArray<{ id: string; icp: Icp }> = [
  { id: 'default', icp: DEFAULT_ICP },
  { id: 'enterprise-manufacturing', icp: IcpSchema.parse(ENTERPRISE_MANUFACTURING) },
  { id: 'smb-ecommerce', icp: IcpSchema.parse(SMB_ECOMMERCE) },
];
