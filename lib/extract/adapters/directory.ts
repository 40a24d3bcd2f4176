/**
 * Company profiles on directory sites: Y Combinator's company pages in detail, and a generic reader for
 * other directories (Dribbble, Behance, Clutch, G2 ...) that takes the profile's name and its own website
 * link, plus any plainly labelled facts. Every fact is found by more than one kind of cue (visible labels,
 * link text that spells its own address, link attributes, page structure), never by one class name.
 */

import { candidateList } from '../candidate-list';
import { metaContent } from '../meta';
import type { SiteAdapter } from '../readers';
import type { FactCandidate } from '../schema';
import { cleanText, parseYear } from '../text';
import { parseHeadcount } from './amounts';
import { inRelatedList, readLabeledValues, sectionTitled, visibleLines } from './dom-text';
import {
  findOwnWebsite,
  hostLabel,
  isPageChrome,
  linkedinCompanyLink,
  linkUrl,
  socialKindOf,
  socialProfiles,
} from './links';
import { splitLocation } from './location';

const SOURCE = 'adapter:directory';

/** Single-segment paths of Y Combinator's directory that list companies rather than show one. */
const YC_LISTS = new Set([
  'founders',
  'black-founders',
  'hispanic-latino-founders',
  'women-founders',
  'breakthrough',
  'industry',
  'location',
  'batch',
  'search',
]);

/** True when the address is a Y Combinator company page (`/companies/<slug>`, or its jobs tab). */
export function isYcCompanyUrl(pageUrl: URL): boolean {
  if (!/(?:^|\.)ycombinator\.com$/i.test(pageUrl.hostname)) return false;
  const slug = /^\/companies\/([^/]+)(?:\/jobs(?:\/[^/]*)?)?\/?$/.exec(pageUrl.pathname)?.[1];
  return Boolean(slug && !YC_LISTS.has(slug.toLowerCase()));
}

/** The labels of a YC company card. */
const YC_LABELS = ['founded', 'team size', 'location', 'batch', 'status'] as const;

/** A page's heading: the first `<h1>` outside the site's furniture and lists of other companies. */
function pageHeading(doc: Document): Element | undefined {
  const headings = doc.querySelectorAll('h1');
  for (let i = 0; i < headings.length && i < 5; i++) {
    const h1 = headings[i];
    if (h1 && !isPageChrome(h1) && !inRelatedList(h1) && visibleLines(h1, 100).length) return h1;
  }
  return undefined;
}

/** The first short sentence after an element: YC's one-liner follows the company heading. */
function sentenceAfter(el: Element): string {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    let sibling = node.nextElementSibling;
    for (let steps = 0; sibling && steps < 4; steps++, sibling = sibling.nextElementSibling) {
      const line = visibleLines(sibling, 200)[0] ?? '';
      // Batch and tag pills are a word or two; a one-liner is a phrase.
      if (line.split(' ').length >= 3 && line.length >= 15 && line.length <= 300) return line;
    }
  }
  return '';
}

/**
 * The YC company card: the smallest container around the "Founded:"/"Team Size:" facts that also holds the
 * company's social links, provided it does not reach into the founders' section (whose links are people's).
 */
function ycCompanyCard(factEl: Element, founders: Element | undefined, pageUrl: URL): Element | undefined {
  let node: Element | null = factEl;
  for (let depth = 0; node && depth < 7; depth++, node = node.parentElement) {
    if (founders && (node.contains(founders) || founders.contains(node))) return undefined;
    const links = node.querySelectorAll('a[href]');
    for (let i = 0; i < links.length && i < 60; i++) {
      const url = links[i] && linkUrl(links[i] as Element, pageUrl);
      if (url && (socialKindOf(url) || /linkedin\.com\/company\//i.test(url.href))) return node;
    }
  }
  return undefined;
}

/** True when the page is a Y Combinator company profile: its address, a heading and the company card's labels. */
export function isYcCompany(doc: Document, pageUrl: URL): boolean {
  if (!isYcCompanyUrl(pageUrl) || !pageHeading(doc)) return false;
  const root = doc.querySelector('main') ?? doc.body;
  return Boolean(root && readLabeledValues(root, ['founded', 'team size', 'batch'], { maxNodes: 8000 }).size);
}

/** Reads a Y Combinator company page: name, one-liner, website, card facts, industries, batch, socials. */
export function extractYcCompany(doc: Document, pageUrl: URL): FactCandidate[] {
  const { out, add } = candidateList(SOURCE, 0.85);
  const root = doc.querySelector('main') ?? doc.body;
  if (!root) return out;
  const founders = sectionTitled(root, /^(?:active |former )?founders?$/i, { anyElement: true });
  const outsideFounders = (el: Element) => !founders?.contains(el);
  const accept = (el: Element) => !isPageChrome(el) && !inRelatedList(el) && outsideFounders(el);

  const h1 = pageHeading(doc);
  const name = h1 ? cleanText(visibleLines(h1, 100).join(' '), 200) : '';
  if (name) add('name', name, `Heading: ${name}`, 0.9);
  // The title reads "Name: one-liner | Y Combinator", a second cue for the one-liner.
  const titled = /^[^:]{1,120}:(.+?)\|\s*Y Combinator/i.exec(metaContent(doc, 'og:title') || doc.title)?.[1];
  const oneLiner = (h1 && sentenceAfter(h1)) || cleanText(titled, 300);
  if (oneLiner)
    add('description', oneLiner, oneLiner, h1 && oneLiner === cleanText(titled, 300) ? 0.85 : 0.75);

  const facts = readLabeledValues(root, YC_LABELS, { maxNodes: 12000, accept });
  const founded = facts.get('founded');
  const year = founded ? parseYear(founded.text) : Number.NaN;
  if (founded && Number.isFinite(year)) add('foundedYear', year, `Founded: ${founded.text}`, 0.9);
  const team = facts.get('team size');
  const size = team && parseHeadcount(team.text);
  if (team && size) add('employees', size, `Team Size: ${team.text}`);
  const location = facts.get('location');
  if (location) {
    const place = splitLocation(location.text);
    const evidence = `Location: ${location.text}`;
    if (place.city) add('hqCity', place.city, evidence);
    if (place.region) add('hqRegion', place.region, evidence, 0.8);
    if (place.country) add('hqCountry', place.country, evidence, 0.8);
  }
  const status = facts.get('status');
  if (status && /\bpublic\b/i.test(status.text)) add('companyType', 'public', `Status: ${status.text}`, 0.8);

  const batch = facts.get('batch')?.text ?? batchFromLinks(root, accept);
  if (batch) add('keywords', [`Y Combinator ${batch}`], `Batch: ${batch}`, 0.8);
  const industries = industryTags(root, accept);
  if (industries.length) {
    const text = industries.join(', ');
    add('industry', text, `Industries: ${text}`, 0.7);
  }

  const skip = (a: Element) => !outsideFounders(a);
  const website = findOwnWebsite(root, pageUrl, { skip });
  if (website) add('website', website.href, `Website: ${website.text || website.href}`, 0.85);

  // Company socials sit in the card with the facts; founders' links are people's, not the company's.
  const factEl = (founded ?? team ?? location)?.el;
  const card = factEl && ycCompanyCard(factEl, founders, pageUrl);
  const scope = card ?? root;
  const socials = socialProfiles(scope, pageUrl, { skip });
  const linkedin = linkedinCompanyLink(scope, pageUrl, { skip });
  if (linkedin) add('linkedinUrl', linkedin, `LinkedIn: ${linkedin}`, card ? 0.85 : 0.6);
  if (socials.length) add('socialProfiles', socials, socials.join(' '), card ? 0.8 : 0.55);
  return out;
}

/** The batch pill: a link into the directory filtered by batch ("W21", "Summer 2019"). */
function batchFromLinks(root: Element, accept: (el: Element) => boolean): string | undefined {
  const links = root.querySelectorAll('a[href*="batch"]');
  for (let i = 0; i < links.length && i < 20; i++) {
    const a = links[i];
    const text = a ? cleanText(visibleLines(a, 50).join(' '), 40) : '';
    if (a && accept(a) && /^(?:[WSFX]\d{2}|(?:Winter|Summer|Fall|Spring) \d{4})$/i.test(text)) return text;
  }
  return undefined;
}

/** The industry tags: links into the directory's industry lists, as the page words them. */
function industryTags(root: Element, accept: (el: Element) => boolean): string[] {
  const tags = new Set<string>();
  const links = root.querySelectorAll('a[href*="/companies/industry/"]');
  for (let i = 0; i < links.length && i < 30 && tags.size < 6; i++) {
    const a = links[i];
    const text = a ? cleanText(visibleLines(a, 50).join(' '), 60) : '';
    if (a && text && accept(a)) tags.add(text);
  }
  return [...tags];
}

/** Profile paths per directory host: what a company's (or studio's) own page looks like there. */
const PROFILE_PATHS: Array<[host: RegExp, path: RegExp]> = [
  [
    /(?:^|\.)dribbble\.com$/i,
    /^\/(?!(?:shots|designers|jobs|tags|search|signup|session|about|stories|learn|pro|hiring|resources|following|colors|teams|places|uploads|account|terms|privacy|contact|sitemap)(?:\/|$))[^/]+\/?(?:about\/?)?$/i,
  ],
  [
    /(?:^|\.)behance\.net$/i,
    /^\/(?!(?:search|galleries|joblist|hire|assets|blog|gallery|collection|onboarding|featured|moodboard|live)(?:\/|$))[^/]+\/?(?:info|projects)?\/?$/i,
  ],
  [/(?:^|\.)clutch\.co$/i, /^\/profile\/[^/]+\/?$/i],
  [/(?:^|\.)g2\.com$/i, /^\/(?:products\/[^/]+(?:\/reviews)?|sellers\/[^/]+)\/?$/i],
  [/(?:^|\.)capterra\.com$/i, /^\/p\/\d+\/[^/]+\/?$/i],
  [/(?:^|\.)producthunt\.com$/i, /^\/products\/[^/]+\/?$/i],
  [/(?:^|\.)glassdoor\.[a-z]{2,3}(?:\.[a-z]{2})?$/i, /^\/Overview\/Working-at-[^/]+\.htm$/i],
  [/(?:^|\.)indeed\.com$/i, /^\/cmp\/[^/]+\/?$/i],
  [/(?:^|\.)zoominfo\.com$/i, /^\/c\/[^/]+\/\d+\/?$/i],
];

/**
 * True when the page is one company's profile on a directory site (a YC company page, a Dribbble or
 * Behance profile, a Clutch or G2 profile ...) rather than a list, a search, a single shot or the site's
 * own pages. Decided by the address shape, and for YC also by the page's card.
 */
export function isDirectoryProfile(doc: Document, pageUrl: URL): boolean {
  if (/(?:^|\.)ycombinator\.com$/i.test(pageUrl.hostname)) return isYcCompany(doc, pageUrl);
  const entry = PROFILE_PATHS.find(([host]) => host.test(pageUrl.hostname));
  return Boolean(entry?.[1].test(pageUrl.pathname) && (pageHeading(doc) || metaContent(doc, 'og:title')));
}

/** Labels other directories print next to firmographic facts. */
const DIRECTORY_LABELS = [
  'founded',
  'year founded',
  'founded in',
  'employees',
  'company size',
  'team size',
  'number of employees',
  'headquarters',
  'hq location',
  'industry',
] as const;

/**
 * The profile's name from the title, without the site's name and the words sites add around it
 * ("Phenomenon Studio | Dribbble", "Acme Studio on Behance", "Harbor Pixel Reviews | Clutch.co").
 */
export function profileNameFromTitle(title: string, pageUrl: URL): string {
  const platform = hostLabel(pageUrl.hostname);
  const site = `${platform}(?:\\.[a-z]{2,3})*`;
  const bare = cleanText(title, 300)
    .replace(new RegExp(`^${site}\\s*(?:::|[|:\\-–—·•])\\s*`, 'i'), '')
    .replace(new RegExp(`\\s*(?:\\bon|\\bat|::|[|\\-–—·•])\\s*${site}\\s*$`, 'i'), '');
  const segments = bare
    .split(/(?<!\s)\s+[|\-–—·•]\s+|(?<!\s)\s+::\s+/)
    .map((s) => cleanText(s, 120))
    .filter(
      (s) =>
        s &&
        !s
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
          .includes(platform),
    );
  // "Acme Reviews 2026", "Acme Profile": the name ends before the word (one search, then a cut).
  const first = segments[0] ?? '';
  const suffix = first.search(/(?<!\s)\s+(?:reviews?|profile|portfolio)\b/i);
  return cleanText(suffix < 0 ? first : first.slice(0, suffix), 120);
}

/** Reads a generic directory profile: name, the profile's own website, labelled facts and socials. */
export function extractDirectoryProfile(doc: Document, pageUrl: URL): FactCandidate[] {
  const { out, add } = candidateList(SOURCE, 0.9);
  const root = doc.querySelector('main') ?? doc.body;
  if (!root) return out;
  const accept = (el: Element) => !isPageChrome(el) && !inRelatedList(el);

  const ogTitle = metaContent(doc, 'og:title', 'twitter:title');
  const fromTitle = profileNameFromTitle(ogTitle || doc.title, pageUrl);
  const h1 = pageHeading(doc);
  const heading = h1 ? cleanText(visibleLines(h1, 100).join(' '), 200) : '';
  // Title and heading agreeing is two cues for one name; alone, each is weaker.
  if (fromTitle) {
    const agree = heading.toLowerCase() === fromTitle.toLowerCase();
    add('name', fromTitle, `${ogTitle ? 'og:title' : 'Title'}: ${ogTitle || doc.title}`, agree ? 0.85 : 0.7);
  } else if (heading) add('name', heading, `Heading: ${heading}`, 0.65);

  const website = findOwnWebsite(root, pageUrl);
  if (website)
    add(
      'website',
      website.href,
      `Website link: ${website.text || website.href}`,
      website.score >= 4 ? 0.85 : 0.7,
    );

  const facts = readLabeledValues(root, DIRECTORY_LABELS, { maxNodes: 12000, accept });
  const founded = facts.get('founded') ?? facts.get('year founded') ?? facts.get('founded in');
  const year = founded ? parseYear(founded.text) : Number.NaN;
  if (founded && Number.isFinite(year)) add('foundedYear', year, `${founded.label}: ${founded.text}`, 0.7);
  const size =
    facts.get('employees') ??
    facts.get('company size') ??
    facts.get('team size') ??
    facts.get('number of employees');
  const range = size && parseHeadcount(size.text);
  if (size && range) add('employees', range, `${size.label}: ${size.text}`, 0.7);
  const hq = facts.get('headquarters') ?? facts.get('hq location');
  if (hq) {
    const place = splitLocation(hq.text);
    if (place.city) add('hqCity', place.city, `${hq.label}: ${hq.text}`, 0.7);
    if (place.region) add('hqRegion', place.region, `${hq.label}: ${hq.text}`, 0.65);
    if (place.country) add('hqCountry', place.country, `${hq.label}: ${hq.text}`, 0.7);
  }
  const industry = facts.get('industry');
  if (industry?.text && industry.text.length <= 120)
    add('industry', industry.text, `${industry.label}: ${industry.text}`, 0.65);

  const linkedin = linkedinCompanyLink(root, pageUrl);
  if (linkedin) add('linkedinUrl', linkedin, `LinkedIn: ${linkedin}`, 0.6);
  const socials = socialProfiles(root, pageUrl);
  // Dribbble names the profile's own X account as the card's creator; other sites name themselves there.
  const creator = /^@?([A-Za-z0-9_]{1,30})$/.exec(metaContent(doc, 'twitter:creator'))?.[1];
  if (creator && !creator.toLowerCase().includes(hostLabel(pageUrl.hostname))) {
    const href = `https://x.com/${creator}`;
    if (!socials.some((s) => s.toLowerCase().endsWith(`/${creator.toLowerCase()}`))) socials.push(href);
  }
  if (socials.length) add('socialProfiles', socials, socials.join(' '), 0.55);
  return out;
}

/**
 * Reads a directory site's company profile: Y Combinator company pages in detail, any other directory with
 * the generic reader. Call it only for pages {@link isDirectoryProfile} accepts.
 */
export function extractDirectory(doc: Document, pageUrl: URL): FactCandidate[] {
  return isYcCompanyUrl(pageUrl) ? extractYcCompany(doc, pageUrl) : extractDirectoryProfile(doc, pageUrl);
}

/** The adapter for this site's pages (see lib/extract/readers.ts). */
export const directoryAdapter: SiteAdapter = {
  isProfile: isDirectoryProfile,
  extract: extractDirectory,
};
