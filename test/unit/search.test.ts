import { describe, expect, it } from 'vitest';
import { IcpLensDb } from '@/lib/db/index';
import { queryProspectIds } from '@/lib/db/list-query';
import { saveProspect } from '@/lib/db/prospects';
import { matchesSearch, nameTails } from '@/lib/db/search';
import type { CompanyFacts } from '@/lib/extract/schema';
import { DEFAULT_ICP, scoreCompany } from '@/lib/icp';

const fact = <T>(value: T) => ({
  value,
  source: 'jsonld' as const,
  snippet: '',
  confidence: 0.9,
  alternatives: [],
});

describe('searching the list by name', () => {
  it('keeps the name from each later word on, whatever separates the words', () => {
    expect(nameTails('fernbridge maschinenbau gmbh')).toEqual(['maschinenbau gmbh', 'gmbh']);
    expect(nameTails('(acme) labs & co.')).toEqual(['acme) labs & co.', 'labs & co.', 'co.']);
    expect(nameTails('müller-lüdenscheidt ag')).toEqual(['lüdenscheidt ag', 'ag']);
    expect(nameTails('lumenfold')).toEqual([]);
  });

  it('matches the start of the name, of any word in it, or of the domain; not the inside of a word', () => {
    const name = 'fernbridge maschinenbau gmbh';
    for (const s of ['fern', 'masch', 'maschinenbau g', 'gmbh', 'fernbridge.de'.slice(0, 6)])
      expect(matchesSearch(name, 'fernbridge.de', s), s).toBe(true);
    for (const s of ['bridge', 'chinen', 'masch gmbh', 'de'])
      expect(matchesSearch(name, 'fernbridge.de', s), s).toBe(false);
  });

  it('finds companies on the indexes by any word, alone or with a filter, each once', async () => {
    const db = new IcpLensDb(`search-${Math.random()}`);
    const save = async (name: string, domain: string) => {
      const facts: CompanyFacts = { name: fact(name), domain: fact(domain), hqCountry: fact('DE') };
      const { prospect } = await saveProspect(db, {
        facts,
        result: scoreCompany(facts, DEFAULT_ICP),
        icp: DEFAULT_ICP,
        sourceUrls: [],
      });
      return prospect.id as number;
    };
    const fernbridge = await save('Fernbridge Maschinenbau GmbH', 'fernbridge.de');
    const acme = await save('Acme Labs Acme Labs', 'acme.example');
    const brio = await save('Brio Maschinen AG', 'brio.example');
    for (const sort of ['name', 'tier', 'savedAt'] as const) {
      expect(await queryProspectIds(db, { sort, search: 'masch' })).toEqual(
        expect.arrayContaining([fernbridge, brio]),
      );
      expect(await queryProspectIds(db, { sort, search: 'masch' })).toHaveLength(2);
      expect(await queryProspectIds(db, { sort, search: 'maschinenbau gm' })).toEqual([fernbridge]);
      expect(await queryProspectIds(db, { sort, search: 'labs' })).toEqual([acme]);
      expect(await queryProspectIds(db, { sort, search: 'labs', hqCountry: 'DE' })).toEqual([acme]);
      expect(await queryProspectIds(db, { sort, search: 'bridge' })).toEqual([]);
    }
    db.close();
  });
});
