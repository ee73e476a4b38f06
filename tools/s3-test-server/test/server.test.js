'use strict';

// End-to-end tests: start server.js on a free port and talk to it with signers that share
// no code with it: curl's own SigV4 implementation (`--aws-sigv4`) for header-signed
// requests and the `aws4` npm package for presigned URLs and hand-dated requests.
//
// curl 7.88 quirks that shape these requests: it neither adds x-amz-content-sha256 (S3
// requires it; we pass it and curl signs it) nor sorts the query string when signing, so
// every query below is written already sorted by parameter name.
//
// Run: node --test tools/s3-test-server/test/

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, execFile } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const aws4 = require('aws4');

const SERVER = path.join(__dirname, '..', 'server.js');
const ACCESS_KEY = 'test-access-key';
const SECRET_KEY = 'test/secret+key=';
const S3_NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const EMPTY_SHA256 = crypto.createHash('sha256').update('').digest('hex');
const READY_LINE = /^s3-test-server ready on http:\/\/127\.0\.0\.1:(\d+)\n$/;

const sha256 = data => crypto.createHash('sha256').update(data).digest('hex');
const amzDate = date => date.toISOString().replace(/[-:]|\.\d{3}/g, '');
const xmlCode = body => (/<Code>([^<]*)<\/Code>/.exec(body.toString()) || [])[1];

function startServer() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 's3-test-server-test-'));
  const proc = spawn(process.execPath, [SERVER, '--port', '0', '--directory', path.join(work, 'data'),
    '--access-key', ACCESS_KEY, '--secret-key', SECRET_KEY], { stdio: ['ignore', 'pipe', 'pipe'] });
  const server = { proc, work, stdout: '', stderr: '' };
  server.exited = new Promise(resolve => proc.on('exit', (code, signal) => resolve({ code, signal })));
  proc.stderr.on('data', d => { server.stderr += d; });
  return new Promise((resolve, reject) => {
    const fail = message => {
      proc.kill('SIGKILL');
      fs.rmSync(work, { recursive: true, force: true });
      reject(new Error(`${message}; stderr: ${server.stderr}`));
    };
    const timer = setTimeout(() => fail('server not ready in 10 s'), 10000);
    proc.stdout.on('data', d => {
      server.stdout += d;
      const m = READY_LINE.exec(server.stdout);
      if (m && !server.port) {
        clearTimeout(timer);
        server.port = Number(m[1]);
        resolve(server);
      }
    });
    proc.on('exit', code => { if (!server.port) { clearTimeout(timer); fail(`server exited with ${code}`); } });
  });
}

/** One request with curl; returns { status, headers (lower-case names), body (Buffer) }. */
function curl(url, { method, sign = true, user = `${ACCESS_KEY}:${SECRET_KEY}`, headers = {}, uploadFile, payloadHash } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-test-curl-'));
  const args = ['-sS', '-o', path.join(dir, 'body'), '-D', path.join(dir, 'headers'), '-w', '%{http_code}'];
  if (sign) {
    args.push('--aws-sigv4', 'aws:amz:us-east-1:s3', '--user', user);
    headers = { 'x-amz-content-sha256': payloadHash || (uploadFile ? sha256(fs.readFileSync(uploadFile)) : EMPTY_SHA256), ...headers };
  }
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  if (uploadFile) args.push('-T', uploadFile);
  if (method === 'HEAD') args.push('-I');
  else if (method) args.push('-X', method);
  args.push(url);
  return new Promise((resolve, reject) => {
    execFile('curl', args, (err, stdout, stderr) => {
      if (err) return reject(new Error(`curl failed: ${stderr}`));
      const rawHeaders = fs.readFileSync(path.join(dir, 'headers'), 'latin1');
      const body = fs.existsSync(path.join(dir, 'body')) ? fs.readFileSync(path.join(dir, 'body')) : Buffer.alloc(0);
      fs.rmSync(dir, { recursive: true, force: true });
      // -D holds every response head (100 Continue first); keep the last one.
      const lastHead = rawHeaders.trim().split(/\r\n\r\n/).pop();
      const parsed = {};
      for (const line of lastHead.split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        parsed[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(stdout), headers: parsed, body });
    });
  });
}

/** A plain HTTP request (for aws4-signed and presigned requests). */
function send(port, { method = 'GET', path: reqPath, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: reqPath, headers }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Presigned URL path (+ query) made by aws4; `query` may preset X-Amz-Date / X-Amz-Expires. */
function presign(port, { method = 'GET', objectPath, query = '', secret = SECRET_KEY }) {
  const signed = aws4.sign({
    host: `127.0.0.1:${port}`, method, path: objectPath + (query ? `?${query}` : ''),
    service: 's3', region: 'us-east-1', signQuery: true,
  }, { accessKeyId: ACCESS_KEY, secretAccessKey: secret });
  return signed.path;
}

describe('s3-test-server', () => {
  let server;
  let base;
  const bucket = 'test-bucket';
  const payload = crypto.randomBytes(100 * 1024); // every byte value, binary-safe round trip
  let payloadFile;

  before(async () => {
    server = await startServer();
    base = `http://127.0.0.1:${server.port}`;
    payloadFile = path.join(server.work, 'payload.bin');
    fs.writeFileSync(payloadFile, payload);
    const made = await curl(`${base}/${bucket}`, { method: 'PUT' });
    assert.equal(made.status, 200, made.body.toString());
  });

  after(async () => {
    if (!server) return; // startServer failed and cleaned up after itself
    if (server.proc.exitCode === null && server.proc.signalCode === null) {
      server.proc.kill('SIGTERM');
      await server.exited;
    }
    fs.rmSync(server.work, { recursive: true, force: true });
  });

  it('HEAD bucket: 200 for an existing bucket, 404 for a missing one', async () => {
    assert.equal((await curl(`${base}/${bucket}`, { method: 'HEAD' })).status, 200);
    assert.equal((await curl(`${base}/no-such-bucket`, { method: 'HEAD' })).status, 404);
  });

  it('PUT then GET returns the exact bytes, and HEAD reports the size', async () => {
    const put = await curl(`${base}/${bucket}/clips/one.bin`, { uploadFile: payloadFile });
    assert.equal(put.status, 200, put.body.toString());
    assert.equal(put.headers.etag, `"${crypto.createHash('md5').update(payload).digest('hex')}"`);

    const got = await curl(`${base}/${bucket}/clips/one.bin`);
    assert.equal(got.status, 200);
    assert.ok(got.body.equals(payload), 'GET body differs from what was PUT');

    const head = await curl(`${base}/${bucket}/clips/one.bin`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(payload.length));
  });

  it('Range request: 206 with exactly the requested bytes', async () => {
    await curl(`${base}/${bucket}/clips/ranged.bin`, { uploadFile: payloadFile });
    const res = await curl(`${base}/${bucket}/clips/ranged.bin`, { headers: { Range: 'bytes=1000-1999' } });
    assert.equal(res.status, 206);
    assert.equal(res.headers['content-range'], `bytes 1000-1999/${payload.length}`);
    assert.ok(res.body.equals(payload.subarray(1000, 2000)), 'ranged body differs');
  });

  it('a body that does not match its signed x-amz-content-sha256 is refused and not stored', async () => {
    const res = await curl(`${base}/${bucket}/clips/tampered-body.bin`, { uploadFile: payloadFile, payloadHash: sha256('something else') });
    assert.equal(res.status, 400);
    assert.equal(xmlCode(res.body), 'XAmzContentSHA256Mismatch');
    const get = await curl(`${base}/${bucket}/clips/tampered-body.bin`);
    assert.equal(get.status, 404);
    assert.equal(xmlCode(get.body), 'NoSuchKey');
  });

  it('listing with encoding-type=url: keys with "+", spaces and "/" come back encoded and decode exactly', async () => {
    const keys = ['keys/a/b+c d.txt', 'keys/a/plain.txt', 'keys/x y/z.txt'];
    for (const key of keys) {
      const encodedPath = key.split('/').map(encodeURIComponent).join('/');
      const put = await curl(`${base}/${bucket}/${encodedPath}`, { uploadFile: payloadFile });
      assert.equal(put.status, 200, put.body.toString());
    }

    const res = await curl(`${base}/${bucket}?encoding-type=url&list-type=2&prefix=keys%2Fa%2F`);
    assert.equal(res.status, 200, res.body.toString());
    const xml = res.body.toString();
    assert.match(xml, /<EncodingType>url<\/EncodingType>/);
    assert.match(xml, /<Prefix>keys\/a\/<\/Prefix>/);
    const listed = [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map(m => m[1]);
    assert.deepEqual(listed, ['keys/a/b%2Bc%20d.txt', 'keys/a/plain.txt']);
    // Decodes right both ways clients do it: percent-decoding, and form-decoding ('+' = space)
    // as the Minio .NET SDK does with HttpUtility.UrlDecode.
    assert.deepEqual(listed.map(decodeURIComponent), keys.slice(0, 2));
    assert.deepEqual(listed.map(k => decodeURIComponent(k.replace(/\+/g, ' '))), keys.slice(0, 2));

    // Common prefixes are encoded too.
    const byDir = await curl(`${base}/${bucket}?delimiter=%2F&encoding-type=url&list-type=2&prefix=keys%2F`);
    const prefixes = [...byDir.body.toString().matchAll(/<CommonPrefixes><Prefix>([^<]*)<\/Prefix><\/CommonPrefixes>/g)].map(m => m[1]);
    assert.deepEqual(prefixes, ['keys/a/', 'keys/x%20y/']);

    // Without encoding-type the key is returned as stored (XML-escaped only).
    const plain = await curl(`${base}/${bucket}?list-type=2&prefix=keys%2Fa%2F`);
    assert.match(plain.body.toString(), /<Key>keys\/a\/b\+c d\.txt<\/Key>/);
    assert.doesNotMatch(plain.body.toString(), /<EncodingType>/);
  });

  it('XML responses use the S3 namespace, never s3rver\'s doc.s3.amazonaws.com one', async () => {
    const list = await curl(`${base}/${bucket}?list-type=2`);
    const service = await curl(`${base}/`);
    const initiate = await curl(`${base}/${bucket}/multi.bin?uploads=`, { method: 'POST' });
    for (const [name, res, root] of [['list', list, 'ListBucketResult'], ['service', service, 'ListAllMyBucketsResult'],
      ['initiate multipart', initiate, 'InitiateMultipartUploadResult']]) {
      assert.equal(res.status, 200, `${name}: ${res.body}`);
      assert.match(res.body.toString(), new RegExp(`<${root} ${S3_NS}>`), name);
      assert.doesNotMatch(res.body.toString(), /doc\.s3\.amazonaws\.com/, name);
    }
  });

  it('multipart upload: initiate, upload parts, complete, then GET returns the exact bytes', async () => {
    const key = 'clips/multi.bin';
    const initiate = await curl(`${base}/${bucket}/${key}?uploads=`, { method: 'POST' });
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(initiate.body.toString())[1];
    const parts = [payload.subarray(0, 60000), payload.subarray(60000)];
    const etags = [];
    for (const [i, part] of parts.entries()) {
      const file = path.join(server.work, `part${i}`);
      fs.writeFileSync(file, part);
      const res = await curl(`${base}/${bucket}/${key}?partNumber=${i + 1}&uploadId=${uploadId}`, { uploadFile: file });
      assert.equal(res.status, 200, res.body.toString());
      etags.push(res.headers.etag);
    }
    const completeFile = path.join(server.work, 'complete.xml');
    fs.writeFileSync(completeFile, '<CompleteMultipartUpload>' +
      etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`).join('') +
      '</CompleteMultipartUpload>');
    const complete = await curl(`${base}/${bucket}/${key}?uploadId=${uploadId}`, { method: 'POST', uploadFile: completeFile });
    assert.equal(complete.status, 200, complete.body.toString());
    assert.match(complete.body.toString(), new RegExp(`<CompleteMultipartUploadResult ${S3_NS}>`));
    const got = await curl(`${base}/${bucket}/${key}`);
    assert.ok(got.body.equals(payload), 'multipart object differs');
  });

  it('an object whose content is XML is returned untouched', async () => {
    const file = path.join(server.work, 'doc.xml');
    const content = '<?xml version="1.0"?>\n<ListBucketResult xmlns="http://doc.s3.amazonaws.com/2006-03-01/"><Key>a+b c</Key></ListBucketResult>';
    fs.writeFileSync(file, content);
    await curl(`${base}/${bucket}/doc.xml`, { uploadFile: file, headers: { 'Content-Type': 'application/xml' } });
    const got = await curl(`${base}/${bucket}/doc.xml?encoding-type=url`);
    assert.equal(got.status, 200);
    assert.equal(got.body.toString(), content);
  });

  it('wrong secret: 403 SignatureDoesNotMatch, and nothing is written', async () => {
    const user = `${ACCESS_KEY}:not-the-secret`;
    const get = await curl(`${base}/${bucket}/clips/one.bin`, { user });
    assert.equal(get.status, 403);
    assert.equal(xmlCode(get.body), 'SignatureDoesNotMatch');
    const list = await curl(`${base}/${bucket}?list-type=2`, { user });
    assert.equal(list.status, 403);
    assert.equal(xmlCode(list.body), 'SignatureDoesNotMatch');
    const put = await curl(`${base}/${bucket}/clips/by-wrong-secret.bin`, { user, uploadFile: payloadFile });
    assert.equal(put.status, 403);
    assert.equal((await curl(`${base}/${bucket}/clips/by-wrong-secret.bin`)).status, 404);
  });

  it('unknown access key: 403 InvalidAccessKeyId', async () => {
    const res = await curl(`${base}/${bucket}/clips/one.bin`, { user: `someone-else:${SECRET_KEY}` });
    assert.equal(res.status, 403);
    assert.equal(xmlCode(res.body), 'InvalidAccessKeyId');
  });

  it('anonymous requests: 403 AccessDenied for read, list, write and delete', async () => {
    for (const [what, res] of [
      ['get', await curl(`${base}/${bucket}/clips/one.bin`, { sign: false })],
      ['list', await curl(`${base}/${bucket}?list-type=2`, { sign: false })],
      ['put', await curl(`${base}/${bucket}/clips/anonymous.bin`, { sign: false, uploadFile: payloadFile })],
      ['delete', await curl(`${base}/${bucket}/clips/one.bin`, { sign: false, method: 'DELETE' })],
    ]) {
      assert.equal(res.status, 403, what);
      assert.equal(xmlCode(res.body), 'AccessDenied', what);
    }
    assert.equal((await curl(`${base}/${bucket}/clips/anonymous.bin`)).status, 404, 'anonymous PUT stored an object');
    assert.equal((await curl(`${base}/${bucket}/clips/one.bin`)).status, 200, 'anonymous DELETE removed an object');
  });

  it('header-signed requests: 10 minutes of clock skew is accepted, 20 minutes is RequestTimeTooSkewed', async () => {
    const signedAt = minutesAgo => aws4.sign({
      host: `127.0.0.1:${server.port}`, method: 'GET', path: `/${bucket}/clips/one.bin`, service: 's3', region: 'us-east-1',
      headers: { 'X-Amz-Date': amzDate(new Date(Date.now() - minutesAgo * 60000)) },
    }, { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY });
    const ok = await send(server.port, signedAt(10));
    assert.equal(ok.status, 200, ok.body.toString());
    assert.ok(ok.body.equals(payload));
    const skewed = await send(server.port, signedAt(20));
    assert.equal(skewed.status, 403);
    assert.equal(xmlCode(skewed.body), 'RequestTimeTooSkewed');
  });

  it('presigned GET (signed by aws4) returns the exact bytes, also for a key with "+" and a space', async () => {
    const got = await send(server.port, { path: presign(server.port, { objectPath: `/${bucket}/clips/one.bin` }) });
    assert.equal(got.status, 200, got.body.toString());
    assert.ok(got.body.equals(payload));

    const odd = await send(server.port, { path: presign(server.port, { objectPath: `/${bucket}/keys/a/b%2Bc%20d.txt` }) });
    assert.equal(odd.status, 200, odd.body.toString());
    assert.ok(odd.body.equals(payload));

    const ranged = await send(server.port, {
      path: presign(server.port, { objectPath: `/${bucket}/clips/one.bin` }), headers: { Range: 'bytes=10-19' },
    });
    assert.equal(ranged.status, 206);
    assert.ok(ranged.body.equals(payload.subarray(10, 20)));
  });

  it('presigned URL validity: dated 30 min ago for 1 h works; dated 2 h ago for 1 h is "Request has expired"', async () => {
    const dated = minutesAgo => `X-Amz-Date=${amzDate(new Date(Date.now() - minutesAgo * 60000))}&X-Amz-Expires=3600`;
    const valid = await send(server.port, { path: presign(server.port, { objectPath: `/${bucket}/clips/one.bin`, query: dated(30) }) });
    assert.equal(valid.status, 200, valid.body.toString());

    const expired = await send(server.port, { path: presign(server.port, { objectPath: `/${bucket}/clips/one.bin`, query: dated(120) }) });
    assert.equal(expired.status, 403);
    assert.equal(xmlCode(expired.body), 'AccessDenied');
    assert.match(expired.body.toString(), /<Message>Request has expired<\/Message>/);
  });

  it('tampered presigned URLs are refused with 403 SignatureDoesNotMatch', async () => {
    const good = presign(server.port, { objectPath: `/${bucket}/clips/one.bin` });
    assert.equal((await send(server.port, { path: good })).status, 200); // the untampered URL does work

    const flipped = good.replace(/(X-Amz-Signature=[0-9a-f]*)([0-9a-f])/, (_, head, last) => head + (last === '0' ? '1' : '0'));
    assert.notEqual(flipped, good);
    const otherKey = good.replace('/clips/one.bin', '/clips/ranged.bin'); // an object that exists
    const longer = good.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=604800');
    const wrongSecret = presign(server.port, { objectPath: `/${bucket}/clips/one.bin`, secret: 'not-the-secret' });
    for (const [what, url] of [['signature', flipped], ['key', otherKey], ['expiry', longer], ['secret', wrongSecret]]) {
      const res = await send(server.port, { path: url });
      assert.equal(res.status, 403, what);
      assert.equal(xmlCode(res.body), 'SignatureDoesNotMatch', what);
    }
  });

  it('DELETE removes an object; GET afterwards is 404 NoSuchKey', async () => {
    const del = await curl(`${base}/${bucket}/clips/ranged.bin`, { method: 'DELETE' });
    assert.equal(del.status, 204);
    const get = await curl(`${base}/${bucket}/clips/ranged.bin`);
    assert.equal(get.status, 404);
    assert.equal(xmlCode(get.body), 'NoSuchKey');
  });

  it('PUTs and DELETEs of one key, and of its neighbour, at once leave each whole or gone, and the bucket can still be listed', async () => {
    const key = `${base}/${bucket}/race/video.mp4`;
    const requests = [];
    const neighbour = `${base}/${bucket}/race/preview.jpg`;
    for (let i = 0; i < 12; i++) {
      requests.push(curl(key, { uploadFile: payloadFile }), curl(key, { method: 'DELETE' }));
      requests.push(curl(neighbour, { uploadFile: payloadFile }), curl(neighbour, { method: 'DELETE' }));
      requests.push(curl(`${base}/${bucket}?list-type=2&prefix=race%2F`));
    }
    const answers = await Promise.all(requests);
    assert.deepEqual(answers.filter(a => a.status >= 500).map(a => a.body.toString()), []);
    await curl(key, { method: 'DELETE' });
    await curl(neighbour, { method: 'DELETE' });
    assert.equal(server.proc.exitCode, null, `the server exited: ${server.stderr.slice(-500)}`);
    const listed = await curl(`${base}/${bucket}?list-type=2&prefix=race%2F`);
    assert.equal(listed.status, 200, listed.body.toString());
    assert.doesNotMatch(listed.body.toString(), /<Key>/);
  });

  it('a listing longer than a page hands out a continuation token that reads the rest', async () => {
    for (const name of ['a', 'b', 'c']) {
      const put = await curl(`${base}/${bucket}/paged/${name}.jpg`, { uploadFile: payloadFile });
      assert.equal(put.status, 200, put.body.toString());
    }
    const first = await curl(`${base}/${bucket}?list-type=2&max-keys=2&prefix=paged%2F`);
    assert.equal(first.status, 200, first.body.toString());
    assert.deepEqual([...first.body.toString().matchAll(/<Key>([^<]*)<\/Key>/g)].map(m => m[1]), ['paged/a.jpg', 'paged/b.jpg']);
    const token = /<NextContinuationToken>([^<]*)</.exec(first.body.toString())[1];
    const rest = await curl(`${base}/${bucket}?continuation-token=${encodeURIComponent(token)}&list-type=2&max-keys=2&prefix=paged%2F`);
    assert.equal(rest.status, 200, rest.body.toString());
    assert.deepEqual([...rest.body.toString().matchAll(/<Key>([^<]*)<\/Key>/g)].map(m => m[1]), ['paged/c.jpg']);
  });

  it('a PUT whose client hangs up once the body is sent, then a DELETE of its key, leave nothing half-written', async () => {
    const big = crypto.randomBytes(32 * 1024 * 1024); // long enough for s3rver to be still writing when the client hangs up
    // Hung up at several moments, as no one can see from outside when s3rver starts writing.
    for (let i = 0; i < 24; i++) {
      const objectPath = `/${bucket}/hangup-${i}/video.mp4`;
      const put = aws4.sign({
        host: `127.0.0.1:${server.port}`, method: 'PUT', path: objectPath, body: big, service: 's3', region: 'us-east-1',
        headers: { 'x-amz-content-sha256': sha256(big) },
      }, { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY });
      await new Promise(resolve => {
        const req = http.request({ host: '127.0.0.1', port: server.port, method: 'PUT', path: objectPath, headers: put.headers });
        req.on('error', () => resolve());
        req.on('response', () => resolve()); // too late to hang up: still a fair run
        req.end(big, () => setTimeout(() => { req.destroy(); resolve(); }, i * 5));
      });
      const del = await curl(`${base}${objectPath}`, { method: 'DELETE' });
      assert.equal(del.status, 204, del.body.toString());
    }
    const listed = await curl(`${base}/${bucket}?list-type=2&prefix=hangup-`);
    assert.equal(listed.status, 200, listed.body.toString());
    assert.doesNotMatch(listed.body.toString(), /<Key>/);
    const left = fs.readdirSync(path.join(server.work, 'data', bucket)).filter(name => name.startsWith('hangup-'))
      .flatMap(dir => fs.readdirSync(path.join(server.work, 'data', bucket, dir)));
    assert.deepEqual(left, []);
  });

  // Last: stops the server.
  it('stdout carries only the ready line, and SIGTERM ends the process with exit code 0', async () => {
    assert.match(server.stdout, READY_LINE);
    server.proc.kill('SIGTERM');
    const { code } = await server.exited;
    assert.equal(code, 0, server.stderr);
    assert.match(server.stdout, READY_LINE);
  });
});
