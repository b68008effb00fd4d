// A TCP proxy in front of the shared PostgreSQL, so that tests can lose connections without
// restarting a server everybody uses: cut every connection (as a restart does), refuse new ones
// for a while (as a server starting up does), or let a statement through and lose its answer
// (the COMMIT that landed but whose reply never came back).
import net from "node:net";

interface Pair {
  readonly client: net.Socket;
  readonly server: net.Socket;
  /** Set when the next answer from the server on this connection is to be lost. */
  loseAnswer?: () => void;
}

interface Watch {
  readonly marker: Buffer;
  remaining: number;
  readonly action: "cut" | "lose-answer" | "seen";
  readonly done: () => void;
}

export class TcpProxy {
  private readonly pairs = new Set<Pair>();
  private readonly watches: Watch[] = [];
  private refusing = false;
  /** Connections accepted so far (refused ones included). */
  accepted = 0;

  private constructor(
    private readonly server: net.Server,
    private readonly target: { readonly host: string; readonly port: number },
  ) {
    server.on("connection", (socket) => this.connection(socket));
  }

  /** Listens on an ephemeral port of 127.0.0.1 and forwards to `target` (PostgreSQL's URL by default). */
  static async start(target: string | { host: string; port: number }): Promise<TcpProxy> {
    const to = typeof target === "string" ? { host: new URL(target).hostname, port: Number(new URL(target).port || 5432) } : target;
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new TcpProxy(server, to);
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  /** `url` (a postgres:// URL, query kept) pointed at the proxy. */
  url(url: string): string {
    const u = new URL(url);
    u.hostname = "127.0.0.1";
    u.port = String(this.port);
    return u.toString();
  }

  /** Resets every open connection at once, both ways. */
  cut(): void {
    for (const pair of this.pairs) drop(pair);
    this.pairs.clear();
  }

  /** The local ports of the connections to the server: `pg_stat_activity.client_port` of their backends. */
  serverSidePorts(): number[] {
    return [...this.pairs].map((p) => p.server.localPort).filter((port): port is number => port !== undefined);
  }

  /** New connections are reset as soon as they open, until `accept`. */
  refuse(): void {
    this.refusing = true;
  }

  accept(): void {
    this.refusing = false;
  }

  /**
   * When the `nth` client message containing `marker` arrives (a statement's text, e.g. a table
   * name), it is dropped, every connection is cut and new ones are refused; resolves then.
   * Markers are looked for in each chunk read: a short statement arrives in one.
   */
  cutAt(marker: string, nth = 1): Promise<void> {
    return this.watch(marker, nth, "cut");
  }

  /**
   * The next client message containing `marker` goes through; the server's answer to it is lost
   * and the connection cut. With `COMMIT`: the transaction is committed, the client never hears.
   */
  loseAnswerTo(marker: string): Promise<void> {
    return this.watch(marker, 1, "lose-answer");
  }

  /** Resolves when the `nth` client message containing `marker` has gone through, untouched. */
  seen(marker: string, nth = 1): Promise<void> {
    return this.watch(marker, nth, "seen");
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private watch(marker: string, nth: number, action: Watch["action"]): Promise<void> {
    return new Promise((done) => this.watches.push({ marker: Buffer.from(marker), remaining: nth, action, done }));
  }

  private connection(client: net.Socket): void {
    this.accepted++;
    if (this.refusing) {
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client, server: net.connect(this.target.port, this.target.host) };
    this.pairs.add(pair);
    client.on("data", (chunk: Buffer) => this.fromClient(pair, chunk));
    pair.server.on("data", (chunk: Buffer) => this.fromServer(pair, chunk));
    const end = () => {
      this.pairs.delete(pair);
      drop(pair);
    };
    for (const socket of [client, pair.server]) {
      socket.on("error", end);
      socket.on("close", end);
    }
  }

  private fromClient(pair: Pair, chunk: Buffer): void {
    const fired = this.watches.filter((w) => chunk.includes(w.marker) && --w.remaining === 0);
    for (const w of fired) this.watches.splice(this.watches.indexOf(w), 1);
    const cuts = fired.filter((w) => w.action === "cut");
    if (cuts.length > 0) {
      this.refuse();
      this.cut();
      for (const w of cuts) w.done();
      return;
    }
    for (const w of fired) {
      if (w.action === "seen") w.done();
      else pair.loseAnswer = w.done;
    }
    pair.server.write(chunk);
  }

  private fromServer(pair: Pair, chunk: Buffer): void {
    const lost = pair.loseAnswer;
    if (lost) {
      this.pairs.delete(pair);
      drop(pair);
      lost();
      return;
    }
    pair.client.write(chunk);
  }
}

function drop(pair: Pair): void {
  if (!pair.client.destroyed) pair.client.resetAndDestroy();
  if (!pair.server.destroyed) pair.server.destroy();
}
