/**
 * Reads docs/STORE.md, the store listings' text, into the parts the tests hold against the manifest: its
 * `text <id>` blocks (name, summary, description...) and its permission justification table.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One justified manifest entry: the manifest key it is listed under and the permission or host pattern. */
export interface Justification {
  key: 'permissions' | 'host_permissions' | 'optional_host_permissions';
  permission: string;
  text: string;
}

/** The parts of the listing the tests check. */
export interface StoreListing {
  /** The fenced blocks opened with ```text <id>, by id, without the fences. */
  blocks: Map<string, string>;
  justifications: Justification[];
}

const KEYS = new Set<string>(['permissions', 'host_permissions', 'optional_host_permissions']);

/** Parses the listing's Markdown. Throws, naming the line, on a justification row it cannot read. */
export function parseStoreListing(markdown: string): StoreListing {
  const blocks = new Map<string, string>();
  for (const match of markdown.matchAll(/^```text ([a-z-]+)\n([\s\S]*?)\n```$/gm)) {
    const [, id, body] = match;
    if (id === undefined || body === undefined) continue;
    if (blocks.has(id)) throw new Error(`docs/STORE.md: two blocks named "${id}"`);
    blocks.set(id, body);
  }
  const section = /^## Permission justifications[^\n]*\n([\s\S]*?)(?=^## )/m.exec(markdown)?.[1];
  if (section === undefined) throw new Error('docs/STORE.md: no "## Permission justifications" section');
  const justifications: Justification[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('|') || /^\|\s*(key|-+)\s*\|/.test(line)) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const [key, permission, text] = cells;
    const code = /^`([^`]+)`$/.exec(permission ?? '')?.[1];
    if (cells.length !== 3 || key === undefined || !KEYS.has(key) || code === undefined || !text)
      throw new Error(`docs/STORE.md: cannot read the justification row "${line}"`);
    justifications.push({ key: key as Justification['key'], permission: code, text });
  }
  return { blocks, justifications };
}

/** docs/STORE.md of this checkout, parsed. */
export function readStoreListing(): StoreListing {
  const file = fileURLToPath(new URL('../../docs/STORE.md', import.meta.url));
  return parseStoreListing(readFileSync(file, 'utf8'));
}

/** A block of the listing; throws when it is missing. */
export function listingBlock(listing: StoreListing, id: string): string {
  const block = listing.blocks.get(id);
  if (block === undefined) throw new Error(`docs/STORE.md has no \`\`\`text ${id} block`);
  return block;
}

/** The manifest entries a listing justifies, as `key: permission` strings, sorted. */
export function justifiedEntries(listing: StoreListing): string[] {
  return listing.justifications.map((j) => `${j.key}: ${j.permission}`).sort();
}

/** The entries of a manifest's permission keys, as `key: permission` strings, sorted. */
export function manifestEntries(manifest: {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
}): string[] {
  return [
    ...(manifest.permissions ?? []).map((p) => `permissions: ${p}`),
    ...(manifest.host_permissions ?? []).map((p) => `host_permissions: ${p}`),
    ...(manifest.optional_host_permissions ?? []).map((p) => `optional_host_permissions: ${p}`),
  ].sort();
}
