import { MAX_ICP_FILE_BYTES } from './schema';

/** How a file's bytes were read as text. */
export type FileTextEncoding = 'utf-8' | 'utf-16' | 'windows-1252';

// What Windows-1252 puts at 0x80–0x9F (Node's decoder reads those bytes as Latin-1 control characters).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes Windows-1252, what Windows calls "ANSI" and Excel and Notepad (before Windows 10 1903) write in
 * Western Europe and the Americas, alike in Node and in the browser.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string);
}

/**
 * The text of an ICP file (or a facts file) from its bytes, and how it was read: UTF-8, with or without a
 * byte-order mark; UTF-16, which Windows PowerShell 5 writes by default (`ConvertTo-Json | Out-File`); or
 * Windows-1252 when the bytes are not valid UTF-8 (a file saved as "ANSI"), rather than replacing each of its
 * accented letters with "�" ("Müller" read as "M�ller"). UTF-16 is told by its byte-order mark, or without one
 * by a NUL beside the first character (a JSON text starts with an ASCII character, so its first two bytes show
 * the encoding, as RFC 4627 describes).
 */
export function readJsonFileText(bytes: Uint8Array): { text: string; encoding: FileTextEncoding } {
  const utf16 = (order: 'utf-16le' | 'utf-16be') => ({
    text: new TextDecoder(order).decode(bytes),
    encoding: 'utf-16' as const,
  });
  // TextDecoder drops the byte-order mark of the encoding it decodes.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('utf-16be');
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return utf16('utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return utf16('utf-16be');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Windows-1252 reads any bytes; a file that is neither is left for the JSON parser to refuse.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** {@link readJsonFileText}'s text alone, for a reader that accepts any of those encodings alike. */
export function decodeJsonFile(bytes: Uint8Array): string {
  return readJsonFileText(bytes).text;
}

/**
 * A file's size in kilobytes of 1,024 bytes ("1,025 kB"), the unit the ICP and team file limits are set in;
 * rounded up, so that a file over a limit never shows as the limit itself.
 */
export function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} kB`;
}

/** An ICP file's JSON and how its bytes were read, or what is wrong with the file (to follow its name in a message). */
export type IcpFileRead =
  | { ok: true; json: unknown; encoding: FileTextEncoding }
  | { ok: false; problem: string };

/**
 * What to tell the manager about a file read as Windows-1252 (nothing for UTF-8 or UTF-16): the guess is right
 * for Western European text, but a file saved in another "ANSI" code page (Polish, Czech) reads with wrong
 * letters, so they are to be checked before saving; and a team file must be UTF-8.
 */
export function encodingNote(encoding: FileTextEncoding): string {
  return encoding === 'windows-1252'
    ? ' It is not UTF-8: it was read as Windows-1252 ("ANSI"), so check that its accented letters read right. Published as a team file, save it as UTF-8 (team sync refuses any other).'
    : '';
}

/**
 * Reads an ICP file the rep picked (to import, or to compare in the calibration): a file over
 * {@link MAX_ICP_FILE_BYTES} is refused before it is read, one that is not JSON once read. The document is
 * still to be checked by `parseIcp`.
 */
export async function readIcpFile(file: Pick<File, 'size' | 'arrayBuffer'>): Promise<IcpFileRead> {
  if (file.size > MAX_ICP_FILE_BYTES)
    return {
      ok: false,
      problem: `is ${kilobytes(file.size)}; an ICP file is at most ${kilobytes(MAX_ICP_FILE_BYTES)} (1 MB).`,
    };
  try {
    const { text, encoding } = readJsonFileText(new Uint8Array(await file.arrayBuffer()));
    return { ok: true, json: JSON.parse(text), encoding };
  } catch (error) {
    return { ok: false, problem: `is not valid JSON (${(error as Error).message}).` };
  }
}
