type Listener = (event: { type: string; data: string; lastEventId: string }) => void;

/**
 * A minimal EventSource over fetch, for tRPC's httpSubscriptionLink in Node (which has no
 * EventSource of its own): parses `event:`, `data:` and `id:` fields. It does not reconnect; a
 * dropped stream reports an error and closes, which is what the tests want to see.
 */
export class TestEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = 0;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly abort = new AbortController();

  constructor(readonly url: string) {
    void this.run();
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  close(): void {
    this.readyState = this.CLOSED;
    this.abort.abort();
  }

  private dispatch(type: string, data = '', lastEventId = ''): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ type, data, lastEventId });
  }

  private async run(): Promise<void> {
    try {
      const response = await fetch(this.url, {
        headers: { accept: 'text/event-stream' },
        signal: this.abort.signal,
      });
      if (!response.ok || !response.body) {
        this.readyState = this.CLOSED;
        this.dispatch('error', await response.text());
        return;
      }
      this.readyState = this.OPEN;
      this.dispatch('open');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.emit(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close(), or the connection dropped
    }
    if (this.readyState !== this.CLOSED) {
      this.readyState = this.CLOSED;
      this.dispatch('error');
    }
  }

  private emit(block: string): void {
    let type = 'message';
    let id = '';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon === 0) continue; // a comment
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    this.dispatch(type, data.join('\n'), id);
  }
}
