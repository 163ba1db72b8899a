/**
 * From a state to what it shows: the agreement, the population, the whole-country allocation and
 * the selection of it. Allocations are kept per (agreement, population, rounding, what-if), so a
 * change of county or municipality only selects again.
 */
import {
  allocate,
  applyScenario,
  getCounty,
  getRecipient,
  parseScenarioSet,
  selectAllocation,
  type Agreement,
  type Allocation,
  type ScenarioChange,
  type SelectedAllocation,
  type Selection,
} from "../../src/index.js";
import { findAgreement } from "./data.js";
import { resolvePopulation, type PopulationProblem, type Resolved } from "./populations.js";
import type { ViewState } from "./state.js";

/** A computed view, or the reason there is none (what failed and why). */
export type Computed =
  | {
      readonly ok: true;
      readonly agreement: Agreement;
      readonly population: Extract<Resolved, { ok: true }>;
      readonly full: Allocation;
      readonly shown: SelectedAllocation;
      readonly label: string;
      readonly countyCode: string;
    }
  | { readonly ok: false; readonly agreement?: Agreement; readonly problem?: PopulationProblem; readonly error?: unknown };

const cache = new Map<string, Allocation>();

/** The whole-country allocation for an agreement, a resolved population and a rounding. */
function fullAllocation(agreementId: string, agreement: Agreement, population: Extract<Resolved, { ok: true }>, rounding: ViewState["rounding"], changes?: readonly ScenarioChange[], scenarioKey = ""): Allocation {
  // By the page's id: an agreement file may call itself what a bundled one is called.
  const key = `${agreementId}|${population.key}|${rounding}|${scenarioKey}`;
  let a = cache.get(key);
  if (!a) {
    a = allocate(agreement, population.dataset, { ...(rounding ? { rounding } : {}), ...(changes ? { scenario: changes } : {}) });
    if (cache.size > 24) cache.delete(cache.keys().next().value!);
    cache.set(key, a);
  }
  return a;
}

/** The library's selection for the state's county and municipality, and its label. */
function selectionOf(state: Pick<ViewState, "county" | "municipality">): { selection: Selection; label: string; countyCode: string } {
  const county = getCounty(state.county);
  const m = state.municipality ? getRecipient("municipality", state.municipality) : undefined;
  if (m) return { selection: { municipality: m.code }, label: `${m.name} (${m.code}), kommunens egna belopp`, countyCode: county.code };
  return {
    selection: { county: county.code },
    label: `${county.name}: ${county.regionName}, länsgemensamma medel och länets ${county.municipalityCodes.length} kommuner`,
    countyCode: county.code,
  };
}

/**
 * Computes one side: an agreement (possibly changed by a what-if) on a population choice.
 *
 * @example
 * ```ts
 * const r = computeSide("2025", "auto", state);
 * if (r.ok) renderResults(r);
 * ```
 */
export function computeSide(agreementId: string, populationChoice: string, state: ViewState, scenario: readonly string[] = []): Computed {
  let agreement: Agreement | undefined;
  try {
    agreement = findAgreement(agreementId);
    if (!agreement) return { ok: false, error: new Error(`ingen överenskommelse "${agreementId}"`) };
    const population = resolvePopulation(populationChoice, agreement);
    if (!population.ok) return { ok: false, agreement, problem: population.problem };
    let effective = agreement;
    let changes: ScenarioChange[] | undefined;
    if (scenario.length > 0) {
      const applied = applyScenario(agreement, scenario.map(parseScenarioSet));
      effective = applied.agreement;
      changes = applied.changes;
    }
    const full = fullAllocation(agreementId, effective, population, state.rounding, changes, scenario.join("&"));
    const { selection, label, countyCode } = selectionOf(state);
    const shown = selectAllocation(full, selection);
    return { ok: true, agreement: effective, population, full, shown, label, countyCode };
  } catch (error) {
    return { ok: false, ...(agreement ? { agreement } : {}), error };
  }
}
