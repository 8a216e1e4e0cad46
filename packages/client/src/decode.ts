import { type Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";

/** The content codings the transport asks for, each a streaming decoder made as fetch makes it. */
const DECODERS: Readonly<Record<string, () => Transform>> = {
  // note: a sync flush at the end, as in fetch, so a body cut short decodes as far as it goes
  gzip: () => zlib.createGunzip(LENIENT),
  "x-gzip": () => zlib.createGunzip(LENIENT),
  // "deflate" should be zlib-wrapped, but some servers send it raw: createInflate would fail
  deflate: () => new DeflateEither(),
  br: () =>
    zlib.createBrotliDecompress({
      flush: zlib.constants.BROTLI_OPERATION_FLUSH,
      finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
    }),
};
const LENIENT = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };

/** Inflates zlib-wrapped or raw deflate, told apart by the first byte as fetch does. */
class DeflateEither extends Transform {
  #inner: Transform | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.#inner === undefined) {
      const wrapped = ((chunk[0] ?? 0) & 0x0f) === 0x08;
      const inner = wrapped ? zlib.createInflate(LENIENT) : zlib.createInflateRaw(LENIENT);
      inner.on("data", (data: Buffer) => this.push(data));
      inner.on("error", (error) => this.destroy(error));
      this.#inner = inner;
    }
    this.#inner.write(chunk, done);
  }

  override _flush(done: TransformCallback): void {
    const inner = this.#inner;
    if (inner === undefined) {
      done();
      return;
    }
    inner.once("end", () => done());
    inner.end();
  }
}

const utf8 = new TextDecoder();

/**
 * Reads `body` as text, taking off the content codings listed in `codings` (gzip, deflate, br)
 * as it streams in, so the attempt's signal stops it at once. A body whose coding is broken comes
 * back as a note saying so, and the answer keeps its status (a 503 stays a 503; a 2xx reads as
 * not JSON); a failure of the body itself (an abort, a broken connection) is thrown.
 */
export async function decodeBody(body: Readable, codings: string): Promise<string> {
  // codings apply in the order listed, so they come off in reverse
  const decoders: Transform[] = [];
  for (const coding of codings.toLowerCase().split(",").reverse()) {
    const name = coding.trim();
    if (name === "" || name === "identity") continue;
    const make = DECODERS[name];
    // an unknown coding is left on: the body then reads as not JSON, with a snippet to see
    if (make === undefined) break;
    decoders.push(make());
  }
  // note: the stream that fails first is where the fault is; the pipeline then fails the others
  let failedFirst: "body" | "decoder" | undefined;
  body.once("error", () => {
    failedFirst ??= "body";
  });
  for (const decoder of decoders) {
    decoder.once("error", () => {
      failedFirst ??= "decoder";
    });
  }
  const chunks: Buffer[] = [];
  try {
    await pipeline(body, ...(decoders as [Transform]), async (decoded: AsyncIterable<Buffer>) => {
      for await (const chunk of decoded) chunks.push(chunk);
    });
  } catch (error) {
    if (failedFirst !== "decoder") throw error;
    return `[the ${codings} body could not be decoded: ${(error as Error).message}]`;
  }
  return utf8.decode(Buffer.concat(chunks));
}
