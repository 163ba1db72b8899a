import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../helpers.js";

const CLI = resolve(ROOT, "dist", "cli.js");
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A local port nothing listens on, so "offline" needs no internet and fails at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

describe("stimulansmedel population fetch", () => {
  it("offline: one line saying what to download by hand and from where, exit 2", async () => {
    const port = await closedPort();
    const r = cli(["population", "fetch", "--date", "2024-11-01", "--ages", "0-18", "--out", "/nonexistent/x.csv"], { STIMULANSMEDEL_SCB_API: `http://127.0.0.1:${port}/api/v2` });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^stimulansmedel: cannot reach SCB's API at http://127\\.0\\.0\\.1:${port}/api/v2/tables/TAB1267/metadata.*download Folkmängden den 1 november 2024 \\(FolkmangdNov, TAB1267\\) by hand from https://www\\.statistikdatabasen\\.scb\\.se/pxweb/sv/ssd/START__BE__BE0101__BE0101A/FolkmangdNov/ .*--population FILE \\[SCB_UNREACHABLE\\]$`),
    );
    const other = cli(["population", "fetch", "--date", "2024-12-31", "--api-url", `http://127.0.0.1:${port}`]);
    expect(other.stderr).toMatch(/TAB638\/metadata.*BefolkningNy/);
  });

  it("usage errors exit 1; help has an example", () => {
    expect(cli(["population", "fetch"]).stderr).toMatch(/needs --date YYYY-MM-DD.*\[USAGE\]/);
    const mid = cli(["population", "fetch", "--date", "2024-06-15"]);
    expect(mid.code).toBe(1);
    expect(mid.stderr).toMatch(/1 November, 31 December and the last day of each month/);
    expect(cli(["population", "--help"]).stdout).toMatch(/Exempel:\n  stimulansmedel population fetch --date 2024-11-01 --ages 0-18/);
  });
});
