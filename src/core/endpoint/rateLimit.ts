/**
 * Token buckets. The endpoint keeps three kinds, so a flood of one kind never locks out the others: one
 * per client (page origin) for requests that carry the right token, one for requests with a missing or
 * wrong token (guessing is slowed, the real bookmarklet is not), and one for CORS preflights.
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

/** A bucket per key (at most `maxKeys`, the oldest forgotten first), each made by `make`. */
export function keyedBuckets(make: () => RateLimiter, maxKeys = 200): (key: string) => RateLimiter {
  const buckets = new Map<string, RateLimiter>();
  return (key) => {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = make();
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
    }
    return bucket;
  };
}

/** The endpoint's limits: authenticated requests per client, failed-token requests and preflights apart. */
export interface EndpointLimits {
  /** The bucket of a client (by page origin) whose request carries the right token. */
  client(origin: string): RateLimiter;
  /** Requests with a missing or wrong token (or an expired one). */
  unauthenticated: RateLimiter;
  /** CORS / Private Network Access preflights. */
  preflight: RateLimiter;
}

/** The default limits: 30 clips a minute per client, 30 bad tokens a minute, 60 preflights a minute. */
export function endpointLimits(perMinute = 30, options: { bad?: number; preflight?: number } = {}): EndpointLimits {
  return {
    client: keyedBuckets(() => tokenBucket(perMinute)),
    unauthenticated: tokenBucket(options.bad ?? 30),
    preflight: tokenBucket(options.preflight ?? 60),
  };
}
