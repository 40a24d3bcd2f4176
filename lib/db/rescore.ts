/**
 * Re-scoring the prospect list when the ICP changes: in chunks of one transaction each, recording every tier
 * change in the prospect's history, so that a stopped service worker resumes where it left off and nothing is
 * scored twice or lost.
 */
import type { Icp, Tier } from '../icp/schema';
import { scoreCompany, TIER_RANK } from '../icp/scorer';
import { type IcpLensDb, writeProspects } from './index';
import type { FactValues, StoredVerdict } from './schema';
import {
  blockOf,
  countVerdicts,
  encodeResult,
  putStoredVerdicts,
  unpackBlock,
  VERDICT_BLOCK,
} from './verdict-store';
import { factsFromValues, prospectResult } from './verdicts';

/** Where a re-score stands: what the list page shows as progress and, when done, as a summary. */
export interface RescoreProgress {
  icpName: string;
  icpVersion: number;
  total: number;
  done: number;
  movedUp: number;
  movedDown: number;
  /** Every prospect id up to this one is scored (to resume after it). */
  lastId: number;
  startedAt: number;
  finishedAt: number | null;
}

/** Starts a re-score of every prospect against the ICP. */
export async function startRescore(db: IcpLensDb, icp: Icp, now = Date.now()): Promise<RescoreProgress> {
  return {
    icpName: icp.name,
    icpVersion: icp.version,
    total: await countVerdicts(db),
    done: 0,
    movedUp: 0,
    movedDown: 0,
    lastId: 0,
    startedAt: now,
    finishedAt: null,
  };
}

/**
 * Scores the next chunk of prospects (ids after `progress.lastId`, about `size` of them in whole verdict
 * blocks) and returns the new progress; call until `finishedAt` is set, saving the progress between chunks.
 * Reads and writes only verdicts and their ranks: each verdict keeps the facts' values it is computed from.
 */
export async function rescoreChunk(
  db: IcpLensDb,
  icp: Icp,
  progress: RescoreProgress,
  size = 4096,
  now = Date.now(),
): Promise<RescoreProgress> {
  const blocks = Math.max(1, Math.ceil(size / VERDICT_BLOCK));
  // Only the verdicts: the list and the panel keep reading prospects meanwhile.
  return writeProspects(db, async () => {
    const read = await db.verdictBlocks
      .where(':id')
      .aboveOrEqual(blockOf(progress.lastId + 1))
      .limit(blocks)
      .toArray();
    // A progress saved mid-block (by a release that kept verdicts one by one) resumes after its last id.
    const chunk = read.flatMap(unpackBlock).filter((v) => v.id > progress.lastId);
    let { movedUp, movedDown } = progress;
    const scored = chunk.map((verdict): StoredVerdict => {
      const inputs = JSON.parse(verdict.inputs) as FactValues;
      const result = scoreCompany(factsFromValues(inputs), icp, { explain: false });
      if (TIER_RANK[result.tier] > TIER_RANK[verdict.tier]) movedUp++;
      if (TIER_RANK[result.tier] < TIER_RANK[verdict.tier]) movedDown++;
      return {
        ...verdict,
        tier: result.tier,
        score: result.score,
        ...encodeResult(prospectResult(result)),
        icpName: icp.name,
        icpVersion: icp.version,
        tierHistory:
          result.tier === verdict.tier
            ? verdict.tierHistory
            : [
                ...verdict.tierHistory,
                { from: verdict.tier, to: result.tier, icpVersion: icp.version, at: now },
              ].slice(-100),
      };
    });
    await putStoredVerdicts(db, scored, [], read);
    return {
      ...progress,
      done: progress.done + chunk.length,
      movedUp,
      movedDown,
      // Every id up to the end of the last block read is done (a block is rewritten whole).
      lastId: Math.max(progress.lastId, ((read.at(-1)?.id ?? -1) + 1) * VERDICT_BLOCK - 1),
      finishedAt: read.length < blocks ? now : null,
    };
  }, [db.verdictBlocks, db.ranks]);
}

/** Whether a prospect's tier moved with the latest re-score to this ICP version. */
export function movedWith(
  history: Array<{ icpVersion: number; from: Tier | null }>,
  icpVersion: number,
): boolean {
  return history.some((h) => h.icpVersion === icpVersion && h.from !== null);
}
