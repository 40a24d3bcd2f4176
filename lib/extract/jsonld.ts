/**
 * schema.org structured data: finds the Organization a page is about and reads its facts.
 *
 * The reader works on JSON-LD-shaped node trees (`{'@type': 'Organization', name: ..., address: {...}}`),
 * whichever encoding they came from: JSON-LD scripts parse straight into them, and `microdata.ts` and
 * `rdfa.ts` convert their markup into the same shape. Pure code; runs in the background over what the content
 * script sent (the scripts' text, the converted markup), and stays dependency-free and bounded.
 */
import { candidateList } from './candidate-list';
import { MAX_SCRIPT_CHARS, readJsonLdScripts } from './page';
import type { FactCandidate, FactSource } from './schema';
import { cleanText, parseCount, parseYear } from './text';

/** One node of a JSON-LD-shaped tree: `@type`, `@id` and schema.org properties. */
export type StructuredNode = Record<string, unknown>;

/** The encodings of schema.org data a page can carry. */
export type StructuredSource = Extract<FactSource, 'jsonld' | 'microdata' | 'rdfa'>;

/** Caps that keep hostile pages from costing more than a few milliseconds (the page caps the scripts: page.ts). */
const MAX_NODES = 3000;
const MAX_DEPTH = 8;
const MAX_URLS = 30;

/** schema.org Organization and the subtypes companies actually use (plus their LocalBusiness kin). */
const ORG_TYPE =
  /^(?:Organization|Corporation|LocalBusiness|OnlineBusiness|OnlineStore|NGO|NewsMediaOrganization|EducationalOrganization|GovernmentOrganization|ProfessionalService|SportsOrganization|MedicalOrganization|PerformingGroup|Airline|Consortium|FundingScheme|LibrarySystem|ResearchOrganization|WorkersUnion|Project|FundingAgency|ResearchProject|.*(?:Organization|Business|Store|Agency|Company|Firm|Service|Restaurant|Office|Clinic|Bank|Hotel|Shop))$/;

/**
 * The rest of schema.org's Organization family (release 30.0): subtypes whose names the pattern above
 * cannot guess, such as a Pharmacy, a Winery or a MusicGroup.
 */
const ORG_SUBTYPES = new Set(
  (
    'AdultEntertainment AmusementPark AnimalShelter ArtGallery Attorney AutoDealer AutoRental AutoRepair ' +
    'AutoWash AutomatedTeller Bakery BankOrCreditUnion BarOrPub BeautySalon BedAndBreakfast BowlingAlley ' +
    'Brewery Campground Casino ChildCare CollegeOrUniversity ComedyClub CommunityHealth Cooperative ' +
    'CovidTestingFacility DanceGroup DaySpa Dentist Dermatology DiagnosticLab DietNutrition Distillery ' +
    'DryCleaningOrLaundry Electrician ElementarySchool Emergency ExerciseGym FireStation Florist ' +
    'FoodEstablishment GasStation GeneralContractor Geriatric GolfCourse Gynecologic HairSalon HealthClub ' +
    'HighSchool Hospital Hostel HousePainter IndividualPhysician InternetCafe Library Locksmith MiddleSchool ' +
    'Midwifery Motel MotorcycleDealer MotorcycleRepair MovieTheater MusicGroup NailSalon NightClub Notary ' +
    'Nursing Obstetric Oncologic OnlineMarketplace Optician Optometric Otolaryngologic Pediatric Pharmacy ' +
    'Physician Physiotherapy PlasticSurgery Plumber Podiatric PoliceStation PoliticalParty Preschool ' +
    'PrimaryCare Psychiatric PublicHealth PublicSwimmingPool RadioStation RealEstateAgent RecyclingCenter ' +
    'Resort RoofingContractor School SelfStorage ShoppingCenter SkiResort SportsActivityLocation SportsClub ' +
    'SportsTeam StadiumOrArena TattooParlor TelevisionStation TennisComplex TheaterGroup ' +
    'TouristInformationCenter VacationRental VeterinaryCare Winery'
  ).split(' '),
);

/**
 * Nested keys under which an organization is *related* to the subject rather than being it; so is everything
 * below them (the seller of an offer, the employer of an author).
 */
const RELATED_KEYS = new Set([
  'author',
  'creator',
  'funder',
  'sponsor',
  'member',
  'memberOf',
  'parentOrganization',
  'subOrganization',
  'alumniOf',
  'worksFor',
  'affiliation',
  'brand',
  'manufacturer',
  'seller',
  'offers',
  'offeredBy',
  'byArtist',
  'itemListElement',
  'review',
  'competitor',
  'knows',
]);

/**
 * Hosts of social networks, code hosts, company databases and encyclopedias: a `sameAs` link there is
 * another profile of the company, never its website.
 */
const PROFILE_HOSTS = [
  'x.com',
  'twitter.com',
  'facebook.com',
  'fb.com',
  'instagram.com',
  'threads.net',
  'youtube.com',
  'youtu.be',
  'tiktok.com',
  'pinterest.com',
  'snapchat.com',
  'reddit.com',
  'tumblr.com',
  'medium.com',
  'bsky.app',
  'mastodon.social',
  'vimeo.com',
  'flickr.com',
  'soundcloud.com',
  'spotify.com',
  'twitch.tv',
  'discord.gg',
  't.me',
  'vk.com',
  'weibo.com',
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'npmjs.com',
  'crunchbase.com',
  'xing.com',
  'kununu.com',
  'glassdoor.com',
  'angel.co',
  'wellfound.com',
  'producthunt.com',
  'g2.com',
  'trustpilot.com',
  'yelp.com',
  'tripadvisor.com',
  'foursquare.com',
  'linkedin.com',
  'wikipedia.org',
  'wikidata.org',
  'dbpedia.org',
  'musicbrainz.org',
  'imdb.com',
  'plus.google.com',
  'apps.apple.com',
  'play.google.com',
];

interface FoundNode {
  node: StructuredNode;
  depth: number;
  /** The key the node hung from ('' at top level). */
  via: string;
  /** True when the node hangs, at any depth, under one of the {@link RELATED_KEYS}. */
  related: boolean;
}

/** Parses JSON-LD text the way browsers and crawlers tolerate it: CDATA, comments, trailing commas. */
export function parseJsonLd(raw: string): unknown {
  const text = raw
    .slice(0, MAX_SCRIPT_CHARS)
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|\/\/\s*\]\]>\s*$|\]\]>\s*$/g, '')
    .replace(/^\s*<!--|-->\s*$/g, '')
    .trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Common breakage in the wild: trailing commas and raw control characters inside strings.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are what breaks the JSON.
    const repaired = text.replace(/,\s*([}\]])/g, '$1').replace(/[\u0000-\u001f]+/g, ' ');
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

/** A node's type names, without vocabulary IRIs; microdata's way to give a second type, `additionalType`, too. */
function types(node: StructuredNode): string[] {
  return [node['@type'] ?? node.type, node.additionalType]
    .flat()
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^.*[/#:]/, ''));
}

function isObject(value: unknown): value is StructuredNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOrgType(type: string): boolean {
  return ORG_TYPE.test(type) || ORG_SUBTYPES.has(type);
}

/** Every object node in the documents, with how deep and under which key it was found. */
function collectNodes(docs: unknown[]): FoundNode[] {
  const found: FoundNode[] = [];
  type Pending = { value: unknown; depth: number; via: string; related: boolean };
  // A stack pops last-in first, so everything is pushed in reverse: nodes come out in document order.
  const stack: Pending[] = docs.map((value) => ({ value, depth: 0, via: '', related: false })).reverse();
  while (stack.length > 0 && found.length < MAX_NODES) {
    const item = stack.pop();
    if (!item || item.depth > MAX_DEPTH) continue;
    const { value, depth, via, related } = item;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth, via, related });
      continue;
    }
    if (!isObject(value)) continue;
    found.push({ node: value, depth, via, related });
    const children: Pending[] = [];
    for (const [key, child] of Object.entries(value)) {
      if (key === '@graph') children.push({ value: child, depth, via, related });
      else if (typeof child === 'object' && child !== null)
        children.push({
          value: child,
          depth: depth + 1,
          via: key,
          related: related || RELATED_KEYS.has(key),
        });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Pending);
  }
  return found;
}

/** Parses the JSON-LD scripts' text a content script sent; scripts that cannot be read are left out. */
export function parseJsonLdScripts(scripts: readonly string[]): unknown[] {
  const docs: unknown[] = [];
  for (const script of scripts) {
    const parsed = parseJsonLd(script);
    if (parsed !== undefined) docs.push(parsed);
  }
  return docs;
}

/** Reads and parses every JSON-LD block of a document (bounded), in one go: for Node (tests, tools). */
export function readJsonLdDocuments(doc: Document): unknown[] {
  return parseJsonLdScripts(readJsonLdScripts(doc));
}

/** True when any node's type matches (JSON-LD documents, or the trees microdata and RDFa convert to). */
export function hasJsonLdType(docs: unknown[], pattern: RegExp): boolean {
  return collectNodes(docs).some(({ node }) => types(node).some((t) => pattern.test(t)));
}

/** A URL-valued property as a string: JSON-LD may give it as `{"@id": ...}`. */
function urlOf(value: unknown): unknown {
  const v = first(value);
  return isObject(v) && typeof v['@id'] === 'string' ? v['@id'] : v;
}

function hostOf(url: unknown): string {
  if (typeof url !== 'string') return '';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** True for a bare reference, `{"@id": "#org"}`: it places the node it names, without describing it. */
function isReference(node: StructuredNode): boolean {
  return typeof node['@id'] === 'string' && Object.keys(node).length === 1;
}

/**
 * Picks the organization the page is about: top-level nodes first, nodes whose `url` is this site next;
 * organizations hanging off another entity (an author, a brand, a parent company) never qualify.
 *
 * A node with an `@id` stands where it is written out and where it is referenced. A flattened `@graph`
 * writes every node at the top, so its references decide: a top-level organization that is only ever
 * referenced as an offer's seller (or as the publisher of a platform's page) is not the page's subject.
 */
function pickSubject(nodes: FoundNode[], pageUrl: URL, ownSite: boolean): StructuredNode | undefined {
  const pageHost = pageUrl.hostname.replace(/^www\./, '');
  const references = new Map<string, FoundNode[]>();
  for (const found of nodes) {
    if (!isReference(found.node)) continue;
    const id = found.node['@id'] as string;
    const list = references.get(id);
    if (list) list.push(found);
    else references.set(id, [found]);
  }
  // A page's publisher is the site owner on the company's own site, but not on a platform.
  const eligible = ({ via, related }: FoundNode) => !related && !(via === 'publisher' && !ownSite);
  let best: { node: StructuredNode; score: number } | undefined;
  for (const found of nodes) {
    const { node } = found;
    if (!types(node).some(isOrgType)) continue;
    const refs = typeof node['@id'] === 'string' ? (references.get(node['@id']) ?? []) : [];
    if (refs.length > 0 && !refs.some(eligible)) continue;
    const places = [found, ...refs].filter(eligible);
    if (places.length === 0) continue;
    let score = places.some((p) => p.depth === 0) ? 3 : 1;
    const url = urlOf(node.url);
    const nodeHost = typeof url === 'string' ? hostOf(absoluteUrl(url, pageUrl)) : '';
    if (
      nodeHost &&
      pageHost &&
      (nodeHost === pageHost || pageHost.endsWith(`.${nodeHost}`) || nodeHost.endsWith(`.${pageHost}`))
    )
      score += 3;
    for (const key of ['address', 'numberOfEmployees', 'foundingDate', 'legalName', 'sameAs'])
      if (key in node) score += 0.5;
    // Ties go to the node met first, in document order.
    if (!best || score > best.score) best = { node, score };
  }
  return best?.node;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function textOf(value: unknown): string {
  const v = first(value);
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return String(v);
  if (isObject(v)) return textOf(v.name ?? v['@value'] ?? v.value);
  return '';
}

/**
 * A URL as the page states it, made absolute when it is relative to the page ("/", "../about"), so that
 * JSON-LD's literal `"url": "/"` and microdata's resolved `href` say the same. A bare host ("acme.com")
 * stays as written: resolving it would turn it into a path on the page's own site.
 */
function absoluteUrl(value: string, pageUrl: URL): string {
  if (!/^(?:\/|\.\.?\/|[?#])/.test(value)) return value;
  try {
    return new URL(value, pageUrl).href;
  } catch {
    return value;
  }
}

/**
 * What a link of the organization is: its LinkedIn company page, another profile, or (else) a website.
 * An `/@name` path is a profile wherever it is hosted: Mastodon instances, Threads and Medium all use it.
 */
function linkKind(url: string): 'linkedin' | 'profile' | 'website' {
  if (/^(?:https?:\/\/)?(?:[\w-]+\.)*linkedin\.com\/company\//i.test(url)) return 'linkedin';
  const host = hostOf(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`).toLowerCase();
  if (!host) return 'website';
  if (PROFILE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return 'profile';
  return /^(?:https?:\/\/)?[^/]+\/@[^/?#]+/i.test(url) ? 'profile' : 'website';
}

/**
 * A band of employees as text ("1,000-5,000", "50 to 200"). A count starts where its digits start, not at a later
 * group of three of the same number, so that no group is read again from each one.
 */
const EMPLOYEE_COUNT = String.raw`(?<!\d)(?<!\d{3}[.,])(\d{1,3}(?:[.,]\d{3})+|\d+)`;
const EMPLOYEE_BAND = new RegExp(String.raw`${EMPLOYEE_COUNT}\s*(?:-|–|—|to|bis)\s*${EMPLOYEE_COUNT}`, 'i');

/** Parses an employee count as schema.org allows it: 250, "250", "51-200", "10,001+", a QuantitativeValue. */
function employeeRange(value: unknown): { min: number; max: number | null } | undefined {
  const v = first(value);
  if (isObject(v)) {
    const min = parseCount(textOf(v.minValue));
    const max = parseCount(textOf(v.maxValue));
    if (Number.isFinite(min)) return { min, max: Number.isFinite(max) && max >= min ? max : null };
    // "Up to 10 people" has no stated lower bound; a company has at least one.
    if (Number.isFinite(max) && max >= 1) return { min: 1, max };
    return employeeRange(v.value ?? v['@value']);
  }
  if (typeof v === 'number')
    return Number.isFinite(v) && v >= 0 ? { min: Math.round(v), max: Math.round(v) } : undefined;
  if (typeof v !== 'string') return undefined;
  const band = EMPLOYEE_BAND.exec(v);
  if (band) {
    const min = parseCount(band[1]);
    const max = parseCount(band[2]);
    return max >= min ? { min, max } : undefined;
  }
  const n = parseCount(v);
  if (!Number.isFinite(n)) return undefined;
  return /\+|\b(?:over|more than|above)\b|>/i.test(v) ? { min: n, max: null } : { min: n, max: n };
}

interface AddressParts {
  city: string;
  region: string;
  country: string;
  /** The property the address was read from, for the evidence. */
  via: string;
  /** The address as one string, when the page gave it so. */
  text?: string;
}

const POSTCODE_FIRST = /^(?:[A-Z]{1,2}-?)?\d{4,5}\s+([^\d\s].*)$/;
const STREET =
  /\b(?:street|road|avenue|parkway|boulevard|lane|drive|way|straße|strasse|weg|platz|allee|gasse|loop|court|place|suite|floor)\b|\b(?:st|rd|ave|pkwy|blvd|ln|dr|ct|pl|str)\.?$/i;
const US_STYLE = /^(?:(.*?\S)\s+)?([A-Z]{2})\s+\d{5}(?:-\d{4})?$/;
const UK_POSTCODE = /^(?:(.*?\S)\s+)?[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/;

/**
 * Reads city, region and country from an address written as one line ("10115 Berlin, Germany",
 * "Mountain View, CA 94043, USA", "London SW1A 1AA"). Only a segment with a postcode marks the locality;
 * without one the line is too ambiguous to read.
 */
function parseAddressLine(line: string): Omit<AddressParts, 'via'> | undefined {
  const parts = line
    .split(/[,;\n]/)
    .map((p) => cleanText(p, 200))
    .filter(Boolean)
    .slice(0, 10);
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i] ?? '';
    const previous = parts[i - 1] ?? '';
    const next = parts[i + 1] ?? '';
    const country = next && !/\d/.test(next) ? next : '';
    // A street's house number can look like a postcode ("1600 Main Street"): that segment is no locality.
    const european = !STREET.test(part) ? POSTCODE_FIRST.exec(part) : null;
    if (european) return { city: european[1] ?? '', region: '', country, text: line };
    const us = US_STYLE.exec(part);
    if (us)
      return {
        city: us[1] ?? (/\d/.test(previous) ? '' : previous),
        region: us[2] ?? '',
        country,
        text: line,
      };
    const uk = UK_POSTCODE.exec(part);
    if (uk) return { city: uk[1] ?? (/\d/.test(previous) ? '' : previous), region: '', country, text: line };
  }
  return undefined;
}

/**
 * The subject's postal address: `address` (an object, a list or one line of text) or, failing that, its
 * `location` (a Place with an address, or a PostalAddress itself).
 */
function addressOf(subject: StructuredNode, resolve: (v: unknown) => unknown): AddressParts | undefined {
  const tries: Array<[via: string, value: unknown]> = [['address', subject.address]];
  for (const raw of asArray(subject.location).slice(0, 5)) {
    const place = resolve(raw);
    if (isObject(place) && place.address !== undefined) tries.push(['location.address', place.address]);
    else tries.push(['location', place]);
  }
  for (const [via, value] of tries) {
    for (const raw of asArray(value).slice(0, 5)) {
      const address = resolve(raw);
      if (isObject(address)) {
        const parts = {
          city: textOf(address.addressLocality),
          region: textOf(address.addressRegion),
          country: textOf(address.addressCountry),
          via,
        };
        if (parts.city || parts.region || parts.country) return parts;
      } else if (typeof address === 'string') {
        const parsed = parseAddressLine(address);
        if (parsed) return { ...parsed, via };
      }
    }
  }
  return undefined;
}

/**
 * Reads the facts of the organization a tree of schema.org nodes is about, as candidates with evidence.
 * @param docs JSON-LD documents, or the node trees `readMicrodata`/`readRdfa` convert a page's markup into
 * @param pageUrl the page's address: relative URLs resolve against it, and an organization at it is preferred
 * @param ownSite true on the company's own site, where the page's publisher is the company
 * @param source the encoding the nodes came from, stamped on every candidate
 */
export function extractOrganization(
  docs: unknown[],
  pageUrl: URL,
  ownSite: boolean,
  source: StructuredSource,
): FactCandidate[] {
  const nodes = collectNodes(docs);
  const byId = new Map<string, StructuredNode>();
  // References ({"@id": "#x"} alone) point at the node that describes it; only that one is indexed.
  for (const { node } of nodes) {
    if (typeof node['@id'] === 'string' && Object.keys(node).length > 1) byId.set(node['@id'], node);
  }
  // A reference is an {"@id"} object in JSON-LD, and a plain IRI (RDFa's `resource`) in the other encodings.
  const resolve = (value: unknown): unknown => {
    const v = first(value);
    if (typeof v === 'string') return byId.get(v) ?? v;
    return isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1
      ? (byId.get(v['@id']) ?? v)
      : v;
  };

  const subject = pickSubject(nodes, pageUrl, ownSite);
  if (!subject) return [];
  const { out, add } = candidateList(source, 0.9);

  // A name is never a link; microdata reads `<a itemprop="name" href>` as its href, as the spec says.
  const nameOf = (value: unknown) =>
    asArray(value)
      .map(textOf)
      .find((n) => n && !/^https?:\/\//i.test(n)) ?? '';
  const name = nameOf(subject.name);
  add('name', name, `name: ${name}`);
  const legalName = nameOf(subject.legalName);
  add('legalName', legalName, `legalName: ${legalName}`);

  const links = [
    ...asArray(subject.url).map((u) => ['url', urlOf(u)] as const),
    ...asArray(subject.sameAs).map((u) => ['sameAs', urlOf(u)] as const),
  ]
    .filter((link): link is readonly ['url' | 'sameAs', string] => typeof link[1] === 'string')
    .slice(0, MAX_URLS);
  const profiles: string[] = [];
  const profileKeys = new Set<string>();
  for (const [key, raw] of links) {
    const url = cleanText(absoluteUrl(cleanText(raw), pageUrl));
    if (!url) continue;
    const kind = linkKind(url);
    if (kind === 'linkedin') add('linkedinUrl', url, `${key}: ${url}`);
    else if (kind === 'profile') {
      if (!profiles.includes(url)) profiles.push(url);
      profileKeys.add(key);
    } else add('website', url, `${key}: ${url}`, key === 'url' ? 0.85 : 0.7);
  }
  if (profiles.length > 0)
    add('socialProfiles', profiles, `${[...profileKeys].join('/')}: ${profiles.join(', ')}`, 0.8);

  const address = addressOf(subject, resolve);
  if (address?.text !== undefined) {
    // One line of text, read by pattern: less sure than an address the page split into fields.
    const evidence = `${address.via}: ${address.text}`;
    add('hqCity', address.city, evidence, 0.6);
    add('hqRegion', address.region, evidence, 0.6);
    add('hqCountry', address.country, evidence, 0.6);
  } else if (address) {
    add('hqCity', address.city, `addressLocality: ${address.city}`, 0.85);
    add('hqRegion', address.region, `addressRegion: ${address.region}`, 0.85);
    add('hqCountry', address.country, `addressCountry: ${address.country}`, 0.85);
  }

  const employees = employeeRange(resolve(subject.numberOfEmployees));
  if (employees) {
    const shown =
      employees.max === null
        ? `${employees.min}+`
        : employees.max === employees.min
          ? `${employees.min}`
          : `${employees.min}–${employees.max}`;
    add('employees', employees, `numberOfEmployees: ${shown}`, 0.8);
  }

  const foundingDate = textOf(resolve(subject.foundingDate));
  add('foundedYear', parseYear(foundingDate), `foundingDate: ${foundingDate}`, 0.9);

  const description = textOf(subject.description);
  add('description', description, description, 0.8);

  const industry = textOf(subject.industry);
  add('industry', industry, `industry: ${industry}`, 0.8);

  const keywords = subject.keywords ?? subject.knowsAbout;
  const list = (Array.isArray(keywords) ? keywords.map(textOf) : textOf(keywords).split(','))
    .map((k) => cleanText(k, 80))
    .filter(Boolean)
    .slice(0, 50);
  if (list.length > 0) add('keywords', list, list.join(', '), 0.7);

  const typeNames = types(subject);
  if (typeNames.includes('NGO')) add('companyType', 'nonprofit', '@type: NGO', 0.8);
  else if (typeNames.includes('GovernmentOrganization'))
    add('companyType', 'government', '@type: GovernmentOrganization', 0.8);
  else if (
    typeNames.includes('EducationalOrganization') ||
    typeNames.some((t) => /School|University|College/.test(t))
  )
    add('companyType', 'educational', `@type: ${typeNames.join(', ')}`, 0.8);
  else if (typeof subject.tickerSymbol === 'string')
    add('companyType', 'public', `tickerSymbol: ${subject.tickerSymbol}`, 0.8);

  return out;
}

/** Reads the JSON-LD organization facts of the page, as candidates with evidence. */
export function extractJsonLd(docs: unknown[], pageUrl: URL, ownSite: boolean): FactCandidate[] {
  return extractOrganization(docs, pageUrl, ownSite, 'jsonld');
}
