// Numbers fixed by the specifications. Named once here so that no other file carries a bare 3004.

export const DIAMETER_PORT = 3868;

export const VendorId = {
  ietf: 0,
  tgpp: 10415,
} as const;

export const ApplicationId = {
  /** Base protocol: CER, DWR, DPR (RFC 6733 §2.4). */
  common: 0,
  /** Diameter Credit-Control, used by Gy (RFC 8506). */
  creditControl: 4,
  /** 3GPP Sy (TS 29.219), a vendor-specific application of vendor 10415. */
  sy: 16777302,
  /** A relay agent advertises this and so shares every application (RFC 6733 §2.4). */
  relay: 0xffffffff,
} as const;

export const CommandCode = {
  capabilitiesExchange: 257,
  reAuth: 258,
  creditControl: 272,
  abortSession: 274,
  sessionTermination: 275,
  deviceWatchdog: 280,
  disconnectPeer: 282,
  spendingLimit: 8388635,
  spendingStatusNotification: 8388636,
} as const;

/** Result-Code values used by the stack (RFC 6733 §7.1, RFC 8506 §9). */
export const ResultCode = {
  success: 2001,
  limitedSuccess: 2002,
  commandUnsupported: 3001,
  unableToDeliver: 3002,
  tooBusy: 3004,
  applicationUnsupported: 3007,
  invalidHeaderBits: 3008,
  invalidAvpBits: 3009,
  unknownPeer: 3010,
  endUserServiceDenied: 4010,
  creditControlNotApplicable: 4011,
  creditLimitReached: 4012,
  avpUnsupported: 5001,
  unknownSessionId: 5002,
  invalidAvpValue: 5004,
  missingAvp: 5005,
  noCommonApplication: 5010,
  unsupportedVersion: 5011,
  unableToComply: 5012,
  invalidAvpLength: 5014,
  invalidMessageLength: 5015,
  userUnknown: 5030,
  ratingFailed: 5031,
} as const;

/** Protocol errors (3xxx) travel in answers with the E bit set (RFC 6733 §7.1.3). */
export const isProtocolError = (resultCode: number): boolean => resultCode >= 3000 && resultCode < 4000;

/** Disconnect-Cause (RFC 6733 §5.4.3). */
export const DisconnectCause = {
  rebooting: 0,
  busy: 1,
  doNotWantToTalkToYou: 2,
} as const;
