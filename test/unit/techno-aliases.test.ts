import { describe, expect, it } from 'vitest';
import { scoreFacts } from '@/lib/eval/score-facts';
import type { CompanyFacts } from '@/lib/extract/schema';
import { DEFAULT_ICP, IcpSchema, scoreCompany } from '@/lib/icp';
import {
  canonicalTechnology,
  normalizeTechnologyName,
  TECHNOLOGY_ALIASES,
  technologyKey,
} from '@/lib/techno/aliases';
import { FINGERPRINTS } from '@/lib/techno/index';

const names = FINGERPRINTS.map((f) => f.name);

describe('technology aliases', () => {
  it('gives other names only to technologies that detection reports', () => {
    for (const name of Object.keys(TECHNOLOGY_ALIASES)) expect(names, name).toContain(name);
  });

  it('never makes two fingerprints one technology, by spelling or by alias', () => {
    const keys = names.map(normalizeTechnologyName);
    expect(new Set(keys).size).toBe(keys.length);
    const aliases = Object.values(TECHNOLOGY_ALIASES).flat().map(normalizeTechnologyName);
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const alias of aliases) expect(keys, alias).not.toContain(alias);
  });

  it('resolves the names a product was renamed to or is sold under', () => {
    for (const alias of ['Account Engagement', 'Marketing Cloud Account Engagement', 'salesforce pardot'])
      expect(canonicalTechnology(alias)).toBe('Pardot');
    expect(canonicalTechnology('GTM')).toBe('Google Tag Manager');
    expect(canonicalTechnology('CMS Hub')).toBe('HubSpot CMS');
    expect(canonicalTechnology('Dynamics CRM')).toBe('Microsoft Dynamics 365 Marketing');
    expect(canonicalTechnology('Microsoft Dynamics 365')).toBe('Microsoft Dynamics 365 Marketing');
    expect(canonicalTechnology('Sendinblue')).toBe('Brevo');
  });

  it('compares names whatever their case, spacing and punctuation, and leaves unknown names alone', () => {
    expect(technologyKey('NextJS')).toBe(technologyKey('Next.js'));
    expect(technologyKey('  hubspot ')).toBe(technologyKey('HubSpot'));
    expect(technologyKey('Reamaze')).toBe(technologyKey('Re:amaze'));
    expect(technologyKey('HubSpot')).not.toBe(technologyKey('HubSpot CMS'));
    expect(canonicalTechnology(' Acme Widget ')).toBe('Acme Widget');
  });
});

describe('aliases in scoring and evaluation', () => {
  const icp = (technologies: string[], match: 'any' | 'none') =>
    IcpSchema.parse({
      ...DEFAULT_ICP,
      criteria: [{ id: 't', label: 'Stack', kind: 'technologies', weight: 1, match, technologies }],
    });
  const facts = (technologies: string[]): CompanyFacts => ({
    technologies: { value: technologies, source: 'techno', snippet: '', confidence: 0.9, alternatives: [] },
  });
  const status = (criteria: string[], match: 'any' | 'none', detected: string[]) =>
    scoreCompany(facts(detected), icp(criteria, match)).criteria[0]?.status;

  it('matches an ICP technology written with any of its names', () => {
    expect(status(['Marketing Cloud Account Engagement'], 'any', ['Pardot'])).toBe('match');
    expect(status(['GTM'], 'any', ['Google Tag Manager'])).toBe('match');
    expect(status(['Dynamics CRM'], 'any', ['Microsoft Dynamics 365 Marketing'])).toBe('match');
    expect(status(['Marketo'], 'any', ['Pardot'])).toBe('miss');
  });

  it('an exclusion written with an alias excludes the detection', () => {
    expect(status(['Account Engagement'], 'none', ['Pardot', 'jQuery'])).toBe('miss');
    expect(status(['Account Engagement'], 'none', ['jQuery'])).toBe('match');
  });

  it('the evaluation counts a detection labelled under another name as right', () => {
    const report = scoreFacts(
      [
        {
          file: 'a.html',
          pageRole: 'profile',
          expect: { technologies: ['Account Engagement', 'GTM', 'Marketo'] },
        },
      ],
      [
        {
          file: 'a.html',
          facts: { pageRole: 'profile', technologies: ['Pardot', 'Google Tag Manager', 'jQuery'] },
        },
      ],
    );
    expect(report.technologies).toMatchObject({ right: 2, wrong: 1, missed: 1 });
  });
});
