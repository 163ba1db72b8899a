/**
 * stimulansmedel/node — everything in the pure API, plus loaders for files and the bundled data.
 */
export * from "./index.js";
export * from "./node/bundled.js";
export * from "./node/files.js";
export * from "./node/scb-api.js";
export * from "./node/scb-http.js";
export * from "./node/scb-query.js";
export * from "./node/rate-limit.js";
export * from "./node/fetch.js";
export * from "./node/cache.js";
export * from "./node/xlsx.js";
