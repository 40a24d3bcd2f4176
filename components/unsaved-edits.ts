import { sendMessage } from '@/lib/messaging';

/** A note or tags typed for a prospect and not written yet. */
export interface UnsavedEdit {
  id: number;
  notes?: string;
  tags?: string[];
}

/**
 * Edits typed but not saved yet (a note is saved a moment after the last key, tags when the field is left), by
 * field. Closing or leaving the page fires no blur: they are saved when the page is hidden, which comes first,
 * by the background (a message leaves at once; the page's own write would need IndexedDB after its last task).
 */
const unsaved = new Map<string, UnsavedEdit>();
let listening = false;

function saveUnsaved() {
  const edits = [...unsaved.values()];
  unsaved.clear();
  for (const change of edits) void sendMessage('saveUnsavedEdit', change).catch(() => {});
}

/** Holds an edit under its field's key until it is written, or the page is hidden or closed. */
export function holdEdit(key: string, edit: UnsavedEdit): void {
  if (!listening) {
    listening = true;
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') saveUnsaved();
    });
    window.addEventListener('pagehide', saveUnsaved);
  }
  unsaved.set(key, edit);
}

/** Forgets a held edit: it is being written by the page itself. */
export function releaseEdit(key: string): void {
  unsaved.delete(key);
}
