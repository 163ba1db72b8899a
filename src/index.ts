/**
 * stimulansmedel — the pure API (no files, no processes; runs in a browser too).
 * File and bundled-data loaders are in `stimulansmedel/node`.
 */
export * from "./errors.js";
export * from "./apportion.js";
export * from "./geography/index.js";
export * from "./population.js";
export * from "./rules.js";
export * from "./allocate.js";
export * from "./scenario.js";
export * from "./explain.js";
export * from "./format.js";
export * from "./io/project-csv.js";
export * from "./io/population.js";
export * from "./io/decode.js";
export * from "./io/scb.js";
export * from "./io/scb-csv.js";
export * from "./io/jsonstat.js";
export * from "./io/json.js";
export * from "./report/json.js";
export * from "./report/table.js";
export * from "./report/compare.js";
export * from "./report/csv.js";
export * from "./report/text.js";
export * from "./sv/words.js";
export * from "./sv/missing.js";
export * from "./sv/notes.js";
export * from "./io/scb-tables.js";
export * from "./report/xlsx.js";
export * from "./xlsx/index.js";
export * from "./audit/index.js";
