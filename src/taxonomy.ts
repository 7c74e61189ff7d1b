/** The ids evaluations are scored on (DESIGN §4). */
export const TOPICS = [
  'family', 'labor', 'fraud', 'consumer', 'contract_debt', 'property', 'tort',
  'administrative', 'criminal', 'legal_services', 'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const CATEGORIES = [
  '城乡建设', '环境保护', '交通运输', '教育文体', '劳动和社会保障', '商贸旅游', '卫生计生', '党务政务',
  '农村农业', '国土资源', '政法', '民政', '纪检监察', '科技与信息产业', '经济管理',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SCAM_TYPES = [
  'order_brushing', 'investment', 'loan_credit', 'credit_record', 'impersonate_service',
  'impersonate_authority', 'impersonate_acquaintance', 'fake_shopping', 'game_trade', 'romance', 'none',
] as const;
export type ScamType = (typeof SCAM_TYPES)[number];

/** Scoring treats credit_record as loan_credit (DESIGN §4). */
export function scamScoringLabel(label: string): string {
  return label === 'credit_record' ? 'loan_credit' : label;
}

export const REQUEST_TYPES = ['咨询', '求助', '投诉', '举报', '建议'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const NATIONAL_NUMBERS = ['110', '120', '119', '122', '12345', '12348', '12333', '12315', '96110'] as const;
