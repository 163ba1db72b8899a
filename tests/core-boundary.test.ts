/**
 * The core (src/ except src/node, src/cli and src/node.ts) runs in a browser as well as in Node, so
 * it may not import Node's modules nor touch Node's globals, and it may not import the Node layers
 * that sit above it. tsconfig.core.json checks the types without @types/node; this test checks the
 * source text, which also catches what a type check lets through (`require`, a `node:` import of a
 * module whose types happen to be loose, an import into src/node that drags Node in).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const SRC = join(ROOT, "src");
const NODE_LAYERS = [join(SRC, "node"), join(SRC, "cli"), join(SRC, "node.ts")];
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split("/")[0]!]));
/** Node's own globals; the web platform's (TextDecoder, structuredClone …) are allowed. */
const NODE_GLOBALS = new Set(["process", "Buffer", "require", "module", "exports", "__dirname", "__filename", "global", "setImmediate", "clearImmediate"]);

const isNodeLayer = (abs: string) => NODE_LAYERS.some((p) => abs === p || abs.startsWith(p + sep));

function coreFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    if (isNodeLayer(abs)) return [];
    if (statSync(abs).isDirectory()) return coreFiles(abs);
    return /\.(ts|mts|cts)$/.test(name) ? [abs] : [];
  });
}

/** Every way `file` (with text `text`) leaves the core, as "file:line: why". */
function boundaryViolations(file: string, text: string): string[] {
  const rel = relative(ROOT, file).split(sep).join("/");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const at = (node: ts.Node) => `${rel}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const found: string[] = [];
  const checkSpecifier = (spec: ts.Expression, node: ts.Node) => {
    if (!ts.isStringLiteralLike(spec)) return;
    const s = spec.text;
    if (s.startsWith("node:") || BUILTINS.has(s) || BUILTINS.has(s.split("/")[0]!)) {
      found.push(`${at(node)}: imports Node's "${s}"`);
    } else if (s.startsWith(".")) {
      const target = resolve(dirname(file), s.replace(/\.js$/, ".ts"));
      if (isNodeLayer(target)) found.push(`${at(node)}: imports the Node layer "${s}"`);
    }
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      checkSpecifier(node.moduleSpecifier, node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      checkSpecifier(node.moduleReference.expression, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      checkSpecifier(node.arguments[0], node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      checkSpecifier(node.argument.literal as ts.Expression, node);
    } else if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && isFreeReference(node)) {
      found.push(`${at(node)}: uses Node's global "${node.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether the identifier is a use of a global: not a property name, a declaration or a key. */
function isFreeReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isQualifiedName(p) && p.right === id) return false;
  if (ts.isImportTypeNode(p) && p.qualifier === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p)) && p.name === id) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return false;
  return true;
}

describe("the core stays off Node", () => {
  it("recognises every way out of the core, and nothing that merely looks like one", () => {
    const file = join(SRC, "report", "example.ts");
    const bad = [
      `import { readFileSync } from "node:fs";`,
      `import fs from "fs";`,
      `import { join } from "path/posix";`,
      `export { x } from "node:os";`,
      `const z = await import("node:zlib");`,
      `type B = import("node:buffer").Buffer;`,
      `import { readAgreementFile } from "../node/files.js";`,
      `export * from "../cli/main.js";`,
      `const env = process.env.HOME;`,
      `const b = Buffer.from("x");`,
      `const m = require("x");`,
      `const here = __dirname;`,
      `if (typeof process !== "undefined") {}`,
    ];
    for (const line of bad) expect(boundaryViolations(file, line), line).toHaveLength(1);
    const good = [
      `/** @example import { writeFileSync } from "node:fs"; process.stdout.write(x); */ export const a = 1;`,
      `// Buffer and process are only named in this comment`,
      `const s = "node:fs and process.env in a string";`,
      `import { z } from "zod";`,
      `import { parse } from "csv-parse/sync";`,
      `import { issue } from "../errors.js";`,
      `const o = { process: 1, Buffer: 2 }; o.process; o.Buffer;`,
      `const t = new TextDecoder().decode(new Uint8Array());`,
    ];
    for (const line of good) expect(boundaryViolations(file, line), line).toEqual([]);
  });

  it("no core file imports Node, the Node layers or Node's globals", () => {
    const files = coreFiles();
    // The walk must reach the core's corners, and must skip the Node layers, or it proves nothing.
    const rels = files.map((f) => relative(ROOT, f).split(sep).join("/"));
    for (const must of ["src/index.ts", "src/rules.ts", "src/io/decode.ts", "src/xlsx/zip-read.ts", "src/report/xlsx.ts"]) expect(rels).toContain(must);
    expect(rels.filter((r) => r.startsWith("src/node/") || r.startsWith("src/cli/") || r === "src/node.ts")).toEqual([]);
    expect(files.flatMap((f) => boundaryViolations(f, readFileSync(f, "utf8")))).toEqual([]);
  });
});
