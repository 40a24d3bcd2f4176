/**
 * The one registry of messages between the extension's contexts. Every message has a schema for its request
 * and its response and says which context may send it; the receiver validates before anything else runs.
 *
 * The content script imports only *types* from here (zod must not reach the page); extension pages and the
 * background use `sendMessage` and `createMessageListener`.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { ProspectStatusSchema } from './db/schema';
import { CompanyFactsSchema, PageInputsSchema, PageRoleSchema } from './extract/schema';
import { ScoreResultSchema } from './icp/result-schema';
import { TierSchema } from './icp/schema';
import { ActiveIcpSchema, IcpSourceSchema, PrivacySettingsSchema } from './settings';
import { DetectionSchema, DomSignalsSchema } from './techno/schema';

/** A page that contributed to a company's profile. */
export const SourcePageSchema = z.object({
  url: z.string(),
  title: z.string(),
  pageRole: PageRoleSchema,
  seenAt: z.number(),
});
export type SourcePage = z.infer<typeof SourcePageSchema>;

/** A saved prospect as the panel mentions it. */
export const SavedSummarySchema = z.object({
  id: z.number(),
  tier: TierSchema,
  status: ProspectStatusSchema,
  savedAt: z.number(),
  /** Filed under "Not enough known" (its tier then reads Not a fit). */
  nothingKnown: z.boolean().default(false),
  /** The rep's note, as the list keeps it (shown in the panel, written in the list). */
  notes: z.string().max(20_000).default(''),
});
export type SavedSummary = z.infer<typeof SavedSummarySchema>;

/** What the side panel shows for a tab whose page was read. */
export const PageStateSchema = z.object({
  kind: z.literal('page'),
  tabId: z.number().int(),
  url: z.string(),
  title: z.string(),
  /** The registrable domain of the tab's address (what "pause on this site" pauses). */
  site: z.string().nullable(),
  pageRole: PageRoleSchema,
  pageRoleReason: z.string(),
  /** The company's facts, merged from this page and the other pages remembered about it. */
  facts: CompanyFactsSchema,
  /** The pages the facts came from, this one first. */
  sources: z.array(SourcePageSchema),
  /** False when the page names no company (the panel says so instead of scoring nothing). */
  hasCompany: z.boolean(),
  result: ScoreResultSchema.nullable(),
  icp: z.object({
    name: z.string(),
    version: z.number(),
    source: IcpSourceSchema,
    updatedAt: z.string(),
    /** Who maintains it, as its file says ('' when it names nobody): whom a rep asks about it. */
    owner: z.string().default(''),
    /** For a team ICP: when the team file was last checked. */
    checkedAt: z.number().nullable().default(null),
    /** For a team ICP: when the ICP in force was received, and when the last check failed (null if it did not). */
    receivedAt: z.number().nullable().default(null),
    checkFailedAt: z.number().nullable().default(null),
  }),
  extractMs: z.number(),
  /** Technologies detected on this page, each with the signals that showed it. */
  technologies: z.array(DetectionSchema).default([]),
  reportedAt: z.number(),
  /** Whether this page was kept in the company memory (not in incognito, unless allowed). */
  remembered: z.boolean(),
  /** The company's record on the prospect list, if it is saved. */
  saved: SavedSummarySchema.nullable(),
});
export type PageState = z.infer<typeof PageStateSchema>;

/** What the side panel shows for one tab. */
export const TabStateSchema = z.discriminatedUnion('kind', [
  PageStateSchema,
  z.object({
    kind: z.literal('paused'),
    tabId: z.number().int(),
    url: z.string(),
    site: z.string(),
    /** Resumed since the page was opened: it is read once it is loaded again. */
    resumed: z.boolean().default(false),
  }),
]);
export type TabState = z.infer<typeof TabStateSchema>;

/** Who may send a message: a content script in a tab, or one of the extension's own pages. */
type Sender = 'content' | 'extension';

function message<Req extends z.ZodType, Res extends z.ZodType>(from: Sender, request: Req, response: Res) {
  return { from, request, response };
}

/** Every message, by name. */
export const protocol = {
  /**
   * Content script → background: may this page be read? (No, when the rep paused ICP Lens on its site.) With
   * a yes, the selectors to test for technology detection (absent where technologies are not read).
   */
  pageOpened: message(
    'content',
    z.object({ url: z.string().max(4000) }),
    z.object({ read: z.boolean(), techSelectors: z.array(z.string().max(300)).max(1000).optional() }),
  ),
  /**
   * Content script → background: the raw inputs of the page in this tab (the background reads its facts), and
   * the technology signals its markup shows (when the background asked for them; see lib/techno/dom-signals.ts).
   */
  reportPage: message(
    'content',
    PageInputsSchema.extend({ techSignals: DomSignalsSchema.optional() }),
    z.object({ accepted: z.boolean() }),
  ),
  /** Extension page → background: what to show for a tab (null: nothing known about it yet). */
  getTabState: message('extension', z.object({ tabId: z.number().int() }), TabStateSchema.nullable()),
  /** Extension page → background: the ICP in force. */
  getActiveIcp: message('extension', z.object({}), ActiveIcpSchema),
  /** Extension page → background: the privacy settings and how many pages the company memory holds. */
  getPrivacy: message(
    'extension',
    z.object({}),
    PrivacySettingsSchema.extend({
      rememberedPages: z.number(),
      /** The settings the organisation's policy sets (the rep cannot change them). */
      locked: z.object({ memoryDays: z.boolean(), rememberIncognito: z.boolean() }),
    }),
  ),
  /** Extension page → background: change privacy settings. */
  setPrivacy: message('extension', PrivacySettingsSchema.partial(), PrivacySettingsSchema),
  /** Extension page → background: pause (or resume) reading pages on a site. */
  pauseSite: message('extension', z.object({ site: z.string(), paused: z.boolean() }), PrivacySettingsSchema),
  /** Extension page → background: save the company in a tab to the prospect list (or update its record). */
  saveProspect: message(
    'extension',
    z.object({ tabId: z.number().int() }),
    // `kept`: the saved facts an update kept because the page does not show them.
    SavedSummarySchema.extend({ created: z.boolean(), kept: z.number().int().min(0).default(0) }),
  ),
  /** Extension page → background: set (or remove, with null) the rep's team-file address, then sync it. */
  setTeamIcpUrl: message('extension', z.object({ url: z.string().max(2000).nullable() }), ActiveIcpSchema),
  /** Extension page → background: check the team file now ("Sync now"); answers the ICP in force after. */
  syncTeamIcp: message('extension', z.object({}), ActiveIcpSchema),
  /**
   * Extension page → background: save a prospect's note or tags typed in a list tab that is closing. The
   * page's own write would need a read and a write of IndexedDB after its last task; one message leaves at once
   * and the background writes.
   */
  saveUnsavedEdit: message(
    'extension',
    z.object({
      id: z.number().int().positive(),
      notes: z.string().max(20_000).optional(),
      tags: z.array(z.string().max(60)).max(50).optional(),
    }),
    z.null(),
  ),
  /**
   * Extension page → background: score the whole prospect list again against the ICP in force (after a backup
   * was restored: its verdicts are those of the ICP it was made under). Answers once the re-score has started.
   */
  rescoreList: message('extension', z.object({}), z.null()),
  /** Extension page → background: forget every remembered page. */
  forgetMemory: message('extension', z.object({}), z.object({ forgotten: z.number() })),
  /** Background → extension pages: a tab's state changed (new page, new ICP). */
  tabStateChanged: message('extension', TabStateSchema, z.null()),
  /** Background → extension pages: a tab has nothing to show any more (navigated away, closed). */
  tabCleared: message('extension', z.object({ tabId: z.number().int() }), z.null()),
};

type Protocol = typeof protocol;
/** A message name. */
export type MessageType = keyof Protocol;
/** The payload a message carries. */
export type MessageRequest<K extends MessageType> = z.infer<Protocol[K]['request']>;
/** What the receiver answers. */
export type MessageResponse<K extends MessageType> = z.infer<Protocol[K]['response']>;
/** The envelope on the wire. */
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: MessageRequest<K>;
}

/** Sends a message from an extension page or the background and validates the answer. */
export async function sendMessage<K extends MessageType>(
  type: K,
  payload: MessageRequest<K>,
): Promise<MessageResponse<K>> {
  const answer: unknown = await browser.runtime.sendMessage({ type, payload } satisfies Envelope<K>);
  return protocol[type].response.parse(answer) as MessageResponse<K>;
}

/** Broadcasts to the extension's open pages; a closed side panel (no receiver) is not an error. */
export async function broadcast<K extends MessageType>(type: K, payload: MessageRequest<K>): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type, payload } satisfies Envelope<K>);
  } catch {
    // "Receiving end does not exist": no side panel or options page is open.
  }
}

/** What a handler learns about the sender. */
export interface SenderInfo {
  tabId?: number;
  incognito?: boolean;
  url?: string;
  id?: string;
  /** For a content script: its frame's id, 0 for the top frame of the page a tab shows. */
  frameId?: number;
  /** For a content script, in Chrome: `active`, `prerender`, `cached` or `pending_deletion`. */
  documentLifecycle?: string;
}

/**
 * Whether a content script's message comes from the page a tab shows: its top frame (a frame's script would
 * pass an embedded site off as the tab's page), and not a page the browser prerenders out of sight, which
 * would replace the facts of the page the rep is reading. Chrome gives a prerendered page's top frame an id
 * other than 0 until it is shown, and says `prerender` where it has `documentLifecycle`.
 */
function fromShownPage(sender: SenderInfo): boolean {
  return sender.tabId !== undefined && sender.frameId === 0 && sender.documentLifecycle !== 'prerender';
}

/** Whether two addresses have the same origin (scheme, host and port). */
function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** A handler per message type; only the types a context handles need one. */
export type Handlers = {
  [K in MessageType]?: (payload: MessageRequest<K>, sender: SenderInfo) => Promise<MessageResponse<K>>;
};

/**
 * Builds a `runtime.onMessage` listener: drops anything that is not a known message from an allowed sender
 * with a valid payload (with a warning), then runs the named handler.
 * @param extensionOrigin this extension's base URL, e.g. `chrome-extension://<id>/`
 */
export function createMessageListener(handlers: Handlers, extensionId: string, extensionOrigin: string) {
  return (raw: unknown, sender: SenderInfo): Promise<unknown> | undefined => {
    const envelope = z.object({ type: z.string(), payload: z.unknown() }).safeParse(raw);
    // An own key only: `type in protocol` would let "toString" or "constructor" through (found by fuzzing).
    if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) {
      console.warn('ICP Lens: ignored an unknown message');
      return undefined;
    }
    const type = envelope.data.type as MessageType;
    const handler = (Object.hasOwn(handlers, type) ? handlers[type] : undefined) as
      | ((payload: unknown, sender: SenderInfo) => Promise<unknown>)
      | undefined;
    if (!handler) return undefined;
    const definition = protocol[type];
    const fromUs = sender.id === extensionId;
    const allowed =
      fromUs &&
      (definition.from === 'content'
        ? fromShownPage(sender)
        : typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin));
    if (!allowed) {
      console.warn(`ICP Lens: ignored "${type}" from a sender not allowed to send it`);
      return undefined;
    }
    const payload = definition.request.safeParse(envelope.data.payload);
    if (!payload.success) {
      console.warn(`ICP Lens: ignored a malformed "${type}" message`, payload.error.issues.slice(0, 3));
      return undefined;
    }
    // Every content message is about the page its script runs in (`url`), and the browser says which that is.
    // Only up to its origin: Chrome's `sender.url` stays the address the document loaded at, while the page
    // moves within its origin at will (`pushState`), and the content script reports where it now is.
    const about = definition.from === 'content' ? (payload.data as { url?: unknown }).url : undefined;
    if (typeof about === 'string' && sender.url !== undefined && !sameOrigin(about, sender.url)) {
      console.warn(`ICP Lens: ignored "${type}" about another page than its sender's`);
      return undefined;
    }
    return handler(payload.data, sender);
  };
}
