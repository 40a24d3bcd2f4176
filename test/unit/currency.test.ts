import { describe, expect, it } from 'vitest';
import { parseMoney, toUsd } from '@/lib/extract/currency';

describe('money', () => {
  it.each([
    ['US$ 211.9 billion (2023)', { min: 211.9e9, max: 211.9e9, currency: 'USD' }],
    ['US$391.035 billion', { min: 391.035e9, max: 391.035e9, currency: 'USD' }],
    ['€12 Mio.', { min: 12e6, max: 12e6, currency: 'EUR' }],
    ['$5M–$10M', { min: 5e6, max: 10e6, currency: 'USD' }],
    ['$5–10 million', { min: 5e6, max: 10e6, currency: 'USD' }],
    ['£1.2bn', { min: 1.2e9, max: 1.2e9, currency: 'GBP' }],
    ['Umsatz: 1.234.567 €', { min: 1234567, max: 1234567, currency: 'EUR' }],
    ['CHF 3,5 Mio.', { min: 3.5e6, max: 3.5e6, currency: 'CHF' }],
    ['CA$40 million', { min: 40e6, max: 40e6, currency: 'CAD' }],
    ['A$2.5m', { min: 2.5e6, max: 2.5e6, currency: 'AUD' }],
    // As spreadsheets write money: cents after the grouped digits.
    ['$12,500.00', { min: 12500, max: 12500, currency: 'USD' }],
    ['$1,234.56', { min: 1234.56, max: 1234.56, currency: 'USD' }],
    ['1.234.567,89 €', { min: 1234567.89, max: 1234567.89, currency: 'EUR' }],
    ['$1,000.5M', { min: 1000.5e6, max: 1000.5e6, currency: 'USD' }],
    ['$12,500.00 – $20,000.00', { min: 12500, max: 20000, currency: 'USD' }],
  ])('parses %s', (text, money) => {
    const got = parseMoney(text);
    expect(got?.currency).toBe(money.currency);
    expect(got?.min).toBeCloseTo(money.min, 0);
    expect(got?.max).toBeCloseTo(money.max, 0);
  });

  it('needs a currency', () => expect(parseMoney('211 billion')).toBeUndefined());

  it('converts known currencies to a USD range and leaves unknown ones alone', () => {
    expect(toUsd({ min: 10, max: 20, currency: 'EUR' })).toEqual({ min: 11, max: 23 });
    expect(toUsd({ min: 10, max: null, currency: 'XYZ' })).toBeUndefined();
  });
});
