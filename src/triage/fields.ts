import { maskPhone } from '../pipeline/pii.js';

/** What an operator would otherwise copy out of a caller's words by hand. */
export interface ExtractedFields {
  phone?: string;
  phoneMasked?: string;
  idNumberMasked?: string;
  address?: string;
  dates: string[];
  amounts: { text: string; yuan: number }[];
  companies: string[];
  name?: string;
  workers?: number;
}

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/;
const ID_NUMBER = /(?<![0-9a-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dx](?![0-9a-z])/i;
// A place: an administrative chain (省/市/县/区/镇/乡/村/街道) and/or a street, estate or building.
const ADDRESS =
  /(?:[\u4e00-\u9fa5]{2,8}(?:省|市|县|区|镇|乡|街道|村|屯|社区))+(?:[\u4e00-\u9fa5A-Za-z0-9]{1,12}?(?:路|街|大街|道|巷|胡同|小区|花园|家园|公寓|大厦|广场|市场|号楼|栋|单元|号|组))*|[\u4e00-\u9fa5A-Za-z0-9]{2,12}?(?:路|大街|街|巷|胡同|小区|花园|家园|公寓|大厦|广场)(?:[\u4e00-\u9fa5A-Za-z0-9]{0,10}?(?:号楼|栋|单元|号|门口|附近|对面))?/g;
const DATE = /(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号])?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?:今天|昨天|前天|上周|上个月|去年|今年|年前|年后|春节前|过年前)/g;
const COMPANY = /[\u4e00-\u9fa5A-Za-z0-9（）()]{2,20}?(?:有限责任公司|股份有限公司|有限公司|公司|集团|工厂|厂|超市|商场|酒店|饭店|医院|学校|幼儿园|培训机构|物业|驾校|健身房)/g;
const NAME = /(?:我叫|我是|本人|联系人|姓名[:：]?)\s*([\u4e00-\u9fa5]{1}(?:先生|女士)|[\u4e00-\u9fa5]{2,3})(?=[，,。.\s]|$|电话|手机|住)/;
const WORKERS = /([0-9一二两三四五六七八九十百]+)\s*(?:名|个|位)?\s*(?:农民工|工人|工友|员工)/;

const DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * 3, 3.5, 三千五 (3500), 两万五 (25000), 一百零五, 十二, 八万六千, 8万6千, 1.5万 -> number;
 * undefined when it is not a number.
 */
export function parseChineseNumber(s: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  let total = 0;
  let section = 0;
  let digit = 0;
  // The unit just passed: a bare digit after it is one unit lower (三千五 = 3500), except after 零.
  let lastUnit = 1;
  for (const tok of s.match(/\d+(?:\.\d+)?|./g) ?? []) {
    if (/^\d/.test(tok)) digit = Number(tok);
    else if (tok === '零') lastUnit = 1;
    else if (tok in DIGIT) digit = DIGIT[tok]!;
    else if (tok in UNIT) {
      section += (digit || 1) * UNIT[tok]!;
      digit = 0;
      lastUnit = UNIT[tok]!;
    } else if (tok === '万') {
      total += (section + digit) * 10_000;
      section = 0;
      digit = 0;
      lastUnit = 10_000;
    } else return undefined;
  }
  return total + section + (lastUnit >= 100 ? (digit * lastUnit) / 10 : digit);
}

const NUM = '(?:\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千万])+';
// With a currency word (八万六千元, 800块), or a bare amount in 万 (1.5万, 两万多).
// 一万八 is colloquial for 18,000: one digit straight after 万 belongs to it.
const AMOUNT = new RegExp(`(${NUM})\\s*多?\\s*(?:元|块钱|块|圆)|(${NUM}万(?:[一二两三四五六七八九](?![十百千万]))?)多?`, 'g');

export function extractAmounts(text: string): { text: string; yuan: number }[] {
  const out: { text: string; yuan: number }[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const yuan = parseChineseNumber(m[1] ?? m[2] ?? '');
    if (yuan) out.push({ text: m[0], yuan: Math.round(yuan) });
  }
  return out;
}

// Words that end the lead-in of a clause (我们给…, 工地在…): a place or company name starts after the last one.
const LEAD_IN = /^.*[在给到去住是了从往把被找说们个]/;
const trimLead = (s: string) => s.replace(LEAD_IN, '');

export function extractFields(text: string): ExtractedFields {
  const phone = MOBILE.exec(text)?.[0] ?? LANDLINE.exec(text)?.[0];
  const id = ID_NUMBER.exec(text)?.[0];
  const withoutNumbers = text.replace(ID_NUMBER, ' ').replace(MOBILE, ' ');
  const address = [...withoutNumbers.matchAll(ADDRESS)].map((m) => trimLead(m[0])).filter((a) => a.length >= 3).sort((a, b) => b.length - a.length)[0];
  const workers = WORKERS.exec(text)?.[1];
  return {
    ...(phone ? { phone, phoneMasked: maskPhone(phone) } : {}),
    ...(id ? { idNumberMasked: `${id.slice(0, 3)}***********${id.slice(-4)}` } : {}),
    ...(address ? { address } : {}),
    dates: [...new Set(withoutNumbers.match(DATE) ?? [])],
    amounts: extractAmounts(withoutNumbers),
    companies: [...new Set((withoutNumbers.match(COMPANY) ?? []).map(trimLead).filter((c) => c.length >= 3))].slice(0, 5),
    ...(NAME.exec(text)?.[1] ? { name: NAME.exec(text)![1]! } : {}),
    ...(workers && parseChineseNumber(workers) ? { workers: parseChineseNumber(workers)! } : {}),
  };
}

/** Unpaid wages in the caller's words: the orders the annual report counts as 拖欠农民工工资案件. */
export const WAGE_ARREARS = /欠薪|讨薪|拖欠.{0,6}(工资|工钱|薪|开支|劳务费)|(工资|工钱|开支).{0,8}(不给|没给|没发|不发|拖着|要不回来|欠着)|不给开支/;
