/**
 * The shape of a technology fingerprint and of what the page gives to match it against. Pure data and types:
 * the fingerprints are written by this project from each vendor's public install instructions (the host its
 * snippet loads from, the global it defines, the cookie it sets, the meta tag it writes), never derived from
 * another project's fingerprint set.
 */

/** What a technology is for, as a seller qualifies on it. */
export const TECH_CATEGORIES = {
  crm: 'CRM',
  'marketing-automation': 'Marketing automation',
  'email-marketing': 'Email marketing',
  analytics: 'Analytics',
  'tag-manager': 'Tag manager',
  cdp: 'Customer data platform',
  advertising: 'Advertising pixel',
  chat: 'Live chat and support',
  'ab-testing': 'A/B testing and personalisation',
  ecommerce: 'E-commerce platform',
  payments: 'Payments',
  cms: 'CMS and site builder',
  'cms-plugin': 'CMS plugin',
  consent: 'Consent management',
  ats: 'Recruiting and ATS',
  scheduling: 'Scheduling',
  forms: 'Forms and surveys',
  framework: 'Web framework',
  'js-library': 'JavaScript library',
  hosting: 'Hosting and CDN',
  monitoring: 'Monitoring',
  security: 'Security and bot protection',
  video: 'Video',
  reviews: 'Reviews and social proof',
  search: 'Site search',
  fonts: 'Fonts',
} as const;
/** A category id, a key of {@link TECH_CATEGORIES}. */
export type TechCategory = keyof typeof TECH_CATEGORIES;

/**
 * One technology and the public evidence that shows it on a page. Every list is optional; a technology needs
 * at least one signal. Matching is by lookups, not patterns (see match.ts): keep entries literal.
 */
export interface Fingerprint {
  /** The product name as its vendor writes it (what the ICP's technology criteria name). */
  name: string;
  category: TechCategory;
  /**
   * Addresses the vendor's code or assets load from: `host` (that host and its subdomains) or `host/path`
   * (a prefix of the path and query on that host and its subdomains). Matched against script, stylesheet,
   * iframe and resource-timing addresses and addresses written in inline scripts.
   */
  urls?: readonly string[];
  /**
   * Folders and files of the platform the site itself runs on (`/wp-content/`, `/_next/static/`, `/cdn-cgi/`):
   * evidence only in an address of the page's own site (see `ownSiteOf` in match.ts), as an image or widget
   * from another company's WordPress says nothing of this one's. Case-insensitive.
   */
  paths?: readonly string[];
  /**
   * File names of the product's own code (`/jquery.min.js`, `/fbevents.js`): it runs in the page wherever it
   * loads from (a public CDN, a proxy, an analytics host of the company's own), so any address counts.
   * Case-insensitive.
   */
  files?: readonly string[];
  /**
   * Hosts a hosting service serves its customers' sites from (`vercel.app`: `acme.vercel.app`): evidence only in
   * the page's own address or an address of its own site, as a widget or an image hosted there is someone else's
   * deployment, not the company's site.
   */
  siteHosts?: readonly string[];
  /** Hosts of links a page makes to the vendor's hosted pages (a job board, a booking page). */
  links?: readonly string[];
  /**
   * Exact hosts of the vendor's own site (its homepage, help centre, careers page) under a `links` host: a
   * link there only names the vendor (a partner list, "we're hiring at BambooHR"), so it is never evidence.
   */
  vendorSites?: readonly string[];
  /** Window globals the vendor's snippet defines (top-level names only). */
  globals?: readonly string[];
  /** Cookie names the vendor documents; a trailing `*` matches a prefix (`_hjSession_*`). */
  cookies?: readonly string[];
  /** Meta tags: `name` (present) or `name=prefix` (its content starts with prefix, case-insensitive). */
  meta?: readonly string[];
  /** CSS selectors of markup the vendor's embed or the platform writes. */
  dom?: readonly string[];
  /** Text the product writes into an HTML comment about itself (case-insensitive substring). */
  comments?: readonly string[];
  /** Technologies this one always runs on (WooCommerce → WordPress). */
  implies?: readonly string[];
  /** Editions this one is a more specific form of: reported instead of them (reCAPTCHA Enterprise → reCAPTCHA). */
  replaces?: readonly string[];
  /** Where the evidence is public: the vendor's install or developer documentation, in a few words. */
  docs: string;
}

/** What detection reads from a page: bounded lists of addresses and names, nothing else. */
export interface PageSignals {
  /** The page's address when the signals were read. */
  url: string;
  scripts: string[];
  stylesheets: string[];
  iframes: string[];
  /** Resource-timing entry names (every resource the page fetched). */
  resources: string[];
  /** Addresses written in inline scripts. */
  inline: string[];
  /** Off-site links. */
  links: string[];
  /** Meta tags as `[name, content]`, names lower-cased (name, property or http-equiv). */
  meta: Array<[string, string]>;
  cookies: string[];
  /** The asked-for globals that the page defines. */
  globals: string[];
  /** The asked-for selectors that match. */
  dom: string[];
  /** The first HTML comments of the document (products that sign their output: "optimized with …"). */
  comments: string[];
  /** Milliseconds reading them took inside the page. */
  ms: number;
}

/** What the content script reads from the page's markup: every signal but the window globals. */
export type DomSignals = Omit<PageSignals, 'globals'>;

/** What the main-world collector answers: the asked-for globals the page defines. */
export interface GlobalSignals {
  /** The page's address when the globals were read. */
  url: string;
  globals: string[];
  /** Milliseconds it took inside the page. */
  ms: number;
}

/** Which kind of signal matched. */
export type SignalKind =
  | 'page'
  | 'script'
  | 'stylesheet'
  | 'iframe'
  | 'resource'
  | 'inline'
  | 'link'
  | 'meta'
  | 'cookie'
  | 'global'
  | 'dom'
  | 'comment'
  | 'implied';

/** A detected technology with what showed it (the first few signals, e.g. "script https://js.hs-scripts.com/1.js"). */
export interface Detection {
  name: string;
  category: TechCategory;
  evidence: string[];
}
