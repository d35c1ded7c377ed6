// A loopback HTTP server that records every request: a host that is not the portal, to prove
// that no Bitrix24 secret travels there.
import http from 'node:http';

export async function startSink() {
	const requests = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			requests.push({ method: req.method, url: req.url, headers: req.headers, body });
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ result: [], total: 0 }));
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		requests,
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
