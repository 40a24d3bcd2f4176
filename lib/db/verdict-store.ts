/**
 * Where verdicts are kept: in blocks of {@link VERDICT_BLOCK} prospects by id (`verdictBlocks`), each with its
 * rank block (`ranks`: tier, score and tier moves, indexed per prospect). IndexedDB in Chromium costs about the
 * same per record written, whatever its size (a request to the browser process, its index entries, a journal
 * entry): re-scoring 20,000 verdicts as 20,000 records took 2.4 s on the benchmark machine, as 625 blocks
 * 0.6 s. Blocks of 32 stay under the size (64 kB) above which Chromium moves a record into a file of its own.
 *
 * Every write goes through {@link putVerdicts}, which rewrites a block and its ranks together; call it inside a
 * transaction over both tables (see `writeProspects`).
 */
import type { Tier } from '../icp/schema';
import { MIN_COVERAGE_TO_JUDGE, nothingKnown } from '../icp/scorer';
import type { IcpLensDb } from './index';
import type {
  FactValues,
  ListTier,
  ProspectResult,
  RankBlock,
  StoredVerdict,
  Verdict,
  VerdictBlock,
} from './schema';
import { meets, metLabel } from './verdicts';

/** Prospects per block. */
export const VERDICT_BLOCK = 32;

/** The block a prospect's verdict is kept in. */
export const blockOf = (id: number): number => Math.floor(id / VERDICT_BLOCK);

/** What the list sorts and filters a prospect on. */
export interface RankEntry {
  id: number;
  tier: ListTier;
  score: number;
  /** The ICP versions whose re-score moved its tier. */
  movedIn: number[];
}

type Criterion = ProspectResult['criteria'][number];
/** What a criterion is: the same for every prospect scored by one ICP. */
type CriterionHead = [id: string, label: string, kind: Criterion['kind'], rule: Criterion['rule']];
/** How a prospect did on it. */
type CriterionScore = [status: Criterion['status'], contribution: number, possible: number];
type ResultTuple = [score: number, tier: Tier, coverage: number, caps: string[], criteria: CriterionScore[]];

/**
 * JSON as a block keeps it: with every character beyond Latin-1 escaped (`\u2013`), so that the text stays
 * one byte per character. The browser stores a string with a single such character (the dash of "200–2,000
 * employees") at two bytes per character, which doubled what a re-score or an export read and wrote.
 * Self-contained (the list benchmark seeds blocks with its source text).
 */
export function storedJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0100-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A result as a verdict keeps it (see {@link storedJson}), as JSON of arrays rather than objects (field names
 * are not written again for every criterion of every prospect), in two parts: `result`, the prospect's
 * figures and how it did on each criterion, and `heads`, what each criterion is (id, label, kind and rule).
 * The heads are the same for every prospect scored by one ICP, and a block keeps each once (see
 * {@link packBlock}): they were two thirds of a result's bytes.
 */
export function encodeResult(r: ProspectResult): { result: string; heads: string } {
  const tuple: ResultTuple = [
    r.score,
    r.tier,
    r.coverage,
    r.caps,
    r.criteria.map((c) => [c.status, c.contribution, c.possible]),
  ];
  const heads: CriterionHead[] = r.criteria.map((c) => [c.id, c.label, c.kind, c.rule]);
  return { result: storedJson(tuple), heads: storedJson(heads) };
}

/** The last heads parsed: consecutive verdicts mostly share theirs (one object: the text it came from). */
let lastHeads: { text: string; parsed: CriterionHead[] } = { text: '[]', parsed: [] };

function parseHeads(text: string): CriterionHead[] {
  if (text !== lastHeads.text) lastHeads = { text, parsed: JSON.parse(text) as CriterionHead[] };
  return lastHeads.parsed;
}

/** {@link encodeResult} read back. */
export function decodeResult(result: string, heads: string): ProspectResult {
  const [score, tier, coverage, caps, criteria] = JSON.parse(result) as ResultTuple;
  const what = parseHeads(heads);
  return {
    score,
    tier,
    coverage,
    caps,
    criteria: criteria.map(([status, contribution, possible], i) => {
      const [id, label, kind, rule] = what[i] as CriterionHead;
      return { id, label, kind, rule, status, contribution, possible };
    }),
  };
}

/**
 * The labels of the criteria a result kept by {@link encodeResult} shows the company meeting, and of those that
 * disqualify it, whether it rests on too little known (see `nothingKnown`), and its coverage.
 */
export function metCriteria(
  result: string,
  heads: string,
): { met: string[]; disqualifiedBy: string[]; nothingKnown: boolean; coverage: number } {
  const [, tier, coverage, , criteria] = JSON.parse(result) as ResultTuple;
  const what = parseHeads(heads);
  const labels: string[] = [];
  const disqualifiedBy: string[] = [];
  criteria.forEach(([status], i) => {
    const [, label, , rule] = what[i] as CriterionHead;
    if (meets({ rule, status })) labels.push(metLabel({ label, status }));
    if (status === 'disqualified') disqualifiedBy.push(label);
  });
  // Most verdicts rest on enough: only those with too little known are looked at further.
  const silent =
    coverage < MIN_COVERAGE_TO_JUDGE &&
    nothingKnown({
      tier,
      coverage,
      criteria: criteria.map(([status], i) => ({ status, rule: (what[i] as CriterionHead)[3] })),
    });
  return { met: labels, disqualifiedBy, nothingKnown: silent, coverage };
}

/** A verdict as its block keeps it. */
export function encodeVerdict(v: Verdict): StoredVerdict {
  return { ...v, ...encodeResult(v.result), inputs: storedJson(v.inputs) };
}

/** A verdict as its block keeps it, read back. */
export function decodeVerdict(v: StoredVerdict): Verdict {
  const { result, heads, inputs, ...fields } = v;
  return { ...fields, result: decodeResult(result, heads), inputs: JSON.parse(inputs) as FactValues };
}

/** A block of these verdicts (sorted by id), each distinct `heads` kept once in the block's list. */
export function packBlock(id: number, verdicts: readonly StoredVerdict[]): VerdictBlock {
  const heads: string[] = [];
  const index = new Map<string, number>();
  const packed = verdicts.map((v) => {
    let at = index.get(v.heads);
    if (at === undefined) {
      at = heads.push(v.heads) - 1;
      index.set(v.heads, at);
    }
    return { ...v, heads: at };
  });
  return { id, heads, verdicts: packed };
}

/** A block's verdicts, each with its heads (the block's own string: nothing is copied). */
export function unpackBlock(block: VerdictBlock): StoredVerdict[] {
  return block.verdicts.map((v) => ({ ...v, heads: block.heads[v.heads] ?? '[]' }));
}

/**
 * The tier the list files a verdict under (see {@link ListTier}). Only a Not a fit's result is read, and its
 * criteria's heads (`heads`, for their rules) only where it rests on too little known.
 */
export function listTier(v: Pick<StoredVerdict, 'tier' | 'result'>, heads: string): ListTier {
  if (v.tier !== 'not_a_fit') return v.tier;
  const [, tier, coverage, , criteria] = JSON.parse(v.result) as ResultTuple;
  if (coverage >= MIN_COVERAGE_TO_JUDGE) return 'not_a_fit';
  const rules = (JSON.parse(heads) as CriterionHead[]).map((head) => head[3]);
  return nothingKnown({
    tier,
    coverage,
    criteria: criteria.map(([status], i) => ({ status, rule: rules[i] })),
  })
    ? 'not_enough_known'
    : 'not_a_fit';
}

/** The rank block of a verdict block. */
export function rankBlock(block: VerdictBlock): RankBlock {
  const moved: Array<[number, number]> = [];
  for (const v of block.verdicts) {
    const versions = new Set(v.tierHistory.filter((h) => h.from !== null).map((h) => h.icpVersion));
    for (const version of versions) moved.push([v.id, version]);
  }
  return {
    id: block.id,
    rank: block.verdicts.map((v) => [listTier(v, block.heads[v.heads] ?? '[]'), v.score, v.id]),
    moved,
  };
}

/** A rank block's entries. */
export function rankEntries(block: RankBlock): RankEntry[] {
  const movedIn = new Map<number, number[]>();
  for (const [id, version] of block.moved) movedIn.set(id, [...(movedIn.get(id) ?? []), version]);
  return block.rank.map(([tier, score, id]) => ({ id, tier, score, movedIn: movedIn.get(id) ?? [] }));
}

/** The verdicts of these prospects as kept, in the same order (undefined where there is none). */
export async function getStoredVerdicts(
  db: IcpLensDb,
  ids: readonly number[],
): Promise<Array<StoredVerdict | undefined>> {
  if (ids.length === 0) return [];
  const blocks = await db.verdictBlocks.bulkGet([...new Set(ids.map(blockOf))]);
  const found = new Map<number, StoredVerdict>();
  for (const block of blocks) if (block) for (const v of unpackBlock(block)) found.set(v.id, v);
  return ids.map((id) => found.get(id));
}

/** The verdicts of these prospects, in the same order (undefined where there is none). */
export async function getVerdicts(
  db: IcpLensDb,
  ids: readonly number[],
): Promise<Array<Verdict | undefined>> {
  return (await getStoredVerdicts(db, ids)).map((v) => v && decodeVerdict(v));
}

/** The rank entries of these prospects, in the same order (undefined where there is none). */
export async function getRanks(db: IcpLensDb, ids: readonly number[]): Promise<Array<RankEntry | undefined>> {
  if (ids.length === 0) return [];
  const blocks = await db.ranks.bulkGet([...new Set(ids.map(blockOf))]);
  const found = new Map<number, RankEntry>();
  for (const block of blocks) if (block) for (const e of rankEntries(block)) found.set(e.id, e);
  return ids.map((id) => found.get(id));
}

/** How many verdicts there are (one per prospect), counted on the rank index. */
export function countVerdicts(db: IcpLensDb): Promise<number> {
  return db.ranks.orderBy('rank').count();
}

/**
 * Every rank block, in order, read in chunks.
 * @param signal stops the read between chunks (it then rejects with the signal's reason)
 */
export async function allRankBlocks(db: IcpLensDb, signal?: AbortSignal): Promise<RankBlock[]> {
  const blocks: RankBlock[] = [];
  for (let last = -Infinity; ; ) {
    signal?.throwIfAborted();
    const chunk = await db.ranks.where(':id').above(last).limit(512).toArray();
    blocks.push(...chunk);
    if (chunk.length < 512) return blocks;
    last = chunk[chunk.length - 1]?.id as number;
  }
}

/**
 * The verdicts of prospects with ids in (`after`, `upTo`], in id order, as kept (decode each when it is used):
 * for reading the list in id ranges.
 */
export async function verdictsBetween(db: IcpLensDb, after: number, upTo: number): Promise<StoredVerdict[]> {
  if (upTo <= after) return [];
  const first = Number.isFinite(after) ? blockOf(after) : -Infinity;
  const blocks = await db.verdictBlocks.where(':id').between(first, blockOf(upTo), true, true).toArray();
  return blocks.flatMap((b) => unpackBlock(b).filter((v) => v.id > after && v.id <= upTo));
}

/**
 * Writes verdicts (replacing those with the same ids) and removes the verdicts of `remove`, rewriting each
 * block touched and its ranks; an emptied block goes. Call inside a read-write transaction over
 * `verdictBlocks` and `ranks`.
 */
export function putVerdicts(
  db: IcpLensDb,
  verdicts: readonly Verdict[],
  remove: readonly number[] = [],
): Promise<void> {
  return putStoredVerdicts(db, verdicts.map(encodeVerdict), remove);
}

/**
 * {@link putVerdicts} for verdicts already encoded.
 * @param read the blocks as already read in this transaction (a re-score has just read them)
 */
export async function putStoredVerdicts(
  db: IcpLensDb,
  verdicts: readonly StoredVerdict[],
  remove: readonly number[] = [],
  read?: readonly VerdictBlock[],
): Promise<void> {
  const touched = [...new Set([...verdicts.map((v) => blockOf(v.id)), ...remove.map(blockOf)])];
  if (touched.length === 0) return;
  const known = new Map((read ?? []).map((b) => [b.id, b]));
  const missing = touched.filter((id) => !known.has(id));
  if (missing.length > 0) for (const b of await db.verdictBlocks.bulkGet(missing)) if (b) known.set(b.id, b);
  const changes = new Map<number, Map<number, StoredVerdict | null>>();
  for (const id of remove) changes.set(blockOf(id), (changes.get(blockOf(id)) ?? new Map()).set(id, null));
  for (const v of verdicts)
    changes.set(blockOf(v.id), (changes.get(blockOf(v.id)) ?? new Map()).set(v.id, v));
  const kept: VerdictBlock[] = [];
  const emptied: number[] = [];
  for (const block of touched) {
    const before = known.get(block);
    const merged = new Map((before ? unpackBlock(before) : []).map((v) => [v.id, v]));
    for (const [id, v] of changes.get(block) ?? []) {
      if (v) merged.set(id, v);
      else merged.delete(id);
    }
    if (merged.size === 0) emptied.push(block);
    else
      kept.push(
        packBlock(
          block,
          [...merged.values()].sort((a, b) => a.id - b.id),
        ),
      );
  }
  if (kept.length > 0) {
    await db.verdictBlocks.bulkPut(kept);
    await db.ranks.bulkPut(kept.map(rankBlock));
  }
  if (emptied.length > 0) {
    await db.verdictBlocks.bulkDelete(emptied);
    await db.ranks.bulkDelete(emptied);
  }
}
