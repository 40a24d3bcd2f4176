/**
 * An ICP's validation problems in the words of the form that edits it: which field ("Tier thresholds", the
 * criterion "Industry fit", its "Ideal range") and what is wrong with it, with the values involved. The editor
 * shows each one at its field. The path-style lines of `parseIcp` stay for files written by hand (the CLI, a
 * policy), whose authors see the JSON.
 */
import type { z } from 'zod';
import { slipDistance } from '../closest-name';

/** One problem: the field it is about and a sentence for the rep. */
export interface IcpProblem {
  /** A top-level setting (`name`, `tiers` ...); `criteria` for one criterion or the list of them. */
  field: string;
  /** The criterion's position in the list, for a problem of one criterion. */
  criterion?: number;
  /** The part of the criterion it is about, as its form names it ("Ideal range"); none for the whole criterion. */
  part?: string;
  /** Where, as the form names it: "Tier thresholds", "Criterion “Industry fit”, Ideal range". */
  where: string;
  /** What is wrong, starting lower-case: "must fall from Tier 1 to Tier 3 (now 60, 70, 30)". */
  text: string;
}

const GENERAL: Record<string, string> = {
  schemaVersion: 'File format version',
  name: 'Name',
  version: 'Version',
  updatedAt: 'Last change',
  owner: 'Owner',
  description: 'Description',
  criteria: 'Criteria',
  tiers: 'Tier thresholds',
  unknownPolicy: 'When a page does not show a criterion’s fact',
  minCoverageForTier1: 'Tier 1 needs known',
  minCoverageForTier2: 'Tier 2 needs known',
  mustHaveFailTier: 'A company that fails a must-have',
};

/** The settings that are a share of the profile, which the editor takes in percent. */
const COVERAGE_FIELDS = new Set(['minCoverageForTier1', 'minCoverageForTier2']);

const CRITERION: Record<string, string> = {
  id: 'Id',
  label: 'Label',
  weight: 'Weight',
  rule: 'Rule',
  kind: 'Kind',
  ideal: 'Ideal range',
  acceptable: 'Acceptable ranges',
  industries: 'Industries',
  wording: 'Wordings',
  countries: 'Countries',
  regions: 'Regions',
  match: 'Match',
  technologies: 'Technologies',
  keywords: 'Keywords',
  types: 'Company types',
  stages: 'Funding stages',
  domains: 'Domains',
};

/** A band's fields, as the form labels them. */
const BAND_FIELD: Record<string, string> = { min: 'from', max: 'to', credit: 'credit %' };

/**
 * The part of a criterion a problem is in, as the form names it: "Ideal range, from", "Acceptable band 2,
 * credit %"; a band's own check (`wholeBand`) names the band alone.
 */
function criterionPart(key: string, rest: readonly PropertyKey[], wholeBand: boolean): string {
  const name = CRITERION[key] ?? key;
  const [first, second] = rest;
  if (key === 'ideal' && typeof first === 'string' && BAND_FIELD[first] && !wholeBand)
    return `${name}, ${BAND_FIELD[first]}`;
  if (key === 'acceptable' && typeof first === 'number') {
    const band = `Acceptable band ${first + 1}`;
    return typeof second === 'string' && BAND_FIELD[second] && !wholeBand
      ? `${band}, ${BAND_FIELD[second]}`
      : band;
  }
  return name;
}

/** The value at a path of the input, if there is one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Characters of a value or a label a problem quotes: a file with hostile values makes no huge message. */
const MAX_QUOTED_CHARS = 60;
const clip = (text: string) =>
  text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS - 1)}…` : text;
const quoted = (value: unknown) => (typeof value === 'string' ? `“${clip(value)}”` : clip(String(value)));

/**
 * Longest list of allowed values written out (the criterion kinds, company types and funding stages); a longer
 * one (the industries) is pointed to instead.
 */
export const MAX_VALUES_LISTED = 12;

/**
 * "one of “a”, “b”", or where the list is long, where to find it: the industry ids in docs/INDUSTRIES.md (with
 * their names and the wordings each matches), any other list in docs/icp.schema.json.
 */
export function oneOf(values: readonly unknown[], path: readonly PropertyKey[] = []): string {
  if (values.length <= MAX_VALUES_LISTED) return `one of ${values.map((v) => quoted(v)).join(', ')}`;
  const where = path.includes('industries') ? 'docs/INDUSTRIES.md' : 'docs/icp.schema.json';
  return `one of the ${values.length} ids in ${where} (such as ${values
    .slice(0, 3)
    .map((v) => quoted(v))
    .join(', ')})`;
}

/** What is wrong, in words, from a zod issue (our own messages are already in words). */
function issueText(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path);
  // A list item's own problem names the item: "“xx” must be an ISO 3166-1 alpha-2 code such as DE".
  const item = typeof issue.path[issue.path.length - 1] === 'number' && value !== undefined;
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'cannot be empty' : `needs at least ${min} characters`;
      if (issue.origin === 'array')
        return min <= 1 ? 'needs at least one entry' : `needs at least ${min} entries`;
      return `must be at least ${min} (now ${quoted(value)})`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string')
        return `${item ? `${quoted(value)} is` : 'is'} too long: at most ${max} characters`;
      if (issue.origin === 'array') return `has too many entries: at most ${max}`;
      return `must be at most ${max} (now ${quoted(value)})`;
    }
    case 'invalid_type':
      if (value === undefined) return 'is missing';
      // What the editor makes of an entry it cannot read (its field says why): "now NaN" tells a manager nothing.
      if (typeof value === 'number' && Number.isNaN(value))
        return issue.path[issue.path.length - 1] === 'credit'
          ? 'must be a whole percentage from 0 to 100'
          : 'cannot be read as a number';
      return `must be ${EXPECTED_WORDS[issue.expected] ?? `a ${issue.expected}`}${value === null || typeof value === 'object' ? '' : ` (now ${quoted(value)})`}`;
    case 'invalid_value':
      return `${item ? `${quoted(value)} is not known here; ` : ''}must be ${oneOf(issue.values, issue.path)}`;
    case 'invalid_format':
      if (issue.format === 'datetime') return 'must be a date and time such as 2026-01-31T09:00:00Z';
      return item ? `${quoted(value)} ${issue.message}` : issue.message;
    case 'invalid_union':
      // The criterion's kind, the one discriminated union: zod's words are "Invalid discriminator value".
      if (issue.discriminator && 'options' in issue && issue.options?.length)
        return unknownChoiceText(value, issue.options, issue.path);
      return issue.message;
    case 'unrecognized_keys':
      return `has settings this version does not know: ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/** A name compared for "did you mean": case, spaces and punctuation aside, and singular ("industries"). */
const comparable = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/ies$/, 'y')
    .replace(/s$/, '');

/**
 * A value that is none of the choices (a criterion's kind): what it is, the choice it was most likely meant
 * to be, and the choices.
 */
function unknownChoiceText(
  value: unknown,
  options: readonly unknown[],
  path: readonly PropertyKey[],
): string {
  const choices = `must be ${oneOf(options, path)}`;
  if (value === undefined) return `is missing: ${choices}`;
  if (typeof value !== 'string') return `${choices} (now ${quoted(value)})`;
  let best: { option: string; distance: number } | null = null;
  for (const option of options) {
    if (typeof option !== 'string') continue;
    const distance = slipDistance(comparable(value), comparable(option));
    if (distance !== null && (!best || distance < best.distance)) best = { option, distance };
  }
  return `${quoted(value)} is not known here${best ? ` (did you mean ${quoted(best.option)}?)` : ''}; ${choices}`;
}

/** What zod's expected types are called in a manager's words. */
const EXPECTED_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of settings',
};

/** The tiers' thresholds as the form shows them, when the problem is that they do not fall. */
function tiersText(input: unknown): string {
  const tiers = valueAt(input, ['tiers']) as Record<string, unknown> | undefined;
  const now = tiers ? ` (now ${[tiers.tier1, tiers.tier2, tiers.tier3].map(String).join(', ')})` : '';
  return `must fall from Tier 1 to Tier 3: Tier 1 needs a higher score than Tier 2, and Tier 2 than Tier 3${now}`;
}

/**
 * Said of a weight over the maximum: a manager who writes a file by hand often gives percentages (40, 25, 20)
 * that add up to 100.
 */
const WEIGHTS_ARE_RELATIVE =
  ': weights are relative, from 0 to 10, and need not add up to 100 (a criterion of weight 4 counts twice as much as one of weight 2)';

/** Explains the issues zod found in an ICP (`input` is what was validated, to name the values involved). */
export function explainIcpIssues(input: unknown, issues: readonly z.core.$ZodIssue[]): IcpProblem[] {
  return issues.map((issue) => {
    const [top, index, key, ...rest] = issue.path;
    const field = typeof top === 'string' ? top : '';
    if (field === 'criteria' && typeof index === 'number') {
      const label = valueAt(input, ['criteria', index, 'label']);
      const name = typeof label === 'string' && label.trim() ? quoted(label.trim()) : `${index + 1}`;
      // A band's own check is about the whole band, not its lower end.
      const band =
        issue.code === 'custom' && rest[rest.length - 1] === 'min' ? issue.path.slice(0, -1) : null;
      const part = typeof key === 'string' ? criterionPart(key, rest, band !== null) : undefined;
      const where = `Criterion ${name}${part ? `, ${part}` : ''}`;
      const credit = valueAt(input, issue.path);
      const text = band
        ? `the lowest value is above the highest (${quoted(valueAt(input, [...band, 'min']))} > ${quoted(valueAt(input, [...band, 'max']))})`
        : rest[rest.length - 1] === 'credit' &&
            (issue.code === 'too_big' || issue.code === 'too_small') &&
            typeof credit === 'number'
          ? // A share (0.5) that the form takes in percent (50), as the coverage settings below.
            `must be a share of the weight from 0 to 100% (now ${Math.round(credit * 1000) / 10}%)`
          : `${issueText(issue, input)}${key === 'weight' && issue.code === 'too_big' ? WEIGHTS_ARE_RELATIVE : ''}`;
      return { field, criterion: index, ...(part ? { part } : {}), where, text };
    }
    const where = GENERAL[field] ?? (field || 'The ICP');
    if (field === 'tiers' && issue.code === 'custom') return { field, where, text: tiersText(input) };
    // A share (0.6) that the editor's field takes in percent (60): "at most 1 (now 1.5)" read as nonsense there.
    const share = valueAt(input, [field]);
    if (
      COVERAGE_FIELDS.has(field) &&
      (issue.code === 'too_big' || issue.code === 'too_small') &&
      typeof share === 'number'
    )
      return {
        field,
        where,
        text: `must be a share of the profile from 0 to 100% (now ${Math.round(share * 1000) / 10}%)`,
      };
    if (field === 'criteria' && issue.code === 'custom')
      return {
        field,
        where,
        text: `${issue.message}: give one that scores or is a must-have a weight above 0`,
      };
    return { field, where, text: issueText(issue, input) };
  });
}

/** All of an invalid ICP's problems for the form, one per issue (or the migration's reason, when it had none). */
export function explainInvalidIcp(invalid: {
  problems: readonly string[];
  issues: readonly z.core.$ZodIssue[];
  checked: unknown;
}): IcpProblem[] {
  if (invalid.issues.length === 0)
    return invalid.problems.map((text) => ({ field: '', where: 'The ICP', text }));
  return explainIcpIssues(invalid.checked, invalid.issues);
}
