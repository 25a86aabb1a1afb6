/** The clip endpoint's state as the renderer sees it (plain data, no Node imports). */

/** Whether the endpoint runs, where, and the bookmarklet that talks to it. */
export interface ClipEndpointInfo {
  running: boolean;
  port: number | null;
  /** The `javascript:` bookmarklet (null while the endpoint is not running). */
  bookmarklet: string | null;
  /** Why the endpoint is not running, when it failed to start. */
  error: string | null;
}
