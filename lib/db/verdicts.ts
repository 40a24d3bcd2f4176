/**
 * A saved prospect is kept as three records with the same id: the company (`prospects`: name, domain, sources,
 * the rep's status, notes and tags), the ICP's verdict on it (`verdicts`: tier, score, per-criterion result,
 * tier history and the facts' bare values) and the facts with their evidence (`evidence`). Re-scoring rewrites
 * only verdicts: small records with two indexes, where a whole prospect is several kilobytes with nine
 * indexes. Filtering and exporting read companies and verdicts, never the evidence. These functions split a
 * prospect into its records and join them back; the rest of the code sees whole {@link Prospect}s.
 */
import type { CompanyFacts } from '../extract/schema';
import type { ScoreResult } from '../icp/result-schema';
import { nothingKnown } from '../icp/scorer';
import type {
  FactValues,
  Prospect,
  ProspectEvidence,
  ProspectRecord,
  ProspectResult,
  Verdict,
} from './schema';
import { nameSortKey, nameTails } from './search';

/** Each fact's value, without its evidence and alternatives. */
export function factValues(facts: CompanyFacts): FactValues {
  const values: Record<string, unknown> = {};
  for (const [field, fact] of Object.entries(facts)) if (fact) values[field] = fact.value;
  return values as FactValues;
}

/**
 * Facts the scorer can read, from bare values: for scoring without explanations (re-scoring the list), which
 * reads values only. The evidence says where they come from: the saved prospect.
 */
export function factsFromValues(values: FactValues): CompanyFacts {
  const facts: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (value !== undefined)
      facts[field] = { value, source: 'import', snippet: '', confidence: 1, alternatives: [] };
  }
  return facts as CompanyFacts;
}

/** What the list keeps of a scoring result: statuses and points per criterion, without prose or evidence. */
export function prospectResult(result: ScoreResult | ProspectResult): ProspectResult {
  return {
    score: result.score,
    tier: result.tier,
    coverage: result.coverage,
    caps: result.caps,
    criteria: result.criteria.map(({ id, label, kind, rule, status, contribution, possible }) => ({
      id,
      label,
      kind,
      rule,
      status,
      contribution,
      possible,
    })),
  };
}

/**
 * Whether a criterion counts among those the company meets (an export's "matching criteria"): matched or
 * partly matched, and not a disqualifier (a disqualifier that matches rules the company out).
 */
export function meets(c: Pick<ProspectResult['criteria'][number], 'rule' | 'status'>): boolean {
  return c.rule !== 'disqualifier' && (c.status === 'match' || c.status === 'partial');
}

/** A met criterion as an export names it: a partial match says so, as the panel's ◐ does. */
export function metLabel(c: Pick<ProspectResult['criteria'][number], 'label' | 'status'>): string {
  return c.status === 'partial' ? `${c.label} (partly)` : c.label;
}

/**
 * A prospect as an export reads it: the company record's fields, the verdict's tier, score and ICP, the facts'
 * bare values and the labels of the criteria it meets. A long export reads these straight from the stored
 * records (see `mapSummaries`) rather than building whole prospects it would only throw away.
 */
export interface ProspectSummary
  extends Pick<
    Prospect,
    | 'name'
    | 'domain'
    | 'industryId'
    | 'hqCountry'
    | 'status'
    | 'notes'
    | 'tags'
    | 'tier'
    | 'score'
    | 'icpName'
    | 'icpVersion'
  > {
  values: FactValues;
  /** The labels of the criteria the company meets (see {@link meets}). */
  met: string[];
  /** The labels of the criteria that set it aside as not a fit, whatever it meets (none for most). */
  disqualifiedBy: string[];
  /** The verdict rests on too little known (see `nothingKnown`): "Not enough known" rather than "Not a fit". */
  nothingKnown: boolean;
  /** The share of the profile's weight the facts showed, 0 to 1 (the panel's "82% known"). */
  coverage: number;
}

/** A whole prospect's {@link ProspectSummary}. */
export function summarize(p: Prospect): ProspectSummary {
  return {
    name: p.name,
    domain: p.domain,
    industryId: p.industryId,
    hqCountry: p.hqCountry,
    status: p.status,
    notes: p.notes,
    tags: p.tags,
    tier: p.tier,
    score: p.score,
    icpName: p.icpName,
    icpVersion: p.icpVersion,
    values: factValues(p.facts),
    met: p.result.criteria.filter(meets).map(metLabel),
    disqualifiedBy: p.result.criteria.filter((c) => c.status === 'disqualified').map((c) => c.label),
    nothingKnown: nothingKnown(p.result),
    coverage: p.result.coverage,
  };
}

/** A prospect as its three records (`id` must be set). */
export function splitProspect(
  prospect: Prospect & { id: number },
): [ProspectRecord, Verdict, ProspectEvidence] {
  const { tier, score, result, icpName, icpVersion, tierHistory, facts, ...record } = prospect;
  return [
    { ...record, nameTails: nameTails(record.nameLower), nameSort: nameSortKey(record.nameLower) },
    {
      id: prospect.id,
      tier,
      score,
      result: prospectResult(result),
      icpName,
      icpVersion,
      tierHistory,
      inputs: factValues(facts),
    },
    { id: prospect.id, facts },
  ];
}

/**
 * A prospect from its records. Without `evidence`, the facts are the verdict's bare values (what exports
 * need). A record without a verdict (which no write leaves behind) shows as not scored yet: "not a fit",
 * score 0, ICP version 0, so that it is visible rather than lost.
 */
export function joinProspect(
  record: ProspectRecord,
  verdict: Verdict | undefined,
  evidence?: ProspectEvidence,
): Prospect {
  const { nameTails: _tails, nameSort: _sort, ...company } = record;
  const facts = evidence?.facts ?? factsFromValues(verdict?.inputs ?? {});
  if (!verdict) {
    return {
      ...company,
      facts,
      tier: 'not_a_fit',
      score: 0,
      result: { score: 0, tier: 'not_a_fit', coverage: 0, caps: [], criteria: [] },
      icpName: '',
      icpVersion: 0,
      tierHistory: [],
    };
  }
  const { id: _id, inputs: _inputs, ...fields } = verdict;
  return { ...company, facts, ...fields };
}
