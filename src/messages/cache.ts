/**
 * Messages about the cache of population fetched from SCB: a saved file that cannot be trusted,
 * or a cache folder that cannot be written.
 */
import { defineMessages, msg } from "./define.js";

const AGAIN_EN = "delete it and fetch again (stimulansmedel population fetch --agreement ID)";
const AGAIN_SV = "ta bort filen och hämta på nytt med: stimulansmedel population fetch --agreement ID";

/**
 * The cache area of the catalogue.
 *
 * @example
 * ```ts
 * cacheMessages.CACHE_CORRUPT.checksum.sv({ file: "/home/a/.cache/stimulansmedel/2024-11-01_TAB1267_0-18_total.csv" });
 * // "den sparade befolkningsfilen … har ändrats eller är ofullständig och används inte; ta bort filen och hämta på nytt med: …"
 * ```
 */
export const cacheMessages = defineMessages({
  CACHE_CORRUPT: {
    checksum: msg<{ file: string }>(
      (p) => `the cached population file ${p.file} has been changed or cut short (its checksum does not match) and is not used; ${AGAIN_EN}`,
      (p) => `den sparade befolkningsfilen ${p.file} har ändrats eller är ofullständig och används inte; ${AGAIN_SV}`,
    ),
    "no-checksum": msg<{ file: string }>(
      (p) => `${p.file} in the population cache was not written by stimulansmedel (no checksum line) and is not used; ${AGAIN_EN}`,
      (p) => `filen ${p.file} bland de sparade befolkningsfilerna är inte sparad av stimulansmedel och används inte; ${AGAIN_SV}`,
    ),
    unreadable: msg<{ file: string; reason: string }>(
      (p) => `cannot read the cached population file ${p.file} (${p.reason}); ${AGAIN_EN}`,
      (p) => `den sparade befolkningsfilen ${p.file} går inte att läsa; ${AGAIN_SV}`,
    ),
    format: msg<{ file: string; problem: string; problemSv: string }>(
      (p) => `the cached population file ${p.file} is damaged (${p.problem}) and is not used; ${AGAIN_EN}`,
      (p) => `den sparade befolkningsfilen ${p.file} är skadad (${p.problemSv}) och används inte; ${AGAIN_SV}`,
    ),
  },
  CACHE_WRITE: {
    io: msg<{ dir: string; reason: string }>(
      (p) => `cannot save the fetched population in ${p.dir} (${p.reason}); choose another folder with STIMULANSMEDEL_CACHE_DIR`,
      (p) => `den hämtade befolkningen kan inte sparas i ${p.dir}; välj en annan mapp med miljövariabeln STIMULANSMEDEL_CACHE_DIR`,
    ),
  },
});
