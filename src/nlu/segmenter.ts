import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { loadTermsDict } from './lexicon.js';

let jieba: Jieba | undefined;

/** jieba (Rust, via napi) with its standard dictionary plus our legal and anti-fraud terms. */
function instance(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(loadTermsDict(), 'utf8'));
  }
  return jieba;
}

const PUNCT_OR_SPACE = /^[\s\p{P}\p{S}]+$/u;

/** Words of a cleaned text, punctuation dropped. Deterministic: HMM off so new words do not drift. */
export function segment(text: string): string[] {
  return instance()
    .cut(text, false)
    .filter((w) => !PUNCT_OR_SPACE.test(w));
}

/** Search mode: long words and their shorter parts (劳动仲裁 -> 劳动, 仲裁, 劳动仲裁), for full-text indexes. */
export function segmentForSearch(text: string): string[] {
  return instance()
    .cutForSearch(text, false)
    .filter((w) => !PUNCT_OR_SPACE.test(w));
}
