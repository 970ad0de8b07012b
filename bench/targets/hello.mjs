// The ceiling: the cheapest HTTP answer Node can give on this machine.
import http from 'node:http';

const port = Number(process.argv[2] ?? 0);
http.createServer((_request, response) => response.end('hello')).listen(port, '127.0.0.1');
