'use strict';

// Unit tests for lib/sigv4.js and lib/xml.js. The signed requests are the worked examples
// in AWS's S3 documentation ("Signature Calculations for the Authorization Header" and
// "Authenticating Requests: Using Query Parameters"), so the expected signatures come from
// AWS, not from this code. A fixed "now" lets expiry and clock skew be tested to the second,
// which the end-to-end tests cannot (s3rver repeats those two checks behind us).

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { verifyRequest } = require('../lib/sigv4');
const { fixS3rverXml } = require('../lib/xml');

const AWS_EXAMPLE = { accessKey: 'AKIAIOSFODNN7EXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const EXAMPLE_TIME = Date.parse('2013-05-24T00:00:00Z');
const at = seconds => new Date(EXAMPLE_TIME + seconds * 1000);
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const CREDENTIAL = 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request';

/** Request shape verifyRequest reads from Node's IncomingMessage. */
function request(method, url, headers) {
  const headersDistinct = {};
  for (const [name, value] of Object.entries(headers)) headersDistinct[name.toLowerCase()] = [value];
  return { method, url, headersDistinct };
}

const authorization = (signedHeaders, signature) =>
  `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=${signedHeaders},Signature=${signature}`;

// AWS example: GET Object with a Range header.
const getObject = (overrides = {}) => request('GET', '/test.txt', {
  Host: 'examplebucket.s3.amazonaws.com',
  Authorization: authorization('host;range;x-amz-content-sha256;x-amz-date',
    'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'),
  Range: 'bytes=0-9',
  'x-amz-content-sha256': EMPTY_SHA256,
  'x-amz-date': '20130524T000000Z',
  ...overrides,
});

// AWS example: presigned GET Object valid for 86400 s.
const PRESIGNED_QUERY = 'X-Amz-Algorithm=AWS4-HMAC-SHA256' +
  '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
  '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
  '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
const presigned = (query = PRESIGNED_QUERY, path = '/test.txt') =>
  request('GET', `${path}?${query}`, { Host: 'examplebucket.s3.amazonaws.com' });

function assertRefused(fn, status, code, messagePattern) {
  assert.throws(fn, err => {
    assert.equal(err.code, code);
    assert.equal(err.status, status);
    if (messagePattern) assert.match(err.message, messagePattern);
    return true;
  });
}

describe('SigV4 header form (AWS documented examples)', () => {
  it('accepts the GET Object example', () => {
    assert.deepEqual(verifyRequest(getObject(), AWS_EXAMPLE, at(0)), { payloadHash: EMPTY_SHA256 });
  });

  it('accepts the PUT Object example (escaped key, Date and x-amz-storage-class signed)', () => {
    const put = request('PUT', '/test%24file.text', {
      Host: 'examplebucket.s3.amazonaws.com',
      Date: 'Fri, 24 May 2013 00:00:00 GMT',
      Authorization: authorization('date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
        '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd'),
      'x-amz-date': '20130524T000000Z',
      'x-amz-storage-class': 'REDUCED_REDUNDANCY',
      'x-amz-content-sha256': '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
    });
    assert.deepEqual(verifyRequest(put, AWS_EXAMPLE, at(0)),
      { payloadHash: '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072' });
  });

  it('accepts the GET Bucket lifecycle (?lifecycle) and list objects (?max-keys=2&prefix=J) examples', () => {
    const signed = (url, signature) => request('GET', url, {
      Host: 'examplebucket.s3.amazonaws.com',
      Authorization: authorization('host;x-amz-content-sha256;x-amz-date', signature),
      'x-amz-content-sha256': EMPTY_SHA256,
      'x-amz-date': '20130524T000000Z',
    });
    verifyRequest(signed('/?lifecycle', 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543'), AWS_EXAMPLE, at(0));
    verifyRequest(signed('/?max-keys=2&prefix=J', '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'), AWS_EXAMPLE, at(0));
    // Same request with its query reordered: canonicalisation sorts, so still valid.
    verifyRequest(signed('/?prefix=J&max-keys=2', '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'), AWS_EXAMPLE, at(0));
    // A changed value is not.
    assertRefused(() => verifyRequest(signed('/?max-keys=3&prefix=J', '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'),
      AWS_EXAMPLE, at(0)), 403, 'SignatureDoesNotMatch');
  });

  it('refuses a changed signed header, path, method, secret or signature with SignatureDoesNotMatch', () => {
    const cases = [
      getObject({ Range: 'bytes=0-10' }),
      { ...getObject(), url: '/test.txu' },
      { ...getObject(), method: 'DELETE' },
      getObject({ Authorization: authorization('host;range;x-amz-content-sha256;x-amz-date',
        'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb42') }),
    ];
    for (const req of cases) assertRefused(() => verifyRequest(req, AWS_EXAMPLE, at(0)), 403, 'SignatureDoesNotMatch');
    assertRefused(() => verifyRequest(getObject(), { ...AWS_EXAMPLE, secretKey: 'other' }, at(0)), 403, 'SignatureDoesNotMatch');
  });

  it('refuses an unknown access key with InvalidAccessKeyId', () => {
    assertRefused(() => verifyRequest(getObject(), { ...AWS_EXAMPLE, accessKey: 'AKIDOTHER' }, at(0)), 403, 'InvalidAccessKeyId');
  });

  it('allows 15 minutes of clock skew either way, not more', () => {
    verifyRequest(getObject(), AWS_EXAMPLE, at(15 * 60));
    verifyRequest(getObject(), AWS_EXAMPLE, at(-15 * 60));
    assertRefused(() => verifyRequest(getObject(), AWS_EXAMPLE, at(15 * 60 + 1)), 403, 'RequestTimeTooSkewed');
    assertRefused(() => verifyRequest(getObject(), AWS_EXAMPLE, at(-15 * 60 - 1)), 403, 'RequestTimeTooSkewed');
  });

  it('refuses unsigned x-amz-* headers, a missing x-amz-content-sha256, other regions and aws-chunked payloads', () => {
    assertRefused(() => verifyRequest(getObject({ 'x-amz-meta-extra': 'x' }), AWS_EXAMPLE, at(0)), 403, 'AccessDenied');
    const noHash = getObject();
    delete noHash.headersDistinct['x-amz-content-sha256'];
    assertRefused(() => verifyRequest(noHash, AWS_EXAMPLE, at(0)), 400, 'InvalidRequest');
    assertRefused(() => verifyRequest(getObject({ Authorization: authorization('host;range;x-amz-content-sha256;x-amz-date', 'f0e8')
      .replace('us-east-1', 'eu-west-1') }), AWS_EXAMPLE, at(0)), 400, 'AuthorizationHeaderMalformed');
    assertRefused(() => verifyRequest(getObject({ 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' }), AWS_EXAMPLE, at(0)),
      501, 'NotImplemented');
  });
});

describe('SigV4 presigned-query form (AWS documented example)', () => {
  it('accepts the example URL throughout its validity, in any parameter order', () => {
    assert.deepEqual(verifyRequest(presigned(), AWS_EXAMPLE, at(0)), { payloadHash: 'UNSIGNED-PAYLOAD' });
    verifyRequest(presigned(), AWS_EXAMPLE, at(86400));
    const reordered = PRESIGNED_QUERY.split('&').reverse().join('&');
    verifyRequest(presigned(reordered), AWS_EXAMPLE, at(100));
  });

  it('refuses it one second after X-Amz-Date + X-Amz-Expires: 403 AccessDenied "Request has expired"', () => {
    assertRefused(() => verifyRequest(presigned(), AWS_EXAMPLE, at(86401)), 403, 'AccessDenied', /^Request has expired$/);
  });

  it('refuses a tampered signature, key, expiry or date with SignatureDoesNotMatch', () => {
    const cases = [
      presigned(PRESIGNED_QUERY.replace(/d404$/, 'd405')),
      presigned(PRESIGNED_QUERY, '/test.txt2'),
      presigned(PRESIGNED_QUERY.replace('X-Amz-Expires=86400', 'X-Amz-Expires=86401')),
      presigned(PRESIGNED_QUERY.replace('X-Amz-Date=20130524T000000Z', 'X-Amz-Date=20130524T000001Z')),
      presigned(`${PRESIGNED_QUERY}&response-content-type=text%2Fhtml`), // an added parameter is covered too
    ];
    for (const req of cases) assertRefused(() => verifyRequest(req, AWS_EXAMPLE, at(60)), 403, 'SignatureDoesNotMatch');
  });

  it('refuses the right signature under a wrong secret or access key', () => {
    assertRefused(() => verifyRequest(presigned(), { ...AWS_EXAMPLE, secretKey: 'x' }, at(0)), 403, 'SignatureDoesNotMatch');
    assertRefused(() => verifyRequest(presigned(), { ...AWS_EXAMPLE, accessKey: 'AKIDOTHER' }, at(0)), 403, 'InvalidAccessKeyId');
  });

  it('refuses a missing parameter and X-Amz-Expires over a week', () => {
    assertRefused(() => verifyRequest(presigned(PRESIGNED_QUERY.replace('&X-Amz-SignedHeaders=host', '')), AWS_EXAMPLE, at(0)),
      400, 'AuthorizationQueryParametersError');
    assertRefused(() => verifyRequest(presigned(PRESIGNED_QUERY.replace('X-Amz-Expires=86400', 'X-Amz-Expires=604801')), AWS_EXAMPLE, at(0)),
      400, 'AuthorizationQueryParametersError');
  });
});

describe('requests without SigV4', () => {
  it('anonymous: 403 AccessDenied; SigV2: 400 InvalidRequest; two mechanisms at once: 400 InvalidArgument', () => {
    assertRefused(() => verifyRequest(request('GET', '/b/k', { Host: 'h' }), AWS_EXAMPLE, at(0)), 403, 'AccessDenied', /^Access Denied$/);
    assertRefused(() => verifyRequest(request('GET', '/b/k', { Host: 'h', Authorization: 'AWS AKIAIOSFODNN7EXAMPLE:abc=' }),
      AWS_EXAMPLE, at(0)), 400, 'InvalidRequest');
    assertRefused(() => verifyRequest(request('GET', '/b/k?AWSAccessKeyId=A&Expires=1&Signature=x', { Host: 'h' }),
      AWS_EXAMPLE, at(0)), 400, 'InvalidRequest');
    assertRefused(() => verifyRequest({ ...presigned(), headersDistinct: getObject().headersDistinct }, AWS_EXAMPLE, at(0)),
      400, 'InvalidArgument');
  });
});

describe('fixS3rverXml', () => {
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';

  it('replaces s3rver\'s namespace and adds the S3 one to roots without any, but not to errors', () => {
    assert.equal(fixS3rverXml(`${prolog}<ListAllMyBucketsResult xmlns="http://doc.s3.amazonaws.com/2006-03-01/"><Owner/></ListAllMyBucketsResult>`,
      { urlEncodeListing: false }),
    `${prolog}<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner/></ListAllMyBucketsResult>`);
    assert.equal(fixS3rverXml(`${prolog}<InitiateMultipartUploadResult><UploadId>1</UploadId></InitiateMultipartUploadResult>`,
      { urlEncodeListing: false }),
    `${prolog}<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><UploadId>1</UploadId></InitiateMultipartUploadResult>`);
    const error = `${prolog}<Error><Code>NoSuchKey</Code></Error>`;
    assert.equal(fixS3rverXml(error, { urlEncodeListing: true }), error);
  });

  it('URL-encodes listing values (after undoing XML escapes) only when asked', () => {
    const listing = `${prolog}<ListBucketResult xmlns="http://doc.s3.amazonaws.com/2006-03-01/"><Name>b</Name><Prefix>a/</Prefix>` +
      '<Contents><Key>a/b+c d&amp;e&#x27;f~g.txt</Key><ETag>&quot;x&quot;</ETag></Contents>' +
      '<CommonPrefixes><Prefix>a/x y/</Prefix></CommonPrefixes></ListBucketResult>';
    const encoded = fixS3rverXml(listing, { urlEncodeListing: true });
    assert.match(encoded, /<Key>a\/b%2Bc%20d%26e%27f~g\.txt<\/Key>/);
    assert.match(encoded, /<CommonPrefixes><Prefix>a\/x%20y\/<\/Prefix><\/CommonPrefixes>/);
    assert.match(encoded, /<ETag>&quot;x&quot;<\/ETag>/); // other elements untouched
    assert.match(encoded, /<EncodingType>url<\/EncodingType><\/ListBucketResult>$/);
    const plain = fixS3rverXml(listing, { urlEncodeListing: false });
    assert.match(plain, /<Key>a\/b\+c d&amp;e&#x27;f~g\.txt<\/Key>/);
    assert.doesNotMatch(plain, /EncodingType/);
  });
});
