/**
 * The columns of an accounts CSV: which field each one holds, guessed from the header names CRMs export
 * (HubSpot, Salesforce) and spreadsheets use, and the outcome wordings (won / lost / open, or a deal stage).
 */
import { type AccountField, AccountFieldSchema, type ColumnMapping, type Outcome } from './schema';

export * from './schema';

/** The fields, in the order the mapping step shows them. */
export const ACCOUNT_FIELDS: readonly AccountField[] = AccountFieldSchema.options;

/** What each field is, for the mapping step. */
export const FIELD_LABEL: Record<AccountField, string> = {
  domain: 'Domain or website',
  name: 'Company name',
  industry: 'Industry',
  employees: 'Employees',
  revenue: 'Annual revenue',
  country: 'Country',
  technologies: 'Technologies',
  founded: 'Year founded',
  companyType: 'Company type (public, private …)',
  outcome: 'Outcome or deal stage',
  dealValue: 'Deal value',
};

/** "Company Domain Name" → "companydomainname": case, spaces and punctuation do not matter. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Header names per field, normalised, best first: HubSpot company and deal exports, Salesforce account and
 * opportunity reports, and what people type in spreadsheets, in English and German ("Firma", "Umsatz").
 */
const ALIASES: Record<AccountField, readonly string[]> = {
  domain: [
    'domain',
    'companydomainname',
    'companydomain',
    'domainname',
    'website',
    'websiteurl',
    'web',
    'url',
    'homepage',
    'companywebsite',
    'accountwebsite',
    'webseite',
    'internetseite',
    'internetadresse',
  ],
  name: [
    'companyname',
    'accountname',
    'name',
    'company',
    'account',
    'organization',
    'organisation',
    'firma',
    'firmenname',
    'unternehmen',
    'unternehmensname',
  ],
  // Crunchbase's export says "Industries".
  industry: ['industry', 'industries', 'accountindustry', 'companyindustry', 'sector', 'vertical', 'branche'],
  employees: [
    'numberofemployees',
    'employees',
    'employeecount',
    'employeerange',
    'headcount',
    'companysize',
    'size',
    'staff',
    'mitarbeiter',
    'mitarbeiterzahl',
    'anzahlmitarbeiter',
    'beschaftigte',
  ],
  revenue: [
    'annualrevenue',
    'revenue',
    'revenueusd',
    'turnover',
    'accountannualrevenue',
    'umsatz',
    'jahresumsatz',
  ],
  country: [
    'countryregion',
    'country',
    'billingcountry',
    'hqcountry',
    'headquarterscountry',
    'shippingcountry',
    'accountbillingcountry',
    'land',
  ],
  technologies: ['technologies', 'techstack', 'technology', 'technographics', 'tools', 'stack'],
  // HubSpot's "Year Founded", Salesforce's "Year Started" (its standard Account field), data vendors' "Founded
  // Year" and "Founding Date", German "Gründungsjahr" and "Gründungsdatum".
  founded: [
    'yearfounded',
    'yearstarted',
    'foundedyear',
    'founded',
    'foundingyear',
    'foundingdate',
    'yearestablished',
    'established',
    'grundungsjahr',
    'grundungsdatum',
    'grundung',
    'gegrundet',
  ],
  // Salesforce's standard "Ownership" (Public, Private, Subsidiary, Other) and LinkedIn's "Company type"
  // ("Privately Held"). Not a bare "Type": HubSpot's and Salesforce's are the relationship (Prospect, Partner).
  companyType: [
    'companytype',
    'ownership',
    'ownershiptype',
    'organizationtype',
    'organisationtype',
    'typeofcompany',
    'typeoforganization',
    'unternehmenstyp',
  ],
  outcome: [
    'outcome',
    'dealstage',
    'stage',
    'stagename',
    'opportunitystage',
    'wonlost',
    'result',
    'status',
    'lifecyclestage',
    'phase',
    'verkaufsphase',
    'ergebnis',
  ],
  dealValue: [
    'dealvalue',
    'amount',
    'dealamount',
    'opportunityamount',
    'value',
    'acv',
    'arr',
    'contractvalue',
    'betrag',
    'auftragswert',
  ],
};

/** What else a header may say around a year or date word (normalised): "Date Founded", "Company Founded (Year)". */
const YEAR_WORDS = /^(?:year|date|on|in|company|jahr|datum|am|im|text)*$/;

/**
 * Aliases that are found inside a longer header only when the rest of it is as plain as this: "Established" and
 * "Founded" are words of other columns too ("Established Customer", "Customer Established Date", "Founded by"),
 * whose years or dates are no founding year, and "Ownership" of the account's owners.
 */
const INSIDE_ONLY_WITH: Readonly<Record<string, RegExp>> = {
  founded: YEAR_WORDS,
  established: YEAR_WORDS,
  gegrundet: YEAR_WORDS,
  // "Gründungsort" is where it was founded.
  grundung: YEAR_WORDS,
  // "Account Ownership" and "Ownership Type" are the company type; "Account Ownership Team" is who owns the account.
  ownership: /^(?:account|company|type|text)*$/,
};

/**
 * Guesses which column holds each field: exact header names first (in each field's order of preference),
 * then headers that contain a field's name ("Billing Country (Text)"). A column serves one field at most.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f, null])) as ColumnMapping;
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const pick = (field: AccountField, index: number) => {
    mapping[field] = headers[index] ?? null;
    taken.add(index);
  };
  for (const field of ACCOUNT_FIELDS) {
    for (const alias of ALIASES[field]) {
      const index = normalised.findIndex((h, i) => h === alias && !taken.has(i));
      if (index >= 0) {
        pick(field, index);
        break;
      }
    }
  }
  // The longest name of another field a header contains: "Company Type (LinkedIn)" holds the company name's
  // "company" but is about the company type, whose "companytype" is longer.
  const longestOther = (h: string, field: AccountField) =>
    Math.max(
      0,
      ...ACCOUNT_FIELDS.filter((f) => f !== field).flatMap((f) =>
        ALIASES[f].filter((a) => a.length >= 5 && h.includes(a)).map((a) => a.length),
      ),
    );
  for (const field of ACCOUNT_FIELDS) {
    if (mapping[field] !== null) continue;
    for (const alias of ALIASES[field]) {
      // Short names ("url", "arr", "web") would match inside unrelated headers.
      if (alias.length < 5) continue;
      const rest = INSIDE_ONLY_WITH[alias];
      const index = normalised.findIndex(
        (h, i) =>
          h.includes(alias) &&
          !taken.has(i) &&
          (!rest || rest.test(h.replace(alias, ''))) &&
          longestOther(h, field) <= alias.length,
      );
      if (index >= 0) {
        pick(field, index);
        break;
      }
    }
  }
  return mapping;
}

/**
 * Applies `--map column=field,...` corrections (the command line's form of the mapping step) to a guess.
 * Throws an error naming the wrong part when a field is unknown or a column is not in the file.
 */
export function applyMapSpec(
  mapping: ColumnMapping,
  spec: string,
  headers: readonly string[],
): ColumnMapping {
  const out = { ...mapping };
  for (const part of spec.split(',')) {
    if (!part.trim()) continue;
    const at = part.lastIndexOf('=');
    if (at <= 0) throw new Error(`--map: "${part}" is not column=field`);
    const column = part.slice(0, at).trim();
    // A field as the docs write it ("deal value") or as the code does ("dealValue").
    const named = part.slice(at + 1).trim();
    const field = AccountFieldSchema.safeParse(
      ACCOUNT_FIELDS.find((f) => normaliseHeader(f) === normaliseHeader(named)) ?? named,
    );
    if (!field.success)
      throw new Error(`--map: "${part.slice(at + 1).trim()}" is not a field (${ACCOUNT_FIELDS.join(', ')})`);
    const header =
      headers.find((h) => h === column) ??
      headers.find((h) => normaliseHeader(h) === normaliseHeader(column));
    if (header === undefined) throw new Error(`--map: the file has no column "${column}"`);
    for (const f of ACCOUNT_FIELDS) if (out[f] === header) out[f] = null;
    out[field.data] = header;
  }
  return out;
}

const WON = [
  'won',
  'win',
  'closedwon',
  'customer',
  'evangelist',
  'yes',
  'signed',
  'closedwonrenewal',
  // German CRMs' wordings.
  'gewonnen',
  'kunde',
  'abgeschlossengewonnen',
];
const LOST = [
  'lost',
  'loss',
  'lose',
  'closedlost',
  'no',
  'churned',
  'disqualified',
  'unqualified',
  'verloren',
  'abgeschlossenverloren',
  'gekundigt',
];
const OPEN = [
  'open',
  'pending',
  'inprogress',
  'offen',
  'inbearbeitung',
  // HubSpot's default deal stages and lifecycle stages.
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
  'lead',
  'subscriber',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  // Salesforce's default opportunity stages.
  'prospecting',
  'qualification',
  'needsanalysis',
  'valueproposition',
  'iddecisionmakers',
  'perceptionanalysis',
  'proposalpricequote',
  'negotiationreview',
];
const OUTCOME_OF = new Map<string, Outcome>([
  ...WON.map((w) => [w, 'won'] as const),
  ...LOST.map((w) => [w, 'lost'] as const),
  ...OPEN.map((w) => [w, 'open'] as const),
]);

/**
 * What the manager chose for outcome wordings of their file (a custom deal stage, "Signed - Renewal"), by
 * {@link wordingKey}: an outcome, or null for rows not to import. Chosen in the import's mapping step or with
 * `--outcomes`; a choice overrides the guess.
 */
export type OutcomeChoices = ReadonlyMap<string, Outcome | null>;

/** An outcome wording as choices are kept: trimmed, lower case (not normalised further: "成約" stays itself). */
export function wordingKey(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * The outcome a cell states: "Won", "Closed Won", "closedwon", "Closed - Lost", a HubSpot or Salesforce open
 * stage ("Negotiation/Review"), or what the manager chose for it. Undefined when the wording is not known (or
 * was chosen not to be imported).
 */
export function outcomeOf(text: string, choices?: OutcomeChoices): Outcome | undefined {
  const chosen = choices?.get(wordingKey(text));
  if (chosen !== undefined) return chosen ?? undefined;
  const key = normaliseHeader(text);
  const known = OUTCOME_OF.get(key);
  if (known) return known;
  if (/^closed?won/.test(key)) return 'won';
  if (/^closed?lost/.test(key)) return 'lost';
  return undefined;
}

/** The words `--outcomes` takes after "=": an outcome, or "none" for rows not to import. */
const CHOICE_WORD: Record<string, Outcome | null> = { won: 'won', lost: 'lost', open: 'open', none: null };

/**
 * Reads `--outcomes` ("Signed - Renewal=won,Churned=lost,Spam=none"): each wording of the file's outcome column
 * with what it means. The wording is everything before the last "=", so it may itself hold one.
 */
export function parseOutcomeSpec(spec: string): Map<string, Outcome | null> {
  const choices = new Map<string, Outcome | null>();
  for (const part of spec.split(',')) {
    if (!part.trim()) continue;
    const at = part.lastIndexOf('=');
    const wording = part.slice(0, at).trim();
    const word = part
      .slice(at + 1)
      .trim()
      .toLowerCase();
    if (at < 0 || !wording) throw new Error(`--outcomes: "${part.trim()}" is not wording=outcome`);
    if (!(word in CHOICE_WORD))
      throw new Error(`--outcomes: "${part.slice(at + 1).trim()}" is not won, lost, open or none`);
    choices.set(wordingKey(wording), CHOICE_WORD[word] as Outcome | null);
  }
  return choices;
}
