import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  ACCOUNT_FIELDS,
  applySuggestion,
  type ColumnMapping,
  type CsvTable,
  choicesForImport,
  comparisonOf,
  decodeCsv,
  FIELD_LABEL,
  guessMapping,
  type ImportedAccount,
  mappingProblems,
  type Outcome,
  type OutcomeChoices,
  type OutcomeWordings,
  outcomeReadAs,
  outcomeRowCounts,
  outcomeWordings,
  parseCsvTableInSlices,
  type RejectedRow,
  readAccounts,
  reportOf,
  type Suggestion,
  scoreAccounts,
  scoredAccountsCsv,
  sizeProblem,
  suggestCriteria,
  wordingKey,
} from '@/lib/calibrate';
import {
  type AccountsImportInfo,
  deleteAccounts,
  getAccountsDb,
  loadAccounts,
  replaceAccounts,
  storageErrorMessage,
} from '@/lib/db/accounts';
import { explainInvalidIcp, type Icp, parseIcp, type ScoreResult } from '@/lib/icp';
import { readIcpFile } from '@/lib/icp/file-text';
import type { ActiveIcp } from '@/lib/settings';
import { downloadText } from '../download';
import { sendToDraft, useEditorDraft } from '../icp-editor/draft-channel';
import { CriteriaTable, Headline, percent, TierTable } from './CalibrationReport';
import './Calibrate.css';

/** Rows validated between two progress updates: small enough to keep the page responsive. */
const SLICE = 2000;

interface Pending {
  fileName: string;
  encoding: string;
  table: CsvTable;
  mapping: ColumnMapping;
  /** What the manager chose for each outcome column's wordings, by column (kept when the column changes back). */
  outcomes: ReadonlyMap<string, OutcomeChoices>;
}

/** "1 row", "2,000 rows". */
const rowsOf = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;

const OUTCOME_WORD: Record<Outcome, string> = { won: 'Won', lost: 'Lost', open: 'Open' };

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Every account's verdict under an ICP, computed in slices so the page stays responsive (a draft being typed
 * re-scores tens of thousands of accounts); null until done. A newer ICP cancels the run in progress.
 */
function useScores(accounts: readonly ImportedAccount[], icp: Icp | null): ScoreResult[] | null {
  const [scores, setScores] = useState<{
    icp: Icp;
    accounts: readonly ImportedAccount[];
    results: ScoreResult[];
  } | null>(null);
  useEffect(() => {
    if (!icp || accounts.length === 0) return;
    let cancelled = false;
    void (async () => {
      const results: ScoreResult[] = [];
      for (let from = 0; from < accounts.length; from += SLICE) {
        results.push(...scoreAccounts(accounts.slice(from, from + SLICE), icp));
        await nextFrame();
        if (cancelled) return;
      }
      setScores({ icp, accounts, results });
    })();
    return () => {
      cancelled = true;
    };
  }, [accounts, icp]);
  return scores && scores.icp === icp && scores.accounts === accounts ? scores.results : null;
}

/** The mapping step: the guessed column for each field, corrected with a select, and the first rows. */
function MappingStep({
  pending,
  onChange,
  onImport,
  onCancel,
}: {
  pending: Pending;
  onChange: (change: Pick<Pending, 'mapping' | 'outcomes'>) => void;
  onImport: (choices: OutcomeChoices) => void;
  onCancel: () => void;
}) {
  const { table, mapping, outcomes } = pending;
  const column = mapping.outcome;
  const wordings = useMemo(() => (column ? outcomeWordings(table, column) : null), [table, column]);
  // Every wording, for the import itself (the list shows the first 50).
  const allWordings = useMemo(
    () =>
      column && wordings && wordings.more > 0
        ? outcomeWordings(table, column, Number.POSITIVE_INFINITY)
        : wordings,
    [table, column, wordings],
  );
  const choices = column ? outcomes.get(column) : undefined;
  const counts = wordings ? outcomeRowCounts(wordings, choices) : null;
  const problems = mappingProblems(mapping);
  if (counts && counts.read === 0 && problems.length === 0)
    problems.push(
      `No value of “${column}” reads as won, lost or open: choose what its values mean below, or choose the column with the outcome.`,
    );
  const total = table.rows.length;
  return (
    <div className="calibrate-mapping" data-testid="mapping-step">
      <p>
        <strong>{pending.fileName}</strong>: {total.toLocaleString('en-US')} rows, {table.headers.length}{' '}
        columns. Check which column holds what:
      </p>
      <div className="calibrate-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Column in the file</th>
              <th scope="col">First values</th>
            </tr>
          </thead>
          <tbody>
            {ACCOUNT_FIELDS.map((field) => {
              const index = mapping[field] === null ? -1 : table.headers.indexOf(mapping[field] as string);
              return (
                <tr key={field}>
                  <th scope="row">
                    <label htmlFor={`map-${field}`}>{FIELD_LABEL[field]}</label>
                  </th>
                  <td>
                    <select
                      id={`map-${field}`}
                      value={mapping[field] ?? ''}
                      onChange={(e) =>
                        onChange({ mapping: { ...mapping, [field]: e.target.value || null }, outcomes })
                      }
                    >
                      <option value="">— none —</option>
                      {table.headers.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="muted sample-values">
                    {index >= 0
                      ? table.rows
                          .slice(0, 3)
                          .map((r) => r[index] ?? '')
                          .join(' · ')
                      : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {column && wordings && (
        <OutcomeValues
          header={column}
          wordings={wordings}
          counts={counts ?? { read: 0, leftOut: 0 }}
          empty={total - (counts ? counts.read + counts.leftOut : 0)}
          choices={choices}
          onChoose={(next) => onChange({ mapping, outcomes: new Map(outcomes).set(column, next) })}
        />
      )}
      {problems.length > 0 && (
        <p role="alert" className="calibrate-error">
          {problems.join(' ')}
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={problems.length > 0}
        onClick={() => onImport(allWordings ? choicesForImport(allWordings, choices) : new Map())}
      >
        {counts && counts.leftOut > 0
          ? `Import ${counts.read.toLocaleString('en-US')} of ${rowsOf(total)} (${counts.leftOut.toLocaleString('en-US')} left out)`
          : `Import ${rowsOf(total)}`}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/**
 * The outcome column's wordings, most rows first, each with what it is read as (the guess, or the manager's
 * choice): a team's own deal stages ("Signed - Renewal", "Went with competitor") are chosen here instead of being
 * rejected row by row. Many values, or none read, most likely mean the wrong column: said above the list, which
 * then starts folded.
 */
function OutcomeValues({
  header,
  wordings: { wordings, more, moreRows },
  counts,
  empty,
  choices,
  onChoose,
}: {
  header: string;
  wordings: OutcomeWordings;
  /** Rows whose value is read as an outcome, and rows left out (as the import button counts them). */
  counts: { read: number; leftOut: number };
  /** Rows with no value in the column. */
  empty: number;
  choices: OutcomeChoices | undefined;
  onChoose: (choices: OutcomeChoices) => void;
}) {
  const noneRead = counts.read === 0;
  const suspicious = more > 0 || noneRead;
  const values = wordings.length + more;
  return (
    <div className="calibrate-outcomes" data-testid="outcome-wordings">
      {suspicious && (
        <p className="calibrate-warning" data-testid="outcome-column-warning">
          “{header}” has {values.toLocaleString('en-US')} different values
          {noneRead ? ', none of them read as won, lost or open' : ''}: is it the column with the outcome or
          deal stage?
        </p>
      )}
      <p data-testid="outcome-summary">
        What each value of <strong>{header}</strong> means.
        {counts.leftOut > 0 &&
          ` ${rowsOf(counts.leftOut)} ${counts.leftOut === 1 ? 'has a value' : 'have values'} read as no outcome: ${counts.leftOut === 1 ? 'it is' : 'they are'} not imported, and left out of the figures rather than counted as errors. Choose Won, Lost or Open for a value to import its rows.`}
        {empty > 0 && ` ${rowsOf(empty)} ${empty === 1 ? 'has' : 'have'} no value and cannot be imported.`}
      </p>
      {more > 0 && (
        <p className="muted">
          The list shows the {wordings.length} most common values; the {more.toLocaleString('en-US')} others (
          {rowsOf(moreRows)}) are imported where they read as won, lost or open and otherwise left out.
        </p>
      )}
      <details open={!suspicious}>
        <summary>
          {wordings.length.toLocaleString('en-US')} value{wordings.length === 1 ? '' : 's'}
          {more > 0 ? ` of ${values.toLocaleString('en-US')}` : ''}
        </summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col">Rows</th>
              <th scope="col">Read as</th>
            </tr>
          </thead>
          <tbody>
            {wordings.map((w, i) => {
              const value = outcomeReadAs(choices, w.text, w.guess);
              const chosen = choices?.has(wordingKey(w.text)) ?? false;
              return (
                <tr key={wordingKey(w.text)} className={value === null ? 'outcome-unread' : undefined}>
                  <th scope="row" id={`outcome-value-${i}`}>
                    {w.text}
                  </th>
                  <td>{w.rows.toLocaleString('en-US')}</td>
                  <td>
                    <select
                      aria-label={`Read “${w.text}” as`}
                      value={value ?? ''}
                      onChange={(e) =>
                        onChoose(
                          new Map(choices).set(
                            wordingKey(w.text),
                            (e.target.value || null) as Outcome | null,
                          ),
                        )
                      }
                    >
                      {(['won', 'lost', 'open'] as const).map((o) => (
                        <option key={o} value={o}>
                          {OUTCOME_WORD[o]}
                        </option>
                      ))}
                      <option value="">Not imported</option>
                    </select>{' '}
                    {!chosen && value !== null && <span className="muted">guessed</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </div>
  );
}

function SuggestionList({
  suggestions,
  onAdopt,
}: {
  suggestions: Suggestion[];
  /** Null when the ICP cannot be edited here (locked by policy). */
  onAdopt: ((s: Suggestion) => void) | null;
}) {
  if (suggestions.length === 0)
    return (
      <p className="muted">No value is over-represented among your wins beyond what the ICP already asks.</p>
    );
  return (
    <ul className="calibrate-suggestions" data-testid="suggestions">
      {suggestions.map((s) => (
        <li key={s.key}>
          <span>
            <strong>{s.label}</strong>{' '}
            <span className="muted">
              wins {percent(s.winRate)} ({s.won} won, {s.lost} lost; ×{s.lift.toFixed(2)} the overall rate);
              in {percent(s.wonShare)} of wins and {percent(s.lostShare)} of losses
            </span>
          </span>
          {onAdopt && (
            <button type="button" onClick={() => onAdopt(s)} aria-label={`Add to draft: ${s.label}`}>
              Add to draft
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Rows of the file by line, with what each says, folded under a summary (the first 500 kept). */
function RowsByLine(props: {
  summary: string;
  count: number;
  rows: ReadonlyArray<{ line: number; reason: string }>;
  note?: string;
  testId?: string;
}) {
  return (
    <details className="calibrate-rejected" data-testid={props.testId}>
      <summary>
        {props.summary}
        {props.count > props.rows.length && ` (first ${props.rows.length} shown)`}
      </summary>
      {props.note && <p className="muted">{props.note}</p>}
      <ul>
        {props.rows.map((r) => (
          <li key={`${r.line}-${r.reason}`}>
            Line {r.line}: {r.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A share of rows left out above which the figures are flagged as resting on part of the file. */
const REJECTED_WARNING_SHARE = 0.1;

/**
 * What a rejected row fails on, to group them: the column its reason names ("outcome: …"), its number of cells,
 * or the reason itself.
 */
function failsOn(reason: string): string {
  const column = /^([A-Za-z][\w ]*): /.exec(reason)?.[1];
  if (column) return `“${column}”`;
  return /cells where the header has/.test(reason) ? 'their number of cells' : `“${reason}”`;
}

/**
 * The most common of what rows fail on, with how many and a first example. A row failing on two columns counts
 * for both: with one column mapped to the wrong field, every row names it, if not always first.
 */
function mostCommonReason(rows: ReadonlyArray<{ line: number; reason: string }>) {
  const groups = new Map<string, { count: number; example: { line: number; reason: string } }>();
  for (const r of rows) {
    for (const key of new Set(r.reason.split('; ').map(failsOn))) {
      const seen = groups.get(key);
      groups.set(key, { count: (seen?.count ?? 0) + 1, example: seen?.example ?? r });
    }
  }
  return [...groups].sort((a, b) => b[1].count - a[1].count)[0];
}

/**
 * Rows left out, or values left unread, that are enough to move the figures: said above them, with the most
 * common reason. Many of either most likely mean a column mapped to the wrong field.
 */
function RejectedWarning({
  imported,
  info,
}: {
  /** Accounts imported: every row of the file is imported, left out as chosen, or rejected. */
  imported: number;
  info: {
    rejectedCount: number;
    leftOutCount: number;
    rejected: ReadonlyArray<{ line: number; reason: string }>;
    partlyReadCount: number;
    partlyRead: ReadonlyArray<{ line: number; reason: string }>;
  };
}) {
  const rows = imported + info.rejectedCount + info.leftOutCount;
  if (rows === 0) return null;
  const n = (count: number) => count.toLocaleString('en-US');
  const share = (count: number) =>
    `${Math.round((100 * count) / rows)}% of the rows (${n(count)} of ${n(rows)})`;
  const rejected =
    info.rejectedCount / rows > REJECTED_WARNING_SHARE ? mostCommonReason(info.rejected) : undefined;
  const unread =
    info.partlyReadCount / rows > REJECTED_WARNING_SHARE ? mostCommonReason(info.partlyRead) : undefined;
  return (
    <>
      {info.rejectedCount / rows > REJECTED_WARNING_SHARE && (
        <p className="calibrate-warning" data-testid="calibrate-rejected-warning">
          {share(info.rejectedCount)} could not be read and are left out of every figure below.
          {rejected &&
            ` Most of those shown fail on ${rejected[0]} (${n(rejected[1].count)}), e.g. line ${rejected[1].example.line}: ${rejected[1].example.reason}.`}{' '}
          Fix those cells or the column mapping and import again for figures on the whole file.
        </p>
      )}
      {unread && (
        <p className="calibrate-warning" data-testid="calibrate-partly-read-warning">
          {share(info.partlyReadCount)} are imported with a value left unread, which the figures below count
          as unknown. Most of those shown fail on {unread[0]} ({n(unread[1].count)}), e.g. line{' '}
          {unread[1].example.line}: {unread[1].example.reason}. If that column holds something else, map it to
          another field or to none and import again.
        </p>
      )}
    </>
  );
}

/**
 * The calibration: import accounts from a CRM export, see how the ICP in force tiers the won and the lost,
 * compare it with the draft or another ICP file, and adopt suggested criteria into the draft.
 */
export function Calibrate({ active, onOpenEditor }: { active: ActiveIcp; onOpenEditor: () => void }) {
  const db = getAccountsDb();
  const [stored, setStored] = useState<{ info: AccountsImportInfo | null; accounts: ImportedAccount[] }>({
    info: null,
    accounts: [],
  });
  const [pending, setPending] = useState<Pending | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | null>(null);
  const [message, setMessage] = useState('');
  // After an import the mapping step (and its button, which had the focus) is gone: the keyboard goes on from
  // the import's status line rather than from the top of the page.
  const statusLine = useRef<HTMLParagraphElement>(null);
  const [focusStatus, setFocusStatus] = useState(false);
  useEffect(() => {
    if (focusStatus && message) {
      statusLine.current?.focus();
      setFocusStatus(false);
    }
  }, [focusStatus, message]);
  const [error, setError] = useState('');
  // A file to compare with that could not be read: said beside its button, until a good one is chosen.
  const [compareError, setCompareError] = useState('');
  const [compareWith, setCompareWith] = useState<'none' | 'draft' | 'file'>('none');
  const [fileIcp, setFileIcp] = useState<Icp | null>(null);
  const draft = useEditorDraft();

  const reload = useCallback(async () => {
    try {
      const loaded = await loadAccounts(db);
      setStored(loaded);
      if (loaded.invalid > 0)
        setError(`${loaded.invalid} stored accounts no longer read correctly and are left out.`);
    } catch (e) {
      setError(`Could not read the imported accounts: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [db]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const chooseFile = async (file: File) => {
    setError('');
    setMessage('');
    const tooLarge = sizeProblem(file.name, file.size);
    if (tooLarge) {
      setError(`Not imported: ${tooLarge}`);
      return;
    }
    try {
      setProgress({ done: 0, total: 100, label: `Reading ${file.name}…` });
      const { text, encoding } = decodeCsv(new Uint8Array(await file.arrayBuffer()));
      const table = await parseCsvTableInSlices(text, (share) =>
        setProgress({ done: Math.round(share * 100), total: 100, label: `Reading ${file.name}…` }),
      );
      setPending({
        fileName: file.name,
        encoding,
        table,
        mapping: guessMapping(table.headers),
        outcomes: new Map(),
      });
      setProgress(null);
    } catch (e) {
      setProgress(null);
      setError(`Not imported: ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const runImport = async (p: Pending, choices: OutcomeChoices) => {
    setPending(null);
    setError('');
    setMessage('');
    const total = p.table.rows.length;
    const accounts: ImportedAccount[] = [];
    const rejected: RejectedRow[] = [...p.table.rejected];
    const partlyRead: RejectedRow[] = [];
    let leftOut = 0;
    try {
      for (let from = 0; from < total; from += SLICE) {
        const part = readAccounts(p.table, p.mapping, from, from + SLICE, choices);
        accounts.push(...part.accounts);
        rejected.push(...part.rejected);
        partlyRead.push(...part.partlyRead);
        leftOut += part.leftOut;
        const done = Math.min(total, from + SLICE);
        setProgress({
          done,
          total,
          label: `Read ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows`,
        });
        await nextFrame();
      }
      rejected.sort((a, b) => a.line - b.line);
      if (accounts.length === 0) {
        // Replacing a good import with nothing would only lose data: keep the earlier one.
        const reasons = rejected.slice(0, 3).map((r) => `line ${r.line}: ${r.reason}`);
        setError(
          `Not imported: no row of ${p.fileName} could be read${reasons.length ? ` (${reasons.join('; ')})` : ''}. Check the column mapping. Any earlier import is unchanged.`,
        );
        return;
      }
      setProgress({ done: total, total, label: 'Saving…' });
      const info = {
        fileName: p.fileName,
        importedAt: Date.now(),
        encoding: p.encoding,
        mapping: p.mapping,
        rows: total,
        rejectedCount: rejected.length,
        rejected: rejected.slice(0, 500),
        leftOutCount: leftOut,
        partlyReadCount: partlyRead.length,
        partlyRead: partlyRead.slice(0, 500),
      };
      await replaceAccounts(db, accounts, info);
      setMessage(
        `Imported ${accounts.length.toLocaleString('en-US')} accounts from ${p.fileName}` +
          (leftOut ? `; ${rowsOf(leftOut)} left out as chosen (outcome not imported)` : '') +
          (partlyRead.length ? `; ${rowsOf(partlyRead.length)} with a value left unread` : '') +
          (rejected.length || partlyRead.length
            ? `${rejected.length ? `; ${rowsOf(rejected.length)} rejected` : ''} (see below).`
            : '.'),
      );
      setFocusStatus(true);
      // What was just validated and saved; no need to read it back.
      setStored({ info: { id: 'current', ...info }, accounts });
    } catch (e) {
      setError(storageErrorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  const remove = async () => {
    try {
      await deleteAccounts(db);
      setMessage('Imported accounts deleted.');
      await reload();
    } catch (e) {
      setError(storageErrorMessage(e));
    }
  };

  const other = compareWith === 'draft' ? draft : compareWith === 'file' ? fileIcp : null;
  const { accounts } = stored;
  const scoresA = useScores(accounts, active.icp);
  const scoresB = useScores(accounts, other);
  const report = useMemo(
    () => (scoresA ? reportOf(accounts, scoresA, active.icp) : null),
    [accounts, scoresA, active.icp],
  );
  const comparison = useMemo(
    () => (scoresA && scoresB && other ? comparisonOf(accounts, scoresA, active.icp, scoresB, other) : null),
    [accounts, scoresA, scoresB, active.icp, other],
  );
  // Typing in the editor changes the draft at every key; the suggestions can follow a moment later.
  const suggestAgainst = useDeferredValue(draft ?? active.icp);
  const suggestions = useMemo(
    () => (accounts.length > 0 ? suggestCriteria(accounts, suggestAgainst) : []),
    [accounts, suggestAgainst],
  );

  const adopt = (s: Suggestion) => {
    sendToDraft((d) => applySuggestion(d, s));
    onOpenEditor();
    setMessage(
      `Added “${s.label}” to the draft in the editor above. It is not saved until you save the ICP.`,
    );
  };

  const loadCompareFile = async (file: File) => {
    const read = await readIcpFile(file);
    // On any failure the last good file's comparison goes: it is not this file's.
    if (!read.ok) {
      setFileIcp(null);
      setCompareError(`Not compared: ${file.name} ${read.problem}`);
      return;
    }
    const parsed = parseIcp(read.json);
    if (parsed.ok) {
      setFileIcp(parsed.icp);
      setCompareError('');
    } else {
      setFileIcp(null);
      setCompareError(
        `Not compared: ${file.name}: ${explainInvalidIcp(parsed)
          .slice(0, 5)
          .map((p) => `${p.where}: ${p.text}`)
          .join('; ')}`,
      );
    }
  };

  const info = stored.info;
  return (
    <section
      className="card options-section calibrate"
      aria-labelledby="calibrate-title"
      data-testid="calibrate"
    >
      <h3 id="calibrate-title">Check the ICP against your own accounts</h3>
      <p className="muted">
        Import a CSV of accounts from HubSpot, Salesforce or a spreadsheet: domain or name, what you have of
        industry, employees, revenue, country, technologies, founding year and company type, and the outcome
        (won, lost, open or a deal stage). The file stays in this browser, apart from your prospect list.
      </p>
      <div className="calibrate-actions">
        <label className="file-button">
          Choose a CSV…
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            data-testid="accounts-file"
            disabled={progress !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void chooseFile(file);
            }}
          />
        </label>
        {accounts.length > 0 && (
          <>
            <button
              type="button"
              onClick={() =>
                downloadText(
                  'scored-accounts.csv',
                  scoredAccountsCsv(accounts, scoresA ?? scoreAccounts(accounts, active.icp)),
                  'text/csv',
                )
              }
            >
              Download scored accounts (CSV)
            </button>
            <button
              type="button"
              onClick={() => {
                // No undo: the accounts (and the "already a customer" marks they give) are gone.
                if (
                  window.confirm(
                    `Delete the ${accounts.length.toLocaleString('en-US')} imported accounts? Their "already a customer" marks go too.`,
                  )
                )
                  void remove();
              }}
            >
              Delete imported accounts
            </button>
          </>
        )}
      </div>
      {pending && (
        <MappingStep
          pending={pending}
          onChange={(change) => setPending({ ...pending, ...change })}
          onImport={(choices) => void runImport(pending, choices)}
          onCancel={() => setPending(null)}
        />
      )}
      {progress && (
        <p className="calibrate-progress">
          <progress value={progress.done} max={progress.total} aria-label="Import progress" />{' '}
          {progress.label}
        </p>
      )}
      {error && (
        <p role="alert" className="calibrate-error">
          {error}
        </p>
      )}
      {/* Only while there is news: the options page has other status lines, and an empty one is noise. */}
      {message && (
        <p role="status" className="muted" data-testid="calibrate-status" ref={statusLine} tabIndex={-1}>
          {message}
        </p>
      )}

      {info && (
        <p className="muted" data-testid="calibrate-source">
          {accounts.length.toLocaleString('en-US')} accounts from {info.fileName} ({info.encoding}), imported{' '}
          {new Date(info.importedAt).toLocaleString()}
          {info.leftOutCount > 0 &&
            `; ${rowsOf(info.leftOutCount)} left out as chosen (outcome not imported)`}
          .
        </p>
      )}
      {info && info.rejectedCount > 0 && (
        <RowsByLine
          summary={`${rowsOf(info.rejectedCount)} rejected`}
          count={info.rejectedCount}
          rows={info.rejected}
        />
      )}
      {info && info.partlyReadCount > 0 && (
        <RowsByLine
          summary={`${rowsOf(info.partlyReadCount)} imported with a value left unread`}
          count={info.partlyReadCount}
          rows={info.partlyRead}
          note="These accounts count with their outcome; the value below is left unknown, as if the cell were empty."
          testId="calibrate-partly-read"
        />
      )}
      {info && <RejectedWarning imported={accounts.length} info={info} />}

      {accounts.length > 0 && !report && <p className="muted">Scoring the accounts…</p>}
      {report && (
        <>
          <h4>
            {active.icp.name} <span className="muted">v{active.icp.version}, in force</span>
          </h4>
          <Headline report={report} />
          <TierTable report={report} testId="tier-table" />

          <h4>Per criterion</h4>
          <CriteriaTable report={report} />

          <h4>Compare</h4>
          <div className="calibrate-compare">
            <label>
              Compare with{' '}
              <select
                value={compareWith}
                onChange={(e) => setCompareWith(e.target.value as typeof compareWith)}
                aria-label="Compare with"
              >
                <option value="none">nothing</option>
                {/* No draft where the ICP cannot be edited (set by policy). */}
                {!active.locked && <option value="draft">the draft in the editor</option>}
                <option value="file">an ICP file</option>
              </select>
            </label>
            {compareWith === 'file' && (
              <label className="file-button">
                Choose an ICP JSON…
                <input
                  type="file"
                  accept="application/json,.json"
                  onChange={(e) => e.target.files?.[0] && void loadCompareFile(e.target.files[0])}
                />
              </label>
            )}
            {compareWith === 'file' && compareError && (
              <span role="alert" className="calibrate-error" data-testid="compare-error">
                {compareError}
              </span>
            )}
          </div>
          {compareWith === 'draft' && !draft && (
            <p className="muted">Open the editor (Edit the ICP) and fix any problems to compare its draft.</p>
          )}
          {other && !comparison && <p className="muted">Scoring the accounts…</p>}
          {other && comparison && (
            <div data-testid="comparison">
              <p>
                {compareWith === 'draft' ? 'The draft (not saved)' : 'The file'} “{other.name}”{' '}
                <span className="muted">
                  {compareWith === 'draft' ? `from v${other.version}` : `v${other.version}`}
                </span>
                : {comparison.movedUp} {comparison.movedUp === 1 ? 'account moves' : 'accounts move'} up a
                tier, {comparison.movedDown} {comparison.movedDown === 1 ? 'moves' : 'move'} down
                {comparison.movedAcross > 0 &&
                  `, and ${comparison.movedAcross} between Not a fit and Not enough known`}
                .
              </p>
              <Headline report={comparison.b} />
              <TierTable report={comparison.b} testId="tier-table-other" />
              <CriteriaTable report={comparison.b} testId="criteria-table-other" />
            </div>
          )}

          <h4>Suggestions from your wins</h4>
          <p className="muted">
            Values at least 1.2 times as likely to win as the average account, with at least 5 wins.
            {!active.locked && " Adding one puts it into the editor's draft; nothing changes until you save."}
          </p>
          {active.locked && (
            <p className="muted">
              Your organisation sets the ICP, so it cannot be edited here: pass these on to whoever maintains
              it.
            </p>
          )}
          <SuggestionList suggestions={suggestions} onAdopt={active.locked ? null : adopt} />
        </>
      )}
    </section>
  );
}
