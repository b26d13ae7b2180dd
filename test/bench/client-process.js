// A bench's HTTP client in its own process, as a browser is: what it times is what a user waits
// for, without the server's other work (workflows after the answer) delaying the client's own
// reading of the answer on the same thread. Driven by harness.ts externalClient() over IPC.
const http = require('node:http');

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const clock = () => Number(process.hrtime.bigint()) / 1e6;

function post({ port, path, headers, body }) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body ?? {});
    const req = http.request({
      host: '127.0.0.1', port, path, method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data), ...headers },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

process.on('message', async (m) => {
  try {
    const started = clock();
    const { status, text } = await post(m);
    process.send({ id: m.id, ms: clock() - started, status, text: status === 200 ? '' : text.slice(0, 300) });
  } catch (e) {
    process.send({ id: m.id, error: String(e && e.message) });
  }
});
