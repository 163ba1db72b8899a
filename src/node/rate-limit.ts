/**
 * A sliding-window rate limiter with an injectable clock, so that requests to SCB stay within
 * the published limit (30 requests per 10 seconds) and tests can check that without waiting.
 *
 * Sliding window rather than a token bucket: SCB counts requests in a window, and a log of the
 * last `limit` start times is exact for that — a request starts only when fewer than `limit`
 * requests started within the last `windowMs`.
 */

/** Time as the limiter and the retries see it: tests inject one whose `sleep` returns at once. */
export interface Clock {
  /** Milliseconds since some fixed point. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/**
 * The real clock.
 *
 * @example
 * ```ts
 * await systemClock.sleep(100);
 * ```
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * A clock that only moves when slept on: `sleep(ms)` advances `now()` by `ms` and returns at once.
 * For tests and for dry runs that count what the limits would cost.
 *
 * @example
 * ```ts
 * const clock = manualClock();
 * await clock.sleep(1500);
 * clock.now(); // 1500
 * ```
 */
export function manualClock(start = 0): Clock & { advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += Math.max(0, ms);
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** SCB's published limit: requests per window. */
export const SCB_MAX_REQUESTS = 30;
/** SCB's published limit: the window, in milliseconds. */
export const SCB_WINDOW_MS = 10_000;

/**
 * At most `limit` starts in any window of `windowMs`. {@link RateLimiter.acquire} waits (on the
 * clock) until a request may start and records it. Callers that run concurrently are served in
 * order.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter(30, 10_000);
 * await limiter.acquire(); // then send the request
 * ```
 */
export class RateLimiter {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: number = SCB_MAX_REQUESTS,
    readonly windowMs: number = SCB_WINDOW_MS,
    readonly clock: Clock = systemClock,
  ) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`rate limit must be a whole number ≥ 1, not ${limit}`);
    if (!(windowMs >= 0)) throw new RangeError(`rate window must be ≥ 0 ms, not ${windowMs}`);
  }

  /** Waits until a request may start within the limit, and counts it as started. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.take());
    // A failed sleep must not stop later callers.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** The start times (clock milliseconds) of the requests in the current window, oldest first. */
  recent(): readonly number[] {
    this.prune(this.clock.now());
    return [...this.starts];
  }

  private prune(now: number): void {
    while (this.starts.length > 0 && now - this.starts[0]! >= this.windowMs) this.starts.shift();
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      this.prune(now);
      if (this.starts.length < this.limit) {
        this.starts.push(now);
        return;
      }
      await this.clock.sleep(this.starts[0]! + this.windowMs - now);
    }
  }
}
