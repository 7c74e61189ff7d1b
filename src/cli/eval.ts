import { readJsonlPath as readJsonl } from '../nlu/jsonl.js';
import { loadTrainingSet } from '../nlu/training-set.js';
import { evaluate, TASKS, type Task } from '../evaluation/evaluate.js';
import { summaryLine, writeReports } from '../evaluation/report.js';
import { parseArgs, runCli, UsageError } from './args.js';

runCli(async () => {
  const { values, flags } = parseArgs(process.argv.slice(2), { values: ['task', 'data', 'train', 'baseline', 'folds', 'oos'], flags: ['json'] });
  const task = values.task as Task;
  if (!TASKS.includes(task)) throw new UsageError(`--task must be one of ${TASKS.join('|')}`);
  if (!values.data) throw new UsageError('--data FILE.jsonl is required');
  if (values.baseline && values.baseline !== 'stock') throw new UsageError('--baseline takes "stock"');
  const folds = values.folds ? Number(values.folds) : undefined;
  if (folds !== undefined && (!Number.isInteger(folds) || folds < 2)) throw new UsageError('--folds must be an integer >= 2');

  const data = readJsonl(values.data);
  const result = await evaluate({
    task,
    data,
    dataFile: values.data,
    set: loadTrainingSet(),
    trainFile: values.train,
    trainRows: values.train ? readJsonl(values.train) : undefined,
    folds,
    baseline: values.baseline === 'stock',
    oosRows: values.oos ? readJsonl(values.oos) : undefined,
  });
  const files = writeReports(result, values.data);
  const b = result.baseline;
  console.log(`${task}: n=${result.n} accuracy=${result.accuracy} macroF1=${result.macroF1}` + (b ? `  | stock NLP.js accuracy=${b.accuracy} macroF1=${b.macroF1}` : ''));
  console.log(`reports: ${files.md} ${files.json}`);
  if (flags.has('json')) console.log(summaryLine(result));
});
