import type { ReauthTarget } from "../../engine/index.ts";
import { ApplicationId, avp, BaseAvps as Base, CommandCode, type Peer, type RequestError, readValue } from "../diameter/index.ts";

export type ReauthResult = { ok: true; resultCode: number | undefined } | { ok: false; code: "peer_not_connected" | RequestError["code"]; message: string };

/**
 * RAR to the gateway holding a session (RFC 8506 §5.5): it answers RAA, then sends a CCR-U
 * with Reporting-Reason FORCED_REAUTHORISATION and gets fresh grants — after a consent, past
 * the cap that stopped it.
 */
export async function sendReauth(peers: () => readonly Peer[], target: ReauthTarget, timeoutMs = 5_000): Promise<ReauthResult> {
  const peer = peers().find((p) => p.remote?.originHost === target.peerHost);
  if (!peer) return { ok: false, code: "peer_not_connected", message: `gateway ${target.peerHost} is not connected` };
  const answer = await peer.request(
    {
      applicationId: ApplicationId.creditControl,
      commandCode: CommandCode.reAuth,
      avps: [
        avp(Base.SessionId, target.sessionId),
        avp(Base.DestinationRealm, target.peerRealm),
        avp(Base.DestinationHost, target.peerHost),
        avp(Base.AuthApplicationId, ApplicationId.creditControl),
        avp(Base.ReAuthRequestType, Base.ReAuthRequestType.values.AUTHORIZE_ONLY),
      ],
    },
    { timeoutMs },
  );
  if (!answer.ok) return { ok: false, code: answer.error.code, message: answer.error.message };
  return { ok: true, resultCode: readValue(answer.value.avps, Base.ResultCode) };
}
