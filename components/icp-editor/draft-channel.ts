/**
 * A small bridge between the ICP editor and other parts of the options page (the calibration): the editor
 * publishes its current draft, and others send it changes to apply (adopting a suggestion). A change only
 * edits the draft in the editor; nothing is saved until the manager saves.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { Icp } from '@/lib/icp';

/** A change to a draft ICP. */
export type DraftChange = (draft: Icp) => Icp;

let published: Icp | null = null;
const pending: DraftChange[] = [];
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * For the editor: publishes its valid draft (null while it has problems or is closed) and applies the changes
 * sent to it, including those sent just before it opened.
 */
export function useDraftChannel(draft: Icp | null, apply: (change: DraftChange) => void): void {
  useEffect(() => {
    published = draft;
    notify();
  }, [draft]);
  useEffect(
    () => () => {
      published = null;
      notify();
    },
    [],
  );
  const drain = useCallback(() => {
    for (let change = pending.shift(); change; change = pending.shift()) apply(change);
  }, [apply]);
  useEffect(() => {
    drain();
    return subscribe(drain);
  }, [drain]);
}

/** The draft open in the editor, or null when the editor is closed or the draft has problems. */
export function useEditorDraft(): Icp | null {
  return useSyncExternalStore(subscribe, () => published);
}

/** Sends a change to the editor's draft (applied as soon as the editor is open). */
export function sendToDraft(change: DraftChange): void {
  pending.push(change);
  notify();
}
