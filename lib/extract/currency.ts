/**
 * Converting stated amounts to US dollars, for ICP revenue bands. Rates are fixed, approximate 2025 annual
 * averages (USD per unit), so results are stable and offline; revenue bands are wide enough that a few percent
 * of drift does not move a company between them. Update the table once a year (and say so in CHANGELOG.md).
 */
import type { Money, Range } from './schema';

/** US dollars per unit of each currency (approximate 2025 averages). */
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.13,
  GBP: 1.32,
  CHF: 1.2,
  CAD: 0.72,
  AUD: 0.65,
  NZD: 0.59,
  JPY: 0.0067,
  CNY: 0.139,
  HKD: 0.128,
  SGD: 0.76,
  INR: 0.0116,
  SEK: 0.1,
  NOK: 0.097,
  DKK: 0.152,
  PLN: 0.265,
  CZK: 0.045,
  ILS: 0.28,
  BRL: 0.18,
  MXN: 0.052,
  ZAR: 0.055,
  KRW: 0.00071,
  AED: 0.272,
};

/** The amount in US dollars, or undefined when the currency is not in the table. */
export function toUsd(money: Money): Range | undefined {
  const rate = USD_PER_UNIT[money.currency];
  if (rate === undefined) return undefined;
  return { min: Math.round(money.min * rate), max: money.max === null ? null : Math.round(money.max * rate) };
}

const SYMBOLS: Array<[RegExp, string]> = [
  [/US\$|USD|\$/i, 'USD'],
  [/€|EUR|Euro/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/CHF|Fr\./, 'CHF'],
  [/CA?\$|CAD/, 'CAD'],
  [/(?<!C)A\$|AUD/, 'AUD'],
  [/¥|JPY|yen/i, 'JPY'],
  [/₹|INR/, 'INR'],
  [/SEK|kr/, 'SEK'],
];

/** The ISO currency a money text is stated in ("US$ 211.9 billion" → USD). */
export function currencyOf(text: string): string | undefined {
  // Longer, more specific markers first: "C$" must not read as "$".
  for (const code of ['CAD', 'AUD', 'USD', 'EUR', 'GBP', 'CHF', 'JPY', 'INR', 'SEK']) {
    const pattern = SYMBOLS.find(([, c]) => c === code)?.[0];
    if (code === 'USD' && /(?:C|A|CA)\$/.test(text)) continue;
    if (pattern?.test(text)) return code;
  }
  return undefined;
}

const SCALE: Array<[RegExp, number]> = [
  [/^(?:trillion|tn|t)\b/i, 1e12],
  [/^(?:billion|bn|b|mrd\.?|milliarden?)\b/i, 1e9],
  [/^(?:million|mio\.?|mn|m|millionen)\b/i, 1e6],
  [/^(?:thousand|k|tsd\.?)\b/i, 1e3],
];

/**
 * Parses a money text: "US$ 211.9 billion (2023)", "€12 Mio.", "$5M–$10M", "£1.2bn", "$12,500.00". Returns undefined when
 * there is no amount or no recognisable currency.
 */
export function parseMoney(text: string): Money | undefined {
  const currency = currencyOf(text);
  if (!currency) return undefined;
  const amounts: Array<{ value: number; scale: number | undefined }> = [];
  // Grouped digits may end in cents with the other separator, as spreadsheets write money ("12,500.00",
  // "1.234,56"); otherwise a number, with a decimal part or not.
  const pattern = /(\d{1,3}(?:[,.\s]\d{3})+(?:[.,]\d{1,2}(?!\d))?|\d+(?:[.,]\d+)?)\s*([A-Za-z]+\.?)?/g;
  for (const match of text.slice(0, 300).matchAll(pattern)) {
    if (amounts.length === 2) break;
    const [, digits = '', unit = ''] = match;
    const scale = SCALE.find(([re]) => re.test(unit))?.[1];
    // Cents after grouped digits count only after the other separator ("1,234.56"); after the groups' own
    // ("1,234,56") they are left out.
    const cents = /^(\d{1,3}([,.\s])\d{3}(?:\2\d{3})*)([.,])(\d{1,2})$/.exec(digits);
    if (cents) {
      const whole = Number((cents[1] as string).replace(/[,.\s]/g, ''));
      amounts.push({ value: cents[2] === cents[3] ? whole : whole + Number(`0.${cents[4]}`), scale });
      continue;
    }
    // A four-digit year ("(2023)") is a date, not an amount.
    if (/^(?:19|20)\d\d$/.test(digits) && !unit) continue;
    // "391.035 billion": with a scale word, a single separator is a decimal point, not thousands.
    const grouped = /^\d{1,3}(?:[,.\s]\d{3})+$/.test(digits) && !(scale && /^\d+[.,]\d+$/.test(digits));
    const value = grouped ? Number(digits.replace(/[,.\s]/g, '')) : Number(digits.replace(',', '.'));
    if (Number.isFinite(value)) amounts.push({ value, scale });
  }
  const [first, second] = amounts;
  if (!first) return undefined;
  // "$5–10 million": a scale written once applies to both ends.
  const scaleOf = (a: { scale: number | undefined }) => a.scale ?? second?.scale ?? 1;
  const low = first.value * scaleOf(first);
  const high = second ? second.value * (second.scale ?? 1) : low;
  return { min: Math.min(low, high), max: Math.max(low, high), currency };
}
