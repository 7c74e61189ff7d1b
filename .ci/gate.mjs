// Reads the last JSON line of a command's output (stdin) and fails loudly if a figure is below its floor.
// Usage: <cmd> --json | node .ci/gate.mjs NAME PATH BOUND [PATH BOUND ...]   (PATH like accuracy or outOfScope.notAnsweredRate)
// BOUND is >=N (default), <=N or ==N. A bound written ~>=N is the target: printed with its gap, not enforced,
// so the gap stays visible in every CI log while the enforced floor ratchets up as the models improve.
import { readFileSync } from 'node:fs';

const [name, ...pairs] = process.argv.slice(2);
const lines = readFileSync(0, 'utf8').trim().split('\n');
const last = lines[lines.length - 1] ?? '';
// The command's own readable lines (figures beside the stock baseline, report paths) stay in the log.
for (const line of lines.slice(0, -1)) if (line.length < 400) console.log(line);
let summary;
try {
  summary = JSON.parse(last);
} catch {
  console.error(`GATE ${name}: FAILED — the last line is not JSON:\n${lines.slice(-10).join('\n')}`);
  process.exit(1);
}
let failed = false;
for (let i = 0; i < pairs.length; i += 2) {
  const target = pairs[i + 1].startsWith('~');
  if (target) pairs[i + 1] = pairs[i + 1].slice(1);
  const path = pairs[i];
  const op = pairs[i + 1].startsWith('<=') ? '<=' : pairs[i + 1].startsWith('==') ? '==' : '>=';
  const bound = Number(pairs[i + 1].replace(/^(<=|>=|==)/, ''));
  const value = path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), summary);
  const ok = typeof value === 'number' && (op === '>=' ? value >= bound : op === '<=' ? value <= bound : value === bound);
  if (target) {
    console.log(`TARGET ${name}: ${path} = ${value} (issue target ${op} ${bound}) ${ok ? 'met' : 'NOT MET YET'}`);
    continue;
  }
  console.log(`GATE ${name}: ${path} = ${value} (must be ${op} ${bound}) ${ok ? 'ok' : 'FAILED'}`);
  if (!ok) failed = true;
}
process.exit(failed ? 1 : 0);
