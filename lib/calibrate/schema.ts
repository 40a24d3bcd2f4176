/**
 * The shapes of imported accounts (zod only: the side panel and the list read them without the CSV reader).
 */
import { z } from 'zod';
import { RangeSchema } from '../extract/schema';
import { CompanyTypeSchema } from '../icp/schema';

/** The account fields an import can fill. */
export const AccountFieldSchema = z.enum([
  'domain',
  'name',
  'industry',
  'employees',
  'revenue',
  'country',
  'technologies',
  'founded',
  'companyType',
  'outcome',
  'dealValue',
]);
export type AccountField = z.infer<typeof AccountFieldSchema>;

/** Which column holds each field (a header name), or null when the file has none. */
export const ColumnMappingSchema = z.preprocess(
  // A mapping stored before a field existed has no entry for it: that field had no column.
  (value) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? { ...Object.fromEntries(AccountFieldSchema.options.map((f) => [f, null])), ...value }
      : value,
  z.record(AccountFieldSchema, z.string().max(500).nullable()),
);
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

/** An account's outcome. */
export const OutcomeSchema = z.enum(['won', 'lost', 'open']);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** A row left out of the import, by its line in the file (the header is line 1). */
export const RejectedRowSchema = z.object({ line: z.number().int().positive(), reason: z.string() });
export type RejectedRow = z.infer<typeof RejectedRowSchema>;

/** One imported account, as stored and scored. */
export const ImportedAccountSchema = z.object({
  /** The row's line in the file it came from. */
  line: z.number().int().positive(),
  /** Registrable domain ("acme.co.uk"). */
  domain: z.string().max(253).nullable(),
  name: z.string().max(300).nullable(),
  industry: z.string().max(300).nullable(),
  employees: RangeSchema.nullable(),
  revenueUsd: RangeSchema.nullable(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().length(2).nullable(),
  technologies: z.array(z.string().max(80)).max(100),
  /** Optional: imports from before the founding year and the company type were read have neither (unknown). */
  foundedYear: z.number().int().nullable().optional(),
  companyType: CompanyTypeSchema.nullable().optional(),
  outcome: OutcomeSchema,
  /** Deal value in US dollars. */
  dealValue: z.number().nonnegative().nullable(),
});
export type ImportedAccount = z.infer<typeof ImportedAccountSchema>;
