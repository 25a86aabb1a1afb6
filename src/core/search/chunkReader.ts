/**
 * Reads a file of chunks (an 8-byte head: payload length and type, both uint32 little-endian; the payload
 * padded to 4 bytes) while it is being used: the file is read into one buffer of its size a slab at a
 * time in the background, and a chunk is handed out as soon as its bytes are in. A large file costs no
 * wait for the whole of it, and one allocation (a garbage collector weighs every new buffer: many of them
 * would make it collect again and again).
 */
import { promises as fs } from 'node:fs';

/** One chunk: its type and its payload (a view into the file's buffer, 4-byte aligned). */
export interface Chunk {
  type: number;
  payload: Uint8Array;
}

/** Bytes a read. */
const SLAB_BYTES = 4 << 20;

export class ChunkReader {
  /** The bytes read so far, from the start. */
  private filled = 0;
  /** The read under way (it starts the next one when done), or the last one. */
  private reading: Promise<void>;
  private stopped = false;
  /** The file offset of the next chunk. */
  private at = 0;

  private constructor(
    private readonly handle: fs.FileHandle,
    /** The whole file (allocated at once, filled as it is read; a fresh buffer, so 4-byte aligned). */
    private readonly data: Uint8Array,
    private readonly slabBytes: number,
    /** Whether `data` already holds the whole file (read from something that is not a regular file). */
    complete = false,
  ) {
    if (complete) {
      this.filled = data.length;
      this.reading = Promise.resolve();
      return;
    }
    this.reading = this.readFrom(0);
    this.reading.catch(() => undefined);
  }

  /** Opens `file` and starts reading it (throws as `fs.open` does, e.g. ENOENT); `slabBytes` is for tests. */
  static async open(file: string, slabBytes = SLAB_BYTES): Promise<ChunkReader> {
    const handle = await fs.open(file, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) {
        // A pipe or device has no size to allocate nor places to read at: it is read to its end first.
        // Copied into a fresh buffer: typed-array views of the chunks need 4-byte alignment.
        return new ChunkReader(handle, new Uint8Array(await handle.readFile()), slabBytes, true);
      }
      const { size } = stat;
      // Not zero-filled (every byte is read into) and never a pooled slice.
      const data = Buffer.allocUnsafeSlow(size);
      return new ChunkReader(handle, new Uint8Array(data.buffer, data.byteOffset, size), slabBytes);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Stops reading and closes the file (the chunks handed out stay valid). */
  async close(): Promise<void> {
    this.stopped = true;
    await this.reading.catch(() => undefined);
    await this.handle.close();
  }

  /** The next chunk, or null at the end of the file; throws if the file ends inside a chunk. */
  async next(): Promise<Chunk | null> {
    const size = this.data.length;
    if (this.at >= size) return null;
    if (this.at + 8 > size) throw new Error('a chunk is cut off');
    await this.until(this.at + 8);
    const head = new DataView(this.data.buffer, this.data.byteOffset + this.at, 8);
    const length = head.getUint32(0, true);
    const type = head.getUint32(4, true);
    const end = this.at + 8 + length;
    if (end > size) throw new Error('a chunk is cut off');
    await this.until(end);
    const payload = this.data.subarray(this.at + 8, end);
    this.at += 8 + ((length + 3) & ~3);
    return { type, payload };
  }

  /** Waits until the first `end` bytes are read. */
  private async until(end: number): Promise<void> {
    while (this.filled < end) await this.reading;
  }

  /** Reads a slab from `from`, then starts on the next one. */
  private async readFrom(from: number): Promise<void> {
    const end = Math.min(from + this.slabBytes, this.data.length);
    for (let at = from; at < end;) {
      const { bytesRead } = await this.handle.read(this.data, at, end - at, at);
      if (bytesRead === 0) throw new Error('the file got shorter while it was read');
      at += bytesRead;
    }
    this.filled = end;
    if (end < this.data.length && !this.stopped) {
      this.reading = this.readFrom(end);
      // Awaited by whoever needs its bytes; a failure nobody waits for is no unhandled rejection.
      this.reading.catch(() => undefined);
    }
  }
}
