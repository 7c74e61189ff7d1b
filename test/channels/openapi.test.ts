import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/channels/http/openapi.js';

describe('GET /api/openapi.json', () => {
  const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[]; additionalProperties?: boolean; oneOf?: unknown[] } }> } }>> };
  it('documents every contract of DESIGN §5', () => {
    for (const p of ['/api/ask', '/api/classify', '/api/messages', '/api/assist', '/api/session', '/api/tickets', '/api/tickets/{number}', '/healthz', '/metrics']) expect(doc.paths[p], p).toBeDefined();
    expect(Object.keys(doc.paths['/api/session']!).sort()).toEqual(['delete', 'get', 'post']);
  });
  it('takes request shapes from the validating schemas', () => {
    const ask = doc.paths['/api/ask']!.post!.requestBody!.content['application/json']!.schema;
    expect(ask.required).toEqual(['text']);
    expect(ask.additionalProperties).toBe(false);
    expect(doc.paths['/api/tickets/{number}']!.patch!.requestBody!.content['application/json']!.schema.oneOf).toHaveLength(7);
  });
});
