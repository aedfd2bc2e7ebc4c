/**
 * Bytes to text for the readers: UTF-8 by default, decoded across chunk boundaries (a
 * character split between two chunks is joined, never replaced), a byte-order mark dropped.
 * An XML declaration naming ISO-8859-1, Latin-1 or Windows-1252 switches the decoder to
 * Windows-1252 (a superset of ISO-8859-1 for the characters French feeds use).
 */

const LATIN_NAMES = /^(iso[-_]?8859[-_]?(1|15)|latin-?1|l1|windows-1252|cp1252)$/i;

/** The encoding an XML document declares in its first bytes, lower-cased, if any. */
export function declaredXmlEncoding(head: Uint8Array | string): string | null {
  const text = typeof head === 'string' ? head.slice(0, 200) : String.fromCharCode(...head.subarray(0, 200));
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text);
  return m ? m[1].toLowerCase() : null;
}

function decoderFor(encoding: string | null): TextDecoder {
  if (encoding && LATIN_NAMES.test(encoding)) return new TextDecoder('windows-1252');
  // fatal: false. A stray invalid byte becomes U+FFFD rather than stopping the whole feed.
  return new TextDecoder('utf-8');
}

/**
 * Decodes a byte stream to strings, chunk by chunk. With `sniffXml`, the XML declaration in
 * the first bytes chooses the decoder (the first 128 bytes are gathered first, so that tiny
 * chunks are sniffed the same way as large ones). String chunks pass through unchanged.
 */
export async function* decodeChunks(input: AsyncIterable<Uint8Array | string>, options: { sniffXml?: boolean } = {}): AsyncGenerator<string> {
  const SNIFF = 128;
  let decoder: TextDecoder | null = null;
  let head: Uint8Array[] = [];
  let headLength = 0;
  const start = (bytes: Uint8Array): string => {
    decoder = decoderFor(options.sniffXml ? declaredXmlEncoding(bytes) : null);
    return decoder.decode(bytes, { stream: true });
  };
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      if (chunk) yield chunk;
      continue;
    }
    if (decoder) {
      const text = (decoder as TextDecoder).decode(chunk, { stream: true });
      if (text) yield text;
      continue;
    }
    head.push(chunk);
    headLength += chunk.length;
    if (headLength < SNIFF && options.sniffXml) continue;
    const text = start(Buffer.concat(head));
    head = [];
    if (text) yield text;
  }
  if (!decoder && headLength > 0) {
    const text = start(Buffer.concat(head));
    if (text) yield text;
  }
  if (decoder) {
    const rest = (decoder as TextDecoder).decode();
    if (rest) yield rest;
  }
}
