import { describe, expect, it } from 'vitest';
import { extractProfileLinks } from '@/lib/extract/links';
import { parseHtml } from '../helpers/dom';

const read = (body: string) => {
  const out: Record<string, unknown> = {};
  for (const c of extractProfileLinks(
    parseHtml(`<html><body>${body}</body></html>`, 'https://acme.com/'),
    new URL('https://acme.com/'),
  ))
    out[c.field] = c.value;
  return out;
};

describe("the company's profile links", () => {
  it("takes the LinkedIn company page linked from the site's footer", () => {
    expect(
      read('<footer><a href="https://www.linkedin.com/company/acme-inc/">LinkedIn</a></footer>'),
    ).toMatchObject({
      linkedinUrl: 'https://www.linkedin.com/company/acme-inc',
    });
  });

  it('takes a LinkedIn link whose address is not valid percent-encoding, as written', () => {
    // Browsers keep a stray "%" in a path as is; decoding it throws, which lost the whole page's report.
    expect(
      read('<footer><a href="https://www.linkedin.com/company/100%-pure">LinkedIn</a></footer>'),
    ).toMatchObject({
      linkedinUrl: 'https://www.linkedin.com/company/100%-pure',
    });
  });

  it('ignores a list of other companies’ LinkedIn pages in the content', () => {
    expect(
      read(
        '<main><a href="https://linkedin.com/company/a">A</a><a href="https://linkedin.com/company/b">B</a></main>',
      ),
    ).toEqual({});
  });

  it('collects social profiles but not share links', () => {
    const out = read(`<footer>
      <a href="https://twitter.com/acme">X</a>
      <a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a>
      <a href="https://github.com/acme">GitHub</a></footer>`);
    expect(out.socialProfiles).toEqual(['https://twitter.com/acme', 'https://github.com/acme']);
  });

  it('drops a network with two different accounts', () => {
    const out = read('<a href="https://twitter.com/acme">a</a><a href="https://twitter.com/author">b</a>');
    expect(out.socialProfiles).toBeUndefined();
  });
});
