import type { KnowledgeEntry } from '../knowledge/schema.js';
import type { Reply } from './turn.js';

export const DISCLAIMER = '以上是法律信息，不是针对您个人情况的法律意见。需要专人帮助，可拨打 12348 公共法律服务热线，或点"找人工"登记 12345 工单。';

export const HANDOFF_CHIPS = ['找人工 / 登记工单'];

const NUMBER_NAMES: Record<string, string> = {
  '110': '110 报警',
  '120': '120 急救',
  '119': '119 火警',
  '122': '122 交通事故报警',
  '12345': '12345 政务服务便民热线',
  '12348': '12348 公共法律服务热线',
  '12333': '12333 人社服务热线',
  '12315': '12315 市场监管投诉举报热线',
  '96110': '96110 反诈预警劝阻专线',
};

export function describeNumbers(numbers: string[]): string {
  return numbers.map((n) => NUMBER_NAMES[n] ?? n).join('；');
}

export function answerFromEntry(entry: KnowledgeEntry): Reply {
  const contacts = entry.contacts.length ? `\n\n可以联系：${describeNumbers(entry.contacts)}` : '';
  return {
    text: `${entry.summary}\n\n${entry.body}${contacts}\n\n${DISCLAIMER}`,
    citations: entry.citations.map((c) => ({ law: c.law, article: c.article, quote: c.quote })),
    quickReplies: HANDOFF_CHIPS,
    entryId: entry.id,
  };
}

/** "您是想问：A，还是 B？" with both questions as chips (a chip's text is phrased so that it classifies). */
export function clarifyReply([a, b]: [string, string]): Reply {
  return { text: `您是想问：${a}，还是 ${b}？`, citations: [], quickReplies: [a, b, ...HANDOFF_CHIPS] };
}

export const META_REPLIES: Record<string, Reply> = {
  'meta.greet': {
    text: '您好！我是小法，可以回答婚姻家庭、继承、借钱欠债、邻里纠纷、人身损害、电信诈骗、拖欠工资、消费维权等常见法律问题，也能帮您看看一条短信是不是诈骗，或者登记 12345 工单。请直接说您遇到的事。',
    citations: [],
    quickReplies: ['老板不给工资怎么办', '这条短信是不是诈骗', '我要登记工单'],
  },
  'meta.thanks': { text: '不客气！还有别的问题随时问我。', citations: [], quickReplies: ['我要登记工单'] },
  'meta.capabilities': {
    text: '我能做三件事：一是用大白话解答常见法律问题，并给出法律条文出处；二是帮您判断短信、电话是不是诈骗；三是帮您登记 12345 工单，转给承办单位处理。我给的是法律信息，不是律师意见；复杂的事可以拨打 12348 找专业人员。',
    citations: [],
    quickReplies: ['这条短信是不是诈骗', '我要登记工单'],
  },
};

export const OUT_OF_SCOPE_REPLY: Reply = {
  text: '这个问题我还答不上来。我主要解答常见法律问题、识别诈骗和登记 12345 工单。您可以换个说法再问我，或者点"找人工"登记工单，由工作人员联系您；法律问题也可以拨打 12348。',
  citations: [],
  quickReplies: ['找人工 / 登记工单', '你能干啥'],
};
