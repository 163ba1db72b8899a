/**
 * The page's one Trusted Types policy and the workers it may start. The policy turns nothing
 * into HTML or script; it only vouches for blob: URLs this module made itself from the page's
 * own inert worker blocks (see vite.config.ts), so no other URL can ever become a worker.
 */

interface TrustedTypePolicyLike {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL?: (url: string) => string }): TrustedTypePolicyLike;
}

const made = new Set<string>();

const factory = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
const policy: TrustedTypePolicyLike | undefined = factory?.createPolicy("stimulansmedel", {
  createScriptURL(url) {
    if (!made.has(url)) throw new TypeError(`refused script URL ${url}`);
    return url;
  },
});

/** Which worker blocks have been started, for the page's own diagnostics (and the e2e test). */
const startedWorkers: string[] = [];

/** The worker code of a block: plain text, or gzip + base64 (see vite.config.ts). */
async function blockCode(block: HTMLScriptElement): Promise<Blob> {
  if (block.dataset.encoding !== "gzip+base64") return new Blob([block.text], { type: "text/javascript" });
  const bytes = Uint8Array.from(atob(block.text.trim()), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Blob([await new Response(stream).arrayBuffer()], { type: "text/javascript" });
}

/**
 * Starts the worker whose code is in the inert block `<script type="text/x-stimulansmedel-worker" id=…>`.
 *
 * @example
 * ```ts
 * const w = await startWorker("worker-parse");
 * ```
 */
export async function startWorker(id: string): Promise<Worker> {
  // The page's script runs before the parser reaches the worker blocks (vite.config.ts).
  if (document.readyState === "loading") await new Promise((ok) => document.addEventListener("DOMContentLoaded", ok, { once: true }));
  const block = document.getElementById(id);
  if (!(block instanceof HTMLScriptElement) || block.type !== "text/x-stimulansmedel-worker") throw new Error(`no worker block #${id} in the page`);
  const url = URL.createObjectURL(await blockCode(block));
  made.add(url);
  const trusted = policy ? policy.createScriptURL(url) : url;
  const worker = new Worker(trusted as string, { name: id });
  startedWorkers.push(id);
  document.documentElement.dataset.workers = startedWorkers.join(" ");
  return worker;
}
