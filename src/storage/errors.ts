/** The storage layer's one error type: a store that cannot be reached or set up. */
export class StorageError extends Error {
  override name = 'StorageError';
}

/** A connection string without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
