import { describe, expect, it } from 'vitest';
import { featurize } from '../../src/nlu/featurize.js';
import { NlpjsClassifier } from '../../src/nlu/nlpjs.js';

const rows = [
  { text: '交了定金卖家不卖了', label: 'deposit_earnest' },
  { text: '定金能不能双倍返还', label: 'deposit_earnest' },
  { text: '定金罚则是什么', label: 'deposit_earnest' },
  { text: '交了订金不想买了能退吗', label: 'deposit_advance' },
  { text: '订金和预付款能退吗', label: 'deposit_advance' },
  { text: '订金退不退', label: 'deposit_advance' },
];

describe('NLP.js facade', () => {
  it('with our featurizer, 定金 and 订金 stay apart (the stock pinyin stemmer merges them)', async () => {
    const engineered = await NlpjsClassifier.train(rows, { featurizer: featurize });
    expect((await engineered.classify('定金的问题'))[0]!.label).toBe('deposit_earnest');
    expect((await engineered.classify('订金的问题'))[0]!.label).toBe('deposit_advance');
  });
  it('round-trips through JSON', async () => {
    const a = await NlpjsClassifier.train(rows, { featurizer: featurize });
    const b = NlpjsClassifier.fromJSON(JSON.parse(JSON.stringify(a.toJSON())), { featurizer: featurize });
    expect(await b.classify('订金退不退')).toEqual(await a.classify('订金退不退'));
  });
  it('does not keep a per-text feature cache growing with every distinct input', async () => {
    const c = await NlpjsClassifier.train(rows, { featurizer: featurize });
    for (let i = 0; i < 50; i += 1) await c.classify(`第${i}个不同的问题`);
    const managers = (c as unknown as { nlp: { nluManager: { domainManagers: Record<string, { domains: Record<string, { cache?: { results: Record<string, object> } }> }> } } }).nlp.nluManager.domainManagers;
    const cached = Object.values(managers).flatMap((dm) => Object.values(dm.domains)).reduce((n, d) => n + Object.keys(d.cache?.results.zh ?? d.cache?.results ?? {}).length, 0);
    expect(cached).toBe(0);
  });
});
