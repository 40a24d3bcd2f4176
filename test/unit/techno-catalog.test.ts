import { describe, expect, it } from 'vitest';
import {
  closestTechnology,
  searchTechnologies,
  technologyCatalog,
  technologyNameStatus,
} from '@/lib/techno/catalog';
import { FINGERPRINTS } from '@/lib/techno/index';

const names = (query: string, limit?: number) => searchTechnologies(query, limit).map((m) => m.name);

describe('the technology picker’s catalogue', () => {
  it('offers every detectable technology once, with its category in words', () => {
    const catalog = technologyCatalog();
    expect(catalog).toHaveLength(FINGERPRINTS.length);
    expect(catalog.find((o) => o.name === 'HubSpot')).toMatchObject({
      category: 'marketing-automation',
      categoryLabel: 'Marketing automation',
    });
  });

  it('finds names that start with the query before names that contain it', () => {
    const found = names('hub');
    expect(found.slice(0, 3)).toEqual(['HubSpot', 'HubSpot CMS', 'HubSpot Meetings']);
    expect(found).toContain('GitHub Pages');
    expect(found.indexOf('GitHub Pages')).toBeGreaterThan(found.indexOf('HubSpot Meetings'));
  });

  it('ignores case, spaces and punctuation', () => {
    expect(names('hub spot')[0]).toBe('HubSpot');
    expect(names('nextjs')).toEqual(['Next.js']);
  });

  it('finds a technology by another of its names, saying which', () => {
    const [found] = searchTechnologies('account engagement');
    expect(found).toMatchObject({ name: 'Pardot', alias: 'Account Engagement' });
    expect(names('sendinblue')).toEqual(['Brevo']);
  });

  it('finds technologies by category, after those named so', () => {
    const found = searchTechnologies('live chat', 50);
    expect(found.map((m) => m.name)).toEqual(expect.arrayContaining(['Intercom', 'Drift', 'LiveChat']));
    expect(found[0]?.name).toBe('LiveChat');
    expect(found.every((m) => m.name === 'LiveChat' || m.category === 'chat')).toBe(true);
  });

  it('lists nothing for an empty query and at most the limit', () => {
    expect(searchTechnologies('  ')).toEqual([]);
    expect(searchTechnologies('a', 5)).toHaveLength(5);
  });
});

describe('what the editor says about a typed name', () => {
  it('a detected name, whatever its spelling', () => {
    expect(technologyNameStatus('hubspot')).toMatchObject({ kind: 'detected', option: { name: 'HubSpot' } });
  });

  it('another name of a detected technology, with the name detection reports', () => {
    expect(technologyNameStatus('Marketing Cloud Account Engagement')).toMatchObject({
      kind: 'alias',
      option: { name: 'Pardot', categoryLabel: 'Marketing automation' },
    });
  });

  it('a name ICP Lens cannot detect', () => {
    expect(technologyNameStatus('Acme Widget Cloud')).toEqual({ kind: 'unknown' });
    expect(technologyNameStatus('Hubspott')).toEqual({ kind: 'unknown' });
  });

  it('names the detectable technology a misspelt name most likely means, by its name or another name', () => {
    const closest = (name: string) => closestTechnology(name)?.name ?? null;
    expect(closest('Salesfroce')).toBe('Salesforce');
    expect(closest('Hubspt')).toBe('HubSpot');
    expect(closest('Gogle Analytics')).toBe('Google Analytics');
    // Too far from every name for a slip of the keyboard.
    expect(closest('Abacus 9000')).toBeNull();
    expect(closest('xyzzy')).toBeNull();
  });

  it('names none for a short name unless it is really close: one letter more is a fifth of a four-letter name', () => {
    const closest = (name: string) => closestTechnology(name)?.name ?? null;
    // SAP is not a misspelling of GSAP (an animation library), nor Wixx of Wix.
    expect(closest('SAP')).toBeNull();
    expect(closest('Wixx')).toBeNull();
    // Two neighbours swapped stay one slip at any length.
    expect(closest('Veu')).toBe('Vue.js');
    expect(closest('Raect')).toBe('React');
    expect(closest('Salesfroce')).toBe('Salesforce');
  });
});
