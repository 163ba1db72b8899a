// csv-parse's own declarations pull in all of @types/node, which would let a core file use
// `process` or `Buffer` unnoticed. tsconfig.core.json maps the import here instead: only the part
// the core calls, so the core is checked against the platform it promises (ES2022 + Encoding API).
export interface Options {
  delimiter?: string;
  relax_quotes?: boolean;
  relax_column_count?: boolean;
}
export function parse(input: string, options?: Options): unknown;
