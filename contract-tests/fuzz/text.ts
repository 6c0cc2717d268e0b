// Text for the fuzzers: strings of any code point, and web URLs. fast-check has both (the 'binary'
// string unit, fc.webUrl), but the first time a process uses either, fast-check 4 maps each of the
// 1.1 million code points back to a number: over a second of CPU in every test worker that fuzzes.
// These draw the same way (codePoints exactly as the 'binary' unit, webUrls in fc.webUrl's shape),
// and map back with arithmetic.
import fc from 'fast-check';

// The code points in order with the 2048 surrogates left out, as fast-check numbers them.
const surrogates = { first: 0xd800, count: 0x800 };
const isSurrogate = (n: number) => n >= surrogates.first && n < surrogates.first + surrogates.count;
const codePoint = fc.nat({ max: 0x10ffff - surrogates.count }).map(
  (n) => String.fromCodePoint(n < surrogates.first ? n : n + surrogates.count),
  (value) => {
    const n = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (n === undefined || isSurrogate(n) || String.fromCodePoint(n) !== value) throw new Error('not one code point');
    return n < surrogates.first ? n : n - surrogates.count;
  },
);

/** Strings of any code points but lone surrogates, reaching far beyond ASCII. */
export function codePoints(constraints: Omit<fc.StringConstraints, 'unit'> = {}): fc.Arbitrary<string> {
  return fc.string({ ...constraints, unit: codePoint });
}

/** A code point percent-encoded, as fc.webUrl writes one (`%61` for one that needs no encoding). */
const percentEncoded = codePoint.map(
  (c) => (encodeURIComponent(c) !== c ? encodeURIComponent(c) : `%${c.charCodeAt(0).toString(16)}`),
  (value) => decodeURIComponent(value as string),
);

const alphanumeric = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];

/** RFC 3986 text of a URL part: letters, digits and `others`, and now and then an encoded code point. */
const urlText = (others: string) =>
  fc.string({
    unit: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...alphanumeric, ...others) }, { weight: 1, arbitrary: percentEncoded }),
  });

const segment = urlText("-._~!$&'()*+,;=:@");
const queryOrFragment = urlText("-._~!$&'()*+,;=:@/?");

/** http and https URLs on a domain, with a path and maybe a query and a fragment. */
export const webUrls = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom('http', 'https'), fc.domain(), fc.array(segment, { size: 'xsmall' }), fc.option(queryOrFragment), fc.option(queryOrFragment))
    .map(
      ([scheme, domain, path, query, fragment]) =>
        `${scheme}://${domain}${path.map((s) => `/${s}`).join('')}${query === null ? '' : `?${query}`}${fragment === null ? '' : `#${fragment}`}`,
    );
