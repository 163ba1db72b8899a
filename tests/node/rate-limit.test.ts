import { describe, expect, it } from "vitest";
import { manualClock, RateLimiter, SCB_MAX_REQUESTS, SCB_WINDOW_MS } from "../../src/node/rate-limit.js";

/** The most starts in any window of `windowMs` (a window [t, t + windowMs) opened at each start). */
function busiestWindow(starts: readonly number[], windowMs: number): number {
  let most = 0;
  for (const t of starts) most = Math.max(most, starts.filter((s) => s >= t && s < t + windowMs).length);
  return most;
}

describe("RateLimiter (sliding window, injected clock)", () => {
  it("lets 30 requests start at once, then one more each time the oldest leaves the 10-second window", async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(SCB_MAX_REQUESTS, SCB_WINDOW_MS, clock);
    const starts: number[] = [];
    for (let i = 0; i < 95; i++) {
      await limiter.acquire();
      starts.push(clock.now());
    }
    expect(starts.slice(0, 30)).toEqual(new Array(30).fill(0));
    expect(starts.slice(30, 60)).toEqual(new Array(30).fill(10_000));
    expect(starts.slice(60, 90)).toEqual(new Array(30).fill(20_000));
    expect(starts.at(-1)).toBe(30_000);
    expect(busiestWindow(starts, 10_000)).toBe(30);
    // No wait that was not needed: every request started as early as the limit allowed.
    for (let i = 30; i < starts.length; i++) expect(starts[i]).toBe(starts[i - 30]! + 10_000);
  });

  it("does not wait when requests are spread out, and serves concurrent callers in order within the limit", async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(3, 1_000, clock);
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      await limiter.acquire();
      starts.push(clock.now());
      clock.advance(400);
    }
    expect(starts).toEqual([0, 400, 800, 1_200, 1_600]);
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4, 5, 6].map((i) =>
        limiter.acquire().then(() => {
          order.push(i);
          starts.push(clock.now());
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(busiestWindow(starts, 1_000)).toBe(3);
    expect(starts.at(-1)).toBeGreaterThanOrEqual(2_000 + 2 * 1_000);
  });

  it("refuses a limit that is not a whole number of at least one", () => {
    expect(() => new RateLimiter(0)).toThrow(RangeError);
    expect(() => new RateLimiter(1.5)).toThrow(RangeError);
    expect(() => new RateLimiter(1, -1)).toThrow(RangeError);
  });
});
