/**
 * Requests a front end forwards to the engine that owns a line's partition, over NATS
 * request-reply on `<prefix>.<partition>`. Bodies are JSON; every reply is an envelope that
 * either carries the result or a stable error code, so the front end answers the caller exactly
 * as the owner would have in a single process.
 */
import type { OnlineAnswer, OnlineRequest } from "../../engine/index.ts";
import type { lineSeriesView, lineView, policyView } from "../line-ops.ts";
import type { ConsentOutcome } from "../notices.ts";
import type { RoamingChoice, RoamingLimitView } from "../roaming-limit.ts";

export const DEFAULT_RPC_PREFIX = "gardefou.rpc";

export interface Actor {
  readonly actor: string;
  readonly party: "customer" | "operator";
  readonly channel: string;
}

/** Every forwarded operation: its request and the result the owner sends back. */
export interface Operations {
  /** A Gy credit-control request, already parsed from Diameter. */
  online: { request: { lineId: string; request: OnlineRequest }; result: OnlineAnswer };
  /** The line 360 report: counters, caps, notices. */
  line: { request: { lineId: string; period: string | undefined }; result: Awaited<ReturnType<typeof lineView>> };
  series: { request: { lineId: string; period: string | undefined }; result: Awaited<ReturnType<typeof lineSeriesView>> };
  policy: { request: { lineId: string }; result: ReturnType<typeof policyView> };
  "roaming-limit": { request: { lineId: string }; result: RoamingLimitView };
  "roaming-limit.set": { request: { lineId: string; choice: RoamingChoice; by: Actor }; result: { before: RoamingLimitView; after: RoamingLimitView } };
  consent: { request: { lineId: string; capId: string; actor: string; channel: string; period: string | undefined }; result: ConsentOutcome };
  /** The line's record changed in the store (import, plan or limit change elsewhere): reload it. */
  "line.reload": { request: { lineId: string }; result: { loaded: boolean } };
  /**
   * A period is being closed: after what is queued, bill its late usage into the next period.
   * Addressed to a partition, not a line; the owner answers once for each partition it holds.
   */
  "period.closing": { request: { period: string }; result: { marked: true } };
  /** The period's close committed: apply the plan changes it made due to the owner's lines. */
  "period.closed": { request: { period: string }; result: { applied: number } };
}

export type Operation = keyof Operations;

export const OPERATIONS: readonly Operation[] = [
  "online",
  "line",
  "series",
  "policy",
  "roaming-limit",
  "roaming-limit.set",
  "consent",
  "line.reload",
  "period.closing",
  "period.closed",
];

export interface RpcRequest<O extends Operation = Operation> {
  readonly op: O;
  readonly body: Operations[O]["request"];
}

export type RpcReply<O extends Operation = Operation> =
  | { readonly ok: true; readonly result: Operations[O]["result"] }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly details?: readonly string[] };

/** The owner of this partition is not serving it (any more): the front end asks again. */
export const NOT_OWNER = "not_owner";

export function rpcSubject(prefix: string, partition: number): string {
  return `${prefix}.${partition}`;
}

/** Where owners publish re-authorisation targets for the front ends' Diameter peers. */
export function reauthSubject(prefix: string): string {
  return `${prefix}.reauth`;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encode(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export function decode<T>(data: Uint8Array): T {
  return JSON.parse(decoder.decode(data)) as T;
}
