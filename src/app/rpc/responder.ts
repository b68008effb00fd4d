import type { Msg, NatsConnection, Subscription } from "@nats-io/transport-node";
import { UserError } from "../errors.ts";
import type { OwnerHandlers } from "./owner.ts";
import { decode, encode, NOT_OWNER, OPERATIONS, type Operation, type Operations, type RpcReply, type RpcRequest, rpcSubject } from "./protocol.ts";

/**
 * The engine's side of forwarding: one subscription per partition it holds on
 * `<prefix>.<partition>`, answering with the owner's handlers. While the engine reopens (taking
 * partitions over) there are no handlers: requests get `not_owner` and the front end asks again.
 */
export class LineRequestResponder {
  private readonly subscriptions = new Map<number, Subscription>();
  private handlers: OwnerHandlers | undefined;
  /** Requests being answered: a clean stop waits for them. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly onError: (message: string) => void = () => {},
  ) {}

  /** Answers for exactly these partitions from now on, with these handlers (undefined: not yet). */
  serve(partitions: readonly number[], handlers: OwnerHandlers | undefined): void {
    this.handlers = handlers;
    const wanted = new Set(partitions);
    for (const [p, sub] of this.subscriptions) {
      if (wanted.has(p)) continue;
      sub.unsubscribe();
      this.subscriptions.delete(p);
    }
    for (const p of wanted) {
      if (this.subscriptions.has(p)) continue;
      this.subscriptions.set(
        p,
        this.nc.subscribe(rpcSubject(this.prefix, p), { callback: (error, msg) => (error ? this.onError(error.message) : this.answer(msg)) }),
      );
    }
  }

  /** Keeps the subscriptions but refuses (`not_owner`) until `serve` gives handlers again. */
  pause(): void {
    this.handlers = undefined;
  }

  private answer(msg: Msg): void {
    const done = this.reply(msg).catch((error: unknown) => this.onError(`reply failed: ${(error as Error).message}`));
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
  }

  private async reply(msg: Msg): Promise<void> {
    let reply: RpcReply;
    try {
      reply = await this.run(decode<RpcRequest>(msg.data));
    } catch (error) {
      reply =
        error instanceof UserError
          ? { ok: false, code: error.code, message: error.message, details: error.details }
          : { ok: false, code: "internal_error", message: (error as Error).message };
    }
    msg.respond(encode(reply));
  }

  private async run(request: RpcRequest): Promise<RpcReply> {
    if (!OPERATIONS.includes(request.op)) throw new UserError("unknown_operation", `no operation "${String(request.op)}"`);
    const handlers = this.handlers;
    if (!handlers) return { ok: false, code: NOT_OWNER, message: "this engine is not serving the partition now" };
    const handler = handlers[request.op] as (body: unknown) => Promise<Operations[Operation]["result"]>;
    return { ok: true, result: await handler(request.body) };
  }

  async stop(): Promise<void> {
    for (const sub of this.subscriptions.values()) sub.unsubscribe();
    this.subscriptions.clear();
    this.handlers = undefined;
    await Promise.allSettled([...this.inFlight]);
  }
}
