#!/usr/bin/env python3
"""A stand-in for a shared Discord REST proxy (nirn-proxy's role) in tests: serves HTTP on 127.0.0.1
(an ephemeral port, printed on stdout), forwards every request under /api/v10 to the same path of the
upstream base URL with its method, headers (Authorization included) and body, and answers with the
upstream's status, headers and body. Each request is logged on stderr as "METHOD PATH STATUS".
Usage: rest_forwarder.py UPSTREAM_HOST UPSTREAM_PORT"""
import http.client, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

upstream_host, upstream_port = sys.argv[1], int(sys.argv[2])
hop_by_hop = {"connection", "keep-alive", "transfer-encoding", "host", "content-length"}

class Forwarder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def forward(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in hop_by_hop}
        connection = http.client.HTTPConnection(upstream_host, upstream_port, timeout=30)
        connection.request(self.command, self.path, body=body, headers=headers)
        answer = connection.getresponse()
        data = answer.read()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in hop_by_hop:
                self.send_header(name, value)
        self.send_header("Via", "1.1 rest-forwarder")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        connection.close()
        print(f"{self.command} {self.path.split('?')[0]} {answer.status}", file=sys.stderr, flush=True)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = forward

    def log_message(self, *args):
        pass

server = ThreadingHTTPServer(("127.0.0.1", 0), Forwarder)
print(server.server_address[1], flush=True)
server.serve_forever()
