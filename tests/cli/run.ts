import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { ROOT } from "../helpers.js";

const CLI = resolve(ROOT, "dist", "cli.js");

/** Runs the built CLI as a subprocess (stdout is a pipe, NO_COLOR set), text output. */
export function cli(args: string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    input: options.input,
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the built CLI and returns standard output as bytes (for xlsx). */
export function cliBytes(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString("utf8") };
}
