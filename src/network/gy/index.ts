export { ccaBody } from "./answer.ts";
export { ccrHandler } from "./handler.ts";
export type { ParseFailure } from "./parse.ts";
export { parseCcr, servingPlmnOf } from "./parse.ts";
export type { ReauthResult } from "./reauth.ts";
export { sendReauth } from "./reauth.ts";
