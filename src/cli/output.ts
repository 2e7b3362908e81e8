/** Buffered writing to stdout that waits for 'drain', so a slow reader bounds memory. */

const FLUSH_AT = 1 << 16;

export class Output {
  private buf = '';
  /** performance.now() when the first event line was handed over; null before. */
  firstEventMs: number | null = null;

  constructor(private readonly out: NodeJS.WritableStream = process.stdout) {}

  /** Appends text (whole lines); `events` says how many event lines it holds. */
  async write(text: string, events = 0): Promise<void> {
    if (events > 0 && this.firstEventMs === null) this.firstEventMs = performance.now();
    this.buf += text;
    if (this.buf.length >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buf) return;
    const s = this.buf;
    this.buf = '';
    if (!this.out.write(s)) await new Promise((r) => this.out.once('drain', r));
  }
}
