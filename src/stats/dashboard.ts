import { OPEN_STATUSES } from '../tickets/lifecycle.js';
import type { Ticket } from '../tickets/types.js';
import type { TurnStats } from './turn-log.js';

export interface Count {
  name: string;
  count: number;
}

export interface Dashboard {
  from: string;
  to: string;
  tickets: number;
  volumeByDay: { day: string; count: number }[];
  byCategory: Count[];
  byDepartment: Count[];
  byRequestType: Count[];
  byStatus: Count[];
  sla: { closed: number; closedOnTime: number; onTimeRate: number | null; open: number; openOverdue: number };
  satisfaction: { 满意: number; 基本满意: number; 不满意: number; rate: number | null };
  bot: { turns: number; answer: number; clarify: number; handoff: number; urgent: number; rates: { answer: number | null; clarify: number | null; handoff: number | null } };
  topUnanswered: { text: string; count: number }[];
}

/** The day of a timestamp in China Standard Time: reports count days as the city does. */
export const cstDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

const counts = (values: string[]): Count[] => {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
};
const rate = (num: number, den: number) => (den ? Math.round((num / den) * 1000) / 1000 : null);

export const isClosed = (t: Ticket) => t.status === '已办结' || t.status === '已回访';
export const closedOnTime = (t: Ticket) => isClosed(t) && t.closedAt !== null && t.closedAt <= t.deadline;

export function dashboard(tickets: Ticket[], turns: TurnStats, from: string, to: string, now: Date): Dashboard {
  const days = new Map<string, number>();
  // Every day of the range appears, so a quiet day shows as 0 instead of vanishing from the chart.
  for (let d = new Date(`${cstDay(from)}T00:00:00+08:00`); d.toISOString() < to; d = new Date(d.getTime() + 86_400_000)) days.set(cstDay(d.toISOString()), 0);
  for (const t of tickets) days.set(cstDay(t.createdAt), (days.get(cstDay(t.createdAt)) ?? 0) + 1);
  const closed = tickets.filter(isClosed);
  const open = tickets.filter((t) => OPEN_STATUSES.includes(t.status));
  const sat = { 满意: 0, 基本满意: 0, 不满意: 0 };
  for (const t of tickets) if (t.satisfaction && t.satisfaction in sat) sat[t.satisfaction as keyof typeof sat] += 1;
  const rated = sat.满意 + sat.基本满意 + sat.不满意;
  const a = turns.byAction;
  const decided = (a.answer ?? 0) + (a.clarify ?? 0) + (a.handoff ?? 0);
  return {
    from,
    to,
    tickets: tickets.length,
    volumeByDay: [...days.entries()].sort().map(([day, count]) => ({ day, count })),
    byCategory: counts(tickets.map((t) => t.category)),
    byDepartment: counts(tickets.map((t) => t.department)),
    byRequestType: counts(tickets.map((t) => t.requestType)),
    byStatus: counts(tickets.map((t) => t.status)),
    sla: {
      closed: closed.length,
      closedOnTime: closed.filter(closedOnTime).length,
      onTimeRate: rate(closed.filter(closedOnTime).length, closed.length),
      open: open.length,
      openOverdue: open.filter((t) => t.deadline < now.toISOString()).length,
    },
    satisfaction: { ...sat, rate: rate(sat.满意 + sat.基本满意, rated) },
    bot: {
      turns: turns.total,
      answer: a.answer ?? 0,
      clarify: a.clarify ?? 0,
      handoff: a.handoff ?? 0,
      urgent: a.urgent ?? 0,
      rates: { answer: rate(a.answer ?? 0, decided), clarify: rate(a.clarify ?? 0, decided), handoff: rate(a.handoff ?? 0, decided) },
    },
    topUnanswered: turns.topUnanswered,
  };
}
