/**
 * Caps on the microdata and RDFa trees a content script sends (markup.ts copies within them, schema.ts
 * refuses anything beyond them). Plain constants: the content script imports them without zod.
 */

/** Most values (objects, arrays, scalars) in one page's trees of one encoding. */
export const MAX_TREE_VALUES = 20_000;
/** Most characters (strings and keys) in one page's trees of one encoding. */
export const MAX_TREE_CHARS = 2_000_000;
/** How deep the trees nest (objects and arrays both count). */
export const MAX_TREE_DEPTH = 20;
