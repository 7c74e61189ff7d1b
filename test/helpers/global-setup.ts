import { provisionNlu } from '../../src/nlu/provision.js';
import { TEST_MODEL_DIR } from './nlu.js';

/** Train (or reuse) the model once before the test files run, so they never race to train it. */
export default async function setup(): Promise<void> {
  await provisionNlu(TEST_MODEL_DIR, { progress: (m) => console.log(`[test model] ${m}`) });
}
