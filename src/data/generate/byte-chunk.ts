/**
 * A growable byte buffer that CSV lines are encoded into as soon as they are made. Keeping bytes
 * instead of millions of small strings keeps garbage collection cheap, and the buffer can be
 * transferred from a worker thread without copying.
 */
export class ByteChunk {
  private bytes: Buffer;
  private length = 0;
  /** Lines appended so far. */
  lines = 0;

  constructor(initialBytes = 1 << 16) {
    this.bytes = Buffer.allocUnsafeSlow(initialBytes);
  }

  /** Appends a line and its "\n". */
  appendLine(line: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    const needed = this.length + line.length * 3 + 1;
    if (needed > this.bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.length += this.bytes.write(line, this.length);
    this.bytes[this.length++] = 10;
    this.lines++;
  }

  /** The bytes written so far (a view, not a copy). */
  view(): Uint8Array {
    return new Uint8Array(this.bytes.buffer, this.bytes.byteOffset, this.length);
  }
}
