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
