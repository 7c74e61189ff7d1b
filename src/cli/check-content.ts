import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LawLibrary } from '../knowledge/laws.js';
import { loadKnowledge } from '../knowledge/loader.js';
import { validateContent } from '../knowledge/validate.js';
import { loadClassifierCorpus, loadIntentCorpora } from '../nlu/corpus.js';
import { readJsonl } from '../nlu/jsonl.js';
import { repoPath } from '../paths.js';
import { parseArgs, runCli } from './args.js';

runCli(async () => {
  const { values, flags } = parseArgs(process.argv.slice(2), { values: ['laws'], flags: ['json'] });
  const corpora = loadIntentCorpora();
  // The classifier corpora are validated by their schema at load, like everything else.
  loadClassifierCorpus('scam');
  loadClassifierCorpus('category');
  const entries = loadKnowledge();
  const laws = values.laws ? LawLibrary.load(values.laws) : undefined;
  const heldOutDir = repoPath('test', 'fixtures', 'heldout');
  const heldOut = existsSync(heldOutDir)
    ? readdirSync(heldOutDir)
        .filter((f) => f.endsWith('.jsonl'))
        .flatMap((f) => readJsonl(join(heldOutDir, f)).map((r) => ({ file: `test/fixtures/heldout/${f}`, text: r.text, label: r.label })))
    : [];
  const report = validateContent(corpora, entries, laws, heldOut);

  for (const p of report.problems) console.log(`✗ ${p.file}: [${p.rule}] ${p.message}`);
  for (const r of report.toReview) console.log(`! ${r.file}: cites ${r.law}, marked for verification: review this entry`);
  console.log(
    `${report.entries} entries, ${report.intents} intents, ${report.utterances} utterances, ${report.citations} citations` +
      (laws ? ` (${report.citationsVerified} verified, ${report.citationsFailed} failed, ${report.supersededCited} of superseded laws)` : ' (not verified: pass --laws DIR)') +
      `, ${report.problems.length} problems`,
  );
  if (flags.has('json')) {
    const { problems: _p, toReview: _t, ...summary } = report;
    console.log(JSON.stringify(summary));
  }
  if (report.problems.length) process.exitCode = 1;
});
