import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LawLibrary } from '../../src/knowledge/laws.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { validateContent } from '../../src/knowledge/validate.js';
import { loadIntentCorpora } from '../../src/nlu/corpus.js';
import { repoPath } from '../../src/paths.js';

const SHARED_LAWS = process.env.SHARED_LAWS ?? repoPath('..', 'shared', 'laws');
// The official texts live beside the repository (../shared); CI sets REQUIRE_SHARED=1 so they cannot be missed.
const available = existsSync(join(SHARED_LAWS, 'index.json'));
if (!available && process.env.REQUIRE_SHARED === '1') throw new Error(`REQUIRE_SHARED=1 but no law library at ${SHARED_LAWS}`);

/** A copy of the law library with one law's status changed. */
function libraryWith(law: string, status: string): LawLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'xiaofa-laws-'));
  for (const f of readdirSync(SHARED_LAWS)) if (f.endsWith('.md')) copyFileSync(join(SHARED_LAWS, f), join(dir, f));
  const index = JSON.parse(readFileSync(join(SHARED_LAWS, 'index.json'), 'utf8')) as { laws: { file: string; status: string }[] };
  for (const l of index.laws) if (l.file === `${law}.md`) l.status = status;
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  return LawLibrary.load(dir);
}

describe.skipIf(!available)('law versions (official texts in ../shared/laws)', () => {
  const entries = loadKnowledge();
  const corpora = loadIntentCorpora();
  const citing = (law: string) => new Set(entries.filter((e) => e.citations.some((c) => c.law === law)).map((e) => e.file));

  it('marking a law superseded lists every entry that cites it, and only those', () => {
    const expected = citing('劳动合同法');
    expect(expected.size).toBeGreaterThan(0);
    const report = validateContent(corpora, entries, libraryWith('劳动合同法', 'superseded: test'));
    const flagged = new Set(report.problems.filter((p) => p.rule === 'superseded-law').map((p) => p.file));
    expect(flagged).toEqual(expected);
    expect(report.supersededCited).toBeGreaterThanOrEqual(expected.size);
  });
  it('a law marked for verification lists its entries for review without failing them', () => {
    const lib = libraryWith('人民调解法', 'verify: test');
    const verifyLaws = lib.laws.filter((l) => l.status === 'verify').map((l) => l.short);
    const expected = new Set(verifyLaws.flatMap((l) => [...citing(l)]));
    expect(citing('人民调解法').size).toBeGreaterThan(0);
    const report = validateContent(corpora, entries, lib);
    expect(new Set(report.toReview.map((r) => r.file))).toEqual(expected);
    expect(report.problems.filter((p) => p.rule === 'superseded-law')).toEqual([]);
  });
  it('the shipped content cites no superseded law and every quote verifies', () => {
    const report = validateContent(corpora, entries, LawLibrary.load(SHARED_LAWS));
    expect(report.citationsFailed).toBe(0);
    expect(report.supersededCited).toBe(0);
  });
});
