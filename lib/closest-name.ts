/**
 * Which known name a mistyped one most likely means ("Salesfroce" → Salesforce, "employee" → employees), for
 * the "did you mean" of a message. Pure.
 */

/** Edits (insert, delete, change, swap two neighbours) from one string to another, up to `limit` + 1. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + change);
      // "Salesfroce": two letters swapped are one slip, not two.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      row.push(d);
    }
    before = previous;
    previous = row;
  }
  return previous[b.length] ?? limit + 1;
}

/** Whether two strings of one length hold the same letters (one edit between them is then a swap). */
const sameLetters = (a: string, b: string) =>
  a.length === b.length && [...a].sort().join('') === [...b].sort().join('');

/**
 * How many slips of the keyboard lead from `typed` to `known`, when that is few enough to suggest `known`;
 * null when it is not. At most one slip in five letters of the longer name, so that a short name is suggested
 * only for a really close match: one letter more or less is a fifth of a four-letter name, and "SAP" is no
 * misspelling of "GSAP". Two neighbours swapped ("Jria" → Jira) are close at any length.
 */
export function slipDistance(typed: string, known: string): number | null {
  const limit = Math.floor(Math.max(typed.length, known.length) / 5);
  const distance = editDistance(typed, known, Math.max(limit, 1));
  if (distance <= limit) return distance;
  return distance === 1 && sameLetters(typed, known) ? 1 : null;
}
