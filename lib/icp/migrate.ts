/**
 * ICP file migrations. Each schema version gets a step that turns the previous version's document into it;
 * they run in order before validation, so any ICP file ever written still opens. Version 1 is the first.
 */
import { ICP_SCHEMA_VERSION } from './schema';

/** One step: a document of version `from` to version `from + 1`. */
type Migration = { from: number; migrate: (doc: Record<string, unknown>) => Record<string, unknown> };

/** Ordered steps. None yet: v1 is the current version. */
const MIGRATIONS: Migration[] = [];

/** Why a document cannot be migrated. */
export class IcpVersionError extends Error {}

/**
 * Brings an ICP document to the current schema version. Documents without `schemaVersion` are read as v1
 * (hand-written files often leave it out). Non-objects pass through for the schema to reject.
 */
export function migrateIcp(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  let doc = { ...(input as Record<string, unknown>) };
  const version = doc.schemaVersion ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return doc;
  if (version > ICP_SCHEMA_VERSION) {
    throw new IcpVersionError(
      `schemaVersion: this ICP file uses version ${version}, written by a newer ICP Lens; this one reads up to ${ICP_SCHEMA_VERSION}`,
    );
  }
  doc.schemaVersion = version;
  for (const step of MIGRATIONS)
    if (step.from >= version) doc = { ...step.migrate(doc), schemaVersion: step.from + 1 };
  return doc;
}
