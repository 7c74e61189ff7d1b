// The reference point for HTTP throughput: a bare Express 5 app answering a tiny JSON POST.
import express from 'express';

const app = express();
app.use(express.json());
app.post('/echo', (req, res) => {
  res.json({ ok: true, n: String((req.body as { text?: string }).text ?? '').length });
});
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
