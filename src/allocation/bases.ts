/**
 * What every recipient of a level gets before any share: a rule's per-recipient sum or base, or
 * the exception that applies. An exception naming a code beats one naming a group; among groups
 * the last one listed that contains the recipient wins.
 */
import { groupMembers, type Level } from "../geography/index.js";
import { COUNTY_OF_MUNICIPALITY, countyPosition, levelCodes, levelPosition } from "../geography/positions.js";
import type { Exception } from "../rules.js";
import type { ExceptionRef } from "./model.js";

/** Each position's fixed part and the exception behind it. */
export interface LevelBases {
  readonly bases: bigint[];
  readonly sum: bigint;
  /** The exception that set each position's base, or undefined. */
  readonly exceptions: (ExceptionRef | undefined)[];
}

/**
 * The fixed part of every recipient at a level, by position.
 *
 * @example
 * ```ts
 * levelBases("county", 1_000_000n, [{ group: "metropolitan", amount: 2_000_000n }]).sum; // 24_000_000n
 * ```
 */
export function levelBases(level: Level, amount: bigint, exceptions: readonly Exception[]): LevelBases {
  const n = levelCodes(level).length;
  const bases = new Array<bigint>(n).fill(amount);
  const refs = new Array<ExceptionRef | undefined>(n).fill(undefined);
  // Groups first, in order, so that a later group and then any code exception overwrite them.
  for (const e of exceptions) {
    if (!("group" in e)) continue;
    const members = groupMembers(e.group) ?? [];
    const ref: ExceptionRef = { kind: "group", group: e.group };
    if (level === "municipality") {
      const counties = new Set(members.map(countyPosition));
      for (let i = 0; i < n; i++) {
        if (counties.has(COUNTY_OF_MUNICIPALITY[i]!) || members.includes(levelCodes(level)[i]!)) {
          bases[i] = e.amount;
          refs[i] = ref;
        }
      }
    } else {
      for (const code of members) {
        const i = levelPosition(level, code);
        if (i >= 0) {
          bases[i] = e.amount;
          refs[i] = ref;
        }
      }
    }
  }
  for (const e of exceptions) {
    if (!("code" in e)) continue;
    const i = levelPosition(level, e.code);
    if (i >= 0) {
      bases[i] = e.amount;
      refs[i] = { kind: "code", code: e.code };
    }
  }
  let sum = 0n;
  for (const b of bases) sum += b;
  return { bases, sum, exceptions: refs };
}
