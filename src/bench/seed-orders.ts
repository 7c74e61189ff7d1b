import { CATEGORIES, REQUEST_TYPES } from '../taxonomy.js';
import type { Status, TicketRepository } from '../tickets/types.js';

// Project-written fragments, combined at random: enough variety for the full-text index to be realistic.
const WHAT = ['路灯坏了', '井盖丢失', '噪音扰民', '拖欠工资', '物业乱收费', '暖气不热', '垃圾没人清理', '占道经营', '油烟污染', '公交车不按站停', '学校乱收费', '医保报销难', '低保申请', '宅基地纠纷', '预付卡退费', '房屋漏水', '工地夜间施工', '欠薪讨要无门', '小区停水', '违章建筑'];
const WHERE = ['华昌街道', '正阳街道', '培英街道', '城郊街道', '五棵树镇', '弓棚子镇', '闵家镇', '大岭镇', '刘家镇', '秀水镇'];
const TAIL = ['已经好几天了', '多次反映没人管', '希望尽快处理', '影响老人孩子休息', '请相关部门核实', '咋整啊'];
const PATHS: Status[] = ['待派单', '已派单', '办理中', '已办结', '已回访', '退单'];

/** n orders spread over the `days` before `end`, into an empty store; statuses spread along the life. */
export async function seedOrders(repo: TicketRepository, n: number, end = new Date(), days = 365): Promise<number> {
  let rng = 12345;
  const rand = (k: number) => (rng = (rng * 1103515245 + 12345) % 2147483648) % k;
  const t0 = Date.now();
  for (let i = 0; i < n; i += 1) {
    const created = new Date(end.getTime() - ((n - i) / n) * days * 86_400_000);
    const category = CATEGORIES[rand(CATEGORIES.length)]!;
    const t = await repo.create(
      {
        channel: 'console',
        name: rand(3) ? null : '张三',
        phone: `139${String(10_000_000 + rand(89_999_999))}`,
        address: `榆树市${WHERE[rand(WHERE.length)]}${rand(200)}号`,
        requestType: REQUEST_TYPES[rand(REQUEST_TYPES.length)]!,
        content: `${WHAT[rand(WHAT.length)]}，${WHAT[rand(WHAT.length)]}，${TAIL[rand(TAIL.length)]}`,
        category,
        department: `部门${CATEGORIES.indexOf(category)}`,
        urgency: 'normal',
        consent: true,
        deadline: new Date(created.getTime() + (1 + rand(10)) * 86_400_000).toISOString(),
      },
      undefined,
      created,
    );
    const to = PATHS[rand(PATHS.length)]!;
    if (to !== '待派单') await repo.update(t.number, { fromStatus: '待派单', toStatus: to, set: { status: to, ...(to === '已办结' || to === '已回访' ? { closedAt: created.toISOString() } : {}) }, note: null }, 'seed', 'seed', created);
  }
  return Date.now() - t0;
}
