import { maskPhone } from '../pipeline/pii.js';
import { normalizePhone } from '../tickets/phone.js';
import { LIMITS } from '../tickets/service.js';

export type IntakeStep = 'content' | 'address' | 'phone' | 'name' | 'consent' | 'confirm';

export interface IntakeDraft {
  content?: string;
  address?: string;
  phone?: string;
  name?: string | null;
  consent?: boolean;
}

export interface IntakeState {
  kind: 'intake';
  step: IntakeStep;
  draft: IntakeDraft;
}

export type IntakeOutcome =
  | { type: 'ask'; state: IntakeState; text: string; quickReplies: string[] }
  | { type: 'cancelled'; text: string; quickReplies: string[] }
  | { type: 'submit'; draft: Required<IntakeDraft> };

const CANCEL = /^(取消|算了|不办了|不用了|不登记了|退出|不要了|不弄了)|取消(登记|工单)?$|不想登记/;
const YES = /^(确认|确定|是的?|对的?|好的?|同意|可以|提交|没问题|行|嗯|ok)[。!！,， ]*(提交|吧|的)?$/i;
const NO = /^(不同意|不行|不可以|否|不是|不对|不)$/;
const ANONYMOUS = /匿名|不留|不想留|跳过|不用了|不方便|保密/;
const CORRECTIONS: { step: IntakeStep; words: RegExp }[] = [
  { step: 'phone', words: /(改|修改|更正|换|填错|写错|重新).{0,4}(电话|手机|号码)|(电话|手机|号码).{0,4}(错了|不对|改)/ },
  { step: 'address', words: /(改|修改|更正|填错|写错|重新).{0,4}(地址|地点|位置)|(地址|地点).{0,4}(错了|不对|改)/ },
  { step: 'name', words: /(改|修改|更正|填错|写错|重新).{0,4}(姓名|名字|称呼)|(名字|姓名).{0,4}(错了|不对|改)/ },
  { step: 'content', words: /(改|修改|更正|补充|重新).{0,4}(内容|情况|事情|问题描述)/ },
];

const QUESTIONS: Record<IntakeStep, (d: IntakeDraft) => { text: string; quickReplies: string[] }> = {
  content: () => ({ text: '好的，我来帮您登记 12345 工单。请简单说说发生了什么事（谁、什么时候、什么问题）。', quickReplies: ['取消'] }),
  address: () => ({ text: '事情发生在哪里？请写清楚乡镇/街道、小区或村、门牌等地点。', quickReplies: ['取消'] }),
  phone: () => ({ text: '请留一个能联系到您的电话（手机或带区号的座机），承办单位会通过它回复您。', quickReplies: ['取消'] }),
  name: () => ({ text: '怎么称呼您？也可以选择匿名。', quickReplies: ['匿名', '取消'] }),
  consent: () => ({ text: '为了办理，您的诉求和联系电话会转给承办单位，仅用于处理这件事。您同意吗？', quickReplies: ['同意', '不同意'] }),
  confirm: (d) => ({
    text: [
      '请核对工单信息：',
      `内容：${d.content}`,
      `地点：${d.address}`,
      `电话：${maskPhone(d.phone ?? '')}`,
      `称呼：${d.name ?? '匿名'}`,
      '确认提交吗？需要改哪一项，直接说"改电话""改地址"即可。',
    ].join('\n'),
    quickReplies: ['确认提交', '改电话', '改地址', '取消'],
  }),
};

function nextStep(draft: IntakeDraft): IntakeStep {
  if (!draft.content) return 'content';
  if (!draft.address) return 'address';
  if (!draft.phone) return 'phone';
  if (draft.name === undefined) return 'name';
  if (draft.consent === undefined) return 'consent';
  return 'confirm';
}

function ask(draft: IntakeDraft, step = nextStep(draft), prefix = ''): Extract<IntakeOutcome, { type: 'ask' }> {
  const q = QUESTIONS[step](draft);
  return { type: 'ask', state: { kind: 'intake', step, draft }, text: prefix + q.text, quickReplies: q.quickReplies };
}

/** Starts an intake; what the person already said may become the content. */
// The words of asking for an order say nothing about the matter itself.
const REQUEST_WORDS = /我|要|想|向|给|跟|找|帮|请|一下|一个|个|12345|热线|政府|反映|投诉|举报|问题|情况|登记|提交|工单|办|下|吧|的|了|[\s\p{P}]/gu;

/** Starts an intake; what the person already said becomes the content when it describes a matter. */
export function startIntake(content?: string): Extract<IntakeOutcome, { type: 'ask' }> {
  const draft: IntakeDraft = {};
  const c = content?.trim();
  if (c && c.length <= LIMITS.content && c.replace(REQUEST_WORDS, '').length >= 6) draft.content = c;
  return ask(draft);
}

/** One answer in the intake; pure, so it is tested without any server or store. */
export function continueIntake(state: IntakeState, text: string): IntakeOutcome {
  const answer = text.trim();
  if (CANCEL.test(answer)) return { type: 'cancelled', text: '好的，已取消，没有登记任何工单。需要时随时再找我，也可以直接拨打 12345。', quickReplies: ['我要登记工单'] };
  const correction = CORRECTIONS.find((c) => c.words.test(answer));
  if (correction) {
    const draft = { ...state.draft };
    if (correction.step !== 'confirm' && correction.step !== 'consent') delete draft[correction.step];
    return ask(draft, correction.step);
  }
  const draft: IntakeDraft = { ...state.draft };
  switch (state.step) {
    case 'content':
      if (answer.length < 4) return ask(draft, 'content', '再多说几句吧，比如什么时间、什么问题。');
      if (answer.length > LIMITS.content) return ask(draft, 'content', `内容太长了，请控制在 ${LIMITS.content} 字以内。`);
      draft.content = answer;
      break;
    case 'address':
      if (answer.length < 2) return ask(draft, 'address', '地点还不够清楚。');
      if (answer.length > LIMITS.address) return ask(draft, 'address', `地点请控制在 ${LIMITS.address} 字以内。`);
      draft.address = answer;
      break;
    case 'phone': {
      const phone = normalizePhone(answer.replace(/^(我的)?(电话|手机|号码)(是|:|：)?/, ''));
      if (!phone) return ask(draft, 'phone', '这个号码好像不对：手机号是 11 位，座机请带区号（如 0431-12345678）。');
      draft.phone = phone;
      break;
    }
    case 'name':
      if (ANONYMOUS.test(answer)) draft.name = null;
      else if (answer.length > LIMITS.name) return ask(draft, 'name', `称呼请控制在 ${LIMITS.name} 字以内。`);
      else draft.name = answer.replace(/^(我叫|我是|叫我)/, '').trim() || null;
      break;
    case 'consent':
      if (YES.test(answer)) draft.consent = true;
      else if (NO.test(answer) || /不同意/.test(answer))
        return { type: 'cancelled', text: '明白。没有您的同意，我们不能把诉求转给承办单位，所以这次没有登记工单。您也可以直接拨打 12345 热线反映。', quickReplies: ['我要登记工单'] };
      else return ask(draft, 'consent', '请回答"同意"或"不同意"。');
      break;
    case 'confirm':
      if (YES.test(answer) || /确认提交|提交吧|确认/.test(answer)) {
        const { content, address, phone, name, consent } = draft;
        if (content && address && phone && name !== undefined && consent) return { type: 'submit', draft: { content, address, phone, name, consent } };
      }
      return ask(draft, 'confirm', '没听明白，');
  }
  return ask(draft);
}

