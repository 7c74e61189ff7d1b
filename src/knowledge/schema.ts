import { z } from 'zod';
import { NATIONAL_NUMBERS, SCAM_TYPES, TOPICS } from '../taxonomy.js';

export const CitationSchema = z.object({
  law: z.string().min(1),
  article: z.string().regex(/^第[零〇一二三四五六七八九十百千]+条$/, 'article like 第三条'),
  quote: z.string().trim().min(4, 'quote too short to verify').max(200, 'quote: keep it short'),
});
export type Citation = z.infer<typeof CitationSchema>;

export const EntryFrontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+([.-][a-z0-9_]+)*$/, 'id: lower-case, dots and dashes'),
  title: z.string().min(2),
  intents: z.array(z.string().min(1)).min(1),
  topic: z.enum(TOPICS),
  audience: z.array(z.enum(['citizen', 'operator', 'trainee'])).min(1),
  summary: z.string().min(4).max(200),
  citations: z.array(CitationSchema).min(1, 'every entry states law: at least one citation'),
  contacts: z.array(z.enum(NATIONAL_NUMBERS)).default([]),
  reviewed: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
  lawVersion: z.string().optional(),
  scam: z.enum(SCAM_TYPES).optional(),
});

export type EntryFrontMatter = z.infer<typeof EntryFrontMatterSchema>;

export interface KnowledgeEntry extends EntryFrontMatter {
  file: string;
  body: string;
}
