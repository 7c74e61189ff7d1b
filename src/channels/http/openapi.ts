import { z, type ZodType } from 'zod';
import { TicketCommandSchema } from '../../tickets/commands.js';
import { AssistBody, FeedbackBody } from './routes/assist.js';
import { SignInBody } from './routes/session.js';
import { DashboardQuery, MonthQuery } from './routes/stats.js';
import { ListQuery } from './routes/tickets.js';
import { AskBody, ClassifyBody, CreateTicketBody } from './schemas.js';

// Request shapes come from the same zod schemas that validate them, so this document cannot drift from the code.
const schema = (s: ZodType) => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};
const body = (s: ZodType) => ({ required: true, content: { 'application/json': { schema: schema(s) } } });
const query = (s: ZodType) => {
  const js = schema(s) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, sch]) => ({ name, in: 'query', required: js.required?.includes(name) ?? false, schema: sch }));
};
const error = { description: 'bad input or not allowed', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const ok = (description: string) => ({ description });
const operator = [{ consoleSession: [] }];
const csrf = { name: 'X-CSRF-Token', in: 'header', required: true, schema: { type: 'string' }, description: 'from GET /api/session' };

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'xiaofa 小法', version: '0.1.0', description: 'Legal-literacy assistant and 12345 hotline triage (DESIGN §5). Errors are {error: {code, message}} with a 4xx status.' },
    components: {
      schemas: { Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } } },
      securitySchemes: { consoleSession: { type: 'apiKey', in: 'cookie', name: 'xf_console' } },
    },
    paths: {
      '/api/ask': { post: { summary: 'A citizen question: action, reply with citations, nlu', requestBody: body(AskBody), responses: { 200: ok('answer'), 400: error } } },
      '/api/classify': { post: { summary: 'The nlu object alone', requestBody: body(ClassifyBody), responses: { 200: ok('nlu'), 400: error } } },
      '/api/messages': { post: { summary: 'Botkit web adapter webhook', responses: { 200: ok('bot replies'), 400: error } } },
      '/api/session': {
        post: { summary: 'Sign in (204 + HttpOnly cookie; rate-limited)', requestBody: body(SignInBody), responses: { 204: ok('signed in'), 401: error, 429: error } },
        get: { summary: 'Who is signed in, and the CSRF token', security: operator, responses: { 200: ok('{name, role, csrfToken}'), 401: error } },
        delete: { summary: 'Sign out', security: operator, parameters: [csrf], responses: { 204: ok('signed out'), 401: error, 403: error } },
      },
      '/api/assist': { post: { summary: 'Operator assist: suggestions, triage with evidence, fields, draft order', security: operator, parameters: [csrf], requestBody: body(AssistBody), responses: { 200: ok('assist result'), 400: error, 401: error, 403: error } } },
      '/api/assist/feedback': { post: { summary: 'A suggestion right/wrong, or the corrected category', security: operator, parameters: [csrf], requestBody: body(FeedbackBody), responses: { 204: ok('kept'), 400: error, 401: error } } },
      '/api/corrections.jsonl': { get: { summary: 'Category corrections as training history {text, label} (supervisor)', security: operator, responses: { 200: ok('JSONL'), 401: error, 403: error } } },
      '/api/tickets': {
        post: { summary: 'Create a work order (Idempotency-Key); citizens, or operators with CSRF', parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }], requestBody: body(CreateTicketBody), responses: { 201: ok('the order'), 400: error, 409: error } },
        get: { summary: 'The queue (operators): filters, full-text search, cursor pages', security: operator, parameters: query(ListQuery), responses: { 200: ok('{items, nextCursor, total}'), 400: error, 401: error } },
      },
      '/api/tickets/{number}': {
        get: {
          summary: 'An order: operators (reveal=1 audited), or a citizen with phoneLast4',
          parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'string' } }, { name: 'phoneLast4', in: 'query', required: false, schema: { type: 'string' } }, { name: 'reveal', in: 'query', required: false, schema: { enum: ['1'] } }],
          responses: { 200: ok('the order'), 401: error, 404: error },
        },
        patch: { summary: 'Move an order through its life', security: operator, parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'string' } }, csrf], requestBody: body(TicketCommandSchema), responses: { 200: ok('the order'), 400: error, 403: error, 404: error, 409: error } },
      },
      '/api/stats': { get: { summary: 'Dashboard figures', security: operator, parameters: query(DashboardQuery), responses: { 200: ok('dashboard'), 401: error } } },
      '/api/reports/monthly': { get: { summary: 'Monthly report (supervisor)', security: operator, parameters: query(MonthQuery), responses: { 200: ok('report'), 401: error, 403: error } } },
      '/api/reports/monthly.csv': { get: { summary: 'Monthly orders as CSV, phones masked (supervisor)', security: operator, parameters: query(MonthQuery), responses: { 200: ok('CSV'), 401: error, 403: error } } },
      '/api/console/meta': { get: { summary: 'Taxonomies and departments for the console', security: operator, responses: { 200: ok('meta'), 401: error } } },
      '/healthz': { get: { summary: 'Liveness', responses: { 200: ok('{status: ok}') } } },
      '/metrics': { get: { summary: 'Prometheus text', responses: { 200: ok('metrics') } } },
    },
  };
}
