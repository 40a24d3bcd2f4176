import { describe, expect, it } from 'vitest';
import { describesCompany, extractMeta } from '@/lib/extract/meta';

const tags = {
  description: 'Lumenfold builds observability software for logistics.',
  keywords: 'observability, logistics',
};
const fieldsOn = (url: string) =>
  extractMeta(tags, 'Lumenfold', new URL(url), false)
    .map((c) => c.field)
    .filter((f) => f === 'description' || f === 'keywords');

describe('meta descriptions as the company’s', () => {
  it('are read on the home page and the about page, in any language part', () => {
    for (const url of [
      'https://www.lumenfold.io/',
      'https://www.lumenfold.io/index.html',
      'https://www.lumenfold.io/about',
      'https://www.lumenfold.io/about-us/',
      'https://www.lumenfold.io/de/',
      'https://www.lumenfold.io/de/ueber-uns',
      'https://www.lumenfold.io/fr-fr/a-propos',
    ]) {
      expect(describesCompany(new URL(url)), url).toBe(true);
      expect(fieldsOn(url), url).toEqual(['description', 'keywords']);
    }
  });

  it('are not read on a blog post or a product page, whose description is about the post or the product', () => {
    for (const url of [
      'https://segment.com/blog/scaling-nsq/',
      'https://www.lumenfold.io/pricing',
      'https://www.lavazza.de/de/qualita-oro',
      'https://www.lumenfold.io/about/team/jane',
      'https://www.lumenfold.io/%E0%A4%A',
    ]) {
      expect(describesCompany(new URL(url)), url).toBe(false);
      expect(fieldsOn(url), url).toEqual([]);
    }
  });
});
