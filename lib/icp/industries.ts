/**
 * The industry taxonomy ICP Lens normalises to: LinkedIn's Industry Codes V2 top-level groups, with the
 * industries B2B sellers qualify on most split out beneath them. Each industry lists the wordings pages use
 * for it (LinkedIn and Wikipedia labels, NAICS titles, common site wording, German terms); a page's industry
 * text maps to the first industry whose wording it contains. See docs/INDUSTRIES.md.
 */
export interface IndustryDefinition {
  /** Stable id stored in ICP files. */
  id: string;
  label: string;
  /** The LinkedIn V2 top-level group. */
  sector: string;
  /** Lower-case words or phrases matched on word boundaries. */
  terms: readonly string[];
  /**
   * Lower-case values matched only as the whole text: a CRM's picklist values (Salesforce's "Technology",
   * "Communications") that, as a word among others, say less ("financial technology", "marketing
   * communications").
   */
  values?: readonly string[];
}

const TECH = 'Technology, Information and Media';

/** The taxonomy, most specific first (the first match wins). */
export const INDUSTRIES: readonly IndustryDefinition[] = [
  {
    id: 'computer-security',
    label: 'Computer and Network Security',
    sector: TECH,
    terms: [
      'computer and network security',
      'cybersecurity',
      'cyber security',
      'information security',
      'network security',
      'it-sicherheit',
    ],
  },
  {
    id: 'software',
    label: 'Software Development',
    sector: TECH,
    terms: [
      'software development',
      'computer software',
      'software',
      'saas',
      'software as a service',
      'open-source software',
      'enterprise software',
      'softwareentwicklung',
    ],
  },
  {
    id: 'it-services',
    label: 'IT Services and IT Consulting',
    sector: TECH,
    terms: [
      'it services',
      'it consulting',
      'information technology',
      'information technology and services',
      'it-dienstleistungen',
      'systemhaus',
      'managed services',
    ],
  },
  {
    id: 'internet',
    label: 'Technology, Information and Internet',
    sector: TECH,
    terms: [
      'technology, information and internet',
      'internet',
      'internet publishing',
      'online platform',
      'web services',
      'information services',
    ],
    values: ['technology', 'tech', 'high tech', 'high technology'],
  },
  {
    id: 'data-infrastructure',
    label: 'Data Infrastructure and Analytics',
    sector: TECH,
    terms: [
      'data infrastructure and analytics',
      'data analytics',
      'analytics',
      'big data',
      'business intelligence',
      'artificial intelligence',
      'machine learning',
    ],
  },
  {
    id: 'computer-hardware',
    label: 'Computer Hardware Manufacturing',
    sector: 'Manufacturing',
    terms: [
      'computer hardware',
      'computers and electronics manufacturing',
      'semiconductor',
      'semiconductors',
      'electronics manufacturing',
      'electronic manufacturing',
      'electronics',
      'computer networking',
    ],
  },
  {
    id: 'telecommunications',
    label: 'Telecommunications',
    sector: TECH,
    terms: ['telecommunications', 'telecom', 'wireless services', 'telekommunikation', 'wireless'],
    values: ['communications'],
  },
  {
    id: 'media',
    label: 'Media and Publishing',
    sector: TECH,
    terms: [
      'media',
      'publishing',
      'newspaper',
      'broadcast media',
      'online media',
      'book and periodical publishing',
      'verlag',
    ],
  },
  {
    id: 'advertising',
    label: 'Advertising Services',
    sector: 'Professional Services',
    terms: [
      'advertising services',
      'advertising',
      'marketing services',
      'marketing and advertising',
      'digital marketing',
      'werbeagentur',
      'werbung',
      'public relations',
    ],
  },
  {
    id: 'design',
    label: 'Design Services',
    sector: 'Professional Services',
    terms: ['design services', 'graphic design', 'design', 'web design', 'user experience'],
  },
  {
    id: 'consulting',
    label: 'Business Consulting and Services',
    sector: 'Professional Services',
    terms: [
      'business consulting and services',
      'management consulting',
      'consulting',
      'unternehmensberatung',
      'beratung',
    ],
  },
  {
    id: 'legal',
    label: 'Legal Services',
    sector: 'Professional Services',
    terms: [
      'legal services',
      'law practice',
      'law firm',
      'rechtsanwälte',
      'kanzlei',
      'steuerberatung',
      'tax advisory',
    ],
  },
  {
    id: 'accounting',
    label: 'Accounting',
    sector: 'Professional Services',
    terms: ['accounting', 'wirtschaftsprüfung', 'audit'],
  },
  {
    id: 'engineering',
    label: 'Engineering Services',
    sector: 'Professional Services',
    terms: [
      'engineering services',
      'civil engineering',
      'architecture and planning',
      'ingenieurbüro',
      'tragwerksplanung',
      'engineering',
    ],
  },
  {
    id: 'staffing',
    label: 'Staffing and Recruiting',
    sector: 'Administrative and Support Services',
    terms: [
      'staffing and recruiting',
      'staffing',
      'recruiting',
      'human resources services',
      'personaldienstleistung',
      'human resources',
    ],
  },
  {
    id: 'financial-services',
    label: 'Financial Services',
    sector: 'Financial Services',
    terms: [
      'financial services',
      'fintech',
      'payments',
      'investment management',
      'capital markets',
      'venture capital',
      'finanzdienstleistungen',
      'financial technology',
      'finance',
    ],
  },
  {
    id: 'banking',
    label: 'Banking',
    sector: 'Financial Services',
    terms: ['banking', 'bank', 'credit union'],
  },
  { id: 'insurance', label: 'Insurance', sector: 'Financial Services', terms: ['insurance', 'versicherung'] },
  {
    id: 'hospitals-health-care',
    label: 'Hospitals and Health Care',
    sector: 'Hospitals and Health Care',
    terms: [
      'hospitals and health care',
      'health care',
      'healthcare',
      'hospital',
      'medical practices',
      'mental health care',
      'gesundheitswesen',
      'medical practice',
    ],
  },
  {
    id: 'pharma-biotech',
    label: 'Pharmaceutical and Biotechnology',
    sector: 'Manufacturing',
    terms: [
      'pharmaceutical manufacturing',
      'pharmaceuticals',
      'pharmaceutical',
      'biotechnology research',
      'biotechnology',
      'life sciences',
    ],
  },
  {
    id: 'medical-devices',
    label: 'Medical Equipment Manufacturing',
    sector: 'Manufacturing',
    terms: ['medical equipment manufacturing', 'medical devices', 'medical device', 'medizintechnik'],
  },
  {
    id: 'automotive',
    label: 'Motor Vehicle Manufacturing',
    sector: 'Manufacturing',
    terms: ['motor vehicle manufacturing', 'automotive', 'automobile', 'automobilindustrie'],
  },
  {
    id: 'industrial-machinery',
    label: 'Industrial Machinery Manufacturing',
    sector: 'Manufacturing',
    terms: [
      'industrial machinery manufacturing',
      'machinery',
      'automation machinery',
      'industrial automation',
      'robotics',
      'maschinenbau',
    ],
  },
  {
    id: 'hospitality',
    label: 'Hospitality',
    sector: 'Accommodation Services',
    terms: [
      'hospitality',
      'hotels and motels',
      'restaurants',
      'food and beverage services',
      'travel arrangements',
      'gastronomie',
      'leisure, travel & tourism',
      'leisure travel',
      'tourism',
    ],
  },
  {
    id: 'food-beverage',
    label: 'Food and Beverage Manufacturing',
    sector: 'Manufacturing',
    terms: [
      'food and beverage',
      'food production',
      'beverage manufacturing',
      'coffee',
      'lebensmittel',
      'food & beverage',
      'food & beverages',
      'food and beverages',
      'food beverages',
      'dairy',
      'wine and spirits',
    ],
  },
  {
    id: 'manufacturing',
    label: 'Manufacturing',
    sector: 'Manufacturing',
    terms: [
      'manufacturing',
      'industrial',
      'chemical manufacturing',
      'herstellung',
      'produktion',
      'chemicals',
      'plastics',
      'textiles',
      'packaging and containers',
    ],
  },
  {
    id: 'retail',
    label: 'Retail',
    sector: 'Retail',
    terms: [
      'retail',
      'e-commerce',
      'ecommerce',
      'online retail',
      'consumer goods',
      'einzelhandel',
      'apparel',
      'fashion',
      'supermarkets',
    ],
  },
  {
    id: 'wholesale',
    label: 'Wholesale',
    sector: 'Wholesale',
    terms: ['wholesale', 'import and export', 'großhandel'],
  },
  {
    id: 'transportation-logistics',
    label: 'Transportation, Logistics, Supply Chain and Storage',
    sector: 'Transportation, Logistics, Supply Chain and Storage',
    terms: [
      'transportation, logistics',
      'logistics',
      'supply chain',
      'freight',
      'airlines',
      'aviation',
      'shipping',
      'logistik',
      'transportation',
      'trucking',
      'railroad',
      'warehousing',
      'maritime',
    ],
  },
  {
    id: 'construction',
    label: 'Construction',
    sector: 'Construction',
    terms: ['construction', 'building construction', 'bauwesen', 'bau'],
  },
  {
    id: 'real-estate',
    label: 'Real Estate',
    sector: 'Real Estate and Equipment Rental Services',
    terms: ['real estate', 'property management', 'immobilien'],
  },
  {
    id: 'oil-gas-mining',
    label: 'Oil, Gas, and Mining',
    sector: 'Oil, Gas, and Mining',
    terms: ['oil and gas', 'oil, gas', 'mining', 'oil & gas', 'oil & energy', 'oil energy'],
  },
  {
    id: 'energy-utilities',
    label: 'Utilities and Energy',
    sector: 'Utilities',
    terms: ['utilities', 'renewable energy', 'energy', 'electric power', 'solar', 'energie'],
  },
  {
    id: 'education',
    label: 'Education',
    sector: 'Education',
    terms: [
      'education',
      'higher education',
      'e-learning',
      'edtech',
      'primary and secondary education',
      'university',
      'bildung',
      'professional training',
    ],
  },
  {
    id: 'government',
    label: 'Government Administration',
    sector: 'Government Administration',
    terms: [
      'government administration',
      'government',
      'public administration',
      'public policy',
      'armed forces',
      'behörde',
      'military',
      'law enforcement',
      'judiciary',
      'legislative office',
      'executive office',
      'public safety',
    ],
  },
  {
    id: 'nonprofit',
    label: 'Non-profit Organizations',
    sector: 'Consumer Services',
    terms: [
      'non-profit organizations',
      'non-profit',
      'nonprofit',
      'civic and social organizations',
      'philanthropy',
      'gemeinnützig',
      'not for profit',
      'not-for-profit',
      'non profit',
    ],
  },
  {
    id: 'entertainment',
    label: 'Entertainment Providers',
    sector: 'Entertainment Providers',
    terms: [
      'entertainment',
      'entertainment providers',
      'music',
      'musicians',
      'computer games',
      'gaming',
      'sports',
      'movies',
      'recreation',
      'recreational facilities',
      'casinos',
      'performing arts',
      'motion pictures',
      'mobile games',
    ],
  },
  {
    id: 'agriculture',
    label: 'Farming, Ranching, Forestry',
    sector: 'Farming, Ranching, Forestry',
    terms: ['farming', 'agriculture', 'forestry', 'ranching', 'landwirtschaft'],
  },
  {
    id: 'consumer-services',
    label: 'Consumer Services',
    sector: 'Consumer Services',
    terms: ['consumer services', 'personal care', 'wellness and fitness'],
  },
];

const byId = new Map(INDUSTRIES.map((i) => [i.id, i]));

/** The industry with this id, if it exists. */
export function industryById(id: string): IndustryDefinition | undefined {
  return byId.get(id);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// One compiled pattern per industry, built once: word-bounded alternatives of its terms.
const matchers = INDUSTRIES.map((industry) => ({
  industry,
  pattern: new RegExp(
    `(?:^|[^\\p{L}\\p{N}])(?:${industry.terms.map(escapeRegExp).join('|')})(?:$|[^\\p{L}\\p{N}])`,
    'iu',
  ),
}));

const byValue = new Map(INDUSTRIES.flatMap((industry) => (industry.values ?? []).map((v) => [v, industry])));

/**
 * Maps a page's or a CRM's industry wording ("Advertising Services", "IT-Dienstleistungen", Salesforce's
 * "Transportation") to a taxonomy industry.
 */
export function classifyIndustry(text: string): IndustryDefinition | undefined {
  const t = text.slice(0, 300);
  // Scoring a prospect list classifies the same few wordings over and over.
  if (classified.has(t)) return classified.get(t);
  let found = byValue.get(t.trim().toLowerCase());
  for (const { industry, pattern } of found ? [] : matchers) {
    if (pattern.test(t)) {
      found = industry;
      break;
    }
  }
  if (classified.size > 5000) classified.clear();
  classified.set(t, found);
  return found;
}

const classified = new Map<string, IndustryDefinition | undefined>();
