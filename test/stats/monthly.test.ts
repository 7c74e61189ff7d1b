import { describe, expect, it } from 'vitest';
import { dashboard } from '../../src/stats/dashboard.js';
import { monthlyReport, monthRange, ticketsCsv } from '../../src/stats/monthly.js';
import type { Ticket } from '../../src/tickets/types.js';

const base: Ticket = {
  number: 'XF202611020001',
  createdAt: '2026-11-02T01:00:00.000Z',
  updatedAt: '2026-11-02T01:00:00.000Z',
  channel: 'console',
  name: '王某',
  phone: '13812345678',
  address: '榆树市',
  requestType: '投诉',
  content: '老板拖欠工资，联系13912345678',
  category: '劳动和社会保障',
  department: '市人力资源和社会保障局',
  urgency: 'medium',
  consent: true,
  deadline: '2026-11-09T15:59:59.000Z',
  status: '已回访',
  reply: '已追回',
  satisfaction: '满意',
  callbackNote: null,
  returnReason: null,
  supervised: false,
  closedAt: '2026-11-05T08:00:00.000Z',
  amountYuan: 50000,
  wageArrears: true,
  workers: 10,
  recoveredYuan: 52000,
};
const t = (n: number, extra: Partial<Ticket>): Ticket => ({ ...base, number: `XF2026110${n}0001`, createdAt: `2026-11-0${n}T01:00:00.000Z`, ...extra });

const orders = [
  t(2, {}),
  t(3, { workers: 6, recoveredYuan: 25000, closedAt: '2026-11-20T08:00:00.000Z', satisfaction: '不满意' }), // closed late
  t(4, { wageArrears: false, workers: null, recoveredYuan: null, category: '城乡建设', status: '办理中', closedAt: null, satisfaction: null, requestType: '求助' }),
];

describe('monthly report', () => {
  it('counts like the city report, with wage-arrears figures from the orders', () => {
    const r = monthlyReport('2026-11', orders);
    expect(r).toMatchObject({ received: 3, closed: 2, closedOnTime: 1, onTimeRate: 0.5, satisfactionRate: 0.5 });
    expect(r.wageArrears).toEqual({ received: 2, closed: 2, workers: 16, recoveredYuan: 77000, withFigures: 2 });
    expect(r.sentences).toContain('受理办结拖欠农民工工资案件 2 件，为 16 名农民工追回欠薪 7.7 万元。');
  });
  it('says how many cases lack figures instead of overstating', () => {
    const r = monthlyReport('2026-11', [t(2, {}), t(3, { workers: null, recoveredYuan: null })]);
    expect(r.sentences[1]).toContain('其中 1 件登记了追回金额');
  });
  it('month boundaries are China time', () => {
    expect(monthRange('2026-11')).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    expect(monthRange('2026-12').to).toBe('2026-12-31T16:00:00.000Z');
    expect(() => monthRange('2026-13')).toThrow();
  });
  it('CSV: masked phones (also inside the text), escaped quotes, no spreadsheet formulas', () => {
    const csv = ticketsCsv([t(2, { content: '=HYPERLINK("http://x")，电话13912345678' })]);
    expect(csv.startsWith('\uFEFF工单号,')).toBe(true);
    expect(csv).not.toContain('13912345678');
    expect(csv).not.toContain('13812345678');
    expect(csv).toContain('"\'=HYPERLINK(""http://x"")，电话139****5678"');
  });
});

describe('dashboard', () => {
  it('fills every day, computes SLA, satisfaction and bot rates', () => {
    const d = dashboard(orders, { total: 10, byAction: { answer: 6, clarify: 2, handoff: 2 }, topUnanswered: [{ text: '天气', count: 2 }] }, '2026-11-01T16:00:00.000Z', '2026-11-05T16:00:00.000Z', new Date('2026-11-30T00:00:00Z'));
    expect(d.volumeByDay.map((x) => x.day)).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
    expect(d.volumeByDay.map((x) => x.count)).toEqual([1, 1, 1, 0]);
    expect(d.sla).toEqual({ closed: 2, closedOnTime: 1, onTimeRate: 0.5, open: 1, openOverdue: 1 });
    expect(d.satisfaction).toEqual({ 满意: 1, 基本满意: 0, 不满意: 1, rate: 0.5 });
    expect(d.bot.rates).toEqual({ answer: 0.6, clarify: 0.2, handoff: 0.2 });
    expect(d.byCategory[0]).toEqual({ name: '劳动和社会保障', count: 2 });
  });
});

describe('万元 figures', () => {
  it.each([[400000, '40'], [77000, '7.7'], [86500, '8.65'], [10000, '1'], [5000, '0.5']])('%d yuan -> %s 万', async (yuan, text) => {
    const { wan } = await import('../../src/stats/monthly.js');
    expect(wan(yuan)).toBe(text);
  });
  it('CSV starts with a byte-order mark and names urgency in Chinese', () => {
    const bytes = Buffer.from(ticketsCsv([t(2, { urgency: 'high' })]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(',紧急,');
  });
});
