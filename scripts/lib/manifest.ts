/** `npm run extract`'s manifest: one JSON line per page, every line checked before a browser starts. */
import path from 'node:path';
import { withoutFragment } from './browser';
import { numberedJsonLines } from './cli';
import type { PageToExtract } from './extract-run';

/**
 * The pages a manifest lists, each with its file's path in `pagesDir`. Throws, naming the line, for a line
 * without a `file` and a web `url`, a `file` outside `pagesDir` ("../x.html"), two lines with one address (a
 * page is served, and its report found, by its address without the fragment, so the second would be read as
 * the first), or a manifest that lists no page at all.
 */
export function readManifest(text: string, source: string, pagesDir: string): PageToExtract[] {
  const entries = numberedJsonLines<{ file?: unknown; url?: unknown }>(text, source);
  if (entries.length === 0)
    throw new Error(
      `${source}: lists no pages; give one JSON line per page: {"file": "<name in --pages>", "url": "<address it was saved from>"}`,
    );
  const seen = new Map<string, { line: number; file: string }>();
  return entries.map(({ value: e, line }) => {
    const where = `${source}:${line}`;
    if (typeof e !== 'object' || e === null || typeof e.file !== 'string' || typeof e.url !== 'string')
      throw new Error(`${where}: needs "file" and "url"`);
    let url: URL | undefined;
    try {
      url = new URL(e.url);
    } catch {
      // Said below.
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      throw new Error(`${where}: "url" is not a web address: ${JSON.stringify(e.url.slice(0, 200))}`);
    const file = path.resolve(pagesDir, e.file);
    const inside = path.relative(pagesDir, file);
    if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside))
      throw new Error(
        `${where}: "file" ${JSON.stringify(e.file)} is outside the --pages folder; name a file inside it`,
      );
    const address = withoutFragment(e.url);
    const first = seen.get(address);
    if (first)
      throw new Error(
        `${where} (${e.file}) has the address of ${source}:${first.line} (${first.file}): ${address}. Each page is served and read at its own address (a "#…" fragment aside): give each line its own "url"`,
      );
    seen.set(address, { line, file: e.file });
    return { file: e.file, url: e.url, path: file };
  });
}
