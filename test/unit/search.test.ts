import { describe, expect, it } from 'vitest';
import { IcpLensDb } from '@/lib/db/index';
import { queryProspectIds } from '@/lib/db/list-query';
import { saveProspect } from '@/lib/db/prospects';
import { matchesSearch, nameSortKey, nameTails } from '@/lib/db/search';
import type { CompanyFacts } from '@/lib/extract/schema';
import { DEFAULT_ICP, scoreCompany } from '@/lib/icp';
import { fact } from '../helpers/facts';

describe('searching the list by name', () => {
  it('keeps the name from each later word on, whatever separates the words', () => {
    expect(nameTails('fernbridge maschinenbau gmbh')).toEqual(['maschinenbau gmbh', 'gmbh']);
    expect(nameTails('(acme) labs & co.')).toEqual(['acme) labs & co.', 'labs & co.', 'co.']);
    // With accents, the same again without them and with umlauts spelled out, from every word.
    expect(nameTails('müller-lüdenscheidt ag')).toEqual([
      'lüdenscheidt ag',
      'ag',
      'muller-ludenscheidt ag',
      'ludenscheidt ag',
      'mueller-luedenscheidt ag',
      'luedenscheidt ag',
    ]);
    expect(nameTails('straße 5')).toEqual(['5', 'strasse 5']);
    // Letters Unicode does not decompose get their Latin spelling.
    expect(nameTails('ørsted a/s')).toEqual(['a/s', 's', 'orsted a/s']);
    expect(nameTails('łódź œuvre')).toEqual(['œuvre', 'lodz oeuvre', 'oeuvre']);
    // Decomposed umlauts (u and a combining diaeresis) are spelled out as well.
    expect(nameTails('mu\u0308ller ag')).toContain('mueller ag');
    expect(nameTails('lumenfold')).toEqual([]);
    // A hostile name stays a small record: 20 tails of at most 200 characters per spelling (3 at most).
    const tails = nameTails(`acme ${Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ')}`);
    expect(tails).toHaveLength(20);
    for (const tail of tails) expect(tail.length).toBeLessThanOrEqual(200);
    const spelled = nameTails(`ä ${Array.from({ length: 5000 }, (_, i) => `ü${i}`).join(' ')}`);
    expect(spelled).toHaveLength(60);
    for (const tail of spelled) expect(tail.length).toBeLessThanOrEqual(200);
  });

  it('sorts a name by its letters without their accents: umlauts as their plain vowel, ß as ss, ø as o', () => {
    expect(nameSortKey('äpfel & co')).toBe('apfel & co');
    expect(nameSortKey('émile sa')).toBe('emile sa');
    expect(nameSortKey('ökoplan gmbh')).toBe('okoplan gmbh');
    expect(nameSortKey('ørsted a/s')).toBe('orsted a/s');
    expect(nameSortKey('straße 5')).toBe('strasse 5');
    // Decomposed accents (e and a combining acute) sort as the composed ones.
    expect(nameSortKey('e\u0301mile sa')).toBe('emile sa');
    expect(nameSortKey('zürich data')).toBe('zurich data');
  });

  it('matches the start of the name, of any word in it, or of the domain; not the inside of a word', () => {
    const name = 'fernbridge maschinenbau gmbh';
    for (const s of ['fern', 'masch', 'maschinenbau g', 'gmbh', 'fernbridge.de'.slice(0, 6)])
      expect(matchesSearch(name, 'fernbridge.de', s), s).toBe(true);
    for (const s of ['bridge', 'chinen', 'masch gmbh', 'de'])
      expect(matchesSearch(name, 'fernbridge.de', s), s).toBe(false);
  });

  it('finds a company by a web address pasted whole, as by its domain', () => {
    for (const s of [
      'www.lumenfold.io',
      'https://www.lumenfold.io/',
      'http://lumenfold.io:8080/about?x=1#team',
      'lumenfold.io/',
      'lumenfold.io/pricing',
      'www.lumenfold.io.',
      'https://app.lumenfold.io/login',
    ])
      expect(matchesSearch('lumenfold', 'lumenfold.io', s), s).toBe(true);
    // Not every dot is an address: names with dots, and other sites, are searched as typed.
    expect(matchesSearch('lumenfold', 'lumenfold.io', 'https://www.fernbridge.de/')).toBe(false);
    expect(matchesSearch('st. gallen bank', null, 'st. gallen')).toBe(true);
    expect(matchesSearch('next.js consulting', null, 'next.js')).toBe(true);
  });

  it('leaves accents optional on either side', () => {
    for (const s of ['muller', 'müller', 'lud', 'lüd', 'muller-lud'])
      expect(matchesSearch('müller-lüdenscheidt ag', null, s), s).toBe(true);
    for (const s of ['müll', 'mull']) expect(matchesSearch('muller ag', null, s), s).toBe(true);
    expect(matchesSearch('muller ag', null, 'muell')).toBe(false);
  });

  it('takes umlauts spelled out for the letters, either way', () => {
    for (const s of ['mueller', 'mueller-lued', 'luedensch', 'müller', 'muller'])
      expect(matchesSearch('müller-lüdenscheidt ag', null, s), s).toBe(true);
    for (const s of ['müller', 'muel']) expect(matchesSearch('mueller bau', null, s), s).toBe(true);
    for (const s of ['orsted', 'ørsted']) expect(matchesSearch('ørsted a/s', null, s), s).toBe(true);
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
    const muller = await save('Müller-Lüdenscheidt AG', 'ml.example');
    const mueller = await save('Muller Bau', 'mb.example');
    const spelled = await save('Mueller Technik', 'mt.example');
    for (const sort of ['name', 'tier', 'savedAt'] as const) {
      expect(await queryProspectIds(db, { sort, search: 'masch' })).toEqual(
        expect.arrayContaining([fernbridge, brio]),
      );
      expect(await queryProspectIds(db, { sort, search: 'masch' })).toHaveLength(2);
      expect(await queryProspectIds(db, { sort, search: 'maschinenbau gm' })).toEqual([fernbridge]);
      expect(await queryProspectIds(db, { sort, search: 'labs' })).toEqual([acme]);
      expect(await queryProspectIds(db, { sort, search: 'labs', hqCountry: 'DE' })).toEqual([acme]);
      expect(await queryProspectIds(db, { sort, search: 'bridge' })).toEqual([]);
      expect(await queryProspectIds(db, { sort, search: 'ludensch' })).toEqual([muller]);
      expect(await queryProspectIds(db, { sort, search: 'luedensch' })).toEqual([muller]);
      expect((await queryProspectIds(db, { sort, search: 'mull' })).sort()).toEqual([muller, mueller].sort());
      expect((await queryProspectIds(db, { sort, search: 'muell' })).sort()).toEqual(
        [muller, spelled].sort(),
      );
      expect((await queryProspectIds(db, { sort, search: 'müll' })).sort()).toEqual(
        [muller, mueller, spelled].sort(),
      );
      expect(await queryProspectIds(db, { sort, search: 'müll', hqCountry: 'DE' })).toHaveLength(3);
    }
    db.close();
  });
});
