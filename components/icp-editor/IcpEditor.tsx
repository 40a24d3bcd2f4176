import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  type Criterion,
  CriterionKindSchema,
  explainInvalidIcp,
  type Icp,
  type IcpProblem,
  MIN_COVERAGE_TO_JUDGE,
  parseIcp,
} from '@/lib/icp';
import { encodingNote, readIcpFile } from '@/lib/icp/file-text';
import { PRESETS } from '@/lib/icp/presets';
import { PREVIEW_TIERS, previewIcp } from '@/lib/icp/preview';
import { icpFileSlug } from '@/lib/icp/publish';
import { SAMPLE_COMPANIES } from '@/lib/icp/sample-companies';
import {
  type ActiveIcp,
  clearUserIcp,
  loadIcpHistory,
  SaveStoppedHalfWayError,
  saveUserIcp,
  syncSizeProblem,
} from '@/lib/settings';
import { downloadText } from '../download';
import { listTierName } from '../format';
import { CountsTable } from './CountsTable';
import { CriterionEditor, KIND_LABEL, newCriterion } from './CriterionEditor';
import { type DraftChange, useDraftChannel } from './draft-channel';
import './IcpEditor.css';
import { ListPreviewSection } from './ListPreview';
import { NumberField } from './NumberField';

/** What is in force once the rep's own ICP is cleared. */
/** "The team ICP" → "the team ICP" (the rest as written). */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const FALLBACK_TEXT = {
  default: 'The built-in default',
  team: 'The team ICP',
  policy: 'Your organisation’s ICP',
  user: 'Your ICP',
} as const;

/**
 * A field's problems, shown under it; its control points here with `aria-describedby`. Renders nothing (and
 * the id stays unused) while the field is fine.
 */
function FieldProblems({ id, problems }: { id: string; problems: IcpProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field-problems" data-testid={id}>
      {problems.map((p) => (
        <li key={`${p.where}: ${p.text}`}>{p.text}</li>
      ))}
    </ul>
  );
}

/** The `aria-invalid` and `aria-describedby` of a control whose field has these problems. */
const invalidProps = (id: string, problems: IcpProblem[]) =>
  problems.length > 0 ? { 'aria-invalid': true, 'aria-describedby': id } : {};

/** Whether two readings of the ICP in force are the same ICP from the same place. */
const sameIcp = (a: ActiveIcp, b: ActiveIcp) =>
  a.source === b.source && JSON.stringify(a.icp) === JSON.stringify(b.icp);

/** "The team ICP changed to version 2 while the editor was open", or which ICP came into force instead. */
function inForceChange(before: ActiveIcp, after: ActiveIcp): string {
  const what = FALLBACK_TEXT[after.source];
  return before.source === after.source
    ? `${what} changed to version ${after.icp.version} while the editor was open`
    : `${what} (version ${after.icp.version}) came into force while the editor was open`;
}

/** Offers the ICP as a JSON file download. */
function download(icp: Icp) {
  downloadText(
    `${icpFileSlug(icp.name)}-v${icp.version}.json`,
    `${JSON.stringify(icp, null, 2)}\n`,
    'application/json',
  );
}

function Preview({ current, draft }: { current: Icp; draft: Icp }) {
  const preview = useMemo(() => previewIcp(current, draft, SAMPLE_COMPANIES), [current, draft]);
  return (
    <section className="card editor-preview" aria-labelledby="preview-title" data-testid="preview">
      <h3 id="preview-title">Preview on {SAMPLE_COMPANIES.length} sample companies</h3>
      <CountsTable tiers={PREVIEW_TIERS} name={listTierName} counts={preview.counts} testId="preview" />
      {preview.moved.length === 0 ? (
        <p className="muted">No sample company changes tier.</p>
      ) : (
        <ul aria-label="Companies that change tier">
          {preview.moved.map((row) => (
            <li key={row.name}>
              {row.name}: {listTierName(row.before)} → <strong>{listTierName(row.after)}</strong> (
              {row.scoreBefore} → {row.scoreAfter})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The ICP editor: every criterion as a form, thresholds, live validation and preview, save, import/export. */
export function IcpEditor({
  active,
  onSaved,
  onClose,
  onDirtyChange,
  focusFirstField = true,
}: {
  active: ActiveIcp;
  /** Told after a save, and after one the browser stopped half-way: the page reads the ICP in force again. */
  onSaved: () => void;
  /** Opened from its button: the keyboard goes on to its first field (not when a calibration opens it). */
  focusFirstField?: boolean;
  /** Leaves the editor for the view of the ICP in force (after asking, when there are unsaved changes). */
  onClose: () => void;
  /** Told whether the draft has changes not saved (the team settings' Publish… writes the saved ICP). */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const [draft, setDraft] = useState<Icp>(active.icp);
  // The ICP in force the draft was started from: the draft is changed when it differs from this one, not from
  // whatever is in force now (a team file received meanwhile is no edit of the rep's).
  const [base, setBase] = useState<ActiveIcp>(active);
  // The ICP in force changed under a draft with edits: said until the rep saves, discards or loads it.
  const [replaced, setReplaced] = useState<ActiveIcp | null>(null);
  const [status, setStatus] = useState('');
  // What an import or a preset did, shown beside the toolbar that did it (the editor's status line is a page
  // further down).
  const [loaded, setLoaded] = useState<{ text: string; failed: boolean } | null>(null);
  const [history, setHistory] = useState<Array<{ icp: Icp; replacedAt: number }>>([]);
  const [adding, setAdding] = useState<Criterion['kind']>('industry');
  // A remount key: imports, presets and rollbacks replace the form's uncontrolled inputs too.
  const [generation, setGeneration] = useState(0);
  // The editor opens in place of the button that opened it: the keyboard goes on to its first field.
  const nameField = useRef<HTMLInputElement>(null);
  const focusOnOpen = useRef(focusFirstField);
  useEffect(() => {
    void loadIcpHistory().then(setHistory);
    if (focusOnOpen.current) nameField.current?.focus();
  }, []);

  const parsed = useMemo(() => parseIcp(draft), [draft]);
  // Each problem in the form's words, shown at its field and summed up above the Save button.
  const problems = useMemo(() => (parsed.ok ? [] : explainInvalidIcp(parsed)), [parsed]);
  const problemsOf = (field: string) =>
    problems.filter((p) => p.field === field && p.criterion === undefined);
  const nameProblems = problemsOf('name');
  const descriptionProblems = problemsOf('description');
  const tierProblems = problemsOf('tiers');
  const coverage1Problems = problemsOf('minCoverageForTier1');
  const coverage2Problems = problemsOf('minCoverageForTier2');
  // Valid (an ICP written before the Tier 2 floor scores as before), but the Tier 2 figure then does nothing:
  // the scorer holds Tier 2 to Tier 1's floor.
  const coverageHint =
    draft.minCoverageForTier2 > draft.minCoverageForTier1 &&
    coverage1Problems.length + coverage2Problems.length === 0;
  // The calibration reads the draft and adds adopted suggestions to it (never saved without the button).
  const adopt = useCallback((change: DraftChange) => {
    setDraft((d) => change(d));
    setGeneration((g) => g + 1);
    setStatus('Added a suggestion from the calibration to the draft: review it, then save.');
  }, []);
  useDraftChannel(parsed.ok ? parsed.icp : null, adopt);
  const dirty = JSON.stringify(draft) !== JSON.stringify(base.icp);
  // The file last imported: saved unchanged, it keeps its own version and date, so that a rep on the
  // manager's v7 shows v7, as every other rep who imported it does.
  const imported = useRef<Icp | null>(null);
  const keepsImported =
    imported.current !== null &&
    parsed.ok &&
    imported.current.version > active.icp.version &&
    JSON.stringify(parsed.icp) === JSON.stringify(imported.current);
  // Else above the version in force and the draft's own (an imported file may carry a higher one).
  const nextVersion = keepsImported
    ? draft.version
    : Math.max(active.icp.version, Number.isSafeInteger(draft.version) ? draft.version : 0) + 1;
  // After "Go back to …", the draft becomes the ICP that is in force again once the page has it.
  const followActive = useRef(false);
  // A new ICP in force while the editor is open (the hourly team check, a policy, another window's save): an
  // unchanged draft follows it, and a draft with edits keeps them but says that saving replaces the new one.
  // Never silently: an old draft saved over a new team file would replace it with the old content. Only a
  // change of the ICP in force counts: right after a save, the page still has the one it replaced.
  const seen = useRef(active);
  const saving = useRef(false);
  // Looked at again once a save fails: an ICP that came in while it ran is then still to be told of.
  const [recheck, setRecheck] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `recheck` runs the comparison again after a failed save.
  useEffect(() => {
    // The page's own save, told back before it has finished (the base is then the saved ICP). What came in
    // meanwhile is not marked seen: should the save fail, it is looked at then.
    if (saving.current) return;
    const changed = !sameIcp(active, seen.current);
    seen.current = active;
    // Edits undone by hand leave nothing to keep: the draft follows the new ICP.
    if (!changed && !(replaced && !dirty)) return;
    if (sameIcp(active, base)) {
      setReplaced(null);
      return;
    }
    const following = followActive.current;
    followActive.current = false;
    if (!following && dirty) {
      setReplaced(active);
      return;
    }
    setBase(active);
    setReplaced(null);
    setDraft(active.icp);
    setGeneration((g) => g + 1);
    if (!following) setStatus(`${inForceChange(base, active)}: the form now shows it.`);
  }, [active, base, dirty, replaced, recheck]);
  // A policy that came to set the ICP while the editor was open (the page keeps the editor only while it holds
  // edits): the draft can still be changed and exported, never saved.
  const canSave = parsed.ok && dirty && !active.locked;
  useEffect(() => {
    onDirtyChange?.(dirty);
    return () => onDirtyChange?.(false);
  }, [dirty, onDirtyChange]);
  // Unsaved changes are not lost to a closed tab or a reload without the browser asking first.
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
  // Back to the ICP in force, edits dropped.
  const discard = (message: string) => {
    setBase(active);
    setReplaced(null);
    fill(active.icp, message);
  };
  // An ICP from a file, a preset or the earlier versions in place of the draft.
  const load = (icp: Icp, message: string, from: { file?: boolean; warning?: boolean } = {}) => {
    // Chosen whole, it is made to the ICP in force now, not to the one the draft was started from: the version
    // a save stopped half-way replaced, loaded back from Earlier versions, is a change to save, not edits undone
    // that the draft would drop to follow the ICP in force.
    if (replaced) {
      setBase(replaced);
      setReplaced(null);
    }
    fill(icp, message, from);
  };
  const fill = (icp: Icp, message: string, { file = false, warning = false } = {}) => {
    imported.current = file ? icp : null;
    setDraft(icp);
    setGeneration((g) => g + 1);
    setStatus(message);
    setLoaded({ text: message, failed: warning });
  };
  const notImported = (text: string) => {
    setStatus(text);
    setLoaded({ text, failed: true });
  };
  const setCriterion = (i: number, c: Criterion) =>
    setDraft({ ...draft, criteria: draft.criteria.map((x, k) => (k === i ? c : x)) });

  const save = async () => {
    if (!parsed.ok) return;
    try {
      const saved = {
        ...parsed.icp,
        version: nextVersion,
        updatedAt: keepsImported ? parsed.icp.updatedAt : new Date().toISOString(),
      };
      saving.current = true;
      await saveUserIcp(saved).finally(() => {
        saving.current = false;
      });
      setDraft(saved);
      setBase({ ...active, icp: saved, source: 'user' });
      setReplaced(null);
      setStatus(`Saved as version ${saved.version}. Open tabs and the side panel use it now.`);
      setHistory(await loadIcpHistory());
      onSaved();
    } catch (error) {
      setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
      setRecheck((n) => n + 1);
      // A save the browser stopped half-way filed the ICP it was replacing under the earlier versions, where the
      // message says to load it from, and broke the one in force without a word to the page: both are read again.
      setHistory(await loadIcpHistory());
      if (error instanceof SaveStoppedHalfWayError) onSaved();
    }
  };

  const importFile = async (file: File) => {
    const read = await readIcpFile(file);
    if (!read.ok) {
      notImported(`Not imported: ${file.name} ${read.problem}`);
      return;
    }
    const json = read.json;
    if ((json as { format?: unknown } | null)?.format === 'icp-lens-backup') {
      notImported(
        `Not imported: ${file.name} is a prospect list backup, not an ICP; restore it in the prospect list.`,
      );
      return;
    }
    const result = parseIcp(json);
    if (result.ok) {
      // A valid file can still be too big for browser sync, which keeps far less than the 1 MB a file may take:
      // said now, before the manager reviews it, not only by the save after their review.
      const tooBig = syncSizeProblem(result.icp);
      load(
        result.icp,
        (tooBig
          ? `Imported ${file.name} into the editor, but it cannot be saved as it is. ${tooBig}`
          : result.icp.version > active.icp.version
            ? `Imported ${file.name} into the editor: review it, then save (saved unchanged, it stays version ${result.icp.version}).`
            : `Imported ${file.name} into the editor: review it, then save.`) + encodingNote(read.encoding),
        { file: true, warning: tooBig !== null },
      );
    } else {
      // In the form's words, as the editor and `icp validate` tell them.
      const problems = explainInvalidIcp(result).map((p) => `${p.where}: ${p.text}`);
      notImported(
        `Not imported: ${file.name} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${problems.slice(0, 8).join('; ')}${problems.length > 8 ? '; …' : ''}`,
      );
    }
  };

  return (
    <div className="icp-editor" key={generation}>
      <div className="editor-toolbar">
        <label>
          Start from{' '}
          <select
            aria-label="Start from a preset"
            value=""
            onChange={(e) => {
              const preset = PRESETS.find((p) => p.id === e.target.value);
              if (preset)
                load(
                  { ...preset.icp, version: active.icp.version },
                  `Loaded the preset “${preset.icp.name}”: adapt it, then save.`,
                );
            }}
          >
            <option value="">a preset…</option>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.icp.name}
              </option>
            ))}
          </select>
        </label>
        <label className="file-button">
          Import JSON…
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Emptied, so that the same file picked again (fixed after its import failed) is read again: the
              // browser tells no change when the file picked is the one the field already holds.
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <button
          type="button"
          onClick={() => {
            // An invalid draft cannot be written as an ICP, and the ICP in force written in its place would pass
            // for the manager's work (under a lock, the policy's ICP): nothing is exported, and the status says so.
            if (!parsed.ok && dirty) {
              setStatus('Not exported: fix the problems listed above the Save button first.');
              return;
            }
            if (!parsed.ok || !dirty) {
              download(active.icp);
              return;
            }
            // A changed ICP under the version in force would be refused by every rep's team sync ("changed but
            // still version N"): the draft goes out as the version it will be saved as.
            download({ ...parsed.icp, version: nextVersion, updatedAt: new Date().toISOString() });
            setStatus(
              active.locked
                ? `Exported the draft as version ${nextVersion}. It cannot be saved in this browser: your organisation’s policy sets the ICP.`
                : `Exported the draft as version ${nextVersion}. It is not saved in this browser yet: Save uses it here.`,
            );
          }}
          data-testid="export-icp"
        >
          Export JSON
        </button>
      </div>
      {loaded && (
        <p
          role={loaded.failed ? 'alert' : 'status'}
          className={loaded.failed ? 'error' : 'muted'}
          data-testid="editor-loaded"
        >
          {loaded.text}
        </p>
      )}

      <section className="card editor-general" aria-label="General">
        <label className="field">
          Name{' '}
          <input
            ref={nameField}
            size={40}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            {...invalidProps('name-problems', nameProblems)}
          />
        </label>
        <FieldProblems id="name-problems" problems={nameProblems} />
        <label className="field">
          Maintained by{' '}
          <input
            size={40}
            value={draft.owner}
            placeholder="Your name or team: reps see whom to ask"
            onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
            maxLength={200}
          />
        </label>
        <label className="field">
          Description
          <textarea
            rows={2}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            {...invalidProps('description-problems', descriptionProblems)}
          />
        </label>
        <FieldProblems id="description-problems" problems={descriptionProblems} />
        <fieldset className="inline" {...invalidProps('tier-problems', tierProblems)}>
          <legend>Tier thresholds (minimum score)</legend>
          {(['tier1', 'tier2', 'tier3'] as const).map((t, i) => (
            <label key={t} htmlFor={`tier-threshold-${t}`}>
              Tier {i + 1}{' '}
              <NumberField
                id={`tier-threshold-${t}`}
                min={0}
                max={100}
                value={draft.tiers[t]}
                onValue={(score) => setDraft({ ...draft, tiers: { ...draft.tiers, [t]: score } })}
                {...invalidProps('tier-problems', tierProblems)}
              />
            </label>
          ))}
          <FieldProblems id="tier-problems" problems={tierProblems} />
        </fieldset>
        <label className="field">
          When a page does not show a criterion's fact{' '}
          <select
            value={draft.unknownPolicy}
            onChange={(e) => setDraft({ ...draft, unknownPolicy: e.target.value as Icp['unknownPolicy'] })}
          >
            <option value="ignore">leave it out of the score</option>
            <option value="miss">count it as a miss</option>
          </select>
        </label>
        <CoverageFloor
          tier="Tier 1"
          problemsId="coverage-tier1-problems"
          problems={coverage1Problems}
          hintId={coverageHint ? 'coverage-hint' : undefined}
          value={draft.minCoverageForTier1}
          onChange={(share) => setDraft({ ...draft, minCoverageForTier1: share })}
        />
        <CoverageFloor
          tier="Tier 2"
          note=" (never more than Tier 1; below it, Tier 3 at best)"
          problemsId="coverage-tier2-problems"
          problems={coverage2Problems}
          hintId={coverageHint ? 'coverage-hint' : undefined}
          value={draft.minCoverageForTier2}
          onChange={(share) => setDraft({ ...draft, minCoverageForTier2: share })}
        />
        {coverageHint && (
          <p className="field-hint" id="coverage-hint" data-testid="coverage-hint">
            Tier 2 never needs more of the profile known than Tier 1: with Tier 1 at{' '}
            {percent(draft.minCoverageForTier1)}%, Tier 2 needs {percent(draft.minCoverageForTier1)}% too, and
            its {percent(draft.minCoverageForTier2)}% has no effect. Raise Tier 1, or lower Tier 2.
          </p>
        )}
        <p className="muted" data-testid="judge-floor">
          Below {Math.round(MIN_COVERAGE_TO_JUDGE * 100)}% of the profile known, ICP Lens does not judge a
          company at all: it is "Not enough known", unless a disqualifier applies or a must-have is missed.
        </p>
        <label className="field">
          A company that fails a must-have is at best{' '}
          <select
            value={draft.mustHaveFailTier}
            onChange={(e) =>
              setDraft({ ...draft, mustHaveFailTier: e.target.value as Icp['mustHaveFailTier'] })
            }
          >
            <option value="tier_2">Tier 2</option>
            <option value="tier_3">Tier 3</option>
            <option value="not_a_fit">Not a fit</option>
          </select>
        </label>
      </section>

      <h3>Criteria</h3>
      {draft.criteria.map((criterion, i) => (
        <CriterionEditor
          key={criterion.id}
          criterion={criterion}
          problems={problems.filter((p) => p.criterion === i)}
          onChange={(c) => setCriterion(i, c)}
          onRemove={() => setDraft({ ...draft, criteria: draft.criteria.filter((_, k) => k !== i) })}
        />
      ))}
      <div className="editor-add">
        <select
          aria-label="Kind of criterion to add"
          value={adding}
          onChange={(e) => setAdding(e.target.value as Criterion['kind'])}
        >
          {CriterionKindSchema.options.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABEL[kind]}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() =>
            setDraft({
              ...draft,
              criteria: [
                ...draft.criteria,
                newCriterion(
                  adding,
                  draft.criteria.map((c) => c.id),
                ),
              ],
            })
          }
        >
          Add criterion
        </button>
      </div>

      {!parsed.ok && (
        <div role="alert" className="editor-problems" data-testid="problems">
          <p>Fix these before saving:</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.where}: ${p.text}`}>
                {p.where}: {p.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {parsed.ok && <Preview current={active.icp} draft={parsed.icp} />}
      <ListPreviewSection current={active.icp} draft={parsed.ok ? parsed.icp : null} />

      {active.locked && dirty && (
        <div role="alert" className="editor-replaced" data-testid="editor-locked">
          <p>
            Your organisation’s policy now sets the ICP ({active.icp.name}, version {active.icp.version}):
            your draft cannot be saved here.{' '}
            {parsed.ok
              ? 'Your edits stay in the form until you close the editor: Export JSON keeps them as a file, to send to whoever maintains your organisation’s ICP.'
              : 'Your edits stay in the form until you close the editor. Fix the problems above, then Export JSON keeps them as a file, to send to whoever maintains your organisation’s ICP.'}
          </p>
        </div>
      )}
      {replaced && dirty && !active.locked && (
        <div role="alert" className="editor-replaced" data-testid="editor-replaced">
          <p>
            {inForceChange(base, replaced)} ({replaced.origin.replace(/\.$/, '')}). Your edits are kept, but
            they were made to version {base.icp.version}: saving replaces{' '}
            {lowerFirst(FALLBACK_TEXT[replaced.source])} with your draft, as your own ICP.
          </p>
          <button
            type="button"
            onClick={() =>
              discard(
                `Loaded ${lowerFirst(FALLBACK_TEXT[replaced.source])}, version ${replaced.icp.version}.`,
              )
            }
          >
            Load version {replaced.icp.version} (discards your edits)
          </button>
        </div>
      )}
      <div className="editor-actions">
        {/* Unavailable rather than disabled: a disabled button drops the keyboard focus to the top of the page
            once it has saved or discarded. */}
        <button
          type="button"
          className="primary"
          aria-disabled={!canSave}
          onClick={() => {
            if (canSave) void save();
          }}
          data-testid="save-icp"
        >
          Save as version {nextVersion}
        </button>
        <button
          type="button"
          aria-disabled={!dirty}
          onClick={() => {
            if (dirty) discard('Changes discarded.');
          }}
        >
          Discard changes
        </button>
        <button
          type="button"
          onClick={() => {
            if (!dirty || window.confirm('Close the editor and discard your unsaved changes to the ICP?'))
              onClose();
          }}
        >
          Close the editor
        </button>
        {active.source === 'user' && (
          <button
            type="button"
            onClick={async () => {
              await clearUserIcp();
              setHistory(await loadIcpHistory());
              // The ICP now in force comes with the next `active`: the form shows it, not the rep's own.
              followActive.current = true;
              setStatus(
                `${FALLBACK_TEXT[active.fallback.source]} is in force again; your ICP is in the earlier versions below.`,
              );
              onSaved();
            }}
          >
            Go back to {lowerFirst(FALLBACK_TEXT[active.fallback.source])}
          </button>
        )}
      </div>
      <p role="status" className="muted" data-testid="editor-status">
        {status}
      </p>

      {history.length > 0 && (
        <details className="editor-history">
          <summary>Earlier versions ({history.length})</summary>
          <ul>
            {history.map((h) => (
              <li key={`${h.icp.version}-${h.replacedAt}`}>
                {h.icp.name} v{h.icp.version}, replaced {new Date(h.replacedAt).toLocaleString()}{' '}
                <button
                  type="button"
                  onClick={() =>
                    load(h.icp, `Loaded v${h.icp.version} into the editor: save to roll back to it.`)
                  }
                >
                  Load
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** A share (0.333) as the coverage fields show it in percent (33.3). */
const percent = (share: number) => Math.round(share * 1000) / 10;

/**
 * "Tier 1 needs at least [60] % of the profile known": a share of the scoring weight, edited in percent, with its
 * problems under it.
 */
function CoverageFloor(props: {
  tier: string;
  note?: string;
  problemsId: string;
  problems: IcpProblem[];
  /** A remark about the field that is no problem, under the fields. */
  hintId?: string;
  value: number;
  onChange: (share: number) => void;
}) {
  const id = useId();
  return (
    <>
      <label className="field" htmlFor={id}>
        {props.tier} needs at least{' '}
        <NumberField
          id={id}
          min={0}
          max={100}
          value={props.value * 100}
          onValue={(percent) => props.onChange(percent / 100)}
          aria-describedby={props.hintId}
          {...invalidProps(props.problemsId, props.problems)}
        />
        % of the profile known{props.note}
      </label>
      <FieldProblems id={props.problemsId} problems={props.problems} />
    </>
  );
}
