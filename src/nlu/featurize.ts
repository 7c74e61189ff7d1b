import { extractFeatures } from './features.js';
import { normalize } from './normalize.js';

/** Raw text -> classifier features; the one featurizer every engineered classifier shares. */
export function featurize(text: string): string[] {
  return extractFeatures(normalize(text).canonical);
}
