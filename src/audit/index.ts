/**
 * Auditing a published table: read it (parsePublishedTable, parsePublishedRows), check it against
 * computed amounts (verifyTable), and work the population base back from it (inferBase,
 * compareCounts), under each of SKR's rounding conventions (RoundingConvention).
 */
export { CONVENTION_WORDS, isRoundingConvention, ROUNDING_CONVENTIONS, splitByConvention, type RoundingConvention } from "./convention.js";
export { MAX_PUBLISHED_AMOUNT, parsePublishedAmount, type AmountReading } from "./amount.js";
export {
  isTotalLabel,
  MAX_TABLE_ISSUES,
  MAX_TABLE_ROWS,
  parsePublishedRows,
  safeParsePublishedRows,
  type PublishedHeading,
  type PublishedRow,
  type PublishedTable,
  type PublishedTableOptions,
  type PublishedTotal,
  type TableCell,
} from "./rows.js";
export { detectDelimiter, MAX_TABLE_BYTES, parsePublishedTable, safeParsePublishedTable } from "./table.js";
export { expectedChanceFits, type ChanceEstimate } from "./chance.js";
export {
  inferBase,
  MAX_VECTORS,
  type BaseRule,
  type BaseSolution,
  type ConventionFit,
  type FitReason,
  type InferBaseInput,
  type InferredCount,
  type InferResult,
  type RowBreak,
  type Whole,
} from "./infer.js";
export { compareCounts, type CountComparison, type CountDifference, type CountVector } from "./compare.js";
export { verifyTable, type ExpectedAmount, type TableVerification, type VerifiedRow, type VerifiedTotal } from "./verify.js";
