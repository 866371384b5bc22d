/**
 * One line for the user when a registry (or saved-profiles) write or read fails; `free` says what the
 * user can delete to make room. Nothing stored earlier is lost: the
 * failed write was one transaction and was rolled back.
 * @example storageErrorMessage(new DOMException('', 'QuotaExceededError')) // 'Could not save ...: the browser's storage is full ...'
 */
export function storageErrorMessage(e: unknown, what = 'the retraining log', free = 'clear the log or site data'): string {
  const name = (e as { name?: string })?.name ?? '';
  const inner = (e as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return `Could not save ${what}: the browser's storage is full; free space (${free}) and retry. Earlier entries are kept.`;
  }
  if (name === 'DataError' || name === 'DataCloneError') {
    return `Could not save ${what}: the entry could not be stored (${name}); earlier entries are kept.`;
  }
  if (name === 'InvalidStateError' || name === 'VersionError' || name === 'UnknownError') {
    return `Could not open ${what} in this browser's storage (${name}); close other tabs of this page and reload. Earlier entries are kept.`;
  }
  if (name === 'AbortError' || name === 'TransactionInactiveError') {
    return `Saving ${what} was interrupted (${name}); nothing was half-written, earlier entries are kept; retry.`;
  }
  const msg = String((e as Error)?.message ?? e)
    .split('\n')[0]
    .slice(0, 200);
  return `Could not use ${what} in this browser's storage (${name || 'error'}: ${msg}); private browsing may block it. Earlier entries are kept.`;
}
