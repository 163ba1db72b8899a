// The few host APIs the core may use beyond ES2022: the WHATWG Encoding API and structuredClone,
// which Node ≥ 20, Deno, Bun and every current browser provide. Declared here, not taken from
// @types/node or lib.dom, so tsconfig.core.json rejects anything else a core file might reach for
// (process, Buffer, document, fetch …).
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  constructor();
  readonly encoding: string;
  encode(input?: string): Uint8Array;
}
declare function structuredClone<T>(value: T): T;
