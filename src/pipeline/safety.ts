/**
 * Deterministic safety rules. They run before any classifier and outrank it by a declared
 * priority: the highest-priority matching rule wins, and the classifier's scores are still kept.
 */
export interface SafetyRule {
  id: string;
  priority: number;
  action: 'urgent' | 'handoff';
  pattern: RegExp;
  /** a match of this pattern cancels the rule (e.g. a question about the past, not an emergency now) */
  unless?: RegExp;
  numbers: string[];
  reply: string;
}

export const SAFETY_RULES: SafetyRule[] = [
  {
    id: 'self-harm',
    priority: 100,
    action: 'urgent',
    pattern: /不想活|想死|自杀|轻生|割腕|跳楼|跳河|喝农药|结束自己的生命|活不下去/,
    numbers: ['120', '110'],
    reply: '您的安全最重要。如果您现在有伤害自己的念头或已经受伤，请马上拨打 120 急救或 110 报警，也请立刻告诉身边的家人、朋友，让他们陪着您。您不是一个人，我们愿意听您说。',
  },
  {
    id: 'violence-now',
    priority: 95,
    action: 'urgent',
    pattern: /(正在|现在|还在|一直在|要|扬言要?|拿刀|持刀).{0,6}(打我|砍|杀|捅|掐|打孩子|打人|行凶)|救命|有人闯进|入室抢劫|绑架|被拐/,
    numbers: ['110', '120'],
    reply: '如果您或他人正面临人身危险，请立即拨打 110 报警；有人受伤请拨打 120。先躲到安全的地方，锁好门，保持电话畅通。',
  },
  {
    // Above violence-now: a fire call often also cries 救命, and the fire brigade is the number that saves them.
    id: 'fire-gas',
    priority: 96,
    action: 'urgent',
    pattern: /着火|起火|失火|火灾|冒烟.{0,4}(楼|房|屋)|煤气泄漏|燃气泄漏|天然气泄漏|爆炸了/,
    unless: /怎么(赔|索赔)|赔偿|保险/,
    numbers: ['119', '120'],
    reply: '发生火情或燃气泄漏，请立即离开危险区域，拨打 119；燃气泄漏时不要开关电器、不要打电话在现场，到室外再拨打。有人受伤请拨打 120。',
  },
  {
    id: 'medical-emergency',
    priority: 90,
    action: 'urgent',
    pattern: /昏迷|晕倒了|大出血|喘不上气|心脏病犯了|中风了|抽搐|不省人事|出车祸了.{0,8}(受伤|流血|人倒)/,
    numbers: ['120', '122'],
    reply: '有人身体出现危急情况，请马上拨打 120 急救电话；交通事故请同时拨打 122 报警。保持现场安全，不要随意搬动伤者。',
  },
  {
    id: 'fraud-transfer-in-progress',
    priority: 85,
    action: 'urgent',
    pattern: /(正在|马上|准备|这就|现在|让我|叫我|要我|催我|刚刚?|刚才)[^。！？]{0,10}(转账|汇款|打款|转钱|打钱|转到|付款|输验证码|共享屏幕|屏幕共享)|安全账户|(刚刚?|刚才)[^。！？]{0,6}(转|汇|付)了?[^。！？]{0,12}(骗|对方|陌生)/,
    unless: /怎么(防|预防|识别)|如何(防|预防|识别)/,
    numbers: ['110', '96110'],
    reply: '请立即停止转账！凡是要求转到"安全账户"、要验证码、要共享屏幕的，都是诈骗。如果已经转出，马上拨打 110 报警（或 96110 反诈专线），同时打银行客服电话申请紧急止付，保留聊天记录和转账凭证。',
  },
  {
    id: 'wants-human',
    priority: 50,
    action: 'handoff',
    pattern: /转人工|人工客服|找人工|真人客服|找个真人|接人工/,
    numbers: ['12345'],
    reply: '好的，我帮您转人工处理：可以在这里登记一个 12345 工单，由工作人员联系您；也可以直接拨打 12345 热线。',
  },
];

export interface SafetyHit {
  rule: string;
  priority: number;
  action: 'urgent' | 'handoff';
  numbers: string[];
  reply: string;
  matched: string;
}

export function checkSafety(text: string, rules: SafetyRule[] = SAFETY_RULES): SafetyHit | undefined {
  const hits = rules
    .map((r) => ({ r, m: r.pattern.exec(text) }))
    .filter((x): x is { r: SafetyRule; m: RegExpExecArray } => x.m !== null && !(x.r.unless?.test(text) ?? false))
    .sort((a, b) => b.r.priority - a.r.priority);
  const top = hits[0];
  if (!top) return undefined;
  // The top rule speaks; the numbers of every other urgent rule that matched are added after its own.
  const numbers = top.r.action === 'urgent' ? [...new Set(hits.filter((h) => h.r.action === 'urgent').flatMap((h) => h.r.numbers))] : top.r.numbers;
  return { rule: top.r.id, priority: top.r.priority, action: top.r.action, numbers, reply: top.r.reply, matched: top.m[0] };
}
