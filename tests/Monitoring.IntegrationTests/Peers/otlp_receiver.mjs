// An OTLP metrics receiver for the tests: decodes what it is sent with OpenTelemetry's own generated
// protobuf decoder (npm @opentelemetry/otlp-transformer 0.57.2, ExportMetricsServiceRequest.decode).
//
//   node otlp_receiver.mjs TOOLS_DIR [REJECT_FIRST]
//
// TOOLS_DIR holds the npm packages (dashboards/tools). Listens on 127.0.0.1 only, on two free ports:
// http/protobuf (POST /v1/metrics, HTTP/1.1) and gRPC (HTTP/2 cleartext, MetricsService/Export).
// The first REJECT_FIRST requests (default 0) are refused as transient (HTTP 503, gRPC UNAVAILABLE)
// after being decoded, so a test can see the exporter retry. stdout, one JSON object per line:
//   {"ready":{"http":PORT,"grpc":PORT}}
//   {"protocol":"http"|"grpc","contentType":"...","rejected":bool,"request":{...decoded...}}
import http from 'node:http';
import http2 from 'node:http2';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [tools, rejectArg] = process.argv.slice(2);
const require = createRequire(join(tools, 'package.json'));
const root = require('@opentelemetry/otlp-transformer/build/src/generated/root');
const Request = root.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
const Response = root.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
let toReject = Number(rejectArg ?? 0);

function record(protocol, contentType, body) {
  const rejected = toReject > 0;
  if (rejected) toReject--;
  let request;
  try {
    request = Request.toObject(Request.decode(body), { longs: String, enums: String, bytes: String, defaults: false });
  } catch (e) {
    console.log(JSON.stringify({ protocol, contentType, rejected, error: String(e) }));
    return rejected;
  }
  console.log(JSON.stringify({ protocol, contentType, rejected, request }));
  return rejected;
}

const httpServer = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.method !== 'POST' || req.url !== '/v1/metrics') {
      res.writeHead(404).end();
      return;
    }
    const rejected = record('http', req.headers['content-type'] ?? '', Buffer.concat(chunks));
    if (rejected) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('try again');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(Response.encode({}).finish());
  });
});

const grpcServer = http2.createServer();
grpcServer.on('stream', (stream, headers) => {
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  stream.on('end', () => {
    if (headers[':path'] !== '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export') {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '12' }, { endStream: true });
      return;
    }
    // gRPC framing: 1 byte compressed flag, 4 bytes big-endian length, then the message.
    const frame = Buffer.concat(chunks);
    const rejected = record('grpc', headers['content-type'] ?? '', frame.subarray(5, 5 + frame.readUInt32BE(1)));
    if (rejected) {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '14', 'grpc-message': 'try again' }, { endStream: true });
      return;
    }
    const message = Buffer.from(Response.encode({}).finish());
    const reply = Buffer.alloc(5 + message.length);
    reply.writeUInt32BE(message.length, 1);
    message.copy(reply, 5);
    stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
    stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
    stream.end(reply);
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  grpcServer.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ ready: { http: httpServer.address().port, grpc: grpcServer.address().port } }));
  });
});
process.on('SIGTERM', () => process.exit(0));
