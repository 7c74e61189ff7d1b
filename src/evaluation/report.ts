import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalResult } from './evaluate.js';
import { THRESHOLDS } from '../pipeline/thresholds.js';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The readable report: summary beside the stock baseline, per-class table, confusion pairs, errors with scores. */
export function renderMarkdown(r: EvalResult, dataFile: string): string {
  const b = r.baseline;
  const lines = [
    `# Evaluation: ${r.task}`,
    '',
    `Data: \`${dataFile}\` (${r.n} rows). Mode: ${r.mode}.`,
    '',
    '| | xiaofa | stock NLP.js |',
    '|---|---|---|',
    `| accuracy | ${pct(r.accuracy)} | ${b ? pct(b.accuracy) : '—'} |`,
    `| macro-F1 | ${r.macroF1.toFixed(3)} | ${b ? b.macroF1.toFixed(3) : '—'} |`,
    `| latency p50 / p99 (ms) | ${r.latencyMs.p50} / ${r.latencyMs.p99} | ${b ? `${b.latencyMs.p50} / ${b.latencyMs.p99}` : '—'} |`,
    '',
    '## Per class',
    '',
    '| label | support | precision | recall | F1 | stock F1 |',
    '|---|---|---|---|---|---|',
    ...Object.entries(r.perClass).map(
      ([label, m]) => `| ${label} | ${m.support} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${m.f1.toFixed(3)} | ${b?.perClass[label]?.f1.toFixed(3) ?? '—'} |`,
    ),
    '',
    '## Most frequent confusions (gold → predicted)',
    '',
    ...r.confusion.slice(0, 15).map((c) => `- ${c.gold} → ${c.predicted}: ${c.count}`),
  ];
  if (r.task === 'intent') {
    lines.push('', '## Decision thresholds', '', `In force: outOfScope ${THRESHOLDS.outOfScope}, confident ${THRESHOLDS.confident}, margin ${THRESHOLDS.margin}, noneMargin ${THRESHOLDS.noneMargin} (src/pipeline/thresholds.ts).`);
    if (r.oos) {
      lines.push('', `Out-of-scope set: ${r.oos.n} sentences; handed off ${r.oos.handedOff}, clarified ${r.oos.clarified}, answered ${r.oos.answered} (not answered: ${pct((r.oos.n - r.oos.answered) / Math.max(1, r.oos.n))}).`);
      for (const e of r.oos.answeredExamples) lines.push(`- answered: ${cell(e.text)} → ${e.intent} (${e.score.toFixed(2)})`);
    }
    if (r.sweep?.length) {
      lines.push('', '| outOfScope | in-scope accuracy | in-scope handed off | out-of-scope rejected |', '|---|---|---|---|');
      for (const p of r.sweep) lines.push(`| ${p.outOfScope} | ${pct(p.inScopeAccuracy)} | ${pct(p.inScopeHandedOff)} | ${pct(p.outOfScopeRejected)} |`);
    }
  }
  lines.push('', `## Errors (${r.errors.length}, first 60)`, '', '| id | gold | predicted (score) | runner-up | text |', '|---|---|---|---|---|');
  for (const e of r.errors.slice(0, 60))
    lines.push(`| ${e.id} | ${e.label} | ${e.predicted} (${e.score.toFixed(2)}) | ${e.second ? `${e.second.label} (${e.second.score.toFixed(2)})` : ''} | ${cell(e.text.slice(0, 80))} |`);
  return `${lines.join('\n')}\n`;
}

export function writeReports(r: EvalResult, dataFile: string, dir = 'reports'): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `eval-${r.task}.json`);
  const md = join(dir, `eval-${r.task}.md`);
  writeFileSync(json, JSON.stringify(r, null, 2));
  writeFileSync(md, renderMarkdown(r, dataFile));
  return { json, md };
}

/** The one-line summary of DESIGN §5 (`--json`). */
export function summaryLine(r: EvalResult): string {
  const strip = (x: Omit<EvalResult, 'baseline' | 'errors' | 'sweep'>) => ({
    task: x.task,
    n: x.n,
    accuracy: x.accuracy,
    macroF1: x.macroF1,
    perClass: x.perClass,
    latencyMs: x.latencyMs,
  });
  const rate = (a: number, b: number) => Math.round((a / Math.max(1, b)) * 10000) / 10000;
  const oos = r.oos
    ? {
        outOfScope: {
          n: r.oos.n,
          notAnswered: r.oos.n - r.oos.answered,
          handedOff: r.oos.handedOff,
          notAnsweredRate: rate(r.oos.n - r.oos.answered, r.oos.n),
          inScopeHandedOffRate: rate(r.oos.inScopeHandedOff, r.oos.inScopeN),
        },
      }
    : {};
  return JSON.stringify({ ...strip(r), ...oos, ...(r.baseline ? { baseline: strip(r.baseline) } : {}) });
}
