/**
 * Full JSON backup of the prospect list, and restore. A backup is validated before anything is written;
 * restoring merges into the list (one record per company, by domain then LinkedIn slug) and never deletes.
 */
import { z } from 'zod';
import { formatIssues } from '../icp/schema';
import { type IcpLensDb, writeProspects } from './index';
import {
  type LeftOut,
  leftOutOfMerge,
  mergeProspect,
  namedCompanies,
  notesTooLongToJoin,
} from './merge-prospects';
import { addProspect, allProspects, findProspect, putProspects } from './prospects';
import { MAX_NOTE_CHARS, ProspectSchema } from './schema';

/**
 * A prospect as a backup holds it: notes and tags are bounded more loosely than the list's own fields, as ICP
 * Lens 0.2.0 saved what the list's fields were given without holding them to those limits, and a backup of
 * such a list must restore whole.
 */
const BackupProspectSchema = ProspectSchema.extend({
  notes: z.string().max(1_000_000),
  tags: z.array(z.string().max(2000)).max(1000),
});

/** The version of the backup format this ICP Lens writes and reads. */
export const BACKUP_VERSION = 1;

/** The backup file format, version {@link BACKUP_VERSION}. */
export const BackupSchema = z.object({
  format: z.literal('icp-lens-backup'),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number(),
  prospects: z.array(BackupProspectSchema).max(500_000),
});
export type Backup = z.infer<typeof BackupSchema>;

/**
 * The largest backup file a restore reads: Chrome's longest string (2^29 characters, about 512 MB of text),
 * so that a file too large to restore is refused with a message before the browser tries to read it.
 */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

/** A backup file's JSON, or what is wrong with the file (to follow its name in a message). */
export type BackupFileRead = { ok: true; json: unknown } | { ok: false; problem: string };

/**
 * Reads a backup file the rep picked: a file over {@link MAX_BACKUP_BYTES} is refused before it is read, one
 * that is not JSON once read. The document is still to be checked by {@link restoreBackup}.
 */
export async function readBackupFile(file: Pick<File, 'size' | 'text'>): Promise<BackupFileRead> {
  if (file.size > MAX_BACKUP_BYTES)
    return {
      ok: false,
      // Rounded up, so that a file just over the limit does not read as within it.
      problem: `is ${Math.ceil(file.size / 1024 / 1024)} MB; a backup is at most ${MAX_BACKUP_BYTES / 1024 / 1024} MB, about the most text a browser can read at once. Choose the .json file "Back up" saved.`,
    };
  try {
    return { ok: true, json: JSON.parse(await file.text()) };
  } catch {
    return { ok: false, problem: 'is not a JSON file (a backup is the .json "Back up" saves).' };
  }
}

/** Every prospect, as a backup document. */
export async function createBackup(db: IcpLensDb, now = Date.now()): Promise<Backup> {
  return {
    format: 'icp-lens-backup',
    version: BACKUP_VERSION,
    exportedAt: now,
    prospects: await allProspects(db),
  };
}

/** What a restore did. */
export interface RestoreReport {
  added: number;
  updated: number;
  unchanged: number;
  /** The companies whose note on the list was kept as it was, the backup's being too long to add to it. */
  notesKept: string[];
  /** The backup's tags and source pages a company on the list had no room for (see `leftOutMessage`). */
  leftOut: LeftOut[];
}

/**
 * What the rep should know of the notes a restore did not join (see {@link RestoreReport.notesKept}), naming
 * the companies; empty when there are none.
 * @param fileName the backup file's name, where the notes not joined still are
 */
export function notesKeptMessage(report: RestoreReport, fileName: string): string {
  const names = report.notesKept;
  if (names.length === 0) return '';
  const companies = namedCompanies(names);
  const one = names.length === 1;
  return (
    `${companies} ${one ? 'keeps its note' : 'keep their notes'} as ${one ? 'it was' : 'they were'}: joined with ` +
    `the backup's (${one ? 'a different one' : 'different ones'}), ${one ? 'it' : 'they'} would pass the ` +
    `${MAX_NOTE_CHARS.toLocaleString('en-US')} characters a note holds. The backup's ${one ? 'note is' : 'notes are'} still in ${fileName}.`
  );
}

/**
 * Restores a backup into the list. Companies not on the list are added; a company already there keeps the
 * newer of the two records (by `updatedAt`) with the facts, domain and LinkedIn page only the older one has, and
 * its tier history, tags and sources are united (within a prospect's limits: the report names what the backup
 * had past them). Two different notes are joined, except where together they
 * pass the note's limit: the list's then stays as it is, and the report names the company. Nothing on the list
 * is deleted. The verdicts are the backup's:
 * the list is re-scored against the ICP in force afterwards (the `rescoreList` message). Throws, writing
 * nothing, when the document is not a valid backup or is one made by a newer ICP Lens.
 */
export async function restoreBackup(db: IcpLensDb, input: unknown): Promise<RestoreReport> {
  const parsed = BackupSchema.safeParse(input);
  if (!parsed.success) {
    const fields = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
    if ('criteria' in fields && 'tiers' in fields)
      throw new Error(
        'Not an ICP Lens backup: this is an ICP file; import it in the options page (Import JSON…).',
      );
    if (fields.format !== 'icp-lens-backup')
      throw new Error('Not an ICP Lens backup: it has no "format": "icp-lens-backup".');
    // A later ICP Lens may change the format: its backup is one, only not one this version can read.
    if (Number.isInteger(fields.version) && (fields.version as number) > BACKUP_VERSION)
      throw new Error(
        `This backup was made by a newer version of ICP Lens (backup format ${fields.version}; this version reads format ${BACKUP_VERSION}). Update ICP Lens to restore it; nothing was changed.`,
      );
    throw new Error(`Not an ICP Lens backup: ${formatIssues(parsed.error).slice(0, 5).join('; ')}`);
  }
  return writeProspects(db, async () => {
    const report: RestoreReport = { added: 0, updated: 0, unchanged: 0, notesKept: [], leftOut: [] };
    for (const incoming of parsed.data.prospects) {
      const { id: _ignored, ...fields } = incoming;
      const existing = await findProspect(db, {
        domain: incoming.domain,
        linkedinSlug: incoming.linkedinSlug,
      });
      if (!existing?.id) {
        await addProspect(db, fields);
        report.added++;
        continue;
      }
      const merged = mergeProspect({ ...existing, id: existing.id }, incoming);
      // Two different notes too long to join whole: the merge would cut the end of one, and the rep would not
      // know. The list's note stays whole instead (nothing on the list is lost), and the report names the
      // company: the backup's note is still in the file.
      if (notesTooLongToJoin(existing, incoming)) {
        merged.notes = existing.notes;
        report.notesKept.push(existing.name);
      }
      const leftOut = leftOutOfMerge(existing, incoming);
      if (leftOut) report.leftOut.push(leftOut);
      if (sameData(merged, existing)) report.unchanged++;
      else {
        await putProspects(db, [merged]);
        report.updated++;
      }
    }
    return report;
  });
}

/** The same data whatever the order of its keys (merging facts rebuilds an object in another order). */
function sameData(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
