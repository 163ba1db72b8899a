/**
 * The shape of a message catalogue: for every error code, the kinds of problem it covers, each
 * with its parameters and its English and Swedish renderings. Errors are data (code, kind,
 * parameters, location); words are chosen only here, at the edge.
 */

/** What a message may be built from: plain values that survive JSON. */
export type MessageParams = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** One kind of problem: its English text for integrators and its Swedish text for users. */
export interface MessageDef<P extends MessageParams> {
  readonly en: (p: P) => string;
  readonly sv: (p: P) => string;
}

/**
 * Declares one message kind with its parameter type once, for both languages.
 *
 * @example
 * ```ts
 * const negative = msg<{ value: string }>(
 *   (p) => `count "${p.value}" is negative`,
 *   (p) => `antalet "${p.value}" är negativt`,
 * );
 * negative.sv({ value: "-5" }); // 'antalet "-5" är negativt'
 * ```
 */
export function msg<P extends MessageParams = Record<string, never>>(en: (p: P) => string, sv: (p: P) => string): MessageDef<P> {
  return { en, sv };
}

/** A catalogue: code → kind → message. */
export type CatalogueShape = Readonly<Record<string, Readonly<Record<string, MessageDef<never>>>>>;

/**
 * Types a catalogue without widening it, so codes, kinds and parameters stay literal.
 *
 * @example
 * ```ts
 * export const geographyMessages = defineMessages({ GEOGRAPHY_UNKNOWN_CODE: { municipality: msg<{ code: string }>(…, …) } });
 * ```
 */
export function defineMessages<const T extends { readonly [code: string]: { readonly [kind: string]: MessageDef<any> } }>(catalogue: T): T {
  return catalogue;
}

/** Joins Swedish list items: `a, b och c`. */
export function svList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items.at(-1)}`;
}

/** Joins English list items: `a, b and c`. */
export function enList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Joins Swedish alternatives: `a, b eller c`. */
export function svOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} eller ${items.at(-1)}`;
}

/** Joins English alternatives: `a, b or c`. */
export function enOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}
