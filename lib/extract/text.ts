/** Small text helpers shared by the extractors. Pure; safe in the content script. */

/** Longest text kept from any page field: page text is untrusted and unbounded. */
export const MAX_FIELD_CHARS = 2000;
/** Longest snippet kept as evidence. */
export const MAX_SNIPPET_CHARS = 240;

/** Collapses whitespace, strips control characters and caps the length. */
export function cleanText(value: unknown, max = MAX_FIELD_CHARS): string {
  if (typeof value !== 'string') return '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const cleaned = value.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]+/g, ' ');
  return cleaned.replace(/\s+/g, ' ').trim().slice(0, max);
}

/**
 * The text with each parenthesised part, nested ones included, replaced by a space ("221,000 (2023)" → "221,000 ");
 * a "(" that is never closed stays. One pass to pair the brackets and one to cut, whatever the page wrote: a
 * pattern such as `\([^)]*\)` rescans the rest of the text from every unclosed "(".
 */
export function dropParenthesised(text: string): string {
  const closeOf = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length > 0) closeOf.set(open.pop() as number, i);
  }
  if (closeOf.size === 0) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const close = closeOf.get(i);
    if (close === undefined) continue;
    out += `${text.slice(from, i)} `;
    from = close + 1;
    i = close;
  }
  return out + text.slice(from);
}

/** A short evidence snippet. */
export function snippet(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return cleanText(text, MAX_SNIPPET_CHARS);
}

/** Parses "1,234", "1.234" (German thousands), "180+" or a number into an integer; NaN when it is none. */
export function parseCount(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) : Number.NaN;
  if (typeof value !== 'string') return Number.NaN;
  const match = /\d{1,3}(?:[.,\s]\d{3})+|\d+/.exec(value);
  if (!match) return Number.NaN;
  return Number.parseInt(match[0].replace(/[.,\s]/g, ''), 10);
}

/** A four-digit year in a plausible founding range, or NaN. */
export function parseYear(value: unknown, now = new Date()): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const match = /\b(1[5-9]\d\d|20\d\d)\b/.exec(text);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  return year <= now.getUTCFullYear() ? year : Number.NaN;
}
