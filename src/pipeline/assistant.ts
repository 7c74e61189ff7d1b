import { createHash } from 'node:crypto';
import { continueIntake, startIntake, type IntakeOutcome } from '../dialogs/intake.js';
import type { DialogState, SessionStore, StatusState } from '../dialogs/store.js';
import type { KnowledgeBase } from '../knowledge/base.js';
import type { Logger } from '../logger.js';
import type { Nlu } from '../nlu/model.js';
import { normalize } from '../nlu/normalize.js';
import type { TicketService } from '../tickets/service.js';
import { TicketError } from '../tickets/types.js';
import { decide } from './decide.js';
import { KnowledgeSearch } from '../knowledge/search.js';
import { detectPii, maskPii } from './pii.js';
import { answerFromEntry, clarifyReply, describeNumbers, HANDOFF_CHIPS, META_REPLIES, OUT_OF_SCOPE_REPLY } from './respond.js';
import { checkSafety } from './safety.js';
import { THRESHOLDS } from './thresholds.js';
import type { NluView, Reply, Turn } from './turn.js';
import { viewOf } from './understand.js';
import type { TurnLog } from '../stats/turn-log.js';

export const MAX_TEXT = 2000;

export interface AssistantDeps {
  nlu: Nlu;
  kb: KnowledgeBase;
  tickets: TicketService;
  sessions: SessionStore;
  logger: Logger;
  /** where the dashboard's answer/clarify/handoff rates come from; optional so tests can leave it out */
  turns?: TurnLog;
}

const TICKET_NUMBER = /XF\d{12}/i;
const STATUS_HELP: Reply = { text: '请告诉我工单号（以 XF 开头，如 XF202611280001）。', citations: [], quickReplies: ['取消'] };

/**
 * The pipeline: normalize -> safety -> (dialog in progress) -> understand -> decide -> respond.
 * Each stage writes its own part of the turn and a line of trace; none rewrites another's scores.
 */
export class Assistant {
  private readonly search: KnowledgeSearch;

  constructor(private readonly deps: AssistantDeps) {
    this.search = new KnowledgeSearch(deps.kb.entries);
  }

  async handle(input: Turn['input']): Promise<Turn> {
    const turn: Turn = { input, trace: [] };
    turn.normalized = normalize(input.text);
    turn.pii = detectPii(turn.normalized.clean);
    const text = turn.normalized.clean;

    const safety = checkSafety(text);
    if (safety) {
      turn.safety = safety;
      turn.trace.push({ stage: 'safety', note: `rule ${safety.rule} (priority ${safety.priority}) matched "${safety.matched}"` });
    }

    const state = await this.deps.sessions.get(input.sessionId);
    // An emergency interrupts any dialog; a dialog otherwise takes the message as its answer.
    if (state && safety?.action !== 'urgent') {
      await this.continueDialog(turn, state);
      await this.understand(turn, { keepDecision: true });
      return this.finish(turn);
    }
    if (state) await this.deps.sessions.delete(input.sessionId);

    await this.understand(turn);
    if (safety) {
      turn.decision = { action: safety.action, reason: `safety rule ${safety.rule} outranks the classifier` };
      if (safety.action === 'urgent') {
        turn.reply = { text: `${safety.reply}\n\n紧急电话：${describeNumbers(safety.numbers)}`, citations: [], quickReplies: ['找人工 / 登记工单'] };
      } else {
        turn.reply = await this.applyIntake(turn, startIntake(), safety.reply);
      }
      return this.finish(turn);
    }
    await this.decideAndRespond(turn);
    return this.finish(turn);
  }

  /** The nlu object alone (POST /api/classify): no dialog, no state. */
  async classify(text: string): Promise<NluView> {
    const n = normalize(text);
    const r = await this.deps.nlu.classify(n.clean);
    return viewOf(this.deps.nlu, r, n.clean);
  }

  private async understand(turn: Turn, opts: { keepDecision?: boolean } = {}): Promise<void> {
    const clean = turn.normalized!.clean;
    const r = await this.deps.nlu.classify(clean);
    turn.rankings = { intent: r.intentRanking, topic: r.topicRanking, category: r.categoryRanking, scam: r.scamRanking };
    turn.nlu = viewOf(this.deps.nlu, r, turn.normalized!.clean);
    if (!opts.keepDecision) turn.trace.push({ stage: 'understand', note: `intent ${turn.nlu.intent} ${turn.nlu.score.toFixed(2)}, topic ${turn.nlu.topic}, scam ${turn.nlu.scam}` });
  }

  private async decideAndRespond(turn: Turn): Promise<void> {
    const nlu = turn.nlu!;
    const text = turn.normalized!.clean;
    const d = decide(turn.rankings!.intent, () => this.search.search(text), THRESHOLDS);
    turn.trace.push({ stage: 'decide', note: d.reason });
    if (d.kind === 'out_of_scope') {
      turn.decision = { action: 'handoff', reason: `out of scope: ${d.reason}` };
      turn.reply = OUT_OF_SCOPE_REPLY;
      return;
    }
    if (d.kind === 'clarify') {
      turn.decision = { action: 'clarify', reason: d.reason, options: d.options };
      const titles = d.options.map((o) => this.deps.kb.select(o, text, nlu.scam)?.title ?? o) as [string, string];
      turn.reply = clarifyReply(titles);
      return;
    }
    if (d.kind === 'clarify_entries') {
      turn.decision = { action: 'clarify', reason: d.reason, options: [d.entries[0].intents[0]!, d.entries[1].intents[0]!] };
      turn.reply = clarifyReply([d.entries[0].title, d.entries[1].title]);
      return;
    }
    const intent = d.intent;
    turn.decision = { action: 'answer', reason: d.reason, intent };
    if (intent === 'ticket.create' || intent === 'meta.human') {
      turn.decision = { action: 'handoff', reason: `${intent}: the person wants a person / a work order`, intent };
      turn.reply = await this.applyIntake(turn, startIntake(intent === 'ticket.create' ? turn.input.text.normalize('NFKC') : undefined));
      return;
    }
    if (intent === 'ticket.status') {
      turn.decision = { action: 'status', reason: 'asks for the status of a work order', intent };
      turn.reply = await this.continueStatus(turn, { kind: 'status', step: 'number' }, text);
      return;
    }
    const meta = META_REPLIES[intent];
    if (meta) {
      turn.reply = meta;
      return;
    }
    const entry = this.deps.kb.select(intent, text, nlu.scam);
    if (!entry) {
      turn.decision = { action: 'handoff', reason: `no knowledge entry for ${intent}` };
      turn.reply = OUT_OF_SCOPE_REPLY;
      return;
    }
    turn.trace.push({ stage: 'respond', note: `entry ${entry.id}` });
    turn.reply = answerFromEntry(entry);
  }

  private async continueDialog(turn: Turn, state: DialogState): Promise<void> {
    const text = turn.normalized!.clean;
    if (state.kind === 'status') {
      turn.decision = { action: 'status', reason: `status dialog, step ${state.step}` };
      turn.reply = await this.continueStatus(turn, state, text);
      return;
    }
    turn.decision = { action: 'intake', reason: `intake dialog, step ${state.step}` };
    // The raw text (not lower-cased) is what goes into the order.
    const raw = turn.input.text.normalize('NFKC').trim();
    const outcome = continueIntake(state, state.step === 'content' || state.step === 'address' || state.step === 'name' ? raw : text);
    if (outcome.type !== 'submit') {
      turn.reply = await this.applyIntake(turn, outcome);
      return;
    }
    {
      const pending = outcome;
      try {
        const ticket = await this.deps.tickets.create(
          { ...pending.draft, channel: turn.input.channel === 'webhook' ? 'webhook' : turn.input.channel === 'console' ? 'console' : 'web', sessionId: turn.input.sessionId },
          // The same confirmed draft submitted twice (a retried message) is one order, not two.
          `chat:${createHash('sha256').update(`${turn.input.sessionId}\n${pending.draft.content}\n${pending.draft.address}\n${pending.draft.phone}`).digest('hex').slice(0, 32)}`,
        );
        await this.deps.sessions.delete(turn.input.sessionId);
        turn.trace.push({ stage: 'intake', note: `ticket ${ticket.number} created` });
        turn.reply = {
          text: `工单已登记，编号 ${ticket.number}。承办单位：${ticket.department}，将在 ${ticket.deadline.slice(0, 10)} 前办理回复。凭工单号和手机后四位可以随时查询进度。`,
          citations: [],
          quickReplies: ['查询工单进度'],
          ticketNumber: ticket.number,
        };
      } catch (err) {
        if (!(err instanceof TicketError)) throw err;
        turn.reply = { text: `登记没有成功：${err.message}。请再确认一次。`, citations: [], quickReplies: ['确认提交', '取消'] };
      }
    }
  }

  private async applyIntake(turn: Turn, outcome: Exclude<IntakeOutcome, { type: 'submit' }>, prefix = ''): Promise<Reply> {
    const sid = turn.input.sessionId;
    if (outcome.type === 'ask') {
      await this.deps.sessions.set(sid, outcome.state);
      return { text: prefix ? `${prefix}\n\n${outcome.text}` : outcome.text, citations: [], quickReplies: outcome.quickReplies };
    }
    await this.deps.sessions.delete(sid);
    turn.trace.push({ stage: 'intake', note: 'cancelled, nothing stored' });
    return { text: outcome.text, citations: [], quickReplies: outcome.quickReplies };
  }

  private async continueStatus(turn: Turn, state: StatusState, text: string): Promise<Reply> {
    const sid = turn.input.sessionId;
    if (/^(取消|算了|不查了)/.test(text)) {
      await this.deps.sessions.delete(sid);
      return { text: '好的，不查了。', citations: [], quickReplies: [] };
    }
    const number = state.number ?? TICKET_NUMBER.exec(text)?.[0]?.toUpperCase();
    if (!number) {
      await this.deps.sessions.set(sid, { kind: 'status', step: 'number' });
      return STATUS_HELP;
    }
    const last4 = /(?<!\d)\d{4}(?!\d)/.exec(text.replace(TICKET_NUMBER, ' '))?.[0];
    if (!last4) {
      await this.deps.sessions.set(sid, { kind: 'status', step: 'last4', number });
      return { text: `请输入登记工单时所留手机号的后四位，用来核对身份。`, citations: [], quickReplies: ['取消'] };
    }
    await this.deps.sessions.delete(sid);
    try {
      const t = await this.deps.tickets.statusFor(number, last4);
      return { text: `工单 ${t.number}：当前状态「${t.status}」，承办单位 ${t.department}，办理期限 ${t.deadline.slice(0, 10)}。${t.reply ? `\n答复：${t.reply}` : ''}`, citations: [], quickReplies: [] };
    } catch (err) {
      if (err instanceof TicketError) return { text: err.message, citations: [], quickReplies: ['查询工单进度'] };
      throw err;
    }
  }

  private finish(turn: Turn): Turn {
    if (!turn.reply) turn.reply = { ...OUT_OF_SCOPE_REPLY, quickReplies: HANDOFF_CHIPS };
    this.deps.logger.info('turn', {
      session: turn.input.sessionId.slice(0, 8),
      text: maskPii(turn.input.text.slice(0, 200)),
      action: turn.decision?.action,
      intent: turn.nlu?.intent,
      score: turn.nlu ? Number(turn.nlu.score.toFixed(3)) : undefined,
      trace: turn.trace.map((t) => `${t.stage}: ${t.note}`),
    });
    // Statistics are not worth a lost answer or a slower one: written in the background, a failure only logged.
    this.deps.turns
      ?.record({
        at: new Date().toISOString(),
        channel: turn.input.channel,
        action: turn.decision?.action ?? 'handoff',
        intent: turn.nlu?.intent ?? null,
        score: turn.nlu ? Number(turn.nlu.score.toFixed(3)) : null,
        // Masked and cut: the dashboard lists unanswered questions, never anyone's number.
        text: maskPii(turn.input.text.normalize('NFKC').trim().slice(0, 200)),
      })
      .catch((err: unknown) => this.deps.logger.warn('turn log write failed', { error: (err as Error).message }));
    return turn;
  }
}
