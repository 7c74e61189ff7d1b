import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError } from '../knowledge/errors.js';

const Row = z
  .object({ id: z.union([z.string(), z.number()]).optional(), text: z.string().min(1), label: z.string().optional(), intent: z.string().optional() })
  .refine((r) => r.label !== undefined || r.intent !== undefined, { message: 'needs "label" (or "intent")' });

export interface EvalRow {
  id: string;
  text: string;
  label: string;
}

/** JSONL {id, text, label} (fixtures may say "intent" for the label); a bad line fails with its number. */
export function readJsonl(file: string): EvalRow[] {
  const rows: EvalRow[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new ContentError(file, `line ${i + 1}`, 'not valid JSON');
      }
      const parsed = Row.safeParse(raw);
      if (!parsed.success) throw ContentError.fromZod(`${file}:${i + 1}`, parsed.error);
      const r = parsed.data;
      rows.push({ id: String(r.id ?? `${i + 1}`), text: r.text, label: (r.label ?? r.intent)! });
    });
  return rows;
}

/** A JSONL file, or every *.jsonl file of a folder (the held-out fixtures are one file per domain). */
export function readJsonlPath(path: string): EvalRow[] {
  if (!statSync(path).isDirectory()) return readJsonl(path);
  return readdirSync(path)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readJsonl(join(path, f)).map((r) => ({ ...r, id: `${f.replace(/\.jsonl$/, '')}:${r.id}` })));
}
