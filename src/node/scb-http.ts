/**
 * One JSON request to SCB's PxWeb API v2, within SCB's published limits and this library's own:
 * a rate limiter before every attempt (30 requests per 10 seconds), retries with exponential
 * backoff and jitter on 429 and 5xx answers (a `Retry-After` is honoured), a timeout per request,
 * and a cap on the size of an answer, read incrementally so that memory stays bounded.
 *
 * The network call is injected (`globalThis.fetch` by default), and so is the clock, so tests run
 * offline and without sleeping. Every failure is a typed error whose message says which table to
 * download by hand instead ({@link ByHandParams}).
 */
import { parseJsonStrict } from "../io/json.js";
import { issue, raise } from "../errors.js";
import type { ByHandParams } from "../messages/scb.js";
import { RateLimiter, systemClock, type Clock } from "./rate-limit.js";

/** What this module needs of a request: `globalThis.fetch` is one. */
export interface FetchInit {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** What this module needs of a response: a `Response` from `globalThis.fetch` is one. */
export interface FetchResponse {
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  /** The body as a stream of bytes (a web `ReadableStream` or any async iterable), or null when empty. */
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null;
}

/** The network call (inject a fake, or a fetch with a proxy, here). */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** The largest answer read from SCB, in bytes (16 MiB): a full 150 000-cell answer is about 2 MiB. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** The time one request (connection, answer and body) may take by default. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Retries after the first attempt, for 429, 5xx and a dropped connection. */
export const DEFAULT_MAX_RETRIES = 4;
/** The first backoff; doubled for each retry, up to {@link MAX_BACKOFF_MS}. */
export const BASE_BACKOFF_MS = 1_000;
/** The longest backoff between two attempts. */
export const MAX_BACKOFF_MS = 30_000;
/** The longest `Retry-After` waited for; SCB asking for more is reported instead of waited out. */
export const MAX_RETRY_AFTER_MS = 120_000;

/** One attempt, as reported to {@link HttpOptions.onRequest}. */
export interface RequestEvent {
  method: "GET" | "POST";
  url: string;
  /** 0 for the first attempt, 1 for the first retry, … */
  attempt: number;
  /** When it started, on the injected clock. */
  at: number;
}

/** How requests are made; every field has a default that respects SCB's published limits. */
export interface HttpOptions {
  /** The network call (default `globalThis.fetch`). */
  fetch?: FetchLike;
  /** Time for the limiter and the backoff (default the real clock). */
  clock?: Clock;
  /** Shared between calls to keep several fetches within one limit (default: a new one, 30 per 10 s, on `clock`). */
  limiter?: RateLimiter;
  /** Per request, connection to last byte (default {@link DEFAULT_TIMEOUT_MS}). Uses real timers. */
  timeoutMs?: number;
  /** Largest answer in bytes (default {@link MAX_RESPONSE_BYTES}). */
  maxResponseBytes?: number;
  /** Retries after the first attempt (default {@link DEFAULT_MAX_RETRIES}). */
  maxRetries?: number;
  /** First backoff in ms (default {@link BASE_BACKOFF_MS}). */
  backoffMs?: number;
  /** Longest backoff in ms (default {@link MAX_BACKOFF_MS}). */
  maxBackoffMs?: number;
  /** Longest Retry-After waited for, in ms (default {@link MAX_RETRY_AFTER_MS}). */
  maxRetryAfterMs?: number;
  /** Uniform in [0, 1), for the jitter (default `Math.random`). */
  random?: () => number;
  /** Called as each attempt starts (logging, tests). */
  onRequest?: (event: RequestEvent) => void;
}

/** The options with their defaults filled in; make it once per fetch so the limiter is shared. */
export interface HttpContext {
  readonly fetch: FetchLike;
  readonly clock: Clock;
  readonly limiter: RateLimiter;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly maxRetries: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  readonly maxRetryAfterMs: number;
  readonly random: () => number;
  readonly onRequest: ((event: RequestEvent) => void) | undefined;
}

/**
 * Fills in the defaults of {@link HttpOptions}.
 *
 * @example
 * ```ts
 * const http = httpContext({ timeoutMs: 10_000 });
 * ```
 */
export function httpContext(options: HttpOptions = {}): HttpContext {
  const clock = options.clock ?? systemClock;
  const fetch = options.fetch ?? (globalThis.fetch as unknown as FetchLike | undefined);
  if (typeof fetch !== "function") throw new TypeError("no fetch: this Node has no globalThis.fetch; pass options.fetch");
  return {
    fetch,
    clock,
    limiter: options.limiter ?? new RateLimiter(undefined, undefined, clock),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    backoffMs: options.backoffMs ?? BASE_BACKOFF_MS,
    maxBackoffMs: options.maxBackoffMs ?? MAX_BACKOFF_MS,
    maxRetryAfterMs: options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS,
    random: options.random ?? Math.random,
    onRequest: options.onRequest,
  };
}

/**
 * The wait before retry number `retry` (0 for the first): exponential, capped, with "equal
 * jitter" (half fixed, half random) so that clients that failed together do not retry together.
 * A `Retry-After` is a floor.
 *
 * @example
 * ```ts
 * backoffDelay(2, { backoffMs: 1000, maxBackoffMs: 30000, random: () => 0 }); // 2000
 * ```
 */
export function backoffDelay(retry: number, c: Pick<HttpContext, "backoffMs" | "maxBackoffMs" | "random">, retryAfterMs?: number): number {
  const cap = Math.min(c.maxBackoffMs, c.backoffMs * 2 ** retry);
  const jittered = cap / 2 + c.random() * (cap / 2);
  return Math.max(retryAfterMs ?? 0, Math.round(jittered));
}

/**
 * A `Retry-After` header in milliseconds: delta-seconds, or an HTTP date (against the real time).
 *
 * @example
 * ```ts
 * parseRetryAfter("3"); // 3000
 * ```
 */
export function parseRetryAfter(header: string | null, nowMs: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const v = header.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

const RETRYABLE_NETWORK = /ECONNRESET|UND_ERR_SOCKET|socket hang up|EPIPE/i;

function networkReason(e: unknown): string {
  const err = e as { cause?: { code?: unknown; message?: unknown }; code?: unknown; message?: unknown };
  const code = err.cause?.code ?? err.code;
  if (typeof code === "string") return code;
  const message = err.cause?.message ?? err.message;
  return typeof message === "string" ? message : String(e);
}

/** Why reading stopped. */
class TooLarge extends Error {}

/**
 * Reads a body to its end, at most `limit` bytes; beyond that it stops reading (the rest is never
 * buffered) and throws.
 */
async function readBounded(body: FetchResponse["body"], limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.byteLength;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk);
  };
  if (body !== null) {
    if (typeof (body as ReadableStream<Uint8Array>).getReader === "function") {
      const reader = (body as ReadableStream<Uint8Array>).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          take(value);
        }
      } catch (e) {
        await reader.cancel().catch(() => undefined);
        throw e;
      } finally {
        reader.releaseLock();
      }
    } else {
      for await (const chunk of body as AsyncIterable<Uint8Array>) take(chunk);
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A short reason from an error answer's body (PxWeb sends problem+json with a `title`). */
function problemDetail(bytes: Uint8Array): string | undefined {
  try {
    const json = JSON.parse(new TextDecoder().decode(bytes)) as { title?: unknown; detail?: unknown };
    const text = [json.title, json.detail].filter((t): t is string => typeof t === "string" && t !== "").join(": ");
    return text === "" ? undefined : text.replace(/\s+/g, " ").slice(0, 200);
  } catch {
    return undefined;
  }
}

/** One request to make: GET (metadata) or POST with a JSON body (data). */
export interface JsonRequest {
  method: "GET" | "POST";
  url: string;
  body?: unknown;
}

/**
 * Sends one request to SCB's API and returns the parsed JSON of the answer, retrying 429, 5xx
 * and dropped connections with backoff, within the rate limit, the timeout and the size cap.
 *
 * @throws ScbError `SCB_UNREACHABLE` (network, timeout) or `SCB_RESPONSE` (an error status after
 *   the retries, a Retry-After beyond the longest wait, an answer over the size cap, not JSON);
 *   every message names the table to download by hand (`table`).
 * @example
 * ```ts
 * const meta = await requestJson({ method: "GET", url: `${api}/tables/TAB1267/metadata?lang=sv` }, byHand, httpContext());
 * ```
 */
export async function requestJson(request: JsonRequest, table: ByHandParams, http: HttpContext): Promise<unknown> {
  const { url, method } = request;
  const headers: Record<string, string> = { accept: "application/json" };
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  if (body !== undefined) headers["content-type"] = "application/json";
  for (let attempt = 0; ; attempt++) {
    await http.limiter.acquire();
    http.onRequest?.({ method, url, attempt, at: http.clock.now() });
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, http.timeoutMs);
    let retryIn: number | undefined;
    // A failure of the connection, whether before the answer or while reading it: the timeout and
    // a network error past the retries end the request; a retryable one waits and tries again.
    const networkRetryDelay = (e: unknown): number => {
      if (timedOut) raise("SCB_UNREACHABLE", "timeout", { ...table, url, ms: http.timeoutMs }, { value: url });
      const reason = networkReason(e);
      if (RETRYABLE_NETWORK.test(reason) && attempt < http.maxRetries) return backoffDelay(attempt, http);
      return raise("SCB_UNREACHABLE", "network", { ...table, url, reason }, { value: reason });
    };
    try {
      let res: FetchResponse;
      try {
        res = await http.fetch(url, { method, headers, ...(body !== undefined ? { body } : {}), signal: controller.signal });
      } catch (e) {
        retryIn = networkRetryDelay(e);
        continue;
      }
      if (res.status < 200 || res.status >= 300) {
        const retryable = res.status === 429 || res.status >= 500;
        const detailBytes = await readBounded(res.body, 64 * 1024).catch(() => new Uint8Array());
        const retryAfter = parseRetryAfter(res.headers.get("retry-after"));
        if (retryable && retryAfter !== undefined && retryAfter > http.maxRetryAfterMs) {
          raise("SCB_RESPONSE", "retry-after-too-long", { ...table, url, status: res.status, seconds: Math.ceil(retryAfter / 1000), limit: Math.round(http.maxRetryAfterMs / 1000) }, { value: String(res.status) });
        }
        if (retryable && attempt < http.maxRetries) {
          retryIn = backoffDelay(attempt, http, retryAfter);
          continue;
        }
        const detail = problemDetail(detailBytes);
        raise("SCB_RESPONSE", "status", { ...table, url, status: res.status, statusText: res.statusText, attempts: attempt + 1, ...(detail !== undefined ? { detail } : {}) }, { value: String(res.status) });
      }
      const declared = Number(res.headers.get("content-length"));
      if (Number.isFinite(declared) && declared > http.maxResponseBytes) {
        raise("SCB_RESPONSE", "too-large", { ...table, url, limit: http.maxResponseBytes }, { value: String(declared) });
      }
      let bytes: Uint8Array;
      try {
        bytes = await readBounded(res.body, http.maxResponseBytes);
      } catch (e) {
        if (e instanceof TooLarge) raise("SCB_RESPONSE", "too-large", { ...table, url, limit: http.maxResponseBytes }, { value: url });
        retryIn = networkRetryDelay(e);
        continue;
      }
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        return raise("SCB_RESPONSE", "not-json", { ...table, url, reason: "not UTF-8 text" }, { value: url });
      }
      try {
        // Strict: an answer with a duplicate key or absurd nesting is not one to guess from.
        return parseJsonStrict(text);
      } catch (e) {
        return raise("SCB_RESPONSE", "not-json", { ...table, url, reason: (e as Error).message }, { value: text.slice(0, 200) });
      }
    } finally {
      clearTimeout(timer);
      // Releases the connection of an answer that was not read to its end.
      controller.abort();
      if (retryIn !== undefined) await http.clock.sleep(retryIn);
    }
  }
}

/**
 * The issue for an answer that cannot be read as population, to put before the reader's own
 * issues, so that the error says it is SCB's answer and what to download instead.
 *
 * @example
 * ```ts
 * throw errorOf([unreadableIssue(byHand, url, 1, 1), ...readerError.issues]);
 * ```
 */
export function unreadableIssue(table: ByHandParams, url: string, part: number, parts: number) {
  return issue("SCB_RESPONSE", "unreadable", { ...table, url, part, parts }, { value: url });
}
