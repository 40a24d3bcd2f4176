import { useVirtualizer } from '@tanstack/react-virtual';
import Dexie, { type ObservabilitySet } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CustomerBadge } from '@/components/CustomerBadge';
import { downloadBlob, downloadText, localDate } from '@/components/download';
import { listTierName, STATUS_LABEL, verdictClass, verdictName } from '@/components/format';
import { NoteField } from '@/components/NoteField';
import { StatusSelect } from '@/components/StatusSelect';
import { holdEdit, releaseEdit } from '@/components/unsaved-edits';
import { createBackup, notesKeptMessage, readBackupFile, restoreBackup } from '@/lib/db/backup';
import { getDb, type Prospect, ProspectStatusSchema, uniqueTags, writeProspects } from '@/lib/db/index';
import {
  LIST_TIERS,
  type ListQuery,
  queryProspectIds,
  readsEveryRank,
  readsInIndexOrder,
  type TierCounts,
  tierCounts,
} from '@/lib/db/list-query';
import { type LeftOut, leftOutMessage } from '@/lib/db/merge-prospects';
import {
  deleteProspects,
  getProspect,
  notPutBackMessage,
  ProspectGoneError,
  restoreProspects,
  updateProspect,
} from '@/lib/db/prospects';
import { exportFile } from '@/lib/export/file';
import { countryNames, countryTyped } from '@/lib/extract/countries';
import { INDUSTRIES, nothingKnown } from '@/lib/icp';
import { sendMessage } from '@/lib/messaging';
import { loadRescore, rescoreItem } from '@/lib/settings';
import './style.css';
import { useTableQuery } from './use-table-query';
import { WhyDialog } from './WhyDialog';

const db = getDb();
const STATUSES = ProspectStatusSchema.options;
const COUNTRY_NAMES = countryNames();
const ROW_HEIGHT = 64;
/** Rows read before the rest of the list: more than a tall window shows. */
const FIRST_ROWS = 40;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The tags typed in a field, comma-separated (see `uniqueTags`). */
const tagsOf = (text: string) => uniqueTags(text.split(','));

/** How long after the rep's change a row leaving the filtered list hands the focus on (the list re-reads first). */
const HANDOVER_MS = 5000;

/** Focuses the company name of the row at `index` once it is drawn (a row reads its company first). */
function focusRowName(index: number, fallback: () => void, frames = 60): void {
  const link = document.querySelector<HTMLElement>(`[data-row-index="${index}"] .row-name a`);
  if (link) link.focus();
  else if (frames > 0) requestAnimationFrame(() => focusRowName(index, fallback, frames - 1));
  else fallback();
}

/**
 * The ids shown before, where the new ones are the same companies in another order (see `inRows`); otherwise
 * the new ones.
 */
function sameOrder(shown: number[], next: number[]): number[] {
  if (shown.length !== next.length) return next;
  const now = new Set(next);
  return shown.every((id) => now.has(id)) ? shown : next;
}

/** One row, loaded when it scrolls into view. */
function Row({
  id,
  selected,
  onSelect,
  onExplain,
  onFailed,
}: {
  id: number;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onExplain: () => void;
  onFailed: (error: unknown) => void;
}) {
  const p = useLiveQuery(() => getProspect(db, id, { evidence: false }), [id]);
  const edit = (change: Parameters<typeof updateProspect>[2]) =>
    void updateProspect(db, id, change).catch(onFailed);
  if (!p) return <div className="row muted">…</div>;
  return (
    <div className={`row ${verdictClass(p.result)}`} data-testid="prospect-row">
      <input
        type="checkbox"
        aria-label={`Select ${p.name}`}
        checked={selected}
        onChange={(e) => onSelect(e.target.checked)}
      />
      <span className="row-tier">
        {verdictName(p.result)}
        <button
          type="button"
          className="why-button"
          data-why-id={id}
          aria-haspopup="dialog"
          aria-label={`Why ${p.name}: ${verdictName(p.result)}`}
          onClick={onExplain}
        >
          Why?
        </button>
      </span>
      <span className="row-name">
        {/* The company's own site; the page it was saved from where its domain is not known. */}
        <a
          href={p.domain ? `https://${p.domain}/` : (p.sourceUrls[0] ?? '#')}
          target="_blank"
          rel="noreferrer"
        >
          {p.name}
        </a>
        <span className="muted"> {p.domain}</span>
        <CustomerBadge domain={p.domain} compact />
      </span>
      <span className="row-score">
        {nothingKnown(p.result) ? '—' : p.score}
        <small className="muted">
          {p.result.criteria.some((c) => c.status === 'disqualified')
            ? 'disqualified'
            : `${Math.round(p.result.coverage * 100)}% known`}
        </small>
      </span>
      <StatusSelect
        id={`status-${id}`}
        status={p.status}
        label={`Status of ${p.name}`}
        onChange={(status) => edit({ status })}
      />
      <NoteField
        id={id}
        notes={p.notes}
        className="row-notes"
        label={`Notes on ${p.name}`}
        // The field hears of a note that did not land (the company deleted meanwhile) and keeps its text.
        onSave={(notes) =>
          updateProspect(db, id, { notes }).catch((error: unknown) => {
            onFailed(error);
            throw error;
          })
        }
      />
      <TagsField id={id} tags={p.tags} label={`Tags of ${p.name}`} onSave={(tags) => edit({ tags })} />
    </div>
  );
}

/**
 * A row's tags, comma-separated, saved when the field is left or Enter is pressed, and when the row scrolls out
 * of the list while they are typed: the row is then unmounted, and no blur comes. Held meanwhile, so that
 * closing the page saves them too. Tags changed elsewhere (a restore, another tab of the list) show here unless
 * the rep is typing in the field, and a field only passed through writes nothing: its text could be older than
 * the tags saved.
 */
function TagsField({
  id,
  tags,
  label,
  onSave,
}: {
  id: number;
  tags: string[];
  label: string;
  onSave: (tags: string[]) => void;
}) {
  const key = `tags ${id}`;
  const field = useRef<HTMLInputElement>(null);
  const typed = useRef<string | null>(null);
  const shown = tags.join(', ');
  useEffect(() => {
    if (typed.current === null && field.current) field.current.value = shown;
  }, [shown]);
  const latest = useRef({ tags, onSave });
  latest.current = { tags, onSave };
  /** Saves the tags typed, if they changed, and shows them as saved. */
  const save = useCallback(
    (text: string, field?: HTMLInputElement) => {
      typed.current = null;
      releaseEdit(key);
      const next = tagsOf(text);
      if (field) field.value = next.join(', ');
      if (next.join(',') !== latest.current.tags.join(',')) latest.current.onSave(next);
    },
    [key],
  );
  useEffect(
    () => () => {
      if (typed.current !== null) save(typed.current);
    },
    [save],
  );
  return (
    <input
      ref={field}
      className="row-tags"
      aria-label={label}
      defaultValue={shown}
      placeholder="tags"
      onChange={(e) => {
        typed.current = e.target.value;
        holdEdit(key, { id, tags: tagsOf(e.target.value) });
      }}
      // Saved where the keyboard is: leaving the field for none (blur) would send the next Tab to the top of the
      // page, far from the row.
      onKeyDown={(e) => e.key === 'Enter' && save(e.currentTarget.value, e.currentTarget)}
      onBlur={(e) => {
        if (typed.current !== null) save(e.target.value, e.target);
      }}
    />
  );
}

/**
 * The columns' headings, above the rows and in their grid, with a box that selects every row the list shows
 * (a filter narrows what it selects), partly checked while only some are.
 */
function HeadRow({
  shown,
  selectedCount,
  onSelectAll,
}: {
  shown: number;
  selectedCount: number;
  onSelectAll: (on: boolean) => void;
}) {
  const box = useRef<HTMLInputElement>(null);
  const all = shown > 0 && selectedCount === shown;
  useEffect(() => {
    if (box.current) box.current.indeterminate = selectedCount > 0 && !all;
  }, [selectedCount, all]);
  return (
    <div className="row row-head" data-testid="list-head">
      <input
        ref={box}
        type="checkbox"
        aria-label={`Select all ${shown} shown`}
        checked={all}
        disabled={shown === 0}
        onChange={(e) => onSelectAll(e.target.checked)}
      />
      <span>Tier</span>
      <span>Company</span>
      <span>Score</span>
      <span>Status</span>
      <span className="row-notes">Notes</span>
      <span className="row-tags">Tags</span>
    </div>
  );
}

/** The prospect list: filter, search, sort, edit, bulk actions, export; virtualised for 100,000 rows. */
export function App() {
  const [query, setQuery] = useState<ListQuery>({ sort: 'tier' });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  // The company whose verdict is explained in the dialog, if any.
  const [whyId, setWhyId] = useState<number | null>(null);
  // Each delete's companies, the latest last: Undo puts back the latest, then offers the one before. Nothing else
  // the page does drops them (an export, a backup, a restore, a status change, another delete): Undo merges a
  // company saved again meanwhile, and one it could not put back (its note too long to join) is held until the
  // rep has made room, so its note, nowhere else, is not lost to an unrelated click.
  const [deletes, setDeletes] = useState<Prospect[][]>([]);
  const undo = deletes.at(-1) ?? null;
  // An Undo under way (see its button).
  const undoing = useRef(false);
  // Delete and Undo each remove the button that was pressed: the keyboard goes on to the Undo button, then back
  // to the search box, instead of falling to the top of the page.
  const undoButton = useRef<HTMLButtonElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const focusNext = useRef<'undo' | 'search' | null>(null);
  useEffect(() => {
    if (focusNext.current === 'undo' && undo) undoButton.current?.focus();
    if (focusNext.current === 'search' && !undo) searchBox.current?.focus();
    focusNext.current = null;
  }, [undo]);
  const [status, setStatus] = useState('');
  const [rescore, setRescore] = useState<Awaited<ReturnType<typeof loadRescore>>>(null);
  useEffect(() => {
    void loadRescore().then(setRescore);
    return rescoreItem.watch(() => void loadRescore().then(setRescore));
  }, []);
  // While the background re-scores, the list and its counts wait for the end instead of following each chunk.
  const rescoring = rescore !== null && rescore.finishedAt === null;
  const [listed, setListed] = useState(false);
  // The tier counts: tallied by the list's own query where it reads every rank record anyway (the whole list
  // by tier or score); otherwise counted after a write, once the list is there, so that counting does not hold
  // up the rows or a search typed as soon as they show.
  const [counts, setCounts] = useState<TierCounts>();
  const countsFresh = useRef(false);
  useEffect(() => {
    const ranks = `idb://${db.name}/ranks/`;
    const onMutated = (parts: ObservabilitySet) => {
      if (Object.keys(parts).some((part) => part.startsWith(ranks))) countsFresh.current = false;
    };
    Dexie.on('storagemutated', onMutated);
    return () => Dexie.on('storagemutated').unsubscribe(onMutated);
  }, []);
  const tallied = (value: TierCounts) => {
    countsFresh.current = true;
    setCounts(value);
  };
  // The ids come with the query they answer: until a new query's ids are in, the rows shown are the last
  // query's, and what the page says about them must be too.
  const { value: shownList, error: queryError } = useTableQuery<{ ids: number[]; query: ListQuery }>(
    db,
    ['prospects', 'ranks'],
    async (publish, signal) => {
      // The first screenful first, where the index gives it cheaply: the whole list of ids takes longer.
      if (readsInIndexOrder(query)) {
        publish({ ids: await queryProspectIds(db, query, FIRST_ROWS), query });
        performance.mark('icp-lens:list-query');
      }
      const found = await queryProspectIds(db, query, Number.POSITIVE_INFINITY, signal, tallied);
      // Read by `npm run bench` (list.first_paint_ms, list.filter_ms).
      performance.mark('icp-lens:list-query');
      setListed(true);
      return { ids: found, query };
    },
    [query],
    rescoring,
  );
  // The rows keep their order while the keyboard is in them: sorted by "Last updated", a note saved as it is
  // typed (or a status or tags set) sends its row to the top, out of view, and the browser drops the keyboard
  // at the top of the page, where the keys typed next are lost. A company added or gone still shows at once
  // (the handover below needs it), and the new order once the keyboard leaves the rows.
  const [inRows, setInRows] = useState(false);
  useEffect(() => {
    // Focus that goes nowhere (the window left, a click on the page's background) leaves the rows as they are,
    // and so does a row's "Why?" dialog: the keyboard comes back to that row's button when it closes.
    const onFocusIn = (e: FocusEvent) => {
      const target = e.target as Element;
      setInRows(
        (was) =>
          (scroller.current?.contains(target) ?? false) ||
          (was && typeof target.closest === 'function' && target.closest('dialog') !== null),
      );
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);
  const shownOrder = useRef(shownList);
  const held = shownOrder.current;
  shownOrder.current =
    inRows && held && shownList && held.query === shownList.query
      ? { ...shownList, ids: sameOrder(held.ids, shownList.ids) }
      : shownList;
  const ids = shownOrder.current?.ids;
  // A filter or search is on for the rows shown: the page says how many of the list they are.
  const filtered = shownList !== undefined && !readsInIndexOrder(shownList.query);
  const talliesItself = readsEveryRank(query);
  useTableQuery<void>(
    db,
    ['ranks'],
    async (_publish, signal) => {
      if (listed && !talliesItself && !countsFresh.current) tallied(await tierCounts(db, signal));
    },
    [listed, talliesItself],
    rescoring,
  );
  // Every prospect has a verdict, so the tiers add up to the list.
  const total = counts && LIST_TIERS.reduce((sum, t) => sum + counts[t], 0);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: ids?.length ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const set = (change: Partial<ListQuery>) => setQuery((q) => ({ ...q, ...change }));
  // Only rows the list shows stay selected: a filter must not leave hidden rows for a bulk delete.
  useEffect(() => {
    if (!ids) return;
    setSelected((s) => {
      if (s.size === 0) return s;
      const shown = new Set(ids);
      const kept = [...s].filter((id) => shown.has(id));
      return kept.length === s.size ? s : new Set(kept);
    });
  }, [ids]);
  const chosen = useMemo(() => [...selected], [selected]);

  // A row whose status or tags the rep changes can leave the filtered list, taking the focused control with it:
  // the browser would drop the keyboard at the top of the page and say nothing. The company name of the row now
  // in its place takes the focus (a link: an arrow key pressed next must not change that company's status too,
  // as a closed select on Windows and Linux does), and the status line says where the company went. Only right
  // after the rep's own change: a row leaving for another reason (another tab, a re-score) moves nothing.
  const edited = useRef<{ id: number; index: number; name: string; at: number } | null>(null);
  useEffect(() => {
    const box = scroller.current;
    const remember = (e: Event) => {
      const wrapper = (e.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
      edited.current = wrapper && {
        id: Number(wrapper.dataset.rowId),
        index: Number(wrapper.dataset.rowIndex),
        name: wrapper.querySelector('.row-name a')?.textContent ?? 'The company',
        at: Date.now(),
      };
    };
    box?.addEventListener('change', remember);
    return () => box?.removeEventListener('change', remember);
  }, []);
  useEffect(() => {
    const last = edited.current;
    if (!ids || !last || ids.includes(last.id)) return;
    edited.current = null;
    if (Date.now() - last.at > HANDOVER_MS) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    setStatus(`${last.name} no longer matches the filters.`);
    if (ids.length === 0) {
      searchBox.current?.focus();
      return;
    }
    const index = Math.min(last.index, ids.length - 1);
    rows.scrollToIndex(index);
    focusRowName(index, () => searchBox.current?.focus());
  }, [ids, rows]);

  const exportCsv = async (kind: 'hubspot' | 'salesforce') => {
    const crm = kind === 'hubspot' ? 'HubSpot' : 'Salesforce';
    // The selected rows if any (in the list's order), else every row the list shows.
    const rows = selected.size > 0 ? (ids ?? []).filter((id) => selected.has(id)) : (ids ?? []);
    if (rows.length === 0) {
      setStatus('Nothing to export: no prospects match.');
      return;
    }
    // Written in a worker: the list stays usable meanwhile.
    setStatus(`Exporting ${rows.length} prospects for ${crm}…`);
    try {
      const { bytes, count } = await exportFile(kind, rows);
      downloadBlob(`icp-lens-${kind}-${localDate()}.csv`, new Blob([bytes], { type: 'text/csv' }));
      setStatus(`Exported ${count} prospects for ${crm}.`);
    } catch (error) {
      setStatus(`Not exported: ${messageOf(error)}`);
    }
  };

  return (
    <main className="list-page">
      <header className="list-header">
        <h1>Prospects</h1>
        <p className="muted" data-testid="list-total">
          {total ?? 0} saved
          {counts && ` · ${LIST_TIERS.map((t) => `${listTierName(t)}: ${counts[t]}`).join(' · ')}`}
        </p>
        {filtered && (
          <p className="list-shown" data-testid="list-shown">
            Showing {ids?.length ?? 0}
            {total !== undefined && ` of ${total}`}
          </p>
        )}
      </header>
      {rescore && (
        <p className="rescore" role="status" data-testid="rescore">
          {rescore.finishedAt === null
            ? `Re-scoring for ICP v${rescore.icpVersion}: ${rescore.done} of ${rescore.total}…`
            : `ICP v${rescore.icpVersion}: ${rescore.movedUp} moved up, ${rescore.movedDown} moved down.`}{' '}
          {rescore.finishedAt !== null && rescore.movedUp + rescore.movedDown > 0 && (
            <button
              type="button"
              onClick={() =>
                set({
                  movedWithVersion: query.movedWithVersion === undefined ? rescore.icpVersion : undefined,
                })
              }
            >
              {query.movedWithVersion === undefined ? 'Show the movers' : 'Show all'}
            </button>
          )}
          <button type="button" onClick={() => void rescoreItem.removeValue()} aria-label="Dismiss">
            ×
          </button>
        </p>
      )}
      <div className="filters">
        <input
          ref={searchBox}
          type="search"
          aria-label="Search by name or domain"
          placeholder="Start of a name, a word or a domain…"
          size={26}
          onChange={(e) => set({ search: e.target.value.trim() || undefined })}
        />
        <select
          aria-label="Tier"
          onChange={(e) => set({ tier: (e.target.value || undefined) as ListQuery['tier'] })}
        >
          <option value="">All tiers</option>
          {LIST_TIERS.map((t) => (
            <option key={t} value={t}>
              {listTierName(t)}
            </option>
          ))}
        </select>
        <select
          aria-label="Status"
          onChange={(e) => set({ status: (e.target.value || undefined) as ListQuery['status'] })}
        >
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        <select aria-label="Industry" onChange={(e) => set({ industryId: e.target.value || undefined })}>
          <option value="">Any industry</option>
          {INDUSTRIES.map((industry) => (
            <option key={industry.id} value={industry.id}>
              {industry.label}
            </option>
          ))}
        </select>
        <input
          aria-label="Country"
          placeholder="Country, e.g. Germany or DE"
          size={22}
          list="countries"
          // A name (English, German, or as the panel writes it) or a code; text that names no country finds no one.
          onChange={(e) => {
            const text = e.target.value.trim();
            set({ hqCountry: text ? (countryTyped(text) ?? text.toUpperCase()) : undefined });
          }}
        />
        <datalist id="countries">
          {COUNTRY_NAMES.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <input
          aria-label="Tag"
          placeholder="Tag"
          size={10}
          onChange={(e) => set({ tag: e.target.value.trim() || undefined })}
        />
        <label className="sort">
          Sort by{' '}
          <select value={query.sort} onChange={(e) => set({ sort: e.target.value as ListQuery['sort'] })}>
            <option value="tier">Tier</option>
            <option value="score">Score (Tiers 1–3 first)</option>
            <option value="savedAt">Date saved</option>
            <option value="updatedAt">Last updated</option>
            <option value="name">Name</option>
          </select>
        </label>
        <button type="button" onClick={() => void exportCsv('hubspot')}>
          Export {chosen.length > 0 ? `${chosen.length} selected ` : ''}for HubSpot
        </button>
        <button type="button" onClick={() => void exportCsv('salesforce')}>
          Export {chosen.length > 0 ? `${chosen.length} selected ` : ''}for Salesforce
        </button>
        <button
          type="button"
          onClick={async () => {
            const backup = await createBackup(db);
            downloadText(`icp-lens-backup-${localDate()}.json`, JSON.stringify(backup), 'application/json');
            setStatus(`Backed up ${backup.prospects.length} prospects.`);
          }}
        >
          Back up (JSON)
        </button>
        <label className="file-button">
          Restore…
          <input
            type="file"
            accept="application/json,.json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              // Cleared, so that choosing the same file again (after a failed restore, or once more) restores.
              e.target.value = '';
              if (!file) return;
              const backup = await readBackupFile(file);
              if (!backup.ok) {
                setStatus(`Not restored: ${file.name} ${backup.problem}`);
                return;
              }
              try {
                const report = await restoreBackup(db, backup.json);
                // The backup's verdicts are those of the ICP it was made under.
                if (report.added + report.updated > 0) void sendMessage('rescoreList', {}).catch(() => {});
                setStatus(
                  [
                    `Restored ${file.name}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged; nothing deleted.`,
                    notesKeptMessage(report, file.name),
                    leftOutMessage(report.leftOut, file.name),
                  ]
                    .filter(Boolean)
                    .join(' '),
                );
              } catch (error) {
                setStatus(`Not restored: ${file.name}: ${messageOf(error)}`);
              }
            }}
          />
        </label>
      </div>
      {chosen.length > 0 && (
        <section className="bulk" aria-label="Bulk actions">
          {chosen.length} selected:{' '}
          <select
            aria-label="Set status of selected"
            value=""
            onChange={async (e) => {
              const value = e.target.value as Prospect['status'];
              try {
                // One deleted meanwhile (in another tab) does not stop the others; it is counted apart.
                const gone = await writeProspects(db, () =>
                  Promise.all(
                    chosen.map((id) =>
                      updateProspect(db, id, { status: value }).then(
                        () => 0,
                        (error: unknown) => {
                          if (error instanceof ProspectGoneError) return 1;
                          throw error;
                        },
                      ),
                    ),
                  ),
                ).then((each) => each.reduce((a: number, b) => a + b, 0));
                setStatus(
                  `Set ${chosen.length - gone} to ${STATUS_LABEL[value]}.${gone > 0 ? ` ${gone} ${gone === 1 ? 'was' : 'were'} no longer on the list (deleted meanwhile).` : ''}`,
                );
              } catch (error) {
                setStatus(`Not changed: ${messageOf(error)}`);
              }
            }}
          >
            <option value="">set status…</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>{' '}
          <button
            type="button"
            onClick={async () => {
              try {
                const deleted = await deleteProspects(db, chosen);
                focusNext.current = 'undo';
                // The delete's line (with its Undo) is the latest action's message: an earlier one ("Set 6 to
                // Researching.") beside it would read as part of it.
                setStatus('');
                setDeletes((held) => [...held, deleted]);
              } catch (error) {
                setStatus(`Not deleted: ${messageOf(error)}`);
                return;
              }
              setSelected(new Set());
            }}
          >
            Delete
          </button>
        </section>
      )}
      {undo && (
        <p role="status">
          <span id="undo-deleted">
            Deleted{' '}
            {undo.length === 1
              ? (undo[0]?.name ?? '1 company')
              : undo.length <= 3
                ? undo.map((p) => p.name).join(', ')
                : `${undo.length.toLocaleString()} companies`}
            .
            {deletes.length > 1 &&
              ` ${deletes.length - 1} earlier ${deletes.length === 2 ? 'delete' : 'deletes'} can be undone after this one.`}
          </span>{' '}
          <button
            ref={undoButton}
            type="button"
            // The keyboard lands here after a delete, and a screen reader reads the button, not the line it is
            // on (a live region added with its text already in it is not reliably announced): the button says
            // what Undo would put back.
            aria-describedby="undo-deleted"
            onClick={async () => {
              // One Undo at a time: a double click would otherwise drop the delete before this one as well.
              if (undoing.current) return;
              undoing.current = true;
              let notPutBack: Prospect[];
              let leftOut: LeftOut[];
              try {
                ({ notPutBack, leftOut } = await restoreProspects(db, undo));
              } catch (error) {
                setStatus(`Not undone: ${messageOf(error)}`);
                return;
              } finally {
                undoing.current = false;
              }
              // This delete, by identity: another delete may have been added while the restore ran.
              const without = (held: Prospect[][]) => held.filter((d) => d !== undo);
              // Those whose notes would be cut stay offered, with why: the keyboard stays on Undo.
              if (notPutBack.length > 0) {
                setStatus(`${notPutBackMessage(notPutBack)} ${leftOutMessage(leftOut)}`.trim());
                setDeletes((held) => held.map((d) => (d === undo ? notPutBack : d)));
                return;
              }
              setStatus(leftOutMessage(leftOut));
              // The keyboard stays on Undo while it offers an earlier delete.
              if (deletes.length === 1) focusNext.current = 'search';
              setDeletes(without);
            }}
          >
            Undo
          </button>
        </p>
      )}
      <p role="status" className="muted">
        {queryError ? `The list could not be read: ${queryError.message}` : status}
      </p>
      <HeadRow
        shown={ids?.length ?? 0}
        selectedCount={selected.size}
        onSelectAll={(on) => setSelected(on ? new Set(ids ?? []) : new Set())}
      />
      <div ref={scroller} className="rows" data-testid="rows">
        {ids && ids.length === 0 && (
          <p className="muted empty-list" data-testid="no-match">
            {total
              ? 'No prospects match these filters.'
              : 'No prospects yet: save companies from the side panel.'}
          </p>
        )}
        <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
          {rows.getVirtualItems().map((item) => {
            const id = ids?.[item.index] as number;
            return (
              <div
                key={id}
                data-row-id={id}
                data-row-index={item.index}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                }}
              >
                <Row
                  id={id}
                  onFailed={(error) => setStatus(`Not saved: ${messageOf(error)}`)}
                  selected={selected.has(id)}
                  onSelect={(on) =>
                    setSelected((s) => {
                      const next = new Set(s);
                      if (on) next.add(id);
                      else next.delete(id);
                      return next;
                    })
                  }
                  onExplain={() => setWhyId(id)}
                />
              </div>
            );
          })}
        </div>
      </div>
      <WhyDialog
        db={db}
        id={whyId}
        onClose={() => {
          const opened = whyId;
          setWhyId(null);
          // Back to the row's "Why?", found by its company: a re-score or a scroll re-renders rows, and the button
          // that opened the dialog may be gone (the browser then leaves the focus nowhere). Where the row is not
          // shown, the keyboard goes on from the search box rather than from the top of the page.
          setTimeout(() => {
            const button = document.querySelector<HTMLButtonElement>(`button[data-why-id="${opened}"]`);
            (button ?? searchBox.current)?.focus();
          }, 0);
        }}
      />
    </main>
  );
}
