import type { Nlu } from '../nlu/model.js';
import { CATEGORIES, REQUEST_TYPES, type Category, type RequestType } from '../taxonomy.js';
import type { Deployment, HolidayCalendar } from '../triage/deployment.js';
import { classifyRequestType, classifyUrgency, type Urgency } from '../triage/request-type.js';
import { extractAmounts, WAGE_ARREARS } from '../triage/fields.js';
import type { Principal } from '../accounts/types.js';
import type { TicketCommandInput } from './commands.js';
import { addWorkingDays, missingCalendarYears } from './deadline.js';
import { applyCommand, type TicketCommand } from './lifecycle.js';
import { normalizePhone } from './phone.js';
import { TicketError, type HistoryItem, type NewTicket, type PageRequest, type Ticket, type TicketFilter, type TicketPage, type TicketRepository } from './types.js';

export interface TicketDraft {
  content: string;
  address: string;
  phone: string;
  name?: string | null;
  consent: boolean;
  channel: NewTicket['channel'];
  requestType?: RequestType;
  category?: string;
  sessionId?: string;
  createdBy?: string;
}

export interface Triage {
  requestType: RequestType;
  category: Category;
  categoryScore: number;
  department: string;
  urgency: Urgency;
  evidence: { requestType: string[]; urgency: string[] };
}

export const LIMITS = { content: 2000, address: 200, name: 50 } as const;

/** Work orders: fills category, department, urgency and deadline, then stores durably. */
export class TicketService {
  constructor(
    private readonly repo: TicketRepository,
    private readonly nlu: Nlu,
    private readonly deployment: Deployment,
    private readonly calendar: HolidayCalendar,
  ) {}

  async triage(content: string): Promise<Triage> {
    const ranking = (await this.nlu.classify(content)).categoryRanking;
    const top = ranking[0];
    const category = (top && (CATEGORIES as readonly string[]).includes(top.label) ? top.label : '党务政务') as Category;
    const rt = classifyRequestType(content);
    const urgency = classifyUrgency(content);
    return {
      requestType: rt.type,
      category,
      categoryScore: top?.score ?? 0,
      department: this.deployment.departments[category]!,
      urgency: urgency.urgency,
      evidence: { requestType: rt.evidence, urgency: urgency.evidence },
    };
  }

  async create(draft: TicketDraft, idempotencyKey?: string, now = new Date()): Promise<Ticket> {
    const content = draft.content.trim();
    const address = draft.address.trim();
    if (!content) throw new TicketError('invalid', 'content: 请说明反映的事情');
    if (content.length > LIMITS.content) throw new TicketError('invalid', `content: 最多 ${LIMITS.content} 字`);
    if (!address) throw new TicketError('invalid', 'address: 请说明地点');
    if (address.length > LIMITS.address) throw new TicketError('invalid', `address: 最多 ${LIMITS.address} 字`);
    const phone = normalizePhone(draft.phone);
    if (!phone) throw new TicketError('invalid', 'phone: 请填写正确的手机号或带区号的固定电话');
    const name = draft.name?.trim() || null;
    if (name && name.length > LIMITS.name) throw new TicketError('invalid', `name: 最多 ${LIMITS.name} 字`);
    if (!draft.consent) throw new TicketError('invalid', 'consent: 需要您同意把诉求转给承办单位');
    if (draft.requestType && !REQUEST_TYPES.includes(draft.requestType)) throw new TicketError('invalid', 'requestType: 不是有效的诉求类型');
    if (draft.category && !(CATEGORIES as readonly string[]).includes(draft.category)) throw new TicketError('invalid', 'category: 不是有效的分类');

    if (idempotencyKey) {
      // A repeated key returns the first order, but only for the same request: another body is a conflict.
      const first = await this.repo.findByIdempotencyKey(idempotencyKey);
      if (first) {
        if (first.content !== content || first.phone !== phone || first.address !== address) throw new TicketError('conflict', 'Idempotency-Key was already used for a different order');
        return first;
      }
    }
    const triage = await this.triage(`${content} ${address}`);
    const requestType = draft.requestType ?? triage.requestType;
    const category = (draft.category as Category | undefined) ?? triage.category;
    const deadline = addWorkingDays(now, this.deployment.deadlineWorkingDays[requestType]!, this.calendar).toISOString();
    return this.repo.create(
      {
        channel: draft.channel,
        name,
        phone,
        address,
        requestType,
        content,
        category,
        department: this.deployment.departments[category]!,
        urgency: triage.urgency,
        consent: true,
        sessionId: draft.sessionId,
        createdBy: draft.createdBy,
        amountYuan: Math.max(0, ...extractAmounts(content).map((a) => a.yuan)) || null,
        wageArrears: WAGE_ARREARS.test(content),
        deadline,
      },
      idempotencyKey,
      now,
    );
  }

  async get(number: string): Promise<Ticket> {
    const t = await this.repo.get(number.trim().toUpperCase());
    if (!t) throw new TicketError('not_found', `没有工单 ${number}`);
    return t;
  }

  history(number: string): Promise<HistoryItem[]> {
    return this.repo.history(number);
  }

  list(filter: TicketFilter, page: PageRequest, now = new Date()): Promise<TicketPage> {
    return this.repo.list(filter, page, now);
  }

  range(from: string, to: string): Promise<Ticket[]> {
    return this.repo.range(from, to);
  }

  /** Years a new deadline may reach without a holiday calendar file (shown to operators as a notice). */
  calendarMissingYears(now = new Date()): number[] {
    return missingCalendarYears(this.calendar, now);
  }

  departments(): string[] {
    return [...new Set(Object.values(this.deployment.departments))];
  }

  /** Moves an order through its life; the lifecycle rules decide, the repository refuses a stale status. */
  async transition(number: string, input: TicketCommandInput, by: Principal, now = new Date()): Promise<Ticket> {
    const t = await this.get(number);
    let cmd: TicketCommand;
    if (input.action === 'recategorize') cmd = { ...input, department: this.deployment.departments[input.category]! };
    else if (input.action === 'dispatch' && input.department && !this.departments().includes(input.department)) throw new TicketError('invalid', `department: 「${input.department}」不是配置里的承办单位`);
    else cmd = input;
    const change = applyCommand(t, cmd, by.role, now);
    return this.repo.update(t.number, change, by.name, input.action, now);
  }

  /** A citizen sees an order only with its number and the last four digits of the phone given. */
  async statusFor(number: string, last4: string): Promise<Ticket> {
    const t = await this.repo.get(number.trim().toUpperCase());
    if (!t || !/^\d{4}$/.test(last4) || !t.phone.endsWith(last4)) throw new TicketError('not_found', '没有找到这个工单：请核对工单号和手机号后四位');
    return t;
  }
}
