/** A named schema change, applied once, in the order of the names. */
export interface Migration {
  readonly name: string;
  readonly sql: string;
}
