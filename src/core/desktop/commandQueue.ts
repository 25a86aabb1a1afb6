/**
 * Commands from the native menu travel to the page without a second channel: the page asks
 * `nextCommand()` (an ordinary validated GlossApi call) and the answer arrives when a menu item is chosen.
 * The preload keeps exposing exactly GlossApi, and nothing but invoke calls cross the boundary.
 */
import type { CommandId } from '../common/commands';

export interface CommandQueue {
  /** Hands `id` to the waiting page, or keeps it until the page asks. */
  send(id: CommandId): void;
  /**
   * Resolves with the next command. A newer call answers the older one with `null` (the page was
   * reloaded, or React mounted twice), so only the latest listener receives commands.
   */
  next(): Promise<CommandId | null>;
  /** Answers the waiting call with `null`: the service is closing. */
  close(): void;
}

/** How many commands are kept while no page listens (a burst of menu clicks during a reload). */
const MAX_PENDING = 20;

/** Creates an empty queue. */
export function createCommandQueue(): CommandQueue {
  const pending: CommandId[] = [];
  let waiter: ((id: CommandId | null) => void) | null = null;
  return {
    send(id) {
      if (waiter) {
        const w = waiter;
        waiter = null;
        w(id);
      } else if (pending.length < MAX_PENDING) pending.push(id);
    },
    next() {
      waiter?.(null);
      waiter = null;
      const queued = pending.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve) => {
        waiter = resolve;
      });
    },
    close() {
      waiter?.(null);
      waiter = null;
    },
  };
}
