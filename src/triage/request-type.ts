import type { RequestType } from '../taxonomy.js';

/** Ordered rules: the first type whose words appear wins; 咨询 when none do. Evidence is the words found. */
const RULES: { type: RequestType; words: RegExp }[] = [
  { type: '举报', words: /举报|检举|揭发|实名反映.{0,6}(违法|违规|贪污)|非法(经营|占地|开采|集资)|贪污|受贿/g },
  { type: '投诉', words: /投诉|不作为|态度(恶劣|差|蛮横)|乱收费|拖欠|欠薪|欠.{0,8}(工资|工钱|开支)|(钱|工资|工钱|开支)[^，。！？]{0,4}(不给|没给|不发|没发|要不回来)|欠(我|我们|俺|俺们)[^，。！？]{0,10}(钱|元|块|万)|扰民|强烈要求|严重影响|不给开支|不给工资|坑人|推诿/g },
  { type: '求助', words: /求助|救助|帮帮|帮忙|急需|困难|走投无路|没人管|怎么办|咋整/g },
  { type: '建议', words: /建议|希望(能|可以|政府)|提议|能否考虑|可否/g },
];

export function classifyRequestType(text: string): { type: RequestType; evidence: string[] } {
  for (const r of RULES) {
    const found = text.match(r.words);
    if (found?.length) return { type: r.type, evidence: [...new Set(found)] };
  }
  return { type: '咨询', evidence: [] };
}

export type Urgency = 'high' | 'medium' | 'normal';

const HIGH = /危险|隐患|塌|漏电|触电|燃气|煤气|着火|停水|停电|停暖|断水|断电|没有暖气|老人.{0,4}(没人管|危)|孩子.{0,4}(危险|失踪)|人身安全|家暴|威胁/g;
const MEDIUM = /欠薪|拖欠工资|不给开支|农民工|过年回家|急|马上|多次反映|一直没人管|反复/g;

export function classifyUrgency(text: string): { urgency: Urgency; evidence: string[] } {
  const high = text.match(HIGH);
  if (high?.length) return { urgency: 'high', evidence: [...new Set(high)] };
  const medium = text.match(MEDIUM);
  if (medium?.length) return { urgency: 'medium', evidence: [...new Set(medium)] };
  return { urgency: 'normal', evidence: [] };
}
