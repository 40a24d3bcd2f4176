import { describe, expect, it } from 'vitest';
import { mergeCandidates } from '@/lib/extract/merge';
import { FactCandidateSchema } from '@/lib/extract/schema';
import { extractTextFacts } from '@/lib/extract/text-facts';
import { loadFixture, parseHtml } from '../helpers/dom';

type Kind = 'profile' | 'company-site';

/** Runs the text reader on a small page and merges its candidates as the extension would. */
function read(body: string, url = 'https://www.acme.com/about', kind: Kind = 'profile', lang = 'en') {
  const doc = parseHtml(
    `<html lang="${lang}"><head><title>Acme</title></head><body>${body}</body></html>`,
    url,
  );
  const candidates = extractTextFacts(doc, new URL(url), kind);
  return { candidates, facts: mergeCandidates({ url, candidates }) };
}

const de = (body: string, url = 'https://www.acme.de/ueber-uns', kind: Kind = 'profile') =>
  read(body, url, kind, 'de');

describe('founding year', () => {
  it.each([
    ['<p>Acme was founded in 2014 by two engineers.</p>', 2014],
    ['<p>Founded in 2014, we build tools for finance teams.</p>', 2014],
    ['<h2>Since 1996</h2><p>Quality tools.</p>', 1996],
    ['<p>Established 2003</p>', 2003],
    ['<div class="logo">Acme · Est. 1987</div>', 1987],
    ['<dl><dt>Founded</dt><dd>2011</dd></dl>', 2011],
    ['<p>We have been in business since 1979.</p>', 1979],
  ])('reads "%s" in English', (body, year) => expect(read(body).facts.foundedYear?.value).toBe(year));

  it.each([
    ['<p>Die Acme GmbH wurde 2014 in Ulm gegründet.</p>', 2014],
    ['<p>Gegründet 2014</p>', 2014],
    ['<p>Gründungsjahr: 2001</p>', 2001],
    ['<p>Seit 1996 am Markt.</p>', 1996],
    ['<p>In 1994 haben wir in Ulm unser Ingenieurbüro gegründet.</p>', 1994],
    ['<p>1994 gründeten wir die Acme GmbH.</p>', 1994],
    ['<p>Die 2009 gegründete Acme GmbH entwickelt Software.</p>', 2009],
    ['<h3>seit 1996</h3>', 1996],
  ])('reads "%s" in German', (body, year) => expect(de(body).facts.foundedYear?.value).toBe(year));

  it('keeps the sentence as evidence, with a confidence below structured data', () => {
    const { facts } = read('<p>Acme was founded in 2014 by two engineers. We now serve 40 countries.</p>');
    expect(facts.foundedYear).toMatchObject({
      source: 'text',
      snippet: 'Acme was founded in 2014 by two engineers.',
    });
    expect(facts.foundedYear?.confidence).toBeLessThan(0.8);
  });

  it('prefers a founding statement to an earlier "since"', () => {
    const { facts } = read('<p>Acme was founded in 2014.</p><p>We have been in business since 1990.</p>');
    expect(facts.foundedYear?.value).toBe(2014);
  });

  it('takes the earliest of several "since" taglines', () => {
    expect(de('<p>am Werkeln seit 1994</p><h2>Netzkultur seit 1995</h2>').facts.foundedYear?.value).toBe(
      1994,
    );
  });

  it.each([
    ['customers since a year', '<p>We have helped 500 clients since 2010.</p>'],
    ['a client founded in a year', '<p>Our client, founded in 1950, makes bicycles.</p>'],
    ['years of experience', '<p>With 20 years of experience we deliver.</p>'],
    ['a launch year', "<p>Since Acme's first launch in 2012, we've used queues everywhere.</p>"],
    ['another company opening a sentence', '<p>Founded in 2010, Stripe is a payments company.</p>'],
    ['another company by apposition', '<p>We work with Globex, founded in 1950, on logistics.</p>'],
    ['an office', '<p>Our Berlin office was founded in 2018.</p>'],
    ['a copyright range', '<footer>© 1996–2024 Acme</footer>'],
    ['a relative age', '<p>Waterproofing excellence for 26 years.</p>'],
    ['the reader’s company', '<p>Your business, founded in 2010, deserves better tools.</p>'],
  ])('ignores %s', (_, body) => expect(read(body).facts.foundedYear).toBeUndefined());

  it('reads "the company" as the company itself on its about page only', () => {
    const sentence = '<p>The firm was founded in 1985 and employs 40 people.</p>';
    expect(read(sentence).facts.foundedYear?.value).toBe(1985);
    const story = read(sentence, 'https://acme.com/customers/globex', 'company-site').facts;
    expect(story.foundedYear).toBeUndefined();
    expect(story.employees).toBeUndefined();
  });

  it('ignores a bare founding line in the body of a blog post', () => {
    const { facts } = read(
      '<article><h3>Founded in 1998</h3><p>Globex grew fast.</p></article>',
      'https://acme.com/blog/x',
      'company-site',
    );
    expect(facts.foundedYear).toBeUndefined();
  });

  it.each([
    ['customers since a year', '<p>Kunden seit 1998</p>'],
    ['something else founded', '<p>Das Labor wurde 1995 gegründet und startete mit Telefondiensten.</p>'],
    ['a subsidiary', '<p>2005 wurde unsere Tochtergesellschaft in Wien gegründet.</p>'],
    ['a sentence that only starts with "seit"', '<p>Seit 2012 sind wir offiziell Partner der Stadt.</p>'],
    ['the year a product was born', '<p>Qualità Oro, geboren 1956, ist unsere erste Mischung.</p>'],
  ])('ignores %s in German', (_, body) => expect(de(body).facts.foundedYear).toBeUndefined());

  it('ignores a team page full of "since" lines', () => {
    const team = ['Mitglied seit 2005', 'Im Haus seit 2012', 'Beratung seit 2015', 'Vertrieb seit 2019']
      .map((t) => `<li><b>Name</b><p>${t}</p></li>`)
      .join('');
    expect(de(`<ul>${team}</ul>`).facts.foundedYear).toBeUndefined();
  });

  it('ignores a list of founding years (a portfolio)', () => {
    const cards = [2011, 2015, 2019].map((y) => `<div><h3>Company</h3><p>Founded ${y}</p></div>`).join('');
    expect(read(cards).facts.foundedYear).toBeUndefined();
  });
});

describe('employees', () => {
  it.each([
    ['<p>We are a team of 180+ people.</p>', { min: 180, max: null }],
    ['<p>Today over 140 employees work at Acme.</p>', { min: 140, max: null }],
    ['<p>More than 200 people work for us.</p>', { min: 200, max: null }],
    ['<p>Join our team of 25 in Berlin.</p>', { min: 25, max: 25 }],
    ['<p>We have 50-100 employees.</p>', { min: 50, max: 100 }],
    ['<p>Acme employs 1,200 people worldwide.</p>', { min: 1200, max: 1200 }],
    ['<div class="stat"><div>180+</div><div>employees</div></div>', { min: 180, max: null }],
    ['<dl><dt>Employees:</dt><dd>180</dd></dl><p>Employees: 180</p>', { min: 180, max: 180 }],
    [
      '<p>We are a team of developers and designers based in Berlin, Germany with 40 employees.</p>',
      { min: 40, max: 40 },
    ],
  ])('reads "%s"', (body, range) => expect(read(body).facts.employees?.value).toEqual(range));

  it.each([
    ['<p>Über 140 Mitarbeiter</p>', { min: 140, max: null }],
    ['<p>Unsere 150 Mitarbeiterinnen und Mitarbeiter sind für Sie da.</p>', { min: 150, max: 150 }],
    ['<p>Rund 80 Mitarbeitende arbeiten bei uns in Ulm.</p>', { min: 80, max: 80 }],
    ['<p>Wir sind ein Team aus 35 Expertinnen und Experten.</p>', { min: 35, max: 35 }],
    ['<p>Wir sind ein mittelständisches Unternehmen mit 1.200 Beschäftigten.</p>', { min: 1200, max: 1200 }],
    ['<p>Mitarbeiter: ca. 150</p>', { min: 150, max: 150 }],
    // "wir sind eine …" as far as 60 characters before "mit": the company describing itself.
    [
      '<p>Wir sind eine unabhängige Digitalagentur aus dem Herzen von Stuttgart mit 45 Mitarbeitern.</p>',
      { min: 45, max: 45 },
    ],
  ])('reads "%s" in German', (body, range) => expect(de(body).facts.employees?.value).toEqual(range));

  it.each([
    ['teams and countries', '<p>Trusted by 1,200 teams in 40 countries.</p>'],
    ['open positions', '<p>We have 300 open positions.</p>'],
    ['years of experience', '<p>A team featuring 50+ years of combined experience.</p>'],
    ['target companies', '<p>Built for companies with 50 to 500 employees.</p>'],
    ['customers’ staff', '<p>Over 20,000 employees of our customers use Acme every day.</p>'],
    ['users trained', '<p>We trained 5,000 employees last year.</p>'],
    ['hiring', "<p>We're hiring 12 engineers this year.</p>"],
    ['nationalities', '<p>We are a team of 20 nationalities.</p>'],
    ['another company', '<p>Globex has 3,000 employees in Ohio.</p>'],
    ['a quote in a news style', '<p>"We employ 200 people," said the CEO of Globex.</p>'],
    ['the reader’s team', '<p>With Acme you can invite 5 team members to your project.</p>'],
    ['a department', '<p>Our engineering team of 12 moved everything to Kafka.</p>'],
    ['a plan', '<p>We plan to employ 200 people by 2030.</p>'],
    ['one trade', '<p>We have 3 designers and a lot of ideas.</p>'],
  ])('ignores %s', (_, body) => expect(read(body).facts.employees).toBeUndefined());

  it('reads a fact table without colons', () => {
    expect(read('<dl><dt>Employees</dt><dd>51-200</dd></dl>').facts.employees?.value).toEqual({
      min: 51,
      max: 200,
    });
  });

  it('ignores a list of head counts (case studies)', () => {
    const cases = [40, 120, 900].map((n) => `<li>Globex: ${n} employees</li>`).join('');
    expect(read(`<ul>${cases}</ul><p>Over 140 employees work at Acme.</p>`).facts.employees).toBeUndefined();
  });

  it.each([
    ['target group', '<p>Wir beraten Unternehmen mit bis zu 500 Mitarbeitern.</p>'],
    ['members of a cooperative', '<p>Die Genossenschaft mit mehr als 50 Mitgliedern.</p>'],
    ['staff of customers', '<p>Über 3.000 Mitarbeiter unserer Kunden nutzen die Software.</p>'],
  ])('ignores %s in German', (_, body) => expect(de(body).facts.employees).toBeUndefined());

  it('does not take the team that wrote a blog post for the company', () => {
    const { facts } = read(
      '<p>Our team of 12 migrated everything.</p>',
      'https://acme.com/blog/x',
      'company-site',
    );
    expect(facts.employees).toBeUndefined();
  });

  it('does not take a bare figure from the body of a blog post', () => {
    const { facts } = read(
      '<article><p>2,000 employees</p></article>',
      'https://acme.com/blog/x',
      'company-site',
    );
    expect(facts.employees).toBeUndefined();
  });
});

describe('headquarters', () => {
  it.each([
    ['<p>Acme is headquartered in Berlin, Germany.</p>', 'Berlin', 'DE'],
    ['<p>We are based in Vienna, Austria.</p>', 'Vienna', 'AT'],
    ['<p>HQ: London</p>', 'London', undefined],
    ['<p>Our headquarters is in Munich.</p>', 'Munich', undefined],
    ['<p>Acme is headquartered in Berlin, where it was founded.</p>', 'Berlin', undefined],
  ])('reads "%s"', (body, city, country) => {
    const { facts } = read(body);
    expect(facts.hqCity?.value).toBe(city);
    expect(facts.hqCountry?.value).toBe(country);
  });

  it.each([
    ['<p>Sitz der Gesellschaft: Ulm</p>', 'Ulm'],
    ['<p>Sitz der Gesellschaft: Ulm, Registergericht: Amtsgericht Ulm, HRB 1234</p>', 'Ulm'],
    ['<p>Die Acme GmbH mit Sitz in Stuttgart entwickelt Software.</p>', 'Stuttgart'],
    ['<p>Unser Hauptsitz ist in Frankfurt am Main.</p>', 'Frankfurt am Main'],
  ])('reads "%s" in German', (body, city) => expect(de(body).facts.hqCity?.value).toBe(city));

  it('reads a German imprint address with its country', () => {
    const { facts } = de(
      '<h1>Impressum</h1><p>Acme Software GmbH<br>Musterstraße 1<br>89077 Ulm<br>Deutschland</p>',
      'https://www.acme-software.com/impressum',
    );
    expect(facts.hqCity?.value).toBe('Ulm');
    expect(facts.hqCountry?.value).toBe('DE');
  });

  it('gives a German address its country from a .de domain', () => {
    const { facts } = read(
      '<footer>Am Delft 24, 26721 Emden</footer>',
      'https://acme.de/design',
      'company-site',
    );
    expect(facts.hqCity?.value).toBe('Emden');
    expect(facts.hqCountry?.value).toBe('DE');
  });

  it('leaves a bare five-digit address on an English .com page alone', () => {
    const { facts } = read(
      '<footer>Main Road 24, 26721 Springfield</footer>',
      'https://acme.com/',
      'profile',
    );
    expect(facts.hqCity).toBeUndefined();
  });

  it('reads a US footer address with its state', () => {
    const { facts } = read(
      '<footer><p>108 Morris St, Suite 2<br>Durham, NC 27701</p></footer>',
      'https://acme.com/blog/post',
      'company-site',
    );
    expect([facts.hqCity?.value, facts.hqRegion?.value, facts.hqCountry?.value]).toEqual([
      'Durham',
      'NC',
      'US',
    ]);
  });

  it('reads a UK postcode as Great Britain', () => {
    const { facts } = read('<footer>Acme Ltd, 1 High Street, London EC1A 1BB</footer>');
    expect([facts.hqCity?.value, facts.hqCountry?.value]).toEqual(['London', 'GB']);
  });

  it('reads an Austrian address', () => {
    const { facts } = de('<footer>Mariahilfer Straße 1, 1060 Wien</footer>', 'https://acme.com/kontakt');
    expect([facts.hqCity?.value, facts.hqCountry?.value]).toEqual(['Wien', 'AT']);
  });

  it('reads a "City, Country" line in a contact block', () => {
    const { facts } = read('<div><p>Acme<br>Vienna, Austria<br>hello@acme.com</p></div>');
    expect([facts.hqCity?.value, facts.hqCountry?.value]).toEqual(['Vienna', 'AT']);
  });

  it('reads a fact table without colons', () => {
    const { facts } = read('<dl><dt>Headquarters</dt><dd>Columbus, Ohio</dd></dl>');
    expect([facts.hqCity?.value, facts.hqRegion?.value, facts.hqCountry?.value]).toEqual([
      'Columbus',
      'Ohio',
      'US',
    ]);
  });

  it('takes the country of a stated head office from its address', () => {
    const { facts } = de('<p>Sitz der Gesellschaft: Ulm</p><footer>Musterstraße 1, 89077 Ulm</footer>');
    expect([facts.hqCity?.value, facts.hqCountry?.value]).toEqual(['Ulm', 'DE']);
  });

  it('ignores "based in" with several towns', () => {
    expect(read('<p>We are based in Berlin, London and New York.</p>').facts.hqCity).toBeUndefined();
  });

  it('ignores a list of stated head offices (a portfolio)', () => {
    const { facts } = read('<ul><li>Globex — HQ: Munich</li><li>Initech — HQ: Austin</li></ul>');
    expect(facts.hqCity).toBeUndefined();
  });

  it('ignores a client’s headquarters', () => {
    expect(
      read('<p>Our client Globex, headquartered in Munich, ships parts.</p>').facts.hqCity,
    ).toBeUndefined();
  });

  it('ignores an address in the body of a blog post', () => {
    const { facts } = read(
      '<article><p>Join us at the meetup: 500 Main St, Austin, TX 78701.</p></article>',
      'https://acme.com/blog/meetup',
      'company-site',
    );
    expect(facts.hqCity).toBeUndefined();
  });

  it('leaves the head office open when the footer lists several offices', () => {
    const { facts } = read(
      '<footer><p>1 Main St, Boston, MA 02110</p><p>2 Market St, San Francisco, CA 94105</p></footer>',
    );
    expect(facts.hqCity).toBeUndefined();
  });
});

describe('legal name and company type', () => {
  it.each([
    ['<footer>© 2025 Acme, Inc. All rights reserved.</footer>', 'Acme, Inc.'],
    ['<footer>Copyright 2024 Acme GmbH</footer>', 'Acme GmbH'],
    ['<p>Angaben gemäß § 5 TMG: Acme Software GmbH, Musterstraße 1, 89077 Ulm</p>', 'Acme Software GmbH'],
    ['<p>Luigi Acme S.p.A. – Via Bologna, 32 – 10152 Torino – Italien</p>', 'Luigi Acme S.p.A.'],
  ])('reads "%s"', (body, legalName) => expect(read(body).facts.legalName?.value).toBe(legalName));

  it('does not take a limited edition for a company', () => {
    expect(read('<p>The Acme Limited Edition is back.</p>').facts.legalName).toBeUndefined();
  });

  it('reads the copyright holder, not the shop system after it', () => {
    expect(read('<footer>© 2024 Acme. Powered by Shopify Inc.</footer>').facts.legalName).toBeUndefined();
  });

  it('reads the first legal name on an imprint page', () => {
    const { facts } = de(
      '<h1>Impressum</h1><p>Muster Holding AG</p><p>Vorstand: Max Muster</p>',
      'https://acme.de/impressum',
    );
    expect(facts.legalName?.value).toBe('Muster Holding AG');
  });

  it('reads no name or seat from what an imprint says of its insurer, its web designer or its chamber', () => {
    const page = [
      '<h1>Impressum</h1>',
      '<p>Steuerberatung Anna Beispiel<br>Lindenweg 3<br>89073 Ulm</p>',
      '<h2>Berufshaftpflichtversicherung</h2>',
      '<p>Name und Sitz der Gesellschaft: Muster Versicherung AG, Versicherungsplatz 1, 80331 München</p>',
      '<p>Geltungsbereich: Deutschland</p>',
      '<p>Zuständige Kammer: Steuerberaterkammer Stuttgart, Hegelstraße 33, 70174 Stuttgart</p>',
      '<h2>Webdesign</h2>',
      '<p>Pixelwerk GmbH, Hafenstraße 2, 20457 Hamburg</p>',
    ].join('');
    const { facts } = de(page, 'https://www.beispiel-steuer.de/impressum');
    expect(facts.legalName).toBeUndefined();
    expect(facts.hqCity?.value).toBe('Ulm');
    // The heading as the law has it cited, with what follows it on the line.
    const cited = de(
      page.replace(
        '<h2>Berufshaftpflichtversicherung</h2>',
        '<h2>Berufshaftpflichtversicherung gemäß § 2 DL-InfoV</h2>',
      ),
      'https://www.beispiel-steuer.de/impressum',
    );
    expect(cited.facts.legalName).toBeUndefined();
    expect(cited.facts.hqCity?.value).toBe('Ulm');
    // The same other parties on a page that is no imprint are not set aside: a web agency's own "Webdesign".
    const agency = de(
      '<h2>Webdesign</h2><p>Die Pixelwerk GmbH gestaltet Websites.</p><p>Pixelwerk GmbH, Hafenstraße 2, 20457 Hamburg</p>',
      'https://www.pixelwerk.de/leistungen',
    );
    expect(agency.facts.legalName?.value).toBe('Pixelwerk GmbH');
  });

  it('keeps "& Partner" in a firm name', () => {
    const { facts } = de('<p>Angaben gemäß § 5 TMG</p><p>Müller & Partner Rechtsanwälte PartG mbB</p>');
    expect(facts.legalName?.value).toBe('Müller & Partner Rechtsanwälte PartG mbB');
  });

  it('ignores other companies named in the text', () => {
    const { facts } = de('<p>Unser Kunde, die Ostfriesland Tourismus GmbH, gewann einen Preis.</p>');
    expect(facts.legalName).toBeUndefined();
  });

  it('reads a brand set in capitals, without a leading business kind', () => {
    const { facts } = read(
      '<header>Werbeagentur VON DER SEE GmbH<br>Am Delft 24, 26721 Emden</header>',
      'https://von-der-see.de/',
    );
    expect(facts.legalName?.value).toBe('VON DER SEE GmbH');
  });

  it.each([
    ['Förderverein Acme e.V.', 'nonprofit'],
    ['Acme gGmbH', 'nonprofit'],
  ])('calls "%s" a nonprofit', (name, type) =>
    expect(de(`<footer>© 2024 ${name}</footer>`).facts.companyType?.value).toBe(type),
  );

  it('does not guess public or private from an AG or an Inc.', () => {
    expect(read('<footer>© 2024 Acme AG</footer>').facts.companyType).toBeUndefined();
    expect(read('<footer>© 2024 Acme, Inc.</footer>').facts.companyType).toBeUndefined();
  });

  it('reads a nonprofit statement about the company itself', () => {
    expect(read('<p>Acme is a registered non-profit organization.</p>').facts.companyType?.value).toBe(
      'nonprofit',
    );
  });

  it('offers the copyright holder as a low-confidence name', () => {
    const { candidates } = read('<footer>© 2014 Acme</footer>');
    expect(candidates).toContainEqual(
      expect.objectContaining({ field: 'name', value: 'Acme', confidence: 0.3 }),
    );
  });

  it('offers no name for a copyright holder that is not the site’s brand', () => {
    expect(read('<footer>© 2014 Webdesign Studio</footer>').candidates).toEqual([]);
  });
});

describe('reading only visible text', () => {
  it('skips scripts, styles, templates and hidden elements', () => {
    const { candidates } = read(`
      <script>var s = "Acme was founded in 1999";</script>
      <style>.a::after { content: "Acme was founded in 1998"; }</style>
      <template><p>Acme was founded in 1997.</p></template>
      <noscript><p>Acme was founded in 1996.</p></noscript>
      <div hidden><p>Acme was founded in 1995.</p></div>
      <div style="display: none"><p>Acme was founded in 1994.</p></div>`);
    expect(candidates).toEqual([]);
  });

  it('reads a page that a cookie dialog has marked aria-hidden', () => {
    const { facts } = read(
      '<div aria-hidden="true"><p>Acme was founded in 1993.</p></div><dialog open>Cookies?</dialog>',
    );
    expect(facts.foundedYear?.value).toBe(1993);
  });

  it('reads the footer of a page longer than the text budget', () => {
    const filler = '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>'.repeat(4000);
    const { facts } = read(`<main>${filler}</main><footer>© 2024 Acme GmbH</footer>`);
    expect(facts.legalName?.value).toBe('Acme GmbH');
  });

  it('gives every candidate a valid shape, source "text" and a short snippet', () => {
    const { candidates } = de(
      '<p>Die Acme GmbH wurde 2014 gegründet. Über 140 Mitarbeiter arbeiten bei uns.</p><footer>© 2024 Acme GmbH, Musterstraße 1, 89077 Ulm</footer>',
    );
    expect(candidates.length).toBeGreaterThanOrEqual(4);
    for (const c of candidates) {
      expect(FactCandidateSchema.parse(c)).toEqual(c);
      expect(c.source).toBe('text');
      expect(c.snippet.length).toBeLessThanOrEqual(200);
      expect(c.confidence).toBeLessThanOrEqual(0.7);
    }
  });

  it('reads a hostile 1 MB page within its budgets', () => {
    const hostile = [
      `<p>${'founded by '.repeat(15_000)}</p>`,
      `<p>${'1 2 3 4 5 6 7 8 9 '.repeat(8_000)}employees</p>`,
      `<p>${'Acme GmbH, '.repeat(10_000)}</p>`,
      `<p>${'since 1999 '.repeat(8_000)}</p>`,
      `<p>${'"we say" '.repeat(8_000)}founded in 1999, said Globex</p>`,
      `<p>${'© 2020 Acme GmbH '.repeat(4_000)}</p>`,
      `<footer>${'Musterstraße 1, 89077 Ulm<br>'.repeat(2_000)}</footer>`,
    ].join('');
    const doc = parseHtml(`<html><body>${hostile}</body></html>`, 'https://acme.com/');
    // Its time is measured by `npm run bench`, not asserted here; here: it finishes, and caps what it returns.
    const candidates = extractTextFacts(doc, new URL('https://acme.com/'), 'profile');
    expect(candidates.length).toBeLessThan(50);
    for (const c of candidates) expect(c.snippet.length).toBeLessThanOrEqual(200);
  });
});

describe('real company pages', () => {
  const page = (file: string, url: string, kind: Kind) => {
    const candidates = extractTextFacts(loadFixture(`corpus/${file}`, url), new URL(url), kind);
    return mergeCandidates({ url, candidates });
  };

  it('Shabka’s about page: founded 2013, Vienna (Austria) from the contact block', () => {
    const facts = page('trafilatura__shabka-org-about.html', 'https://shabka.org/about-us/', 'profile');
    expect(facts.foundedYear?.value).toBe(2013);
    expect([facts.hqCity?.value, facts.hqCountry?.value]).toEqual(['Vienna', 'AT']);
    expect(facts.employees).toBeUndefined();
  });

  it('fairkom’s German about page: active since 1994, no staff count from its 50 cooperative members', () => {
    const facts = page('trafilatura__fairkom-eu-about.html', 'https://www.fairkom.eu/about', 'profile');
    expect(facts.foundedYear?.value).toBe(1994);
    expect(facts.employees).toBeUndefined();
    expect(facts.hqCity).toBeUndefined();
  });

  it('VON DER SEE’s service page: its header address and legal name, not its client’s', () => {
    const facts = page(
      'trafilatura__von-der-see-de-design.html',
      'https://von-der-see.de/design/',
      'company-site',
    );
    expect(facts.legalName?.value).toBe('VON DER SEE GmbH');
    expect([facts.hqCity?.value, facts.hqCountry?.value]).toEqual(['Emden', 'DE']);
    expect(facts.foundedYear).toBeUndefined();
  });

  it('Lavazza’s German product page: the Italian parent’s legal name and Turin address, not the blend’s 1956', () => {
    const facts = page(
      'trafilatura__lavazza-de-qualita-oro.html',
      'https://www.lavazza.de/de/kaffee/gemahlener-kaffee/qualita-oro-250-g.html',
      'company-site',
    );
    expect(facts.legalName?.value).toMatch(/^Luigi Lavazza S\.?p\.?A\.?$/i);
    expect([facts.hqCity?.value, facts.hqCountry?.value]).toEqual(['Torino', 'IT']);
    expect(facts.foundedYear).toBeUndefined();
  });

  it('Caktus Group’s blog post: the footer address in Durham, NC', () => {
    const facts = page(
      'trafilatura__caktusgroup-com-blog.html',
      'http://www.caktusgroup.com/blog/2015/06/08/testing-client-side-applications-django-post-mortem/',
      'company-site',
    );
    expect([facts.hqCity?.value, facts.hqRegion?.value, facts.hqCountry?.value]).toEqual([
      'Durham',
      'NC',
      'US',
    ]);
  });

  it('Segment’s blog post: the footer address, and no founding year from its first launch', () => {
    const facts = page(
      'metascraper__segment-blog-nsq.html',
      'https://segment.com/blog/scaling-nsq/',
      'company-site',
    );
    expect([facts.hqCity?.value, facts.hqRegion?.value, facts.hqCountry?.value]).toEqual([
      'San Francisco',
      'CA',
      'US',
    ]);
    expect(facts.foundedYear).toBeUndefined();
  });

  it('Chowhan and Sons’ homepage: Mumbai from the PIN code, no founding year from "26 years"', () => {
    const facts = page('metascraper__chowhanandsons-home.html', 'https://www.chowhanandsons.com/', 'profile');
    expect([facts.hqCity?.value, facts.hqCountry?.value]).toEqual(['Mumbai', 'IN']);
    expect(facts.foundedYear).toBeUndefined();
    expect(facts.employees).toBeUndefined();
  });
});
