'use strict';

// Rewrites the XML bodies s3rver 3.7.1 generates so that they read like S3's.
//
// Why: (1) s3rver writes xmlns="http://doc.s3.amazonaws.com/2006-03-01/" (a typo of S3's
// namespace) on listings, and leaves it out on others (InitiateMultipartUploadResult,
// CompleteMultipartUploadResult, CopyObjectResult). The Minio .NET SDK deserialises with
// the real namespace, so with s3rver's a listing silently comes back empty.
// (2) s3rver ignores encoding-type=url, which the Minio SDK always sends and then
// URL-decodes the keys it gets back: a '+' in a key would come back as a space.
//
// The bodies are small, machine-written documents (fast-xml-parser's j2x output with
// every text value entity-escaped, so text never contains '<'), which is why targeted
// regular expressions are enough here and no XML parser is needed.

const { awsUriEncode } = require('./sigv4');

const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';
const S3RVER_WRONG_NAMESPACE = 'http://doc.s3.amazonaws.com/2006-03-01/';

// Elements whose values S3 URL-encodes in a listing when asked for encoding-type=url
// (ListObjects v1: Delimiter, Marker, NextMarker, Prefix, Key; v2: Delimiter, Prefix, Key, StartAfter).
const URL_ENCODED_LISTING_ELEMENTS = /<(Key|Prefix|Delimiter|StartAfter|Marker|NextMarker)>([^<]*)<\/\1>/g;

function decodeXmlText(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity) => {
    if (entity[0] === '#') {
      return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity];
  });
}

/**
 * URL-encodes a key for a listing. '/' is left readable (as S3 does); everything else
 * outside A-Z a-z 0-9 -._~ is %XX, including space (%20, not '+') and '+' (%2B), so it
 * decodes right whether the client uses form-decoding (the Minio SDK's HttpUtility.UrlDecode)
 * or plain percent-decoding.
 */
function encodeListingValue(value) {
  return awsUriEncode(value).replace(/%2F/g, '/');
}

/**
 * @param {string} xml     body produced by s3rver
 * @param {object} options
 * @param {boolean} options.urlEncodeListing  true when the request asked for encoding-type=url
 * @returns {string}
 */
function fixS3rverXml(xml, { urlEncodeListing }) {
  let out = xml.split(S3RVER_WRONG_NAMESPACE).join(S3_NAMESPACE);

  // Give a namespace to a root element that has none (error documents have none in S3 either).
  out = out.replace(/^(\s*(?:<\?xml[^>]*\?>\s*)?)<([A-Za-z]+)(\s[^>]*)?>/, (whole, prolog, name, attrs = '') =>
    name === 'Error' || /\sxmlns=/.test(attrs) ? whole : `${prolog}<${name} xmlns="${S3_NAMESPACE}"${attrs}>`);

  if (urlEncodeListing && /<ListBucketResult[\s>]/.test(out)) {
    out = out.replace(URL_ENCODED_LISTING_ELEMENTS, (_, name, text) =>
      `<${name}>${encodeListingValue(decodeXmlText(text))}</${name}>`);
    out = out.replace('</ListBucketResult>', '<EncodingType>url</EncodingType></ListBucketResult>');
  }
  return out;
}

module.exports = { fixS3rverXml, S3_NAMESPACE };
