/** Personal data found in a text, and the text with it masked (for logs, lists and echoes). */
export interface Pii {
  phones: string[];
  idNumbers: string[];
  bankCards: string[];
}

const ID_NUMBER = /(?<![0-9a-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dx](?![0-9a-z])/gi;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;
const BANK_CARD = /(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)/g;

export function detectPii(text: string): Pii {
  const idNumbers = text.match(ID_NUMBER) ?? [];
  const withoutIds = text.replace(ID_NUMBER, ' ');
  const phones = [...(withoutIds.match(MOBILE) ?? []), ...(withoutIds.match(LANDLINE) ?? [])];
  const bankCards = (withoutIds.replace(MOBILE, ' ').match(BANK_CARD) ?? []).filter((c) => c.replace(/\D/g, '').length >= 16);
  return { phones, idNumbers, bankCards };
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return `${digits.slice(0, Math.max(0, digits.length - 4)).replace(/\d/g, '*')}${digits.slice(-4)}`;
}

/** ID numbers, bank cards and phones are masked wherever text leaves the pipeline for logs or lists. */
export function maskPii(text: string): string {
  return text
    .replace(ID_NUMBER, (m) => `${m.slice(0, 3)}***********${m.slice(-4)}`)
    .replace(BANK_CARD, (m) => (m.replace(/\D/g, '').length >= 16 ? `****${m.replace(/\D/g, '').slice(-4)}` : m))
    .replace(MOBILE, maskPhone)
    .replace(LANDLINE, maskPhone);
}
