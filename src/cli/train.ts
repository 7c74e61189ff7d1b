import { loadConfig } from '../config.js';
import { readJsonl } from '../nlu/jsonl.js';
import { provisionNlu } from '../nlu/provision.js';
import { CATEGORIES } from '../taxonomy.js';
import { parseArgs, runCli, UsageError } from './args.js';

runCli(async () => {
  const { values } = parseArgs(process.argv.slice(2), { values: ['history'], flags: [] });
  const history = values.history ? readJsonl(values.history).map((r) => ({ text: r.text, label: r.label })) : [];
  const bad = history.find((h) => !(CATEGORIES as readonly string[]).includes(h.label));
  if (bad) throw new UsageError(`history label "${bad.label}" is not a category id (DESIGN §4)`);
  const config = loadConfig();
  await provisionNlu(config.modelDir, { history, force: true, progress: (m) => console.log(m) });
});
