/**
 * Finding a municipality, county or region by name anywhere in the country, tolerant of case,
 * hyphens and missing diacritics: the library's findRecipients for exact names, codes and the
 * usual forms ("Falu kommun", "Dalarnas län", "Region Dalarna"), and foldName for names that
 * begin with or contain what was typed.
 */
import { allCounties, allMunicipalities, findRecipients, foldName, getCounty, recipients, type Recipient } from "../../src/index.js";
import { $, h } from "./dom.js";

/** One hit: the recipient and what choosing it selects. */
export interface Hit {
  readonly recipient: Recipient;
  readonly county: string;
  readonly municipality: string;
  readonly label: string;
}

const folded: readonly { recipient: Recipient; name: string }[] = [
  ...allMunicipalities(),
  ...allCounties(),
  ...recipients("region"),
].map((r) => ({ recipient: r, name: foldName(r.name) }));

function hitOf(r: Recipient): Hit {
  if (r.level === "municipality") {
    const county = getCounty(r.countyCode);
    return { recipient: r, county: county.code, municipality: r.code, label: `${r.name} – kommun i ${county.name} (${r.code})` };
  }
  const county = getCounty(r.code);
  return { recipient: r, county: county.code, municipality: "", label: r.level === "region" ? `${r.name} – region (${r.code})` : `${r.name} – län (${r.code})` };
}

/**
 * The recipients a query finds, best first: exact names and codes, then names that begin with
 * it, then names that contain it. At most `limit`.
 *
 * @example
 * ```ts
 * search("malung salen")[0].recipient.code; // "2023"
 * ```
 */
export function search(query: string, limit = 12): Hit[] {
  const q = foldName(query);
  if (q === "") return [];
  const out: Recipient[] = [];
  try {
    out.push(...findRecipients(query).filter((r) => r.level !== "skr"));
  } catch {
    // Not an exact name or code: the partial matches below are the answer.
  }
  const starts = folded.filter((f) => f.name.startsWith(q) || f.name.split(" ").some((w) => w.startsWith(q)));
  const contains = folded.filter((f) => !starts.includes(f) && f.name.includes(q));
  const byName = (a: { recipient: Recipient }, b: { recipient: Recipient }) => a.recipient.name.localeCompare(b.recipient.name, "sv");
  for (const f of [...starts.sort(byName), ...contains.sort(byName)]) if (!out.includes(f.recipient)) out.push(f.recipient);
  return out.slice(0, limit).map(hitOf);
}

/**
 * Wires the search box: typing lists hits as buttons; choosing one calls `choose`.
 *
 * @example
 * ```ts
 * setUpSearch((hit) => show(hit.county, hit.municipality));
 * ```
 */
export function setUpSearch(choose: (hit: Hit) => void): void {
  const input = $<HTMLInputElement>("search");
  const list = $("search-results");
  const status = $("search-status");
  const show = () => {
    const q = input.value;
    const hits = search(q);
    list.replaceChildren(
      ...hits.map((hit) => {
        const b = h("button", { type: "button", class: "hit", "data-level": hit.recipient.level, "data-code": hit.recipient.code }, hit.label);
        b.addEventListener("click", () => {
          choose(hit);
          input.value = "";
          list.replaceChildren();
          status.textContent = `Visar ${hit.recipient.name}.`;
        });
        return h("li", {}, b);
      }),
    );
    status.textContent = q.trim() === "" ? "" : hits.length === 0 ? "Inga träffar." : `${hits.length} träff${hits.length === 1 ? "" : "ar"}.`;
  };
  input.addEventListener("input", show);
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      list.querySelector<HTMLButtonElement>("button")?.focus();
      e.preventDefault();
    } else if (e.key === "Enter") {
      list.querySelector<HTMLButtonElement>("button")?.click();
      e.preventDefault();
    }
  });
  list.addEventListener("keydown", (e) => {
    const buttons = [...list.querySelectorAll<HTMLButtonElement>("button")];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "ArrowDown" && i < buttons.length - 1) buttons[i + 1]!.focus();
    else if (e.key === "ArrowUp") (i > 0 ? buttons[i - 1]! : input).focus();
    else if (e.key === "Escape") input.focus();
    else return;
    e.preventDefault();
  });
}
