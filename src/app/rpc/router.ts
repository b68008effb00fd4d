import { connect, type NatsConnection } from "@nats-io/transport-node";
import { PARTITIONS, partitionOf } from "../../domain/index.ts";
import type { ReauthTarget } from "../../engine/index.ts";
import { UserError } from "../errors.ts";
import { decode, encode, NOT_OWNER, type Operation, type Operations, type RpcReply, reauthSubject, rpcSubject } from "./protocol.ts";

export interface RouterOptions {
  readonly servers: string;
  readonly prefix: string;
  /** One attempt's wait for the owner's answer (it answers after its commit). */
  readonly attemptMs?: number;
  /**
   * How long a request keeps being retried while its partition has no owner — an engine died and
   * another has not taken its partitions yet. Above the failover time (lease + reload).
   */
  readonly patienceMs?: number;
}

/**
 * The front end's side of forwarding: sends a line's request to the engine that owns its
 * partition and returns that engine's answer, or its coded error. Every forwarded operation is
 * idempotent (online requests by session and request number, settings by value), so asking again
 * after a timeout or during a failover cannot apply anything twice.
 */
/** Partitions asked at once by `everyPartition`. */
const BROADCAST_CONCURRENCY = 16;

export class EngineRouter {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly attemptMs: number,
    private readonly patienceMs: number,
  ) {}

  static async connect(options: RouterOptions): Promise<EngineRouter> {
    let nc: NatsConnection;
    try {
      nc = await connect({ servers: options.servers, timeout: 5000 });
    } catch (error) {
      throw new UserError("broker_unreachable", `cannot reach NATS at ${options.servers}: ${(error as Error).message}`);
    }
    return new EngineRouter(nc, options.prefix, options.attemptMs ?? 5_000, options.patienceMs ?? 15_000);
  }

  /** Runs `op` on the owner of `lineId`'s partition. */
  call<O extends Operation>(op: O, body: Operations[O]["request"] & { lineId: string }): Promise<Operations[O]["result"]> {
    return this.callPartition(op, partitionOf(body.lineId), body);
  }

  /**
   * Runs `op` on the owner of every partition (each owner once per partition it holds), a few at
   * a time; fails with the first partition nobody answers for within the patience.
   */
  async everyPartition<O extends Operation>(op: O, body: Operations[O]["request"]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < PARTITIONS) await this.callPartition(op, next++, body);
    };
    await Promise.all(Array.from({ length: BROADCAST_CONCURRENCY }, worker));
  }

  /** Runs `op` on the owner of `partition`, asking again across a handover up to the patience. */
  async callPartition<O extends Operation>(op: O, partition: number, body: Operations[O]["request"]): Promise<Operations[O]["result"]> {
    const subject = rpcSubject(this.prefix, partition);
    const payload = encode({ op, body });
    const deadline = Date.now() + this.patienceMs;
    let pause = 50;
    let last = "";
    for (;;) {
      try {
        const msg = await this.nc.request(subject, payload, { timeout: this.attemptMs });
        const reply = decode<RpcReply<O>>(msg.data);
        if (reply.ok) return reply.result;
        if (reply.code !== NOT_OWNER) throw new UserError(reply.code, reply.message, reply.details ?? []);
        last = reply.message;
      } catch (error) {
        if (error instanceof UserError) throw error;
        if (this.nc.isClosed()) throw new UserError("broker_unreachable", `NATS connection closed: ${(error as Error).message}`);
        // No responders (no engine holds the partition yet) or no answer in time: ask again.
        last = (error as Error).message;
      }
      if (Date.now() + pause > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 1_000);
    }
    throw new UserError("partition_unavailable", `no engine answered for ${subject} within ${this.patienceMs / 1000} s (${last})`);
  }

  /** Re-authorisation targets published by the owners (a consent, a new limit): the front end holds the peers. */
  onReauthorise(handle: (target: ReauthTarget) => void): () => void {
    const sub = this.nc.subscribe(reauthSubject(this.prefix), {
      callback: (error, msg) => {
        if (!error) handle(decode<ReauthTarget>(msg.data));
      },
    });
    return () => sub.unsubscribe();
  }

  async close(): Promise<void> {
    await this.nc.drain().catch(() => undefined);
  }
}
