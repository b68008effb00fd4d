/** A named schema change, applied once, in the order of the names, each in its own transaction. */
export interface Migration {
  readonly name: string;
  readonly sql: string;
}
