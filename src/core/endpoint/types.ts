/** The clip endpoint's state as the renderer sees it (plain data, no Node imports). */

/** One request the endpoint answered: when, from which page origin, and what came of it. */
export interface EndpointRequestRecord {
  at: string;
  /** The `Origin` header (the site of the page the bookmarklet ran on), or null when none was sent. */
  origin: string | null;
  /** `clipped` (a new clip), `waiting` (an update waits in the app), `refused` (with the HTTP status). */
  outcome: 'clipped' | 'waiting' | 'refused';
  status: number;
}

/** Whether the endpoint runs, where, and the bookmarklet that talks to it. */
export interface ClipEndpointInfo {
  running: boolean;
  port: number | null;
  /** The `javascript:` bookmarklet (null while the endpoint is not running). */
  bookmarklet: string | null;
  /** Why the endpoint is not running, when it failed to start. */
  error: string | null;
  /** When the bookmarklet's token stops working (ISO date), or null when it never does. */
  tokenExpiresAt: string | null;
  /** The last requests the endpoint answered, newest first (kept in memory, at most 20). */
  recent: EndpointRequestRecord[];
}

/** An update of a clip sent from the browser, waiting for the person to compare and apply or discard it. */
export interface BrowserUpdateInfo {
  clipId: string;
  receivedAt: string;
  origin: string | null;
  title: string;
  url: string | null;
  /** Paragraphs of the clip's current text the update would remove, and those it would add. */
  removed: string[];
  added: string[];
  /** How many paragraphs differ in all (the lists above are cut at 50). */
  changed: number;
}
