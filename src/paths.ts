import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory: content ships with the code. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function repoPath(...parts: string[]): string {
  return join(REPO_ROOT, ...parts);
}
