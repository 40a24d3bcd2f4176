import { MAX_ICP_FILE_BYTES } from './schema';

/**
 * The text of an ICP file (or a facts file) from its bytes: UTF-8, with or without a byte-order mark, or UTF-16,
 * which Windows PowerShell 5 writes by default (`ConvertTo-Json | Out-File`). UTF-16 is told by its byte-order
 * mark, or without one by a NUL beside the first character (a JSON text starts with an ASCII character, so its
 * first two bytes show the encoding, as RFC 4627 describes).
 */
export function decodeJsonFile(bytes: Uint8Array): string {
  // TextDecoder drops the byte-order mark of the encoding it decodes.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** An ICP file's JSON, or what is wrong with the file (to follow its name in a message). */
export type IcpFileRead = { ok: true; json: unknown } | { ok: false; problem: string };

/**
 * Reads an ICP file the rep picked (to import, or to compare in the calibration): a file over
 * {@link MAX_ICP_FILE_BYTES} is refused before it is read, one that is not JSON once read. The document is
 * still to be checked by `parseIcp`.
 */
export async function readIcpFile(file: Pick<File, 'size' | 'arrayBuffer'>): Promise<IcpFileRead> {
  if (file.size > MAX_ICP_FILE_BYTES)
    return {
      ok: false,
      // Rounded up, so that a file just over the limit does not read as within it.
      problem: `is ${Math.ceil(file.size / 1000)} kB; an ICP file is at most 1 MB (${MAX_ICP_FILE_BYTES / 1000} kB).`,
    };
  try {
    return { ok: true, json: JSON.parse(decodeJsonFile(new Uint8Array(await file.arrayBuffer()))) };
  } catch (error) {
    return { ok: false, problem: `is not valid JSON (${(error as Error).message}).` };
  }
}
