import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemorySessionStore } from '../../src/dialogs/store.js';
import { KnowledgeBase } from '../../src/knowledge/base.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createLogger } from '../../src/logger.js';
import { Assistant } from '../../src/pipeline/assistant.js';
import { repoPath } from '../../src/paths.js';
import { SqliteTicketRepository } from '../../src/tickets/sqlite.js';
import { TicketService } from '../../src/tickets/service.js';
import { loadCalendar, loadDeployment } from '../../src/triage/deployment.js';
import { testNlu } from '../helpers/nlu.js';

interface Expect {
  action?: string;
  intent?: string;
  intentPrefix?: string;
  topic?: string;
  scam?: string;
  citations?: boolean;
  replyContains?: string[];
  replyNotContains?: string[];
  ticket?: boolean;
  /** the knowledge entry answered (for confusable legal terms) */
  entry?: string;
}
interface Conversation {
  name: string;
  turns: { user: string; expect: Expect }[];
}

const dir = repoPath('test', 'conversations');
const conversations = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as Conversation[]).map((c) => ({ ...c, file: f })));

let assistant: Assistant;
beforeAll(async () => {
  const nlu = await testNlu();
  const tickets = new TicketService(new SqliteTicketRepository(':memory:'), nlu, loadDeployment(repoPath('knowledge', 'deployment.json')), loadCalendar());
  assistant = new Assistant({ nlu, kb: new KnowledgeBase(loadKnowledge()), tickets, sessions: new MemorySessionStore(), logger: createLogger('silent') });
});

describe('conversations (user text -> action, intent, reply features)', () => {
  it('there are at least 30 transcripts', () => {
    expect(conversations.length).toBeGreaterThanOrEqual(30);
  });
  it.each(conversations.map((c) => [`${c.file}: ${c.name}`, c] as const))('%s', async (_name, c) => {
    const sessionId = `conv-${c.name}`;
    for (const { user, expect: e } of c.turns) {
      const turn = await assistant.handle({ text: user, sessionId, channel: 'web' });
      const where = `after "${user}" (decision: ${turn.decision?.reason}; nlu: ${turn.nlu?.intent} ${turn.nlu?.score.toFixed(2)})`;
      if (e.action) expect(turn.decision?.action, where).toBe(e.action);
      if (e.intent) expect(turn.nlu?.intent, where).toBe(e.intent);
      if (e.intentPrefix) expect(turn.nlu?.intent.startsWith(e.intentPrefix), where).toBe(true);
      if (e.topic) expect(turn.nlu?.topic, where).toBe(e.topic);
      if (e.scam) expect(turn.nlu?.scam, where).toBe(e.scam);
      if (e.citations) expect(turn.reply!.citations.length, where).toBeGreaterThan(0);
      for (const s of e.replyContains ?? []) expect(turn.reply!.text, where).toContain(s);
      for (const s of e.replyNotContains ?? []) expect(turn.reply!.text, where).not.toContain(s);
      if (e.entry) expect(turn.reply!.entryId, where).toBe(e.entry);
      if (e.ticket === true) expect(turn.reply!.ticketNumber, where).toMatch(/^XF\d{12}$/);
      if (e.ticket === false) expect(turn.reply!.ticketNumber, where).toBeUndefined();
    }
  });
});
