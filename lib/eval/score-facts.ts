/**
 * Scores extracted facts against the corpus labels, with the comparison rules of the corpus README: names
 * ignore case, punctuation and legal suffixes; domains compare as registrable domains; industries ignore case
 * and count when one contains the other; employee ranges count when they overlap; cities ignore case and
 * accents; LinkedIn URLs compare on their /company/<slug> path. Pure; used by `npm run eval` and its tests.
 */
import { registrableDomain } from '../extract/merge';
import { technologyKey } from '../techno/aliases';

/** The fields the corpus labels. */
export const EVAL_FIELDS = [
  'name',
  'legalName',
  'domain',
  'industry',
  'employees',
  'revenue',
  'hqCity',
  'hqRegion',
  'hqCountry',
  'foundedYear',
  'linkedinUrl',
] as const;
export type EvalField = (typeof EVAL_FIELDS)[number];

/** Facts that a page which is no company's own must never claim. */
export const FIRMOGRAPHIC_FIELDS: readonly EvalField[] = [
  'employees',
  'revenue',
  'hqCity',
  'hqRegion',
  'hqCountry',
  'foundedYear',
];

/** One label line of labels-dev.jsonl (the parts scored here). */
export interface Label {
  file: string;
  pageRole: 'profile' | 'company-site' | 'negative';
  expect: Partial<Record<EvalField, unknown>> & { technologies?: string[] };
}

/** One line of the extract output (facts output format). */
export interface Output {
  file: string;
  facts: Record<string, unknown> | null;
}

const LEGAL_SUFFIX =
  /\b(?:inc|incorporated|llc|ltd|limited|plc|corp|corporation|co|company|gmbh|ag|ug|kg|ohg|e\s?v|gbr|sa|s\s?a|spa|s\s?p\s?a|srl|bv|b\s?v|nv|ab|as|oy|sas|sarl|pty|gesellschaft|mbh|m\s?b\s?h)\b/g;

function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function normName(value: unknown): string {
  return plain(String(value))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(LEGAL_SUFFIX, ' ')
    .replace(/\s+/g, '')
    .trim();
}

function asRange(value: unknown): { min: number; max: number } | undefined {
  if (typeof value === 'number') return { min: value, max: value };
  if (Array.isArray(value) && typeof value[0] === 'number')
    return { min: value[0], max: typeof value[1] === 'number' ? value[1] : Number.POSITIVE_INFINITY };
  if (typeof value === 'object' && value !== null && 'min' in value) {
    const r = value as { min: number; max: number | null };
    return { min: r.min, max: r.max ?? Number.POSITIVE_INFINITY };
  }
  return undefined;
}

function linkedinSlug(value: unknown): string {
  return /\/company\/([^/?#]+)/i.exec(String(value))?.[1]?.toLowerCase() ?? String(value);
}

/** True when an extracted value counts as the labelled one. */
export function sameFact(field: EvalField, got: unknown, want: unknown): boolean {
  switch (field) {
    case 'name':
    case 'legalName':
      return normName(got) === normName(want);
    case 'domain':
      return registrableDomain(String(got)) === registrableDomain(String(want));
    case 'industry': {
      const a = plain(String(got)).trim();
      const b = plain(String(want)).trim();
      return a === b || a.includes(b) || b.includes(a);
    }
    case 'employees':
    case 'revenue': {
      const a = asRange(got);
      const b = asRange(want);
      return Boolean(a && b && a.min <= b.max && b.min <= a.max);
    }
    case 'hqCity':
    case 'hqRegion':
      return plain(String(got)).trim() === plain(String(want)).trim();
    case 'linkedinUrl':
      return linkedinSlug(got) === linkedinSlug(want);
    default:
      return String(got).toLowerCase() === String(want).toLowerCase();
  }
}

const present = (v: unknown) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

/** Per-field counts. */
export interface FieldScore {
  field: string;
  labelled: number;
  right: number;
  wrong: number;
  missed: number;
  precision: number | null;
  recall: number | null;
}

/** The whole evaluation. */
export interface EvalReport {
  pages: number;
  fields: FieldScore[];
  /** Over all fields: right / labelled. */
  overallRecall: number | null;
  overallPrecision: number | null;
  pageRole: { right: number; total: number };
  /** Firmographic facts claimed on negative pages, with where. */
  negativeFalsePositives: Array<{ file: string; field: string; value: unknown }>;
  technologies: {
    right: number;
    wrong: number;
    missed: number;
    precision: number | null;
    recall: number | null;
  };
  /** Every wrong or missed fact, to read. */
  errors: Array<{ file: string; field: string; got: unknown; want: unknown; kind: 'wrong' | 'missed' }>;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((1000 * a) / b) / 1000 : null);

/** Scores outputs against labels (pages without a label are skipped). */
export function scoreFacts(labels: Label[], outputs: Output[]): EvalReport {
  const byFile = new Map(outputs.map((o) => [o.file, o]));
  const counts = new Map<string, FieldScore>(
    EVAL_FIELDS.map((f) => [
      f,
      { field: f, labelled: 0, right: 0, wrong: 0, missed: 0, precision: null, recall: null },
    ]),
  );
  const errors: EvalReport['errors'] = [];
  const negatives: EvalReport['negativeFalsePositives'] = [];
  const tech = { right: 0, wrong: 0, missed: 0 };
  let roleRight = 0;
  let pages = 0;
  for (const label of labels) {
    const output = byFile.get(label.file);
    if (!output) continue;
    pages++;
    const facts = output.facts ?? {};
    if (facts.pageRole === label.pageRole) roleRight++;
    for (const field of EVAL_FIELDS) {
      const count = counts.get(field) as FieldScore;
      const want = label.expect[field];
      const got = field === 'revenue' ? facts.revenueUsd : facts[field];
      if (present(want)) count.labelled++;
      if (present(got)) {
        if (present(want) && sameFact(field, got, want)) count.right++;
        else {
          count.wrong++;
          errors.push({ file: label.file, field, got, want: want ?? null, kind: 'wrong' });
        }
      } else if (present(want)) {
        count.missed++;
        errors.push({ file: label.file, field, got: null, want, kind: 'missed' });
      }
      if (label.pageRole === 'negative' && present(got) && FIRMOGRAPHIC_FIELDS.includes(field)) {
        negatives.push({ file: label.file, field, value: got });
      }
    }
    // Compared by technology, not spelling: a label may use another name of it (see lib/techno/aliases.ts).
    const named = (names: string[]) => new Map(names.map((name) => [technologyKey(name), name]));
    const wantTech = named(label.expect.technologies ?? []);
    const gotTech = named((facts.technologies as string[] | undefined) ?? []);
    const evidence = (facts.technologyEvidence ?? {}) as Record<string, unknown>;
    for (const [key, name] of gotTech) {
      if (wantTech.has(key)) tech.right++;
      else {
        tech.wrong++;
        const by = Array.isArray(evidence[name]) ? (evidence[name] as unknown[]).slice(0, 2).join('; ') : '';
        errors.push({
          file: label.file,
          field: 'technologies',
          got: by ? `${name} (${by})` : name,
          want: null,
          kind: 'wrong',
        });
      }
    }
    for (const [key, name] of wantTech) {
      if (gotTech.has(key)) continue;
      tech.missed++;
      errors.push({ file: label.file, field: 'technologies', got: null, want: name, kind: 'missed' });
    }
  }
  const fields = [...counts.values()].map((c) => ({
    ...c,
    precision: ratio(c.right, c.right + c.wrong),
    recall: ratio(c.right, c.labelled),
  }));
  const right = fields.reduce((s, f) => s + f.right, 0);
  const wrong = fields.reduce((s, f) => s + f.wrong, 0);
  const labelled = fields.reduce((s, f) => s + f.labelled, 0);
  return {
    pages,
    fields,
    overallRecall: ratio(right, labelled),
    overallPrecision: ratio(right, right + wrong),
    pageRole: { right: roleRight, total: pages },
    negativeFalsePositives: negatives,
    technologies: {
      ...tech,
      precision: ratio(tech.right, tech.right + tech.wrong),
      recall: ratio(tech.right, tech.right + tech.missed),
    },
    errors,
  };
}
