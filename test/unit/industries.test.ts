import { describe, expect, it } from 'vitest';
import { classifyIndustry } from '@/lib/icp';

const idOf = (text: string) => classifyIndustry(text)?.id;

describe('the industry taxonomy', () => {
  // Salesforce's standard Industry picklist, whole: what a CRM export writes in an account's Industry column.
  it.each([
    ['Agriculture', 'agriculture'],
    ['Apparel', 'retail'],
    ['Banking', 'banking'],
    ['Biotechnology', 'pharma-biotech'],
    ['Chemicals', 'manufacturing'],
    ['Communications', 'telecommunications'],
    ['Construction', 'construction'],
    ['Consulting', 'consulting'],
    ['Education', 'education'],
    ['Electronics', 'computer-hardware'],
    ['Energy', 'energy-utilities'],
    ['Engineering', 'engineering'],
    ['Entertainment', 'entertainment'],
    ['Finance', 'financial-services'],
    ['Food & Beverage', 'food-beverage'],
    ['Government', 'government'],
    ['Healthcare', 'hospitals-health-care'],
    ['Hospitality', 'hospitality'],
    ['Insurance', 'insurance'],
    ['Machinery', 'industrial-machinery'],
    ['Manufacturing', 'manufacturing'],
    ['Media', 'media'],
    ['Not For Profit', 'nonprofit'],
    ['Recreation', 'entertainment'],
    ['Retail', 'retail'],
    ['Shipping', 'transportation-logistics'],
    ['Technology', 'internet'],
    ['Telecommunications', 'telecommunications'],
    ['Transportation', 'transportation-logistics'],
    ['Utilities', 'energy-utilities'],
  ])('reads Salesforce’s “%s” as %s', (value, id) => {
    expect(idOf(value)).toBe(id);
  });

  // HubSpot's industry values as the calibration reads them ("TRANSPORTATION_TRUCKING_RAILROAD" → words).
  it.each([
    ['Transportation Trucking Railroad', 'transportation-logistics'],
    ['Non Profit Organization Management', 'nonprofit'],
    ['Food Beverages', 'food-beverage'],
    ['Warehousing', 'transportation-logistics'],
    ['Maritime', 'transportation-logistics'],
    ['Oil Energy', 'oil-gas-mining'],
    ['Leisure Travel Tourism', 'hospitality'],
    ['Hospital Health Care', 'hospitals-health-care'],
    ['Apparel Fashion', 'retail'],
    ['Mining Metals', 'oil-gas-mining'],
    ['Computer Software', 'software'],
    ['Information Technology And Services', 'it-services'],
    ['Marketing And Advertising', 'advertising'],
    ['Wireless', 'telecommunications'],
  ])('reads HubSpot’s “%s” as %s', (value, id) => {
    expect(idOf(value)).toBe(id);
  });

  it('leaves values that name no industry of the taxonomy unknown', () => {
    expect(idOf('Other')).toBeUndefined();
    expect(idOf('Environmental')).toBeUndefined();
  });

  it('reads the more specific industry where a wording names two', () => {
    // LinkedIn's "Food and Beverage Services" are restaurants, not food makers; "Oil & Energy" is oil.
    expect(idOf('Food and Beverage Services')).toBe('hospitality');
    expect(idOf('Food and Beverage Manufacturing')).toBe('food-beverage');
    expect(idOf('Oil & Energy')).toBe('oil-gas-mining');
    expect(idOf('Renewable Energy')).toBe('energy-utilities');
  });

  it('reads a CRM’s one-word values only as the whole value, not as a word among others', () => {
    expect(idOf('Financial Technology')).toBe('financial-services');
    expect(idOf('Medical technology')).not.toBe('internet');
    expect(idOf('Marketing communications')).not.toBe('telecommunications');
    expect(idOf('  technology ')).toBe('internet');
  });
});
