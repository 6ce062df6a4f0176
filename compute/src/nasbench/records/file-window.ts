import type { FileHandle } from 'node:fs/promises';

/**
 * A sliding window over a file read front to back: callers ask for the next `n` bytes, and
 * memory stays at one buffer of at most twice the largest request (or the initial size),
 * whatever the file size. Internal to the record reader.
 */
export class FileWindow {
  #buf: Buffer;
  /** Window start within `#buf`; bytes before it were consumed. */
  #start = 0;
  /** End of valid data within `#buf`. */
  #end = 0;
  /** File offset of `#buf[0]`. */
  #base: number;
  #eof = false;

  constructor(
    private readonly handle: FileHandle,
    startOffset: number,
    initialSize: number,
  ) {
    this.#buf = Buffer.allocUnsafe(initialSize);
    this.#base = startOffset;
  }

  /** File offset of the first unconsumed byte. */
  get offset(): number {
    return this.#base + this.#start;
  }

  /** Unconsumed bytes currently buffered. */
  get available(): number {
    return this.#end - this.#start;
  }

  /** A view of the next `n` buffered bytes (n <= available); valid until the next `fill`. */
  peek(n: number): Buffer {
    return this.#buf.subarray(this.#start, this.#start + n);
  }

  /**
   * Buffers at least `n` unconsumed bytes unless the file ends first; returns whether it could.
   * After `false`, `available` tells how many bytes were left in the file.
   */
  async fill(n: number): Promise<boolean> {
    if (this.available >= n) return true;
    this.#makeRoom(n);
    while (!this.#eof && this.available < n) {
      const { bytesRead } = await this.handle.read(
        this.#buf,
        this.#end,
        this.#buf.length - this.#end,
        this.#base + this.#end,
      );
      if (bytesRead === 0) this.#eof = true;
      this.#end += bytesRead;
    }
    return this.available >= n;
  }

  /** Marks `n` buffered bytes as read. */
  consume(n: number): void {
    this.#start += n;
  }

  /** Moves unconsumed bytes to the front, growing the buffer only when `n` cannot fit. */
  #makeRoom(n: number): void {
    const kept = this.available;
    if (n > this.#buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(n, 2 * this.#buf.length));
      this.#buf.copy(grown, 0, this.#start, this.#end);
      this.#buf = grown;
    } else if (this.#start > 0) {
      this.#buf.copy(this.#buf, 0, this.#start, this.#end);
    }
    this.#base += this.#start;
    this.#start = 0;
    this.#end = kept;
  }
}
