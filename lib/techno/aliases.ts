/**
 * Other names the detected technologies go by: vendors rename products (Pardot → Account Engagement →
 * Marketing Cloud Account Engagement, Sendinblue → Brevo), sell them under a suite's name (Microsoft
 * Dynamics 365) or are known by an abbreviation (GTM). An ICP criterion, a CRM import or a label may use any
 * of them; {@link technologyKey} turns each into the key of the one name detection reports, so they compare
 * equal. Pure and small: the scorer imports it wherever it runs (no fingerprint data here).
 */

/** Fingerprint name (as detection reports it) → the other names it is known by. */
export const TECHNOLOGY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  Pardot: [
    'Account Engagement',
    'Marketing Cloud Account Engagement',
    'Salesforce Account Engagement',
    'Salesforce Pardot',
  ],
  'Google Tag Manager': ['GTM'],
  'HubSpot CMS': ['CMS Hub', 'HubSpot CMS Hub', 'HubSpot Content Hub'],
  // Detection sees the suite's marketing module (its forms and tracking), the part a website shows.
  'Microsoft Dynamics 365 Marketing': [
    'Microsoft Dynamics 365',
    'Dynamics 365',
    'Dynamics 365 Marketing',
    'Dynamics CRM',
    'Microsoft Dynamics CRM',
    'Dynamics 365 Customer Insights',
  ],
  Salesforce: ['Salesforce Sales Cloud', 'Sales Cloud', 'SFDC'],
  'Salesforce Marketing Cloud': ['Marketing Cloud Engagement', 'ExactTarget', 'SFMC'],
  'Salesforce Commerce Cloud': ['Demandware', 'Salesforce B2C Commerce', 'SFCC'],
  Marketo: ['Marketo Engage', 'Adobe Marketo', 'Adobe Marketo Engage'],
  Eloqua: ['Oracle Eloqua'],
  Brevo: ['Sendinblue'],
  ConvertKit: ['Kit'],
  Keap: ['Infusionsoft'],
  Freshsales: ['Freshworks CRM'],
  Copper: ['Copper CRM'],
  Clearbit: ['Breeze Intelligence'],
  'ZoomInfo WebSights': ['ZoomInfo'],
  Leadfeeder: ['Dealfront'],
  'Google Analytics': ['GA4', 'Google Analytics 4', 'Universal Analytics'],
  'Adobe Analytics': ['Omniture', 'SiteCatalyst'],
  'Adobe Experience Platform Launch': ['Adobe Launch', 'Adobe Tags'],
  'Adobe Experience Platform Web SDK': ['AEP Web SDK', 'Adobe Web SDK'],
  'Adobe Experience Manager': ['AEM'],
  'Microsoft Clarity': ['Clarity'],
  'Yandex Metrica': ['Yandex Metrika'],
  'Baidu Analytics': ['Baidu Tongji'],
  'Piano Analytics': ['AT Internet'],
  'Datadog RUM': ['Datadog'],
  Segment: ['Twilio Segment'],
  Tealium: ['Tealium iQ'],
  'Commanders Act': ['TagCommander'],
  Bloomreach: ['Exponea', 'Bloomreach Engagement'],
  'Facebook Pixel': ['Meta Pixel'],
  'Twitter Pixel': ['X Pixel'],
  'Microsoft Advertising': ['Bing Ads', 'Bing UET'],
  'Google Ads': ['AdWords', 'Google AdWords'],
  'Google Floodlight': ['DoubleClick Floodlight'],
  'Amazon Advertising': ['Amazon Ads'],
  Zendesk: ['Zendesk Chat', 'Zopim'],
  'Zendesk Help Center': ['Zendesk Guide'],
  Drift: ['Salesloft Drift'],
  'HelpScout Beacon': ['Help Scout'],
  VWO: ['Visual Website Optimizer'],
  Optimizely: ['Optimizely Web Experimentation'],
  Magento: ['Adobe Commerce'],
  'Wix eCommerce': ['Wix Stores'],
  Afterpay: ['Clearpay'],
  'Concrete CMS': ['concrete5'],
  Kentico: ['Kentico Xperience'],
  'GoDaddy Website Builder': ['GoDaddy Websites + Marketing'],
  'Oracle Taleo': ['Taleo'],
  'SAP SuccessFactors': ['SuccessFactors'],
  'Breezy HR': ['Breezy'],
  'Rippling ATS': ['Rippling'],
  OnceHub: ['ScheduleOnce'],
  'Google Funding Choices': ['Google Privacy & messaging'],
  'Contact Form 7': ['CF7'],
  'All in One SEO': ['AIOSEO'],
  'WPBakery Page Builder': ['WPBakery', 'Visual Composer'],
  'Slider Revolution': ['Revolution Slider'],
  'Yoast SEO': ['Yoast'],
  'Adobe Fonts': ['Typekit'],
  'Microsoft Azure': ['Azure'],
  Imperva: ['Incapsula'],
  PerimeterX: ['HUMAN Security'],
  reCAPTCHA: ['Google reCAPTCHA'],
  React: ['ReactJS'],
  'Vue.js': ['Vue'],
  Nuxt: ['Nuxt.js'],
  'Ember.js': ['Ember'],
  'Ruby on Rails': ['Rails'],
  Express: ['Express.js'],
  'Tailwind CSS': ['Tailwind'],
};

/**
 * A name's spelling-insensitive form: lower case, letters and digits only ("Next.js", "NextJS" and "next js"
 * are one name; so are "Re:amaze" and "Reamaze").
 */
export function normalizeTechnologyName(name: string): string {
  const key = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return key || name.trim().toLowerCase();
}

let canonical: Map<string, string> | undefined;

/** Normalised alias → the detection name it stands for. */
function aliasTable(): Map<string, string> {
  if (!canonical) {
    canonical = new Map();
    for (const [name, aliases] of Object.entries(TECHNOLOGY_ALIASES))
      for (const alias of aliases) canonical.set(normalizeTechnologyName(alias), name);
  }
  return canonical;
}

/** The detection name an alias stands for (`"Account Engagement"` → `"Pardot"`); any other name unchanged. */
export function canonicalTechnology(name: string): string {
  return aliasTable().get(normalizeTechnologyName(name)) ?? name.trim();
}

/**
 * The key two names of one technology share: compare `technologyKey(a) === technologyKey(b)` to tell whether
 * "GTM" in an ICP is the "Google Tag Manager" detection reported.
 */
export function technologyKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = normalizeTechnologyName(canonicalTechnology(name));
    // Bulk re-scoring asks for the same few hundred names again and again; the bound keeps odd input cheap.
    if (keys.size >= MAX_CACHED) keys.clear();
    keys.set(name, key);
  }
  return key;
}

const MAX_CACHED = 10_000;
const keys = new Map<string, string>();
