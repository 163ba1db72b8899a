#!/usr/bin/env node
/** The `stimulansmedel` executable (dist/cli.js): the only module of the CLI with a side effect. */
import { run } from "./main.js";
import { processIo } from "./io.js";

// A reader that closed early (`| head`) is not an error: stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await run(process.argv.slice(2), processIo());
