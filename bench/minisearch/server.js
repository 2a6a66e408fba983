// SPDX-License-Identifier: Apache-2.0
// Baseline (c) of the Podium benchmarks: MiniSearch (BM25+, in memory) over the speaker
// documents that podium-floor-index --emit-docs writes, behind node:http (one process, as a
// Node service is usually deployed). GET /v1/search?q=...&k=10 answers
// {"query", "total", "results": [{"id", "name", "score"}]}.
//   node server.js DOCS.jsonl PORT
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const readline = require('node:readline');
const MiniSearch = require('minisearch');

async function main() {
  const [docsPath, port] = process.argv.slice(2);
  if (!docsPath || !port) {
    console.error('usage: node server.js DOCS.jsonl PORT');
    process.exit(2);
  }
  const index = new MiniSearch({ fields: ['name', 'text'], storeFields: ['name'] });
  const lines = readline.createInterface({ input: fs.createReadStream(docsPath) });
  const batch = [];
  for await (const line of lines) {
    if (line) batch.push(JSON.parse(line));
  }
  index.addAll(batch);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status": "ok"}');
      return;
    }
    const q = url.searchParams.get('q') || '';
    const k = parseInt(url.searchParams.get('k') || '10', 10);
    const hits = index.search(q);
    const body = JSON.stringify({
      query: q,
      total: hits.length,
      results: hits.slice(0, k).map((h) => ({ id: h.id, name: h.name, score: h.score })),
    });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body);
  });
  server.keepAliveTimeout = 60000;
  server.listen(Number(port), '127.0.0.1', () => {
    console.log(`minisearch on 127.0.0.1:${port} (${batch.length} documents)`);
  });
}

main();
