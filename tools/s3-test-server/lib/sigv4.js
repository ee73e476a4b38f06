'use strict';

// AWS Signature Version 4 verification, written from the AWS spec
// ("Authenticating Requests (AWS Signature Version 4)", Amazon S3 API reference).
//
// Why this exists: s3rver 3.7.1 parses SigV4 requests but never computes the signature
// (its source says "Signature version 4 calculation is unimplemented"), so tampered,
// expired and anonymous requests all succeed. Tests of link expiry and credential
// handling mean nothing against such a server, so every request is checked here first.
//
// Scope kept on purpose: region us-east-1, service s3, path-style addressing, one
// access key. Payload modes: a hex SHA-256 (checked against the body by the caller) or
// UNSIGNED-PAYLOAD. STREAMING-AWS4-HMAC-SHA256-PAYLOAD (aws-chunked bodies) is refused with
// 501: the Minio .NET SDK 7.0.0 never sends it, and passing chunk framing on to s3rver
// would store corrupted objects.

const crypto = require('crypto');

const ALGORITHM = 'AWS4-HMAC-SHA256';
const REGION = 'us-east-1';
const SERVICE = 's3';
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000; // what S3 allows for header-signed requests
const MAX_PRESIGN_EXPIRES_S = 7 * 24 * 3600; // S3's upper bound for X-Amz-Expires
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const STREAMING_PAYLOAD = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';

/** An error S3 would answer with: HTTP status, S3 error code, message, extra XML fields. */
class S3Error extends Error {
  constructor(status, code, message, extra = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

const sha256Hex = data => crypto.createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => crypto.createHmac('sha256', key).update(data, 'utf8').digest();

/** AWS "UriEncode": everything but A-Z a-z 0-9 - . _ ~ becomes %XX (upper-case hex). */
function awsUriEncode(str) {
  return encodeURIComponent(str).replace(
    /[!'()*]/g,
    ch => '%' + ch.charCodeAt(0).toString(16).toUpperCase(),
  );
}

/** Decode one query component the way s3rver (Node's querystring) will read it: '+' is a space. */
function decodeQueryComponent(str) {
  const spaced = str.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // malformed %-escape: use it literally, the signature will then not match
  }
}

/** Raw query string -> list of [name, value] pairs, decoded, in the order sent. */
function parseQuery(rawQuery) {
  if (!rawQuery) return [];
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map(pair => {
      const eq = pair.indexOf('=');
      return eq < 0
        ? [decodeQueryComponent(pair), '']
        : [decodeQueryComponent(pair.slice(0, eq)), decodeQueryComponent(pair.slice(eq + 1))];
    });
}

/**
 * Canonical query string: every parameter (bar the signature itself for presigned URLs),
 * name and value re-encoded with awsUriEncode, sorted by encoded name then value.
 * Re-encoding (rather than using the bytes as sent) is what the spec asks for and makes
 * "a%2Fb" and "a/b" canonicalise the same way, as S3 does.
 */
function canonicalQueryString(pairs, excludeName) {
  return pairs
    .filter(([name]) => name !== excludeName)
    .map(([name, value]) => [awsUriEncode(name), awsUriEncode(value)])
    .sort(([n1, v1], [n2, v2]) => (n1 < n2 ? -1 : n1 > n2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/**
 * Canonical headers for the names listed in SignedHeaders, in that order. Values are
 * trimmed and runs of spaces collapsed; repeated headers are joined with ','. A signed
 * header that is missing canonicalises as empty, so the signature will not match.
 */
function canonicalHeaders(signedHeaderNames, headersDistinct) {
  return signedHeaderNames
    .map(name => {
      const values = (headersDistinct[name] || []).map(v => v.trim().replace(/\s+/g, ' '));
      return `${name}:${values.join(',')}\n`;
    })
    .join('');
}

function signingKey(secretKey, date) {
  const kDate = hmac('AWS4' + secretKey, date);
  const kRegion = hmac(kDate, REGION);
  const kService = hmac(kRegion, SERVICE);
  return hmac(kService, 'aws4_request');
}

/** "20240131T120000Z" -> Date, or null when malformed. */
function parseAmzDate(value) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value || '');
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return isNaN(date) ? null : date;
}

const toAmzDate = date => date.toISOString().replace(/[-:]|\.\d{3}/g, '');
const isoSeconds = date => date.toISOString().replace(/\.\d{3}/, '');

/**
 * "KEY/20240131/us-east-1/s3/aws4_request" -> parts, after checking everything but the key.
 * `malformed` builds the error S3 gives for the form in use (header vs query).
 */
function parseCredential(credential, amzDate, malformed) {
  const parts = (credential || '').split('/');
  if (parts.length !== 5 || !parts[0]) {
    throw malformed('the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".');
  }
  const [accessKeyId, date, region, service, terminator] = parts;
  if (date !== amzDate.slice(0, 8)) {
    throw malformed(`Invalid credential date "${date}". This date is not the same as X-Amz-Date: "${amzDate.slice(0, 8)}".`);
  }
  if (region !== REGION) {
    throw malformed(`the region '${region}' is wrong; expecting '${REGION}'`);
  }
  if (service !== SERVICE || terminator !== 'aws4_request') {
    throw malformed(`the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/${REGION}/${SERVICE}/aws4_request".`);
  }
  return { accessKeyId, scope: parts.slice(1).join('/') };
}

/** Builds the canonical request and string to sign, and compares signatures in constant time. */
function checkSignature({ method, rawPath, canonicalQuery, signedHeaders, headersDistinct,
  payloadHash, amzDate, scope, secretKey, accessKeyId, signatureProvided }) {
  // The canonical URI is the path exactly as sent: S3 clients encode each key once and
  // S3 does not normalise or double-encode it (unlike other AWS services).
  const canonicalRequest = [
    method,
    rawPath,
    canonicalQuery,
    canonicalHeaders(signedHeaders, headersDistinct),
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const expected = hmac(signingKey(secretKey, scope.slice(0, 8)), stringToSign).toString('hex');
  const provided = String(signatureProvided || '').toLowerCase();
  const ok = provided.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(provided), Buffer.from(expected));
  if (!ok) {
    // S3 returns these fields too; they make a client-side signing bug easy to find.
    throw new S3Error(403, 'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      { AWSAccessKeyId: accessKeyId, StringToSign: stringToSign, SignatureProvided: signatureProvided, CanonicalRequest: canonicalRequest });
  }
}

/** S3 refuses requests carrying x-amz-* headers the signature does not cover. */
function checkAmzHeadersSigned(headersDistinct, signedHeaders) {
  const unsigned = Object.keys(headersDistinct)
    .filter(name => name.startsWith('x-amz-') && !signedHeaders.includes(name));
  if (unsigned.length) {
    throw new S3Error(403, 'AccessDenied', 'There were headers present in the request which were not signed',
      { HeadersNotSigned: unsigned.join(', ') });
  }
}

function verifyHeaderForm({ method, rawPath, queryPairs, headersDistinct, credentials, now }) {
  const authorization = headersDistinct['authorization'][0];
  const malformed = msg => new S3Error(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; ${msg}`);
  if (!authorization.startsWith(ALGORITHM + ' ')) {
    throw new S3Error(400, 'InvalidRequest',
      'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.');
  }
  // "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=a;b, Signature=hex"
  const fields = {};
  for (const part of authorization.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  for (const name of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!fields[name]) throw malformed(`missing ${name}.`);
  }

  const amzDateHeader = (headersDistinct['x-amz-date'] || [])[0];
  const dateHeader = (headersDistinct['date'] || [])[0];
  const requestTime = amzDateHeader ? parseAmzDate(amzDateHeader) : dateHeader ? new Date(dateHeader) : null;
  if (!requestTime || isNaN(requestTime)) {
    throw new S3Error(403, 'AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
  }
  const amzDate = amzDateHeader || toAmzDate(requestTime);

  const { accessKeyId, scope } = parseCredential(fields.Credential, amzDate, malformed);
  if (accessKeyId !== credentials.accessKey) {
    throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.',
      { AWSAccessKeyId: accessKeyId });
  }

  const payloadHash = (headersDistinct['x-amz-content-sha256'] || [])[0];
  if (!payloadHash) {
    throw new S3Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  }
  if (payloadHash.startsWith('STREAMING-')) {
    throw new S3Error(501, 'NotImplemented',
      `s3-test-server does not implement ${payloadHash} (aws-chunked) uploads; sign the payload hash or use UNSIGNED-PAYLOAD.`);
  }
  if (payloadHash !== UNSIGNED_PAYLOAD && !/^[0-9a-f]{64}$/.test(payloadHash)) {
    throw new S3Error(400, 'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.',
      { ArgumentName: 'x-amz-content-sha256', ArgumentValue: payloadHash });
  }

  const signedHeaders = fields.SignedHeaders.split(';').map(h => h.trim().toLowerCase());
  if (!signedHeaders.includes('host')) {
    throw malformed('SignedHeaders must include host.');
  }
  checkAmzHeadersSigned(headersDistinct, signedHeaders);

  checkSignature({
    method, rawPath, canonicalQuery: canonicalQueryString(queryPairs), signedHeaders, headersDistinct,
    payloadHash, amzDate, scope, secretKey: credentials.secretKey, accessKeyId, signatureProvided: fields.Signature,
  });

  // Checked once the request is known to be authentic, so a bad signature always reads as such.
  if (Math.abs(now - requestTime) > MAX_CLOCK_SKEW_MS) {
    throw new S3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.',
      { RequestTime: amzDate, ServerTime: isoSeconds(now), MaxAllowedSkewMilliseconds: MAX_CLOCK_SKEW_MS });
  }
  return { payloadHash };
}

function verifyQueryForm({ method, rawPath, queryPairs, headersDistinct, credentials, now }) {
  // The authentication parameter names are case-sensitive in S3.
  const q = Object.fromEntries(queryPairs);
  const paramsError = msg => new S3Error(400, 'AuthorizationQueryParametersError', msg);
  if (q['X-Amz-Algorithm'] !== ALGORITHM) {
    throw paramsError('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  }
  for (const name of ['X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires']) {
    if (!q[name]) {
      throw paramsError('Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, ' +
        'X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.');
    }
  }
  const amzDate = q['X-Amz-Date'];
  const requestTime = parseAmzDate(amzDate);
  if (!requestTime) {
    throw paramsError('X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd\'T\'HHmmss\'Z\'"');
  }
  if (!/^\d+$/.test(q['X-Amz-Expires'])) {
    throw paramsError('X-Amz-Expires should be a number');
  }
  const expires = Number(q['X-Amz-Expires']);
  if (expires > MAX_PRESIGN_EXPIRES_S) {
    throw paramsError('X-Amz-Expires must be less than a week (in seconds) that is 604800');
  }

  const { accessKeyId, scope } = parseCredential(q['X-Amz-Credential'], amzDate,
    msg => paramsError(`Error parsing the X-Amz-Credential parameter; ${msg}`));
  if (accessKeyId !== credentials.accessKey) {
    throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.',
      { AWSAccessKeyId: accessKeyId });
  }

  const signedHeaders = q['X-Amz-SignedHeaders'].split(';').map(h => h.trim().toLowerCase());
  if (!signedHeaders.includes('host')) {
    throw paramsError('Query-string authentication requires the host header to be signed.');
  }
  checkAmzHeadersSigned(headersDistinct, signedHeaders);

  checkSignature({
    method, rawPath, canonicalQuery: canonicalQueryString(queryPairs, 'X-Amz-Signature'), signedHeaders,
    headersDistinct, payloadHash: q['X-Amz-Content-Sha256'] || UNSIGNED_PAYLOAD, amzDate, scope,
    secretKey: credentials.secretKey, accessKeyId, signatureProvided: q['X-Amz-Signature'],
  });

  // Presigned URLs are bound by their own validity window, not by the 15-minute skew.
  const expiresAt = new Date(requestTime.getTime() + expires * 1000);
  if (now > expiresAt) {
    throw new S3Error(403, 'AccessDenied', 'Request has expired',
      { 'X-Amz-Expires': q['X-Amz-Expires'], Expires: isoSeconds(expiresAt), ServerTime: isoSeconds(now) });
  }
  if (requestTime - now > MAX_CLOCK_SKEW_MS) {
    throw new S3Error(403, 'AccessDenied', 'Request is not valid yet',
      { 'X-Amz-Date': amzDate, ServerTime: isoSeconds(now) });
  }
  return { payloadHash: UNSIGNED_PAYLOAD };
}

/**
 * Verifies one request. Throws S3Error when S3 would refuse it; otherwise returns
 * { payloadHash }, which the caller compares with the body when it is a hex SHA-256.
 *
 * @param {object} req
 * @param {string} req.method
 * @param {string} req.url             path and query exactly as received
 * @param {object} req.headersDistinct lower-case header name -> array of values (Node's shape)
 * @param {{accessKey: string, secretKey: string}} credentials
 * @param {Date} [now]
 */
function verifyRequest({ method, url, headersDistinct }, credentials, now = new Date()) {
  const qIndex = url.indexOf('?');
  const rawPath = qIndex < 0 ? url : url.slice(0, qIndex);
  const queryPairs = parseQuery(qIndex < 0 ? '' : url.slice(qIndex + 1));
  const queryNames = new Set(queryPairs.map(([name]) => name));

  const byHeader = 'authorization' in headersDistinct;
  const byQueryV4 = queryNames.has('X-Amz-Algorithm');
  const byQueryV2 = queryNames.has('Signature') || queryNames.has('AWSAccessKeyId');
  if (Number(byHeader) + Number(byQueryV4) + Number(byQueryV2) > 1) {
    throw new S3Error(400, 'InvalidArgument', 'Only one auth mechanism allowed; only the X-Amz-Algorithm query ' +
      'parameter, Signature query string parameter or the Authorization header should be specified');
  }
  const args = { method, rawPath, queryPairs, headersDistinct, credentials, now };
  if (byHeader) return verifyHeaderForm(args);
  if (byQueryV4) return verifyQueryForm(args);
  if (byQueryV2) {
    throw new S3Error(400, 'InvalidRequest',
      'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.');
  }
  // No credentials at all. Real S3 would consult bucket policies; this server has none.
  throw new S3Error(403, 'AccessDenied', 'Access Denied');
}

module.exports = {
  verifyRequest,
  S3Error,
  awsUriEncode,
  sha256Hex,
  UNSIGNED_PAYLOAD,
};
