import { maskPhone, maskPii } from '../pipeline/pii.js';
import type { Ticket } from '../tickets/types.js';
import { closedOnTime, cstDay, isClosed, type Count } from './dashboard.js';

export interface MonthlyReport {
  month: string;
  received: number;
  closed: number;
  closedOnTime: number;
  onTimeRate: number | null;
  byCategory: Count[];
  byRequestType: Count[];
  satisfactionRate: number | null;
  wageArrears: { received: number; closed: number; workers: number; recoveredYuan: number; withFigures: number };
  /** sentences in the style of the city's annual rule-of-law report, only where the data supports them */
  sentences: string[];
}

/** [start, end) of a month in China Standard Time, as ISO instants. */
export function monthRange(month: string): { from: string; to: string } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new RangeError('month must look like 2026-11');
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  return { from: new Date(`${month}-01T00:00:00+08:00`).toISOString(), to: new Date(`${next}-01T00:00:00+08:00`).toISOString() };
}

const group = (values: string[]): Count[] => {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count);
};
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
// 400000 -> "40", 77000 -> "7.7", 86500 -> "8.65": zeros are trimmed only after a decimal point.
export const wan = (yuan: number) => {
  const s = (yuan / 10_000).toFixed(2);
  return s.replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
};

export function monthlyReport(month: string, tickets: Ticket[]): MonthlyReport {
  const closed = tickets.filter(isClosed);
  const onTime = closed.filter(closedOnTime).length;
  const rated = tickets.filter((t) => t.satisfaction);
  const satisfied = rated.filter((t) => t.satisfaction === '满意' || t.satisfaction === '基本满意').length;
  const wage = tickets.filter((t) => t.wageArrears);
  const wageClosed = wage.filter(isClosed);
  const withFigures = wageClosed.filter((t) => t.workers !== null && t.recoveredYuan !== null);
  const workers = withFigures.reduce((a, t) => a + (t.workers ?? 0), 0);
  const recoveredYuan = withFigures.reduce((a, t) => a + (t.recoveredYuan ?? 0), 0);
  const onTimeRate = closed.length ? onTime / closed.length : null;
  const satisfactionRate = rated.length ? satisfied / rated.length : null;
  const sentences = [`本月受理群众诉求 ${tickets.length} 件，办结 ${closed.length} 件，按期办结率 ${pct(onTimeRate)}，回访满意率 ${pct(satisfactionRate)}。`];
  if (wageClosed.length) {
    sentences.push(
      withFigures.length === wageClosed.length
        ? `受理办结拖欠农民工工资案件 ${wageClosed.length} 件，为 ${workers} 名农民工追回欠薪 ${wan(recoveredYuan)} 万元。`
        : `受理办结拖欠农民工工资案件 ${wageClosed.length} 件（其中 ${withFigures.length} 件登记了追回金额：为 ${workers} 名农民工追回欠薪 ${wan(recoveredYuan)} 万元）。`,
    );
  }
  return {
    month,
    received: tickets.length,
    closed: closed.length,
    closedOnTime: onTime,
    onTimeRate: onTimeRate === null ? null : Math.round(onTimeRate * 1000) / 1000,
    byCategory: group(tickets.map((t) => t.category)),
    byRequestType: group(tickets.map((t) => t.requestType)),
    satisfactionRate: satisfactionRate === null ? null : Math.round(satisfactionRate * 1000) / 1000,
    wageArrears: { received: wage.length, closed: wageClosed.length, workers, recoveredYuan, withFigures: withFigures.length },
    sentences,
  };
}

// A cell starting with = + - @ is a formula to a spreadsheet: prefixed so an exported complaint cannot run one.
const cell = (v: string | number | null | boolean) => {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const URGENCY_LABEL = { high: '紧急', medium: '较急', normal: '一般' } as const;

export const CSV_HEADER = ['工单号', '受理日期', '诉求类型', '分类', '承办单位', '紧急程度', '状态', '办理期限', '办结时间', '按期办结', '满意度', '欠薪案件', '农民工人数', '追回金额(元)', '联系电话', '诉求内容'];

/** The month's orders as CSV (UTF-8 with BOM so spreadsheet software reads the Chinese); phones masked. */
export function ticketsCsv(tickets: Ticket[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const t of tickets) {
    lines.push(
      [t.number, cstDay(t.createdAt), t.requestType, t.category, t.department, URGENCY_LABEL[t.urgency], t.status, cstDay(t.deadline), t.closedAt ? cstDay(t.closedAt) : '', isClosed(t) ? (closedOnTime(t) ? '是' : '否') : '', t.satisfaction, t.wageArrears ? '是' : '', t.workers, t.recoveredYuan, maskPhone(t.phone), maskPii(t.content)]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
