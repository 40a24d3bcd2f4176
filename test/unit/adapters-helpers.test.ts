import { describe, expect, it } from 'vitest';
import { parseHeadcount } from '@/lib/extract/adapters/amounts';
import {
  inRelatedList,
  readLabeledValues,
  sectionTitled,
  visibleLines,
} from '@/lib/extract/adapters/dom-text';
import { findOwnWebsite, isPageChrome, socialProfiles } from '@/lib/extract/adapters/links';
import { splitLocation } from '@/lib/extract/adapters/location';
import { parseMoney } from '@/lib/extract/currency';
import { dropParenthesised } from '@/lib/extract/text';
import { parseHtml } from '../helpers/dom';

const PAGE = 'https://directory.example/profile/acme';
const body = (html: string) => parseHtml(`<html><body>${html}</body></html>`, PAGE).body;

describe('visible text', () => {
  it('keeps one line per block or line break', () =>
    expect(visibleLines(body('<td>Consumer electronics<br>Software<ul><li>Services</li></ul></td>'))).toEqual(
      ['Consumer electronics', 'Software', 'Services'],
    ));

  it('leaves out footnote markers, hidden text and icons', () =>
    expect(
      visibleLines(
        body(
          'Eindhoven<sup class="reference">[1]</sup>, Netherlands[2]<span style="display:none">(1987-03-03)</span><span class="sr-only">opens in a new tab</span><svg><text>x</text></svg>',
        ),
      ),
    ).toEqual(['Eindhoven, Netherlands']));

  it('keeps text that a responsive class shows on wider screens', () =>
    expect(visibleLines(body('<span class="hidden md:inline">Team Size</span>'))).toEqual(['Team Size']));
});

describe('labelled values', () => {
  const read = (html: string, labels = ['founded', 'team size']) => readLabeledValues(body(html), labels);

  it.each([
    ['<dl><dt>Founded</dt><dd>2011</dd></dl>'],
    ['<div><span>Founded:</span><span>2011</span></div>'],
    ['<li>Founded: 2011</li>'],
    ['<li><b>Founded</b> 2011</li>'],
    ['<div><div><span>Founded</span><i class="info"></i></div><div><span>2011</span></div></div>'],
  ])('reads %s', (html) => expect(read(html).get('founded')?.text).toBe('2011'));

  it('gives a list value one line per item', () =>
    expect(
      read(
        '<div><span>Industries</span><div><a class="chip"><div>SaaS</div></a><a class="chip"><div>FinTech</div></a></div></div>',
        ['industries'],
      ).get('industries')?.lines,
    ).toEqual(['SaaS', 'FinTech']));

  it('does not take the next label as the value of an empty one', () =>
    expect(read('<dl><dt>Founded</dt><dd></dd><dt>Team Size</dt><dd>12</dd></dl>').has('founded')).toBe(
      false,
    ));

  it('does not read a label word inside a sentence', () =>
    expect(read('<p>Founded in 2011 by two engineers.</p>').size).toBe(0));

  it('skips labels the caller rejects', () => {
    const values = readLabeledValues(
      body(
        '<footer><span>Founded</span><span>1999</span></footer><main><span>Founded</span><span>2011</span></main>',
      ),
      ['founded'],
      { accept: (el) => !isPageChrome(el) },
    );
    expect(values.get('founded')?.text).toBe('2011');
  });
});

describe('lists of other companies', () => {
  it('are recognised by their heading', () => {
    const root = body(
      '<section><h2>Similar pages</h2><ul><li><a id="x" href="/company/other">Other</a></li></ul></section>',
    );
    expect(inRelatedList(root.querySelector('#x') as Element)).toBe(true);
  });

  it('are recognised by their attributes', () => {
    const root = body('<div data-test-id="people-also-viewed"><div><span id="x">Other</span></div></div>');
    expect(inRelatedList(root.querySelector('#x') as Element)).toBe(true);
  });

  it("do not include the profile's own sections", () => {
    const root = body('<main><section><h2>About us</h2><p id="x">Text</p></section></main>');
    expect(inRelatedList(root.querySelector('#x') as Element)).toBe(false);
  });

  it('a section is found by a plain element styled as its heading', () => {
    const root = body('<div><div class="text-xl font-bold">Active Founders</div><div>Jane</div></div>');
    expect(sectionTitled(root, /^active founders$/i, { anyElement: true })?.textContent).toContain('Jane');
  });
});

describe("a profile's own website", () => {
  const find = (html: string) => findOwnWebsite(body(html), new URL(PAGE))?.href;

  it('is the link whose text spells its own address', () =>
    expect(
      find(
        '<main><a href="https://acme.io/?ref=dir">acme.io</a><a href="https://blog.example/x">A story</a></main>',
      ),
    ).toBe('https://acme.io/?ref=dir'));

  it('is the link that its attributes call a website', () =>
    expect(
      find(
        '<main><a href="https://acme.io" data-track="WebsiteClicked" target="_blank" rel="noopener">Visit</a></main>',
      ),
    ).toBe('https://acme.io/'));

  it("is never the site's footer, a social network or the directory itself", () =>
    expect(
      find(
        '<footer><a href="https://partner.example">partner.example</a></footer><main><a href="https://twitter.com/acme">twitter.com/acme</a><a href="https://directory.example/pricing">directory.example</a></main>',
      ),
    ).toBeUndefined());

  it("is followed through the directory's own redirector", () =>
    expect(
      find(
        '<main><a href="https://r.directory.example/redirect?u=https%3A%2F%2Facme.io%2F&pid=7">acme.io</a></main>',
      ),
    ).toBe('https://acme.io/'));

  it('needs more than an external link to be found', () =>
    expect(
      find('<main><a href="https://acme.io" target="_blank" rel="noopener">Read more</a></main>'),
    ).toBeUndefined());
});

describe('social profiles', () => {
  it("leave out share links, the site's own accounts and its footer", () =>
    expect(
      socialProfiles(
        body(`<main><a href="https://twitter.com/acme?lang=en">X</a><a href="https://twitter.com/intent/tweet?url=x">Share</a>
          <a href="https://x.com/directory">Directory on X</a><a href="https://github.com/acme">GitHub</a></main>
          <footer><a href="https://facebook.com/somepartner">Partner</a></footer>`),
        new URL(PAGE),
      ),
    ).toEqual(['https://twitter.com/acme', 'https://github.com/acme']));
});

describe('written locations', () => {
  it.each([
    ['San Francisco', { city: 'San Francisco' }],
    ['Columbus, Ohio', { city: 'Columbus', region: 'Ohio', country: 'US' }],
    ['San Francisco, CA, USA', { city: 'San Francisco', region: 'CA', country: 'US' }],
    ['London, England', { city: 'London', country: 'GB' }],
    ['Berlin, Germany', { city: 'Berlin', country: 'Germany' }],
    ['Redmond, WA 98052, U.S.', { city: 'Redmond', region: 'WA', country: 'US' }],
    ['Kemp House, 152 City Road, London, United Kingdom', { city: 'London', country: 'United Kingdom' }],
    [
      'Leeds, West Yorkshire, United Kingdom, Europe',
      { city: 'Leeds', region: 'West Yorkshire', country: 'United Kingdom' },
    ],
    ['Washington, D.C.', { city: 'Washington', region: 'D.C.', country: 'US' }],
  ])('splits "%s"', (text, parts) => expect(splitLocation(text)).toEqual(parts));
});

describe('stated amounts', () => {
  it.each([
    ['US$391.035 billion (2024)', { min: 391_035_000_000, max: 391_035_000_000, currency: 'USD' }],
    ['$6.4B', { min: 6_400_000_000, max: 6_400_000_000, currency: 'USD' }],
    ['€12 million', { min: 12_000_000, max: 12_000_000, currency: 'EUR' }],
    ['CA$3.2M', { min: 3_200_000, max: 3_200_000, currency: 'CAD' }],
  ])('reads "%s" as money', (text, money) => expect(parseMoney(text)).toEqual(money));

  it.each([
    ['221,000 (2023)', { min: 221_000, max: 221_000 }],
    ['51-200 employees', { min: 51, max: 200 }],
    ['10,001+', { min: 10_001, max: null }],
    ['50,-100 employees', { min: 50, max: 100 }],
    ['1.000.-5.000', { min: 1000, max: 5000 }],
  ])('reads the head count "%s"', (text, range) => expect(parseHeadcount(text)).toEqual(range));

  it('reads no head count from text without a figure', () =>
    expect(parseHeadcount('Self-employed')).toBeUndefined());

  it('leaves out a note with a note inside, not only up to its first closing bracket', () =>
    // Cut at the first ")", "2019–2020)" would be left over and read as a band.
    expect(parseHeadcount('1,200 (approx. (2019) 2019–2020)')).toEqual({ min: 1200, max: 1200 }));

  it('keeps what follows a bracket that is never closed', () =>
    expect(parseHeadcount('51-200 (est')).toEqual({ min: 51, max: 200 }));
});

describe('parenthesised notes', () => {
  it.each([
    ['221,000 (2023)', '221,000  '],
    ['a (b (c) d) e', 'a   e'],
    ['a (b) (c) d', 'a     d'],
    ['((x)', '( '],
    ['a) (b', 'a) (b'],
    ['no notes', 'no notes'],
  ])('drops the notes of "%s"', (text, bare) => expect(dropParenthesised(text)).toBe(bare));
});
