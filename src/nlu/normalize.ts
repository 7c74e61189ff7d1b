import * as OpenCC from 'opencc-js';
import { loadDialect } from './lexicon.js';

/** Traditional (Taiwan/Hong Kong variants included) -> simplified mainland characters. */
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

// Control characters other than tab/newline carry no meaning and break logs and HTML.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g;

export interface Normalized {
  /** NFKC + simplified + lower-case + collapsed whitespace: what a person wrote, cleaned. */
  clean: string;
  /** `clean` with colloquial/dialect expressions rewritten to standard words (for the classifiers). */
  canonical: string;
}

/** Unicode NFKC folds full-width digits/letters/punctuation to half-width (１２３ -> 123, ？ -> ?). */
export function cleanText(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .replace(CONTROL, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalize(text: string): Normalized {
  const clean = cleanText(text);
  return { clean, canonical: rewriteDialect(clean) };
}

export function rewriteDialect(text: string): string {
  const { pattern, rewrites } = loadDialect();
  if (!pattern) return text;
  return text.replace(pattern, (m) => rewrites.get(m) ?? m);
}
