/**
 * Agreement × population → allocation: the engine, the model it returns, selections of it and the
 * one matrix every view reads. See src/allocation/.
 */
export * from "./allocation/model.js";
export { allocate, lineSources, type AllocateOptions } from "./allocation/engine.js";
export * from "./allocation/select.js";
export * from "./allocation/matrix.js";
