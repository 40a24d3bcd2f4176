/** The shape of a scoring result, as the side panel, exports and the command line receive it. */
import { z } from 'zod';
import { CompanyFactsSchema } from '../extract/schema';
import { CriterionKindSchema, TierSchema } from './schema';

/** How a company fares on one criterion. For a disqualifier, `match` means it passed and `disqualified` that it hit. */
export const CriterionStatusSchema = z.enum(['match', 'partial', 'miss', 'unknown', 'disqualified']);
export type CriterionStatus = z.infer<typeof CriterionStatusSchema>;

/** The page fact a criterion was judged on. */
export const EvidenceSchema = z.object({
  field: CompanyFactsSchema.keyof(),
  /** The fact as people read it ("51–200 employees", "GB"). */
  value: z.string(),
  source: z.string(),
  snippet: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** The verdict on one criterion. */
export const CriterionResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: CriterionKindSchema,
  rule: z.enum(['score', 'must-have', 'disqualifier']),
  status: CriterionStatusSchema,
  /** Points this criterion added; all contributions add up to the score. */
  contribution: z.number(),
  /** Points it could have added had it matched (0 for disqualifiers and, under `ignore`, unknowns). */
  possible: z.number(),
  /** One sentence: what the page shows and how it compares. */
  detail: z.string(),
  evidence: EvidenceSchema.nullable(),
});
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

/** The verdict on a company. */
export const ScoreResultSchema = z.object({
  /** 0..100, one decimal. */
  score: z.number().min(0).max(100),
  tier: TierSchema,
  /** Share of the scoring weight the page gave facts for, 0..1. */
  coverage: z.number().min(0).max(1),
  criteria: z.array(CriterionResultSchema),
  /** Why the tier is what it is, in a sentence or two. */
  summary: z.string(),
  /** Reasons that moved the tier away from the score's own band (disqualifier, must-have, coverage). */
  caps: z.array(z.string()),
  /**
   * What would change the tier: criteria not (fully) met that, had they matched on their own, would lift the
   * company to a better tier (an unknown fact the rep could look up, a miss worth double-checking).
   */
  upgrades: z.array(
    z.object({ id: z.string(), label: z.string(), status: CriterionStatusSchema, tier: TierSchema }),
  ),
});
export type ScoreResult = z.infer<typeof ScoreResultSchema>;
