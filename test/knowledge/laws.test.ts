import { describe, expect, it } from 'vitest';
import { LawLibrary, parseArticles, verifyCitation } from '../../src/knowledge/laws.js';
import { repoPath } from '../../src/paths.js';

const lib = LawLibrary.load(repoPath('test', 'fixtures', 'laws-mini'));

describe('law library', () => {
  it('parses one article per 第N条 paragraph, continuation paragraphs included', () => {
    const a = parseArticles('第一条 甲。\n\n乙。\n\n## 第二章\n\n第二条 丙。');
    expect(a.get('第一条')).toBe('甲。\n乙。');
    expect(a.get('第二条')).toBe('丙。');
  });
  it('finds laws by short and full name', () => {
    expect(lib.get('示例法')?.name).toBe('中华人民共和国示例法');
    expect(lib.get('中华人民共和国示例法')?.short).toBe('示例法');
  });
  it('verifies a verbatim quote, also one spanning paragraphs of the article', () => {
    expect(verifyCitation(lib, { law: '示例法', article: '第二条', quote: '按时足额获得工资的权利' }).ok).toBe(true);
    expect(verifyCitation(lib, { law: '示例法', article: '第二条', quote: '的权利。任何单位不得拖欠' }).ok).toBe(true);
  });
  it.each([
    [{ law: '示例法', article: '第二条', quote: '按时获得工资的权利' }, 'quote-mismatch'],
    [{ law: '示例法', article: '第三条', quote: '为了测试' }, 'unknown-article'],
    [{ law: '不存在法', article: '第一条', quote: '为了测试' }, 'unknown-law'],
    [{ law: '示例法', article: '第一条', quote: '按时足额获得工资的权利' }, 'quote-mismatch'],
  ])('rejects %j as %s', (c, reason) => {
    const r = verifyCitation(lib, c);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe(reason);
  });
  it('knows a superseded law', () => {
    expect(lib.get('旧条例')?.status).toBe('superseded');
  });
});
