// What the stack reports to its owner (logs, metrics, tests). Nothing here is needed for
// correct operation; a no-op listener is a valid choice.
import type { Peer } from "./peer-types.ts";
import type { DiameterProblem } from "./problems.ts";

export type CloseReason =
  | "local_disconnect"
  | "dpr_received"
  | "watchdog_timeout"
  | "capabilities_timeout"
  | "capabilities_rejected"
  | "protocol_violation"
  | "framing_error"
  | "remote_closed"
  | "socket_error";

export type BaseCommandName = "CER" | "CEA" | "DWR" | "DWA" | "DPR" | "DPA";

export type DiameterEvent =
  | { readonly type: "peer_open"; readonly peer: Peer }
  | {
      readonly type: "peer_closed";
      readonly peer: Peer;
      readonly reason: CloseReason;
    }
  | {
      readonly type: "peer_rejected";
      readonly peer: Peer;
      readonly resultCode: number;
      readonly message: string;
    }
  | {
      readonly type: "base_message";
      readonly peer: Peer;
      readonly direction: "in" | "out";
      readonly name: BaseCommandName;
    }
  | {
      readonly type: "request_rejected";
      readonly peer: Peer;
      readonly resultCode: number;
      readonly problems: readonly DiameterProblem[];
    }
  | {
      readonly type: "handler_failed";
      readonly peer: Peer;
      readonly error: unknown;
    }
  | {
      readonly type: "unmatched_answer";
      readonly peer: Peer;
      readonly hopByHopId: number;
    };

export type EventListener = (event: DiameterEvent) => void;
