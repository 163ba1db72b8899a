/**
 * Builds the page into one self-contained index.html (script and styles inlined), so it opens
 * from a file:// URL as well as from any web host: browsers refuse module scripts loaded from
 * file://, but run inline ones. A Content-Security-Policy with `connect-src 'none'` makes the
 * "no data leaves the browser" promise enforceable by the browser itself.
 */
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));

const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join("; ");

/**
 * Inlines the entry chunk and CSS into index.html and drops the separate files. This runs as the
 * last generateBundle step, on the chunk as it is written: Vite fills in its dynamic-import
 * preload markers (`__VITE_PRELOAD__`, e.g. for the library's `import("exceljs")`) in its own
 * generateBundle, after transformIndexHtml, so code inlined any earlier would keep the marker.
 */
function inlineIntoHtml(): Plugin {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    name: "stimulansmedel-inline",
    apply: "build",
    enforce: "post",
    transformIndexHtml: {
      order: "post",
      handler: (html) => html.replace("<head>", `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
    },
    generateBundle: {
      order: "post",
      handler(_, bundle) {
        const page = bundle["index.html"];
        if (page?.type !== "asset") throw new Error("index.html missing from the bundle");
        let text = String(page.source);
        for (const [name, file] of Object.entries(bundle)) {
          if (file.type === "chunk" && file.isEntry) {
            const tag = new RegExp(`<script type="module" crossorigin src="[^"]*${escape(name)}"></script>`);
            if (!tag.test(text)) throw new Error(`script tag for ${name} not found in index.html`);
            if (file.code.includes("__VITE_PRELOAD__")) throw new Error(`${name}: Vite's preload marker left in the code`);
            // "</script" inside the code would end the inline element early.
            const code = file.code.replace(/<\/script/gi, "<\\/script");
            text = text.replace(tag, () => `<script type="module">\n${code}</script>`);
            delete bundle[name];
          } else if (file.type === "asset" && name.endsWith(".css")) {
            const tag = new RegExp(`<link rel="stylesheet" crossorigin href="[^"]*${escape(name)}">`);
            if (!tag.test(text)) throw new Error(`stylesheet link for ${name} not found in index.html`);
            text = text.replace(tag, () => `<style>\n${String(file.source)}</style>`);
            delete bundle[name];
          }
        }
        const left = Object.keys(bundle).filter((n) => n !== "index.html");
        if (left.length > 0) throw new Error(`files not inlined: ${left.join(", ")}`);
        page.source = text;
      },
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [inlineIntoHtml()],
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: {
    alias: [
      // csv-parse's default ESM build relies on Node's global Buffer; its dist/esm build bundles a
      // browser polyfill. The library itself stays unchanged.
      { find: "csv-parse/sync", replacement: fileURLToPath(new URL("../node_modules/csv-parse/dist/esm/sync.js", import.meta.url)) },
      // iconv-lite (Windows-1252 in src/io/decode.ts) requires Node's `buffer` through safer-buffer.
      // The page's own `buffer` package stands in for it; without this, the build would take
      // whichever copy another package's dependencies happen to leave in node_modules, or, if
      // none, only warn that "buffer" was externalized, and SCB files would fail in the browser.
      { find: /^buffer$/, replacement: fileURLToPath(new URL("./node_modules/buffer/index.js", import.meta.url)) },
    ],
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
