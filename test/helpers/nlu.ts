import type { Nlu } from '../../src/nlu/model.js';
import { provisionNlu } from '../../src/nlu/provision.js';
import { repoPath } from '../../src/paths.js';

export const TEST_MODEL_DIR = repoPath('build', 'test-model');

let shared: Promise<Nlu> | undefined;
/** The model trained from the shipped corpora (cached on disk by global setup). */
export function testNlu(): Promise<Nlu> {
  shared ??= provisionNlu(TEST_MODEL_DIR);
  return shared;
}
