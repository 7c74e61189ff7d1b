import { describe, expect, it } from 'vitest';
import { loadClassifierCorpus, corpusTexts } from '../../src/nlu/corpus.js';
import { classifyCategory, trainCategory } from '../../src/nlu/model.js';

// Operators' corrections, exported as {text, label} lines, are what `npm run train -- --history` reads.
describe('category model with a deployment’s correction history', () => {
  const shipped = corpusTexts([loadClassifierCorpus('category')]);
  // A local matter the shipped corpus files elsewhere: this city routes 秸秆焚烧 (straw burning) to 农村农业.
  const probe = '村东头又有人焚烧秸秆，烟很大';
  const history = [
    '我们屯子里天天有人烧秸秆，呛得没法出门',
    '秸秆焚烧的问题乡里管不管',
    '地里焚烧秸秆烟雾太大，请农业部门来看看',
    '有人在田里点火烧秸秆，希望禁止',
    '秋收后秸秆乱烧，村里全是烟',
    '举报某村村民焚烧秸秆',
  ].map((text) => ({ text, label: '农村农业' }));

  it('learns a routing the shipped corpus does not know', () => {
    const before = classifyCategory(trainCategory(shipped), probe)[0]!;
    const after = classifyCategory(trainCategory(shipped, history), probe)[0]!;
    expect(before.label).not.toBe('农村农业');
    expect(after.label).toBe('农村农业');
  });
});
