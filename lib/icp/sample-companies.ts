/**
 * Fictional sample companies, varied across industries, sizes and regions, for the ICP editor's live preview
 * (how a draft would tier them compared with the ICP in force). Written for ICP Lens; any likeness to a real
 * company is accidental.
 */
import type { CompanyFacts } from '../extract/schema';

interface Sample {
  name: string;
  domain: string;
  industry: string;
  employees: [number, number | null];
  country: string;
  founded: number;
  revenueUsd?: [number, number];
  companyType?: string;
  technologies?: string[];
}

const SAMPLES: Sample[] = [
  {
    name: 'Lumenfold',
    domain: 'lumenfold.io',
    industry: 'Software Development',
    employees: [201, 500],
    country: 'DE',
    founded: 2014,
    revenueUsd: [40e6, 60e6],
    technologies: ['HubSpot', 'Segment'],
  },
  {
    name: 'Quarry Peak Logistics',
    domain: 'quarrypeak.com',
    industry: 'Software Development',
    employees: [11, 50],
    country: 'US',
    founded: 2009,
    companyType: 'private',
  },
  {
    name: 'Fernbridge Maschinenbau',
    domain: 'fernbridge.de',
    industry: 'Maschinenbau',
    employees: [140, 140],
    country: 'DE',
    founded: 1996,
    revenueUsd: [30e6, 30e6],
  },
  {
    name: 'Civic Ledger',
    domain: 'civicledger.org',
    industry: 'Non-profit Organizations',
    employees: [240, 240],
    country: 'CA',
    founded: 2016,
    companyType: 'nonprofit',
  },
  {
    name: 'Northwind Payments',
    domain: 'northwindpay.com',
    industry: 'Financial Services',
    employees: [1001, 5000],
    country: 'GB',
    founded: 2011,
    revenueUsd: [300e6, 300e6],
    technologies: ['Salesforce', 'Marketo'],
  },
  {
    name: 'Kestrel Robotics',
    domain: 'kestrelrobotics.ai',
    industry: 'Automation Machinery Manufacturing',
    employees: [51, 200],
    country: 'US',
    founded: 2017,
    technologies: ['HubSpot'],
  },
  {
    name: 'Tallowmere Studio',
    domain: 'tallowmere.design',
    industry: 'Design Services',
    employees: [2, 10],
    country: 'NL',
    founded: 2019,
  },
  {
    name: 'Orbital Desk',
    domain: 'orbitaldesk.com',
    industry: 'IT Services and IT Consulting',
    employees: [501, 1000],
    country: 'SE',
    founded: 2005,
    revenueUsd: [90e6, 90e6],
    technologies: ['Salesforce'],
  },
  {
    name: 'Harbor & Pine Goods',
    domain: 'harborandpine.com',
    industry: 'Retail',
    employees: [11, 50],
    country: 'US',
    founded: 2015,
    technologies: ['Shopify', 'Klaviyo'],
  },
  {
    name: 'Meridian Health Partners',
    domain: 'meridianhp.org',
    industry: 'Hospitals and Health Care',
    employees: [5001, 10000],
    country: 'US',
    founded: 1968,
    companyType: 'private',
  },
  {
    name: 'Sable Security',
    domain: 'sablesec.io',
    industry: 'Computer and Network Security',
    employees: [201, 500],
    country: 'IL',
    founded: 2018,
    technologies: ['HubSpot'],
  },
  {
    name: 'Alpenglow Foods',
    domain: 'alpenglow-foods.ch',
    industry: 'Food and Beverage Manufacturing',
    employees: [1001, 5000],
    country: 'CH',
    founded: 1921,
    revenueUsd: [800e6, 800e6],
    companyType: 'public',
  },
];

function fact<T>(value: T) {
  return { value, source: 'import' as const, snippet: 'sample company', confidence: 1, alternatives: [] };
}

/** The sample companies as the scorer sees them. */
export const SAMPLE_COMPANIES: ReadonlyArray<{ name: string; facts: CompanyFacts }> = SAMPLES.map((s) => ({
  name: s.name,
  facts: {
    name: fact(s.name),
    domain: fact(s.domain),
    industry: fact(s.industry),
    employees: fact({ min: s.employees[0], max: s.employees[1] }),
    hqCountry: fact(s.country),
    foundedYear: fact(s.founded),
    ...(s.revenueUsd ? { revenueUsd: fact({ min: s.revenueUsd[0], max: s.revenueUsd[1] }) } : {}),
    ...(s.companyType ? { companyType: fact(s.companyType) } : {}),
    ...(s.technologies ? { technologies: fact(s.technologies) } : {}),
  },
}));
