/** The `stimulansmedel` executable (dist/cli.js): the only module of the CLI with a side effect. */
import { run } from "./main.js";

process.exitCode = await run(process.argv.slice(2));
