/**
 * Builds the page into one self-contained index.html, so it opens from a file:// URL as well as
 * from any web host (browsers refuse module scripts and workers loaded from file://, but run
 * inline ones and workers made from in-page text).
 *
 * What runs at once is tiny: a lockdown script (src/lockdown.ts) and a boot script (src/boot.ts)
 * in <head>. Everything else waits in the file as inert data blocks (`<script type="text/x-…">`,
 * never executed by the browser as such): the page's module, which the boot script starts once
 * the frame has been painted; the file parser and the xlsx writer as Web Worker code, which the
 * page turns into a worker on first use; and every bundled population file as text.
 *
 * The Content-Security-Policy allows exactly the three scripts and the inline style by
 * their sha256 (no 'unsafe-inline', no eval), workers only from blob: URLs the page itself made,
 * Trusted Types for every script and HTML sink, and no request at all (`default-src 'none'`).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build as esbuild } from "esbuild";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));
const web = fileURLToPath(new URL(".", import.meta.url));

const aliases = {
  // csv-parse's default ESM build relies on Node's global Buffer; its dist/esm build bundles a
  // browser polyfill. The library itself stays unchanged.
  "csv-parse/sync": fileURLToPath(new URL("../node_modules/csv-parse/dist/esm/sync.js", import.meta.url)),
};

/** The Trusted Types policies the page creates: workers (src/trusted.ts) and the module's start (src/boot.ts). */
export const POLICIES = ["stimulansmedel", "stimulansmedel-boot"];

/** The lazily started workers: block id → entry. */
const WORKERS: Record<string, string> = {
  "worker-parse": "src/workers/parse.worker.ts",
  "worker-xlsx": "src/workers/xlsx.worker.ts",
};

/** Bundles one entry on its own (no imports left), minified, for an inline block. */
async function bundle(entry: string, format: "iife" | "esm"): Promise<string> {
  const out = await esbuild({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    minify: true,
    format,
    target: "es2022",
    platform: "browser",
    legalComments: "none",
    alias: aliases,
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

/** Text safe inside a <script> element: "</script" or "<!--" in it would end or confuse the element. */
function scriptSafe(text: string, what: string, isCode: boolean): string {
  let t = text;
  if (isCode) t = t.replace(/<\/script/gi, "<\\/script");
  if (/<\/script|<!--/i.test(t)) throw new Error(`${what}: contains "</script" or "<!--", which cannot be inlined safely`);
  return t;
}

const sha256 = (text: string): string => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The inert blocks: population files (read by the first render, so before the page's script) and worker code (after it). */
async function dataBlocks(): Promise<{ data: string; workers: string }> {
  const workers: string[] = [];
  for (const [id, entry] of Object.entries(WORKERS)) {
    // gzip + base64: a third of the bytes for the HTML parser to get through.
    const code = gzipSync(Buffer.from(await bundle(entry, "iife"), "utf8"), { level: 9 }).toString("base64");
    workers.push(`<script type="text/x-stimulansmedel-worker" data-encoding="gzip+base64" id="${id}">${code}</script>`);
  }
  const data: string[] = [];
  const folder = fileURLToPath(new URL("../data/population/", import.meta.url));
  // Subfolders too (derived/ holds figures derived from SCB's): the manifest names files by their path.
  for (const f of readdirSync(folder, { recursive: true, encoding: "utf8" }).map((n) => n.split("\\").join("/")).filter((n) => n.endsWith(".csv")).sort()) {
    const text = scriptSafe(readFileSync(folder + f, "utf8"), `data/population/${f}`, false);
    data.push(`<script type="text/csv" id="population-${f}">${text}</script>`);
  }
  return { data: data.join("\n"), workers: workers.join("\n") };
}

function inlineIntoHtml(): Plugin {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  let lockdown = "";
  let boot = "";
  return {
    name: "stimulansmedel-inline",
    enforce: "post",
    async buildStart() {
      lockdown = await bundle("src/lockdown.ts", "iife");
      boot = await bundle("src/boot.ts", "iife");
    },
    transformIndexHtml: {
      order: "post",
      handler: async (html) => {
        const blocks = await dataBlocks();
        return html.replace("</body>", () => `${blocks.data}\n${blocks.workers}\n</body>`);
      },
    },
    generateBundle: {
      order: "post",
      handler(_, files) {
        const page = files["index.html"];
        if (page?.type !== "asset") throw new Error("index.html missing from the bundle");
        let text = String(page.source);
        const scripts: string[] = [scriptSafe(lockdown, "src/lockdown.ts", true), scriptSafe(boot, "src/boot.ts", true)];
        const styles: string[] = [];
        for (const [name, file] of Object.entries(files)) {
          if (file.type === "chunk" && file.isEntry) {
            const tag = new RegExp(`<script type="module" crossorigin src="[^"]*${escape(name)}"></script>`);
            if (!tag.test(text)) throw new Error(`script tag for ${name} not found in index.html`);
            if (file.code.includes("__VITE_PRELOAD__")) throw new Error(`${name}: Vite's preload marker left in the code`);
            const code = scriptSafe(file.code, name, true);
            scripts.push(code);
            // After the frame and the population blocks, before the worker blocks; inert until the
            // boot script starts it (src/boot.ts), after the first paint.
            text = text.replace(tag, "").replace(/<script type="text\/x-stimulansmedel-worker"/, (block) => `<script type="text/x-stimulansmedel-module" id="page-module">${code}</script>\n${block}`);
            delete files[name];
          } else if (file.type === "asset" && name.endsWith(".css")) {
            const tag = new RegExp(`<link rel="stylesheet" crossorigin href="[^"]*${escape(name)}">`);
            if (!tag.test(text)) throw new Error(`stylesheet link for ${name} not found in index.html`);
            const css = String(file.source);
            styles.push(css);
            text = text.replace(tag, () => `<style>${css}</style>`);
            delete files[name];
          }
        }
        const left = Object.keys(files).filter((n) => n !== "index.html");
        if (left.length > 0) throw new Error(`files not inlined: ${left.join(", ")}`);
        if (scripts.length !== 3) throw new Error(`expected one entry chunk, found ${scripts.length - 2}`);
        const csp = [
          "default-src 'none'",
          `script-src ${scripts.map(sha256).join(" ")}`,
          `style-src ${styles.map(sha256).join(" ")}`,
          "img-src data:",
          "worker-src blob:",
          "connect-src 'none'",
          "form-action 'none'",
          "base-uri 'none'",
          "frame-src 'none'",
          "object-src 'none'",
          "manifest-src 'none'",
          `trusted-types ${POLICIES.join(" ")}`,
          "require-trusted-types-for 'script'",
        ].join("; ");
        const head = `<head>\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />\n    <script>${scripts[0]}</script>\n    <script>${scripts[1]}</script>`;
        text = text.replace(/<head>/, () => head);
        page.source = text;
      },
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [inlineIntoHtml()],
  root: web,
  resolve: {
    alias: Object.entries(aliases).map(([find, replacement]) => ({ find: new RegExp(`^${escapeRe(find)}$`), replacement })),
  },
  server: { fs: { allow: [root] } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    modulePreload: false,
    assetsInlineLimit: 100_000_000,
    cssCodeSplit: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
