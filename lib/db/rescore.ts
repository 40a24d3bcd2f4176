/**
 * Re-scoring the prospect list when the ICP changes: in chunks of one transaction each, recording every tier
 * change in the prospect's history, so that a stopped service worker resumes where it left off and nothing is
 * scored twice or lost.
 */
import type { Icp, Tier } from '../icp/schema';
import { scoreCompany } from '../icp/scorer';
import { type IcpLensDb, writeProspects } from './index';
import { factsFromValues, prospectResult } from './verdicts';

const RANK: Record<Tier, number> = { tier_1: 3, tier_2: 2, tier_3: 1, not_a_fit: 0 };

/** Where a re-score stands: what the list page shows as progress and, when done, as a summary. */
export interface RescoreProgress {
  icpName: string;
  icpVersion: number;
  total: number;
  done: number;
  movedUp: number;
  movedDown: number;
  /** The last prospect id scored (to resume after it). */
  lastId: number;
  startedAt: number;
  finishedAt: number | null;
}

/** Starts a re-score of every prospect against the ICP. */
export async function startRescore(db: IcpLensDb, icp: Icp, now = Date.now()): Promise<RescoreProgress> {
  return {
    icpName: icp.name,
    icpVersion: icp.version,
    total: await db.verdicts.count(),
    done: 0,
    movedUp: 0,
    movedDown: 0,
    lastId: 0,
    startedAt: now,
    finishedAt: null,
  };
}

/**
 * Scores the next chunk of prospects (ids after `progress.lastId`) and returns the new progress; call until
 * `finishedAt` is set, saving the progress between chunks. Reads and writes only the verdicts table: each
 * verdict keeps the facts' values it is computed from.
 */
export async function rescoreChunk(
  db: IcpLensDb,
  icp: Icp,
  progress: RescoreProgress,
  size = 5000,
  now = Date.now(),
): Promise<RescoreProgress> {
  // Only the verdicts: the list and the panel keep reading prospects meanwhile.
  return writeProspects(db, async () => {
    const chunk = await db.verdicts.where(':id').above(progress.lastId).limit(size).toArray();
    let { movedUp, movedDown } = progress;
    for (const verdict of chunk) {
      const result = scoreCompany(factsFromValues(verdict.inputs), icp, { explain: false });
      const moved = result.tier !== verdict.tier;
      if (RANK[result.tier] > RANK[verdict.tier]) movedUp++;
      if (RANK[result.tier] < RANK[verdict.tier]) movedDown++;
      verdict.tierHistory = moved
        ? [
            ...verdict.tierHistory,
            { from: verdict.tier, to: result.tier, icpVersion: icp.version, at: now },
          ].slice(-100)
        : verdict.tierHistory;
      verdict.tier = result.tier;
      verdict.score = result.score;
      verdict.result = prospectResult(result);
      verdict.icpName = icp.name;
      verdict.icpVersion = icp.version;
    }
    await db.verdicts.bulkPut(chunk);
    const last = chunk.at(-1)?.id ?? progress.lastId;
    const done = progress.done + chunk.length;
    return {
      ...progress,
      done,
      movedUp,
      movedDown,
      lastId: last,
      finishedAt: chunk.length < size ? now : null,
    };
  }, [db.verdicts]);
}

/** Whether a prospect's tier moved with the latest re-score to this ICP version. */
export function movedWith(
  history: Array<{ icpVersion: number; from: Tier | null }>,
  icpVersion: number,
): boolean {
  return history.some((h) => h.icpVersion === icpVersion && h.from !== null);
}
