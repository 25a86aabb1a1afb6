/**
 * A token bucket: `capacity` requests at once, refilled at `perMinute`. One per endpoint process, so a
 * flood (or someone guessing the token) is slowed down whatever it sends.
 */

export interface RateLimiter {
  /** Takes one token; false when the bucket is empty (answer 429). */
  take(): boolean;
}

/** Creates a bucket that starts full. `now` is injectable for tests. */
export function tokenBucket(perMinute: number, capacity = perMinute, now: () => number = Date.now): RateLimiter {
  let tokens = capacity;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(capacity, tokens + ((t - last) / 60_000) * perMinute);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
