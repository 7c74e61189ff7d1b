import { segment } from './segmenter.js';

// Function words that say nothing about the topic; kept small on purpose (我/你 help chit-chat).
const STOPWORDS = new Set(['的', '了', '吗', '呢', '吧', '啊', '呀', '是', '在', '就', '都', '也', '和', '与', '及', '着', '这', '那', '个', '有', '还']);

// Numbers that are facts of the domain stay visible; others become shapes.
const KEEP_NUMBERS = new Set(['110', '120', '119', '122', '12345', '12348', '12333', '12315', '96110']);

const URL = /(?:https?:\/\/|www\.)[^\s\u4e00-\u9fff]+|[a-z0-9-]+\.(?:com|cn|cc|net|top|vip|xyz|me|co)(?:\/[^\s\u4e00-\u9fff]*)?/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const LONG_NUMBER = /\d{5,}/g;
const HAN = /[\u4e00-\u9fff]/;

/**
 * Bag of features for the classifiers: segmented words (w:), character bigrams (b:) and a few
 * shape tokens. Words carry meaning; bigrams survive typos and words the segmenter splits badly.
 */
export function extractFeatures(canonical: string): string[] {
  const shapes: string[] = [];
  let text = canonical.replace(URL, () => {
    shapes.push('s:url');
    return ' ';
  });
  text = text.replace(MOBILE, () => {
    shapes.push('s:mobile');
    return ' ';
  });
  text = text.replace(LONG_NUMBER, (m) => {
    if (KEEP_NUMBERS.has(m)) return ` ${m} `;
    shapes.push('s:longnum');
    return ' ';
  });
  if (/[¥￥元]\s*\d|\d\s*[元万块]/.test(text)) shapes.push('s:money');
  if (/【[^】]{1,12}】|\[[^\]]{1,12}\]/.test(canonical)) shapes.push('s:signature');
  if (/退订|回t|拒收/.test(text)) shapes.push('s:unsubscribe');

  const words = segment(text)
    .filter((w) => !STOPWORDS.has(w))
    .map((w) => `w:${w}`);
  const bigrams: string[] = [];
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    if (HAN.test(a) && HAN.test(b)) bigrams.push(`b:${a}${b}`);
  }
  const all = [...words, ...bigrams, ...shapes];
  // Emoji or punctuation alone still say something (chit-chat), and NLP.js warns on empty input.
  return all.length ? all : ['s:empty'];
}
