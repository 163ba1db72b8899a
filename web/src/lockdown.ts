/**
 * Runs before any other script of the page, as the first inline script in <head> (built on its
 * own, allowed by its hash). The Content-Security-Policy already refuses every request the page
 * could make (fetch, images, frames, forms, …), but it has no directive for windows, WebRTC or
 * navigation in Chromium. So the APIs that open a channel outside the policy are taken away
 * here, non-configurably, before the page's own code or anything else could reach them.
 */
(() => {
  const refuse = (): never => {
    throw new DOMException("Sidan öppnar inga fönster och skickar inga uppgifter.", "SecurityError");
  };
  const lock = (target: object, name: string, value: unknown): void => {
    try {
      Object.defineProperty(target, name, { value, writable: false, configurable: false, enumerable: false });
    } catch {
      // Already locked (the script ran twice): nothing to do.
    }
  };
  lock(window, "open", refuse);
  // WebRTC reaches any host over UDP, outside connect-src; the page needs none of it.
  for (const name of Object.getOwnPropertyNames(window)) {
    if (/^(webkit)?RTC/.test(name)) lock(window, name, undefined);
  }
  if (typeof navigator !== "undefined") {
    for (const name of ["sendBeacon", "registerProtocolHandler"]) lock(navigator, name, refuse);
    if ("mediaDevices" in navigator) lock(navigator, "mediaDevices", undefined);
  }
})();
