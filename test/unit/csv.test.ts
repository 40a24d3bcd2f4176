import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { localDate } from '@/components/download';
import { parseCompanyType } from '@/lib/calibrate';
import type { Prospect } from '@/lib/db/schema';
import { encodeResult, listTier, metCriteria } from '@/lib/db/verdict-store';
import { summarize } from '@/lib/db/verdicts';
import { csvFile, hubspotCsv, salesforceCsv } from '@/lib/export/csv';
import { mergeCandidates } from '@/lib/extract/merge';
import { DEFAULT_ICP, scoreCompany } from '@/lib/icp';
import { loadFixture, readPage, SAMPLES } from '../helpers/dom';

function prospect(file: string, extra: Partial<Prospect> = {}): Prospect {
  const sample = SAMPLES.find((s) => s.file === file);
  if (!sample) throw new Error(file);
  const facts = mergeCandidates(readPage(loadFixture(`samples/${file}`, sample.url), sample.url));
  const result = scoreCompany(facts, DEFAULT_ICP);
  const name = facts.name?.value ?? '';
  return {
    id: 1,
    domain: facts.domain?.value ?? null,
    linkedinSlug: null,
    name,
    nameLower: name.toLowerCase(),
    facts,
    sourceUrls: [sample.url],
    tier: result.tier,
    score: result.score,
    result,
    icpName: DEFAULT_ICP.name,
    icpVersion: 1,
    status: 'new',
    notes: '',
    tags: [],
    industryId: facts.industryId?.value ?? null,
    hqCountry: facts.hqCountry?.value ?? null,
    tierHistory: [],
    savedAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

const parse = (csv: string) =>
  Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

describe('HubSpot CSV', () => {
  it('maps a prospect to HubSpot company properties', () => {
    const [row] = parse(
      hubspotCsv([
        prospect('lumenfold-home.html', {
          notes: 'Met at SaaStr, "warm"',
          tags: ['event', 'q4'],
          status: 'contacted',
        }),
      ]),
    );
    expect(row).toMatchObject({
      'Company name': 'Lumenfold',
      'Company domain name': 'lumenfold.io',
      Industry: 'COMPUTER_SOFTWARE',
      'Industry (as the company states it)': 'Software Development',
      'Number of employees': '201',
      'Employee range': '201–500',
      'Country/Region': 'Germany',
      'Ideal Customer Profile Tier': 'tier_1',
      'ICP score': '100',
      Notes: 'Met at SaaStr, "warm"',
      Tags: 'event; q4',
      'Prospect status': 'Contacted',
    });
    expect(row?.['ICP matching criteria']).toContain('Software, IT or internet');
  });

  it('leaves the HubSpot tier empty for a company that is not a fit', () => {
    const [row] = parse(hubspotCsv([prospect('civic-ledger-about.html')]));
    expect(row).toMatchObject({ 'Ideal Customer Profile Tier': '', 'ICP tier': 'Not a fit' });
  });

  it('says "Not enough known" for a company whose page showed nothing the ICP asks about, as kept and as read', () => {
    const result = scoreCompany({}, DEFAULT_ICP);
    const silent = prospect('lumenfold-home.html', {
      facts: {},
      result,
      tier: result.tier,
      score: result.score,
    });
    const [row] = parse(hubspotCsv([silent]));
    // No score either: a 0 would read in the CRM as a company that fits nothing.
    expect(row).toMatchObject({
      'Ideal Customer Profile Tier': '',
      'ICP tier': 'Not enough known',
      'ICP score': '',
    });
    expect(parse(salesforceCsv([silent]))[0]).toMatchObject({
      'ICP Tier': 'Not enough known',
      'ICP Score': '',
    });
    expect(parse(hubspotCsv([prospect('civic-ledger-about.html')]))[0]?.['ICP score']).not.toBe('');
    // As the list keeps it (the export reads the stored verdict without decoding it whole).
    const kept = encodeResult(result);
    expect(metCriteria(kept.result, kept.heads)).toEqual({
      met: [],
      disqualifiedBy: [],
      nothingKnown: true,
      coverage: 0,
    });
    // A country alone is too little to judge (a fifth of the built-in ICP), with a founding year it is not.
    const country = {
      value: 'US',
      source: 'jsonld' as const,
      snippet: 'US',
      confidence: 1,
      alternatives: [],
    };
    const thinResult = scoreCompany({ hqCountry: country }, DEFAULT_ICP);
    const thin = encodeResult(thinResult);
    expect(metCriteria(thin.result, thin.heads).nothingKnown).toBe(true);
    const known = encodeResult(
      scoreCompany({ hqCountry: country, foundedYear: { ...country, value: 2015 } }, DEFAULT_ICP),
    );
    expect(metCriteria(known.result, known.heads).nothingKnown).toBe(false);
    // A must-have the company misses decides on its own, as kept too.
    const strict = {
      ...DEFAULT_ICP,
      criteria: DEFAULT_ICP.criteria.map((c) =>
        c.id === 'location' ? { ...c, rule: 'must-have' as const } : c,
      ),
    };
    const missed = scoreCompany({ hqCountry: { ...country, value: 'BR' } }, strict);
    const missedKept = encodeResult(missed);
    expect(metCriteria(missedKept.result, missedKept.heads).nothingKnown).toBe(false);
    expect(listTier({ tier: missed.tier, result: missedKept.result }, missedKept.heads)).toBe('not_a_fit');
    expect(listTier({ tier: thinResult.tier, result: thin.result }, thin.heads)).toBe('not_enough_known');
  });

  it('writes a disqualified company as a 0 with what disqualifies it, not as the 100 of what it meets', () => {
    const civic = prospect('civic-ledger-about.html');
    expect(civic.tier).toBe('not_a_fit');
    const disqualifier = civic.result.criteria.find((c) => c.status === 'disqualified');
    expect(disqualifier).toBeDefined();
    expect(civic.result.criteria.some((c) => c.status === 'match')).toBe(true);
    expect(parse(hubspotCsv([civic]))[0]).toMatchObject({
      'ICP tier': 'Not a fit',
      'ICP score': '0',
      'ICP matching criteria': `Disqualified: ${disqualifier?.label}`,
    });
    expect(parse(salesforceCsv([civic]))[0]).toMatchObject({
      'ICP Score': '0',
      'ICP Matching Criteria': `Disqualified: ${disqualifier?.label}`,
    });
    // As the list keeps it, too.
    const kept = encodeResult(civic.result);
    expect(metCriteria(kept.result, kept.heads).disqualifiedBy).toEqual([disqualifier?.label]);
  });

  it('writes the employee range as a band a CRM dropdown takes, the exact count beside it', () => {
    const lumenfold = prospect('lumenfold-home.html');
    const sized = (min: number, max: number | null) => {
      const employees = {
        value: { min, max },
        source: 'jsonld' as const,
        snippet: '',
        confidence: 0.9,
        alternatives: [],
      };
      return parse(hubspotCsv([{ ...lumenfold, facts: { ...lumenfold.facts, employees } }]))[0];
    };
    expect(sized(140, 140)).toMatchObject({ 'Employee range': '51–200', 'Number of employees': '140' });
    expect(sized(201, 500)).toMatchObject({ 'Employee range': '201–500', 'Number of employees': '201' });
    expect(sized(20_000, 20_000)).toMatchObject({ 'Employee range': '10,001+' });
  });

  it('says how much of the profile the score rests on, as the panel does', () => {
    const lumenfold = prospect('lumenfold-home.html');
    const [row] = parse(hubspotCsv([lumenfold]));
    expect(row?.['ICP profile known (%)']).toBe(`${Math.round(lumenfold.result.coverage * 100)}`);
    expect(row?.['ICP profile known (%)']).toMatch(/^[1-9]\d?$/);
    // As the list keeps it, too.
    const kept = encodeResult(lumenfold.result);
    expect(metCriteria(kept.result, kept.heads).coverage).toBe(lumenfold.result.coverage);
    expect(parse(salesforceCsv([lumenfold]))[0]?.['ICP Profile Known (%)']).toBe(
      row?.['ICP profile known (%)'],
    );
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const hostile = prospect('lumenfold-home.html', {
      name: '=HYPERLINK("http://evil.example","x")',
      notes: '+1-555',
      tags: ['@import', '\tx'],
    });
    const [row] = parse(hubspotCsv([hostile]));
    expect(row?.['Company name']).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(row?.Notes).toBe("'+1-555");
    expect(row?.Tags).toBe("'@import; \tx");
    expect(row?.['ICP score']).toBe('100');
  });

  it('neutralises a formula after a semicolon, where a spreadsheet splitting on semicolons starts a cell', () => {
    const hostile = prospect('lumenfold-home.html', { name: 'Acme;=HYPERLINK(A1)', notes: 'a;\t +1' });
    const csv = hubspotCsv([hostile]);
    const [row] = parse(csv);
    expect(row?.['Company name']).toBe("Acme;'=HYPERLINK(A1)");
    expect(row?.Notes).toBe("a;\t '+1");
    // Split on semicolons, as Excel does in German: no cell of the line starts a formula.
    for (const cell of (csv.split('\r\n')[1] ?? '').split(';')) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('neutralises a formula behind a quote after a semicolon, where the quotes would leave it starting a cell', () => {
    const name = 'Acme;"=HYPERLINK(""http://evil.example"")';
    const hostile = prospect('lumenfold-home.html', { name, notes: 'a; " +1' });
    const csv = hubspotCsv([hostile]);
    const [row] = parse(csv);
    expect(row?.['Company name']).toBe(`Acme;'${name.slice(5)}`);
    expect(row?.Notes).toBe(`a; '" +1`);
    // Split on semicolons: a cell starting with a quote is a quoted part (here `""`, empty) and what follows it.
    for (const cell of (csv.split('\r\n')[1] ?? '').split(';'))
      expect(cell.replace(/^"((?:[^"]|"")*)"/, '$1')).not.toMatch(/^ *[=+\-@]/);
  });
});

describe('technologies in the exports', () => {
  const withTech = (names: string[]) => {
    const base = prospect('lumenfold-home.html');
    const fact = {
      value: names,
      source: 'techno' as const,
      snippet: names.join(', '),
      confidence: 0.9,
      alternatives: [],
    };
    return { ...base, facts: { ...base.facts, technologies: fact } };
  };

  it('lists the detected technologies in one cell of both exports', () => {
    const p = withTech(['HubSpot', 'Google Tag Manager', 'Shopify']);
    expect(parse(hubspotCsv([p]))[0]?.['Technologies (detected)']).toBe(
      'HubSpot; Google Tag Manager; Shopify',
    );
    expect(parse(salesforceCsv([p]))[0]?.['Technologies (detected)']).toBe(
      'HubSpot; Google Tag Manager; Shopify',
    );
  });

  it('leaves the cell empty when nothing was detected', () => {
    expect(parse(hubspotCsv([prospect('lumenfold-home.html')]))[0]?.['Technologies (detected)']).toBe('');
  });
});

describe('founding year and company type in the exports', () => {
  it('write both in HubSpot and Salesforce fields, in words a calibration reads back', () => {
    const civic = prospect('civic-ledger-about.html');
    const lumenfold = prospect('lumenfold-home.html');
    const nonprofit = civic.facts.companyType;
    if (!nonprofit) throw new Error('civic-ledger-about.html should show a company type');
    const privateCo = prospect('lumenfold-home.html', {
      facts: { ...lumenfold.facts, companyType: { ...nonprofit, value: 'private' } },
    });
    const hubspot = parse(hubspotCsv([civic, lumenfold, privateCo]));
    const salesforce = parse(salesforceCsv([civic, lumenfold, privateCo]));
    expect(hubspot.map((r) => [r['Year Founded'], r['Company type']])).toEqual([
      ['2016', 'Non-profit organization'],
      ['2014', ''],
      ['2014', 'Private company'],
    ]);
    // Salesforce's Ownership picklist has Public and Private only: a non-profit is named beside it.
    expect(salesforce.map((r) => [r['Year Founded'], r.Ownership, r['Company Type']])).toEqual([
      ['2016', '', 'Non-profit organization'],
      ['2014', '', ''],
      ['2014', 'Private', 'Private company'],
    ]);
    expect(parseCompanyType('Non-profit organization')).toBe('nonprofit');
    expect(parseCompanyType('Private company')).toBe('private');
  });
});

describe('Salesforce CSV', () => {
  it('maps a prospect to account fields', () => {
    const [row] = parse(
      salesforceCsv([
        prospect('fernbridge-impressum.html', { tags: ['q3', 'trade fair'], status: 'qualified' }),
      ]),
    );
    expect(row).toMatchObject({
      'Prospect Status': 'Qualified',
      Employees: '140',
      'Employee Range': '51–200',
      Tags: 'q3; trade fair',
      'ICP Version': 'Mid-market B2B SaaS (built-in) v1',
      'Account Name': 'Fernbridge Maschinenbau',
      Website: 'https://fernbridge.de',
      Industry: 'Machinery',
      'Billing City': 'Ulm',
      'Billing Country': 'Germany',
      'ICP Tier': 'Tier 3',
    });
  });
});

describe('long exports written row by row', () => {
  it('write the same CSV as the rows themselves, in position order whatever the order of writing, for both CRMs', () => {
    const prospects = SAMPLES.filter((s) => !s.file.includes('linkedin')).map((s, i) =>
      prospect(s.file, {
        id: i + 1,
        notes: i % 2 ? '=HYPERLINK("x")' : 'Line one\nline two, "quoted" – 201–500',
      }),
    );
    expect(prospects.length).toBeGreaterThan(3);
    const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    for (const [kind, csv] of [
      ['hubspot', hubspotCsv],
      ['salesforce', salesforceCsv],
    ] as const) {
      // Two positions more than rows: positions left empty are left out.
      const file = csvFile(kind, prospects.length + 2);
      const order = prospects.map((_, i) => i).reverse();
      for (const i of order) file.put(i < 2 ? i : i + 2, summarize(prospects[i] as Prospect));
      expect(file.count).toBe(prospects.length);
      expect(decode(file.bytes())).toBe(csv(prospects));
    }
    expect(decode(csvFile('hubspot', 3).bytes())).toBe(hubspotCsv([]));
  });

  it('writes a file larger than its buffers, and a line written again replaces the first', () => {
    const one = prospect('lumenfold-home.html', { id: 1, notes: 'ü'.repeat(5000) });
    const rows = Array.from({ length: 400 }, (_, i) => ({ ...one, id: i + 1, name: `Company ${i}` }));
    const file = csvFile('salesforce', rows.length);
    for (const [i, p] of rows.entries()) file.put(i, summarize({ ...p, name: 'placeholder' }));
    for (const [i, p] of rows.entries()) file.put(i, summarize(p));
    expect(file.count).toBe(rows.length);
    const bytes = file.bytes();
    expect(bytes.length).toBeGreaterThan(2 * 2 ** 20);
    expect(new TextDecoder().decode(bytes)).toBe(salesforceCsv(rows));
  });
});

describe('export file names', () => {
  it('carry the rep’s own date, not the UTC one', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    expect(localDate(new Date(2026, 11, 31, 0, 5))).toBe('2026-12-31');
  });
});
