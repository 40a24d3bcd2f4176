/**
 * The CRM export's worker: reads the prospects from the database and writes the CSV file off the list page's
 * main thread, so that the list stays usable while 100,000 prospects are exported. It also has a heap of its
 * own: in the list page, whose heap already holds the list, Chromium collected garbage every few megabytes
 * through a long export (about 40% of its time), and a worker it lets grow (see docs/PERFORMANCE.md).
 */
import { getDb } from '../db/index';
import { visitSummaries } from '../db/prospects';
import { csvFile } from './csv';
import type { ExportReply, ExportRequest } from './file';

self.onmessage = async ({ data }: MessageEvent<ExportRequest>) => {
  let reply: ExportReply;
  try {
    const file = csvFile(data.kind, data.ids.length);
    await visitSummaries(getDb(), data.ids, file.put, 2048);
    const bytes = file.bytes();
    reply = { bytes, count: file.count };
    self.postMessage(reply, { transfer: [bytes.buffer] });
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
    self.postMessage(reply);
  }
};
