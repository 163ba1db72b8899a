/**
 * The Swedish words for a file-system failure, apart from the file readers so that what needs only
 * the words (the CLI's io, loaded by every run) loads no reader.
 */

function errnoSv(code: string | undefined, fallback: string): string {
  switch (code) {
    case "ENOENT":
      return "mappen finns inte";
    case "EACCES":
    case "EPERM":
      return "åtkomst nekad";
    case "EISDIR":
      return "det är en mapp";
    case "ENOTDIR":
      return "en del av sökvägen är inte en mapp";
    case "ENOSPC":
      return "disken är full";
    case "EROFS":
      return "skrivskyddat filsystem";
    case "EEXIST":
      return "filen finns redan";
    default:
      return code ?? fallback;
  }
}

/**
 * The reason of a file-system failure, in Swedish words rather than an errno code.
 *
 * @example
 * ```ts
 * fsReason({ code: "EACCES" } as NodeJS.ErrnoException); // "åtkomst nekad"
 * ```
 */
export function fsReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return errnoSv(err.code, err.message);
}
