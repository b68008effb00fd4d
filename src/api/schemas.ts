import { z } from "zod";

/** Path and query pieces shared by several routes. */
export const lineParams = z.object({ lineId: z.string().min(1).max(64).describe("the line's id (never its IMSI or MSISDN)") });
export const invoiceParams = z.object({ invoiceId: z.string().min(1).max(128) });
export const periodText = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a period is YYYY-MM")
  .describe("a billing period, YYYY-MM");
/** An amount as the API writes it: a decimal string, never a JSON number (no float ever holds money). */
export const decimalAmount = z.string().regex(/^\d{1,7}(\.\d{1,2})?$/, 'an amount is a decimal string such as "20.00"');
