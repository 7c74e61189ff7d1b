import { segment } from './segmenter.js';

// Function words that say nothing about the topic; kept small on purpose (我/你 help chit-chat).
const STOPWORDS = new Set(['的', '了', '吗', '呢', '吧', '啊', '呀', '是', '在', '就', '都', '也', '和', '与', '及', '着', '这', '那', '个', '有', '还']);

// Numbers that are facts of the domain stay visible; others become shapes.
const KEEP_NUMBERS = new Set(['110', '120', '119', '122', '12345', '12348', '12333', '12315', '96110']);

const URL = /(?:https?:\/\/|www\.)[^\s\u4e00-\u9fff]+|[a-z0-9-]+\.(?:com|cn|cc|net|top|vip|xyz|me|co)(?:\/[^\s\u4e00-\u9fff]*)?/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const LONG_NUMBER = /\d{5,}/g;
const HAN = /[\u4e00-\u9fff]/;

// Who the writer claims to be decides the scam type (the police typology is by whom the fraudster
// impersonates). Checked in order on the words right after a self-introduction (我是… / 这里是…).
const SPEAKER_ROLES: [string, RegExp][] = [
  ['authority', /警官|民警|公安|派出所|刑警|警察|法院|法官|检察|银监|银保监|人民银行|金融监管|税务|社保局|医保局|卫健|疾控|防疫|交警|政府|反诈中心/],
  ['lender', /贷款|信贷|借贷|金融|网贷|金条|白条|借呗|微粒贷|放款/],
  ['service', /客服|客户服务|售后|平台工作人员|快递|物流|商城|旗舰店|淘宝|京东|拼多多|抖音|快手|航空公司/],
  ['relation', /儿子|女儿|孙子|孙女|外孙|外甥|侄子|侄女|表弟|表哥|表姐|表妹|堂[哥弟姐妹]|[哥姐弟妹爸妈舅姑叔姨]|老同学|同学|老乡|朋友|战友|邻居|老师|班主任|校长|主任|领导|老板|总经理|董事长|经理|书记|局长|上级|同事|顾客|客户|房东|物业|合作|伙伴|供货|老[张王李赵刘陈]|xx|XX/],
];
const SELF_INTRO = /(?:我是|我就是|这里是|本人是|是我[,，。!！]?)([^，。,！!？?]{0,16})/;

function speakerFeatures(text: string): string[] {
  const m = SELF_INTRO.exec(text.slice(0, 60));
  if (!m) return [];
  const who = m[1] ?? '';
  for (const [role, re] of SPEAKER_ROLES) if (re.test(who)) return [`s:speaker-${role}`, 's:self-intro'];
  return ['s:self-intro'];
}

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
  shapes.push(...speakerFeatures(canonical));

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

/**
 * Each Han character once (c:). Short questions share few words or bigrams with the corpus sentence
 * that means the same (被打伤 / 打伤了 / 伤人); single characters still overlap. Used by the intent
 * classifiers only: on the longer topic questions they added noise (topic-dev 0.789 -> 0.779).
 */
export function characterFeatures(canonical: string): string[] {
  return [...new Set([...canonical].filter((c) => HAN.test(c)))].map((c) => `c:${c}`);
}
