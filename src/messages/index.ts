/**
 * The message catalogue: every error code, its kinds, and their English and Swedish texts. The
 * order of the areas here is the order of ERROR_CODES and of the README's error table.
 */
import { geographyMessages } from "./geography.js";
import { populationMessages } from "./population.js";
import { agreementMessages } from "./agreement.js";
import { allocationMessages } from "./allocation.js";
import { tableMessages } from "./table.js";
import { outputMessages } from "./output.js";
import { xlsxMessages } from "./xlsx.js";
import { scbMessages } from "./scb.js";
import { cacheMessages } from "./cache.js";
import { usageMessages } from "./usage.js";

export const CATALOGUE = {
  ...geographyMessages,
  ...populationMessages,
  ...agreementMessages,
  ...allocationMessages,
  ...tableMessages,
  ...outputMessages,
  ...xlsxMessages,
  ...scbMessages,
  ...cacheMessages,
  ...usageMessages,
} as const;

/** The type of the whole catalogue. */
export type Catalogue = typeof CATALOGUE;
