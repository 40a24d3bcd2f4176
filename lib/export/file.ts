/**
 * A CRM export of the prospect list, written in a worker (see worker.ts): the list page asks for the file of
 * the prospects it shows, in their order, and gets its bytes back.
 */
import type { ExportKind } from './csv';

/** What the list page asks the export worker for. */
export interface ExportRequest {
  kind: ExportKind;
  /** The prospects to export, in the file's order. */
  ids: number[];
}

/** The worker's answer: the file, or why there is none. */
export type ExportReply = { bytes: Uint8Array<ArrayBuffer>; count: number } | { error: string };

/** The CSV file of these prospects for a CRM, and how many rows it has. */
export function exportFile(
  kind: ExportKind,
  ids: readonly number[],
): Promise<{ bytes: Uint8Array<ArrayBuffer>; count: number }> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return new Promise<{ bytes: Uint8Array<ArrayBuffer>; count: number }>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<ExportReply>) => {
      if ('error' in data) reject(new Error(`The export failed: ${data.error}`));
      else resolve(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(`The export failed: ${event.message || 'its worker stopped'}.`));
    };
    const request: ExportRequest = { kind, ids: [...ids] };
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
