/** Mainland mobile (11 digits) or landline with area code; separators and +86 are tolerated. */
export function normalizePhone(input: string): string | null {
  const s = input.normalize('NFKC').replace(/[\s()（）-]/g, '').replace(/^\+?86/, '');
  if (/^1[3-9]\d{9}$/.test(s)) return s;
  if (/^0\d{2,3}\d{7,8}$/.test(s)) return s;
  return null;
}
