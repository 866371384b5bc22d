/** The `--drop a,b` flag as column names (trimmed, empty entries ignored); undefined when not given. */
export function dropList(flag: string | undefined): string[] | undefined {
  return flag === undefined
    ? undefined
    : flag
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
