/**
 * Starts the page's module once the frame has been painted. The module is the largest thing the
 * page runs (the library, the schema checks, the renderers); compiled and run while the parser is
 * still at work, it kept the first paint waiting for it. So it waits in the page as an inert block
 * (`<script type="text/x-stimulansmedel-module" id="page-module">`, see vite.config.ts) and this
 * small script, the second in <head>, makes it run after the first frame.
 *
 * The text goes through a Trusted Types policy of its own ("stimulansmedel-boot"), created here
 * before any other script could take the name, which vouches for one text only: the block's, once.
 * The Content-Security-Policy then accepts the script by its sha256, as it did when the module
 * was inline. Nothing else can be started this way: any other text has no hash in the policy.
 */
interface BootPolicy {
  createScript(text: string): unknown;
}

(() => {
  let started = false;
  let allowed: string | undefined;
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createScript(text: string): string }): BootPolicy } }).trustedTypes;
  const policy = factory?.createPolicy("stimulansmedel-boot", {
    createScript(text) {
      if (allowed === undefined || text !== allowed) throw new TypeError("only the page's own module may start");
      allowed = undefined;
      return text;
    },
  });
  const run = (): void => {
    if (started) return;
    const block = document.getElementById("page-module");
    if (!(block instanceof HTMLScriptElement) || block.type !== "text/x-stimulansmedel-module") return;
    started = true;
    const script = document.createElement("script");
    script.type = "module";
    allowed = block.text;
    script.text = (policy ? policy.createScript(block.text) : block.text) as string;
    block.replaceWith(script);
  };
  const afterPaint = (): void => {
    // A page opened in a background tab paints nothing and gets no animation frames until shown:
    // nothing to wait for.
    if (document.visibilityState === "hidden") return run();
    requestAnimationFrame(() => {
      // The frame this callback precedes holds the painted header and choices; the e2e run checks
      // that the module starts after it.
      performance.mark("stimulansmedel:frame");
      setTimeout(run);
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", afterPaint, { once: true });
  else afterPaint();
})();
