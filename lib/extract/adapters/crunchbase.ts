/**
 * Crunchbase organization pages (`/organization/<slug>` and its tabs). Crunchbase's logged-out profile is an
 * Angular app whose class names are generated and change; what it keeps is visible label → value pairs
 * ("Founded Date", "Number of Employees", "Last Funding Type" ...), an About card of icon → value items,
 * and the company name as the page's `<h1>`. The adapter reads the labels first and uses the About card's
 * icons (their `iconkey` names) as a second cue. Structured data (JSON-LD, meta) is read elsewhere.
 */

import { candidateList } from '../candidate-list';
import { parseMoney } from '../currency';
import type { SiteAdapter } from '../readers';
import type { FactCandidate } from '../schema';
import { cleanText, parseYear } from '../text';
import { parseHeadcount } from './amounts';
import { inRelatedList, type LabeledValue, readLabeledValues, visibleLines } from './dom-text';
import {
  findOwnWebsite,
  isCompanyWebsite,
  isPageChrome,
  linkedinCompanyLink,
  linkUrl,
  socialProfiles,
} from './links';
import { splitLocation } from './location';

const SOURCE = 'adapter:crunchbase';

/** The labels read, as Crunchbase has written them across layouts. */
const LABELS = [
  'headquarters location',
  'location',
  'founded date',
  'founded',
  'number of employees',
  'employees',
  'industries',
  'industry',
  'website',
  'company type',
  'ipo status',
  'operating status',
  'last funding type',
  'funding status',
  'total funding amount',
  'total funding',
  'legal name',
  'stock symbol',
  'description',
  'linkedin',
] as const;

/** True when the address is a Crunchbase organization page (any of its tabs). */
export function isCrunchbaseOrganizationUrl(pageUrl: URL): boolean {
  return (
    /(?:^|\.)crunchbase\.com$/i.test(pageUrl.hostname) && /^\/organization\/[^/]+/.test(pageUrl.pathname)
  );
}

/**
 * True when the page is a Crunchbase organization profile: an `/organization/<slug>` address whose page
 * shows a heading or the profile's labels (a bot check or error page on that address shows neither).
 */
export function isCrunchbaseProfile(doc: Document, pageUrl: URL): boolean {
  if (!isCrunchbaseOrganizationUrl(pageUrl)) return false;
  if (profileHeading(doc)) return true;
  const root = doc.querySelector('main') ?? doc.body;
  return Boolean(
    root && readLabeledValues(root, ['founded date', 'number of employees'], { maxNodes: 6000 }).size,
  );
}

/** Maps a Crunchbase funding type ("Series B", "Post-IPO Equity", "Pre-Seed") to an ICP funding stage. */
export function fundingStageOf(text: string): string | undefined {
  const t = text.toLowerCase();
  if (/post-ipo|\bipo\b|initial public offering/.test(t)) return 'public';
  if (/private equity|buyout/.test(t)) return 'private-equity';
  if (/pre-?seed|\bangel\b/.test(t)) return 'pre-seed';
  if (/\bseed\b/.test(t)) return 'seed';
  // "Series Unknown" has no single letter, so it is no stage.
  const series = /\bseries\s+([a-z])\b/.exec(t)?.[1];
  if (series === 'a') return 'series-a';
  if (series === 'b') return 'series-b';
  if (series === 'c') return 'series-c';
  if (series && series >= 'd') return 'series-d+';
  // Debt, grants, corporate rounds, crowdfunding and secondary sales say nothing about the stage.
  return undefined;
}

/** What a Crunchbase profile states, before it becomes fact candidates. */
export interface CrunchbaseDetails {
  name?: string;
  description?: string;
  location?: string;
  founded?: string;
  employees?: string;
  industries?: string[];
  website?: string;
  companyType?: string;
  ipoStatus?: string;
  /** "Active", "Closed" ...; ICP Lens has no field for it yet. */
  operatingStatus?: string;
  lastFundingType?: string;
  fundingStatus?: string;
  totalFunding?: string;
  legalName?: string;
  stockSymbol?: string;
  linkedinUrl?: string;
  socialProfiles: string[];
}

/** The profile's heading: the first `<h1>` outside the site's furniture and lists of other companies. */
function profileHeading(doc: Document): string {
  const headings = doc.querySelectorAll('h1');
  for (let i = 0; i < headings.length && i < 5; i++) {
    const h1 = headings[i];
    if (!h1 || isPageChrome(h1) || inRelatedList(h1)) continue;
    const text = cleanText(visibleLines(h1, 100).join(' '), 200);
    if (text && !/^crunchbase$/i.test(text)) return text;
  }
  return '';
}

/** An icon's name (`iconkey="icon_location"`) and the element carrying it. */
type Icon = { name: string; el: Element };

/** The page's named icons, looked up once: the attribute query is the costliest step on a large page. */
function namedIcons(root: Element): Icon[] {
  const icons: Icon[] = [];
  const found = root.querySelectorAll('[iconkey], [data-icon], [icon]');
  for (let i = 0; i < found.length && i < 200; i++) {
    const el = found[i];
    const name = el?.getAttribute('iconkey') ?? el?.getAttribute('data-icon') ?? el?.getAttribute('icon');
    if (el && name) icons.push({ name, el });
  }
  return icons;
}

/**
 * The About card's item marked with an icon whose name matches (`<theme-icon iconkey="icon_location">`),
 * optionally one holding an element matching `holding` (a link, for the website).
 */
function iconItem(icons: Icon[], icon: RegExp, holding?: string): Element | undefined {
  for (const { name, el } of icons) {
    if (!icon.test(name) || isPageChrome(el) || inRelatedList(el)) continue;
    const item = el.closest('li') ?? el.parentElement;
    if (!item || (holding && !item.querySelector(holding))) continue;
    if (visibleLines(item, 200).length) return item;
  }
  return undefined;
}

/** Reads what a Crunchbase organization page states, by visible label and About-card icon. */
export function readCrunchbaseDetails(doc: Document, pageUrl: URL): CrunchbaseDetails {
  const root = doc.querySelector('main') ?? doc.body;
  const details: CrunchbaseDetails = { socialProfiles: [] };
  if (!root) return details;
  const labeled = readLabeledValues(root, LABELS, {
    maxNodes: 20000,
    accept: (el) => !isPageChrome(el) && !inRelatedList(el),
  });
  const get = (...labels: Array<(typeof LABELS)[number]>): LabeledValue | undefined => {
    for (const label of labels) {
      const value = labeled.get(label);
      if (value) return value;
    }
    return undefined;
  };
  let icons: Icon[] | undefined;
  const iconsOnce = () => {
    icons ??= namedIcons(root);
    return icons;
  };
  const iconText = (icon: RegExp) => {
    const item = iconItem(iconsOnce(), icon);
    return item ? cleanText(visibleLines(item, 200).join(', '), 300) : undefined;
  };

  details.name = profileHeading(doc) || undefined;
  details.description = get('description')?.text ?? (descriptionText(root) || undefined);
  details.location = get('headquarters location', 'location')?.text ?? iconText(/location/i);
  details.founded = get('founded date', 'founded')?.text;
  details.employees = get('number of employees', 'employees')?.text ?? iconText(/people|employee/i);
  const industries = get('industries', 'industry');
  if (industries) details.industries = [...new Set(industries.lines)].slice(0, 12);
  details.companyType = get('company type')?.text;
  // The About card shows the IPO status beside a company icon, without a label.
  const iconStatus = iconText(/^(?!.*social).*company/i);
  details.ipoStatus =
    get('ipo status')?.text ??
    (iconStatus && /^(?:public|private|delisted)$/i.test(iconStatus) ? iconStatus : undefined);
  details.operatingStatus = get('operating status')?.text;
  details.lastFundingType = get('last funding type')?.text;
  details.fundingStatus = get('funding status')?.text;
  details.totalFunding = get('total funding amount', 'total funding')?.text;
  details.legalName = get('legal name')?.text;
  details.stockSymbol = get('stock symbol')?.text;

  const websiteLink =
    get('website')?.el.querySelector('a[href]') ??
    iconItem(iconsOnce(), /^(?!.*social).*(?:website|globe|link|company)/i, 'a[href^="http"]')?.querySelector(
      'a[href^="http"]',
    );
  const websiteUrl = websiteLink ? linkUrl(websiteLink, pageUrl) : undefined;
  details.website =
    websiteUrl && isCompanyWebsite(websiteUrl) ? websiteUrl.href : findOwnWebsite(root, pageUrl)?.href;

  const linkedinValue = get('linkedin')?.el;
  details.linkedinUrl =
    (linkedinValue && linkedinCompanyLink(linkedinValue, pageUrl)) ?? linkedinCompanyLink(root, pageUrl);
  details.socialProfiles = socialProfiles(root, pageUrl);
  return details;
}

/** The About card's description: the first element whose class names it a description. */
function descriptionText(root: Element): string {
  const marked = root.querySelectorAll('[class*="description"]');
  for (let i = 0; i < marked.length && i < 20; i++) {
    const el = marked[i];
    if (!el || isPageChrome(el) || inRelatedList(el)) continue;
    const text = cleanText(visibleLines(el, 400).join(' '), 2000);
    if (text.length >= 20) return text;
  }
  return '';
}

/** Maps Crunchbase's company type and IPO status to an ICP Lens company type. */
function companyTypeOf(details: CrunchbaseDetails): { type: string; evidence: string } | undefined {
  const ipo = details.ipoStatus?.toLowerCase() ?? '';
  if (/^public/.test(ipo)) return { type: 'public', evidence: `IPO Status: ${details.ipoStatus}` };
  if (details.stockSymbol) return { type: 'public', evidence: `Stock Symbol: ${details.stockSymbol}` };
  if (/non-?profit/i.test(details.companyType ?? ''))
    return { type: 'nonprofit', evidence: `Company Type: ${details.companyType}` };
  if (/^private/.test(ipo)) return { type: 'private', evidence: `IPO Status: ${details.ipoStatus}` };
  return undefined;
}

/** Reads the company facts of a Crunchbase organization page. */
export function extractCrunchbase(doc: Document, pageUrl: URL): FactCandidate[] {
  const d = readCrunchbaseDetails(doc, pageUrl);
  const { out, add } = candidateList(SOURCE, 0.9);

  if (d.name) add('name', d.name, `Profile: ${d.name}`, 0.85);
  if (d.legalName) add('legalName', d.legalName, `Legal Name: ${d.legalName}`, 0.85);
  if (d.description) add('description', d.description, d.description, 0.8);
  if (d.location) {
    const place = splitLocation(d.location);
    const evidence = `Headquarters: ${d.location}`;
    if (place.city) add('hqCity', place.city, evidence, 0.85);
    if (place.region) add('hqRegion', place.region, evidence, 0.8);
    if (place.country) add('hqCountry', place.country, evidence, 0.85);
  }
  const year = d.founded ? parseYear(d.founded) : Number.NaN;
  if (Number.isFinite(year)) add('foundedYear', year, `Founded Date: ${d.founded}`);
  const employees = d.employees ? parseHeadcount(d.employees) : undefined;
  if (employees) add('employees', employees, `Number of Employees: ${d.employees}`, 0.85);
  if (d.industries?.length) {
    const text = cleanText(d.industries.join(', '), 300);
    add('industry', text, `Industries: ${text}`, 0.85);
  }
  if (d.website) add('website', d.website, `Website: ${d.website}`);
  const type = companyTypeOf(d);
  if (type) add('companyType', type.type, type.evidence, 0.85);
  // A listed company is public whatever its last private round was called.
  const fromType = d.lastFundingType ? fundingStageOf(d.lastFundingType) : undefined;
  const fromStatus = d.fundingStatus ? fundingStageOf(d.fundingStatus) : undefined;
  if (type?.type === 'public') add('fundingStage', 'public', type.evidence, 0.85);
  else if (fromType) add('fundingStage', fromType, `Last Funding Type: ${d.lastFundingType}`, 0.85);
  else if (fromStatus) add('fundingStage', fromStatus, `Funding Status: ${d.fundingStatus}`, 0.6);
  const total = d.totalFunding ? parseMoney(d.totalFunding) : undefined;
  if (total) add('fundingTotal', total, `Total Funding Amount: ${d.totalFunding}`, 0.85);
  if (d.linkedinUrl) add('linkedinUrl', d.linkedinUrl, `LinkedIn: ${d.linkedinUrl}`, 0.85);
  if (d.socialProfiles.length) add('socialProfiles', d.socialProfiles, d.socialProfiles.join(' '), 0.8);
  return out;
}

/** The adapter for this site's pages (see lib/extract/readers.ts). */
export const crunchbaseAdapter: SiteAdapter = {
  isProfile: isCrunchbaseProfile,
  extract: extractCrunchbase,
};
