#!/usr/bin/env node
'use strict';

// s3-test-server: a real S3-speaking server for DogMonitor's tests, on loopback only.
//
//   node tools/s3-test-server/server.js --port 9100 --directory /tmp/s3data \
//        --access-key KEY --secret-key SECRET
//
// s3rver 3.7.1 does the storage work (buckets, put incl. multipart, get with ranges, stat,
// list, delete). It is not trustworthy on its own (see README.md), so it runs in this process
// behind a small HTTP front that:
//   1. verifies every request's AWS SigV4 signature (header and presigned-URL forms),
//      expiry and payload hash, answering like S3 when they fail (lib/sigv4.js);
//   2. forwards authentic requests to s3rver over a private Unix socket, so there is no
//      second, unauthenticated TCP port next to the real one;
//   3. fixes s3rver's XML responses: namespace and encoding-type=url (lib/xml.js).
// For tests only: single credential, no TLS, request bodies are buffered in memory.

const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');

// s3rver seals the continuation token of a listing longer than one page with single DES, which OpenSSL 3 leaves out
// unless its legacy provider is loaded: every listing of more than 1,000 keys failed with a 500. The token is opaque
// and only s3rver reads it back, so DES is swapped for AES-128 (key and IV doubled to its sizes) both ways.
for (const name of ['createCipheriv', 'createDecipheriv']) {
  const original = crypto[name];
  crypto[name] = (algorithm, key, iv, options) => algorithm === 'des'
    ? original('aes-128-cbc', Buffer.concat([key, key]), Buffer.concat([iv, iv]), options)
    : original(algorithm, key, iv, options);
}
const S3rver = require('s3rver');
// s3rver still runs its own (non-verifying) auth step and rejects access keys it does not know,
// so our key has to be registered with it as well.
const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account');

const { verifyRequest, S3Error, sha256Hex, UNSIGNED_PAYLOAD } = require('./lib/sigv4');
const { fixS3rverXml } = require('./lib/xml');

// S3_TEST_SERVER_TRACE=1 logs every request to stderr (for debugging a failing test).
const TRACE = process.env.S3_TEST_SERVER_TRACE === '1';

// Connection-level headers belong to one hop; they must not be forwarded either way.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect'];

function parseOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      directory: { type: 'string' },
      'access-key': { type: 'string' },
      'secret-key': { type: 'string' },
    },
    strict: true,
  });
  const missing = ['port', 'directory', 'access-key', 'secret-key'].filter(name => !values[name]);
  const port = Number(values.port);
  if (missing.length || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error('usage: server.js --port <0-65535, 0 = any free port> --directory <dir> ' +
      '--access-key <key> --secret-key <secret>' + (missing.length ? ` (missing: ${missing.join(', ')})` : ''));
  }
  return {
    port,
    directory: path.resolve(values.directory),
    credentials: { accessKey: values['access-key'], secretKey: values['secret-key'] },
  };
}

const escapeXml = s => String(s).replace(/[<>&'"]/g, ch =>
  ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch]);

function sendError(req, res, err, requestId) {
  const extras = Object.entries(err.extra)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('');
  const body = '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${err.code}</Code><Message>${escapeXml(err.message)}</Message>${extras}` +
    `<RequestId>${requestId}</RequestId><HostId>s3-test-server</HostId></Error>`;
  res.writeHead(err.status, {
    'Content-Type': 'application/xml',
    'Content-Length': Buffer.byteLength(body),
    'x-amz-request-id': requestId,
  });
  res.end(req.method === 'HEAD' ? undefined : body); // like S3: a HEAD error has no body
}

/** Anything that is not an S3 refusal is our bug or s3rver's: log it, answer 500 like S3. */
function internalError(req, res, requestId, err) {
  console.error(`s3-test-server: ${req.method} ${req.url}: ${err.stack || err}`);
  if (res.headersSent) res.destroy();
  else sendError(req, res, new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.'), requestId);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Only responses that s3rver wrote itself get their XML fixed. An object's own content is
 * never touched, even when it is XML: that is a GET/HEAD on a key without an XML-returning
 * sub-resource (?acl, ?tagging).
 */
function shouldFixXml(req, backendRes) {
  if (req.method === 'HEAD') return false; // no body to fix; keep s3rver's Content-Length
  if (!/xml/i.test(backendRes.headers['content-type'] || '')) return false;
  const [rawPath, rawQuery = ''] = req.url.split('?');
  const hasKey = rawPath.split('/').filter(Boolean).length > 1;
  const subresources = rawQuery.split('&').map(p => p.split('=')[0]);
  const isObjectContent = req.method === 'GET' && hasKey &&
    !subresources.includes('acl') && !subresources.includes('tagging');
  return !isObjectContent;
}

/**
 * S3 is linearizable per key and a listing never fails on a write under way; s3rver is neither: a PUT and a DELETE of
 * one key at once can leave its metadata without its object, and every listing of the bucket fails after that. So
 * requests on one key (on one folder, below) go to s3rver one at a time, and a listing waits for the bucket's writes under way (and new writes
 * wait for the listing): an object request holds its key and its bucket shared; a listing holds its bucket alone.
 */
class Locks {
  constructor() { this.keys = new Map(); this.buckets = new Map(); }

  /** Runs fn (returning a promise) holding what the request needs. */
  async run(method, rawPath, fn) {
    const [bucket = '', ...rest] = rawPath.split('?')[0].split('/').filter(Boolean);
    // By the key's folder, not the key: s3rver removes a folder its DELETE leaves empty, and a PUT of another key in
    // that folder at that moment crashes the whole server (ENOENT on its write stream).
    const key = rest.length ? `${bucket}/${rest.slice(0, -1).join('/')}/` : null;
    const state = this.bucket(bucket);
    if (key) {
      while (state.listing) await state.listing;
      state.shared++;
      try { return await this.serial(key, fn); } finally { if (--state.shared === 0) state.idle(); }
    }
    if (method !== 'GET') return fn(); // bucket create, head: nothing to wait for
    while (state.listing) await state.listing;
    let done;
    state.listing = new Promise(resolve => { done = resolve; });
    try {
      while (state.shared > 0) await new Promise(resolve => state.waiters.push(resolve));
      return await fn();
    } finally {
      state.listing = null;
      done();
    }
  }

  bucket(name) {
    let state = this.buckets.get(name);
    if (!state) {
      state = { shared: 0, listing: null, waiters: [], idle() { for (const w of this.waiters.splice(0)) w(); } };
      this.buckets.set(name, state);
    }
    return state;
  }

  serial(key, fn) {
    const previous = this.keys.get(key) || Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.then(() => {}, () => {});
    this.keys.set(key, tail);
    tail.then(() => { if (this.keys.get(key) === tail) this.keys.delete(key); });
    return run;
  }
}

const wantsUrlEncoding = url =>
  new URLSearchParams(url.split('?')[1] || '').get('encoding-type') === 'url';

/** Sends the request on to s3rver; calls done once s3rver is finished with it, whatever the client did meanwhile. */
function forward(req, res, body, backendSocket, agent, requestId, done) {
  const headers = { ...req.headers };
  for (const name of HOP_BY_HOP) delete headers[name];
  if (body.length || req.method === 'PUT' || req.method === 'POST') {
    headers['content-length'] = String(body.length);
  }
  const backendReq = http.request({
    socketPath: backendSocket, agent, method: req.method, path: req.url, headers,
  });
  const failed = err => internalError(req, res, requestId, err);
  backendReq.on('error', err => { failed(err); done(); });
  backendReq.on('response', backendRes => {
    backendRes.on('close', done);
    const resHeaders = { ...backendRes.headers, 'x-amz-request-id': requestId };
    for (const name of HOP_BY_HOP) delete resHeaders[name];
    if (!shouldFixXml(req, backendRes)) {
      res.writeHead(backendRes.statusCode, resHeaders);
      backendRes.pipe(res);
      res.on('close', () => backendRes.destroy()); // client went away mid-download
      return;
    }
    readBody(backendRes).then(raw => {
      const fixed = fixS3rverXml(raw.toString('utf8'), { urlEncodeListing: wantsUrlEncoding(req.url) });
      resHeaders['content-length'] = String(Buffer.byteLength(fixed));
      res.writeHead(backendRes.statusCode, resHeaders);
      res.end(fixed);
    }, failed);
  });
  backendReq.end(body);
}

async function main() {
  const options = parseOptions();
  fs.mkdirSync(options.directory, { recursive: true });

  const s3rver = new S3rver({
    directory: options.directory,
    silent: true, // its logger writes to stdout, which must carry only the ready line
    vhostBuckets: false, // path-style only: "127.0.0.1:port/bucket/key"
  });
  DUMMY_ACCOUNT.createKeyPair(options.credentials.accessKey, options.credentials.secretKey);

  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-test-server-'));
  const backendSocket = path.join(socketDir, 's3rver.sock');
  const backend = http.createServer(s3rver.callback());
  await new Promise((resolve, reject) => backend.once('error', reject).listen(backendSocket, resolve));
  const agent = new http.Agent({ keepAlive: true });

  const locks = new Locks();
  const front = http.createServer(async (req, res) => {
    const requestId = crypto.randomBytes(8).toString('hex').toUpperCase();
    if (TRACE) {
      res.on('finish', () => console.error(`s3-test-server: ${req.method} ${req.url} -> ${res.statusCode}` +
        ` (x-amz-content-sha256: ${req.headers['x-amz-content-sha256'] || '-'})`));
    }
    try {
      // CORS preflights carry no credentials in S3 either; s3rver answers them from bucket CORS config.
      const auth = req.method === 'OPTIONS'
        ? { payloadHash: UNSIGNED_PAYLOAD }
        : verifyRequest(req, options.credentials);
      // Buffered so that a body not matching its signed hash never reaches storage.
      const body = await readBody(req);
      if (auth.payloadHash !== UNSIGNED_PAYLOAD) {
        const computed = sha256Hex(body);
        if (computed !== auth.payloadHash) {
          throw new S3Error(400, 'XAmzContentSHA256Mismatch',
            "The provided 'x-amz-content-sha256' header does not match what was computed.",
            { ClientComputedContentSHA256: auth.payloadHash, S3ComputedContentSHA256: computed });
        }
      }
      // The lock is held until s3rver is done, not until the client is: a client that hangs up mid-PUT (a cancelled
      // upload) leaves s3rver still writing, and a DELETE of that key let in then leaves half an object behind.
      await locks.run(req.method, req.url, () => new Promise(resolve => {
        forward(req, res, body, backendSocket, agent, requestId, resolve);
      }));
    } catch (err) {
      if (err instanceof S3Error) sendError(req, res, err, requestId);
      else internalError(req, res, requestId, err);
    }
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    front.close();
    front.closeAllConnections();
    backend.close();
    backend.closeAllConnections();
    agent.destroy();
    fs.rmSync(socketDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  front.on('error', err => {
    console.error(`s3-test-server: cannot listen on 127.0.0.1:${options.port}: ${err.message}`);
    fs.rmSync(socketDir, { recursive: true, force: true });
    process.exit(1);
  });
  front.listen(options.port, '127.0.0.1', () => {
    process.stdout.write(`s3-test-server ready on http://127.0.0.1:${front.address().port}\n`);
  });
}

main().catch(err => {
  console.error(`s3-test-server: ${err.message}`);
  process.exit(1);
});
