/** Documents for people, as bytes: the invoice PDF. Pure: no I/O, no clock. */
export * from "./invoice/index.ts";
