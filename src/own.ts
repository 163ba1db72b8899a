/**
 * Reading a record by a name from outside the program: a file, a server's answer, the command line.
 */

/**
 * `record[key]` only when the record has `key` as its own property, else undefined: a name from
 * outside such as `constructor` or `toString` must not find Object.prototype's function.
 *
 * @example
 * ```ts
 * own({ "2080": "Falun" }, "2080"); // "Falun"
 * own({ "2080": "Falun" }, "constructor"); // undefined
 * ```
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
