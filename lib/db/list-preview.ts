/**
 * What a draft ICP would do to the prospect list, before it is saved: each saved company scored against the ICP
 * in force and against the draft, the list's tier counts under both, and the companies that would move. Reads
 * the stored facts a chunk of verdict blocks at a time and writes nothing.
 */
import type { Icp } from '../icp/schema';
import { nothingKnown, scoreCompany, TIER_RANK } from '../icp/scorer';
import type { IcpLensDb } from './index';
import { LIST_TIERS } from './list-query';
import type { FactValues, ListTier } from './schema';
import { unpackBlock } from './verdict-store';
import { factsFromValues } from './verdicts';

/** Verdict blocks read per step (32 prospects each); the page stays responsive between steps. */
const BLOCKS_PER_STEP = 64;
/** Movers named in the preview: the largest moves first. */
const MOVERS_SHOWN = 10;

export interface ListPreviewMove {
  id: number;
  name: string;
  before: ListTier;
  after: ListTier;
  scoreBefore: number;
  scoreAfter: number;
}

export interface ListPreview {
  total: number;
  counts: Record<ListTier, { before: number; after: number }>;
  movedUp: number;
  movedDown: number;
  /** Companies that would go from Not a fit to Not enough known or back: another list tier, no move up or down. */
  movedAcross: number;
  /** The largest moves, at most {@link MOVERS_SHOWN}. */
  movers: ListPreviewMove[];
}

/** A verdict's list tier: Not a fit that rests on too little known is filed apart, as the list files it. */
const listTierOf = (result: ReturnType<typeof scoreCompany>): ListTier =>
  nothingKnown(result) ? 'not_enough_known' : result.tier;

/**
 * Scores every saved prospect against `current` and `draft`. Stops, with what it has, when `signal` aborts (a
 * newer draft was asked about).
 */
export async function previewOnList(
  db: IcpLensDb,
  current: Icp,
  draft: Icp,
  signal?: AbortSignal,
): Promise<ListPreview> {
  const counts = Object.fromEntries(
    LIST_TIERS.map((t) => [t, { before: 0, after: 0 }]),
  ) as ListPreview['counts'];
  const moves: Array<Omit<ListPreviewMove, 'name'> & { step: number }> = [];
  let total = 0;
  let movedUp = 0;
  let movedDown = 0;
  let movedAcross = 0;
  for (let from = 0; !signal?.aborted; ) {
    const blocks = await db.verdictBlocks.where(':id').aboveOrEqual(from).limit(BLOCKS_PER_STEP).toArray();
    for (const verdict of blocks.flatMap(unpackBlock)) {
      const facts = factsFromValues(JSON.parse(verdict.inputs) as FactValues);
      const before = scoreCompany(facts, current, { explain: false });
      const after = scoreCompany(facts, draft, { explain: false });
      const [tierBefore, tierAfter] = [listTierOf(before), listTierOf(after)];
      total++;
      counts[tierBefore].before++;
      counts[tierAfter].after++;
      const step = TIER_RANK[after.tier] - TIER_RANK[before.tier];
      if (step > 0) movedUp++;
      if (step < 0) movedDown++;
      if (step === 0 && tierBefore !== tierAfter) movedAcross++;
      if (tierBefore !== tierAfter)
        moves.push({
          id: verdict.id,
          before: tierBefore,
          after: tierAfter,
          scoreBefore: before.score,
          scoreAfter: after.score,
          step,
        });
    }
    if (blocks.length < BLOCKS_PER_STEP) break;
    from = (blocks.at(-1)?.id ?? 0) + 1;
    // Between steps: the page paints and takes input.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const shown = moves
    .sort(
      (a, b) =>
        Math.abs(b.step) - Math.abs(a.step) ||
        Math.abs(b.scoreAfter - b.scoreBefore) - Math.abs(a.scoreAfter - a.scoreBefore),
    )
    .slice(0, MOVERS_SHOWN);
  const names = await db.prospects.bulkGet(shown.map((m) => m.id));
  return {
    total,
    counts,
    movedUp,
    movedDown,
    movedAcross,
    movers: shown.map(({ step: _step, ...move }, i) => ({ ...move, name: names[i]?.name ?? `#${move.id}` })),
  };
}
