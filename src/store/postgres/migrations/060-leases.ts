import type { Migration } from "./types.ts";

/**
 * Partition leases of partitioned engines (docs/decisions/0017-partition-leases.md). One row per
 * partition (PARTITIONS = 256), created here, so that acquiring is always an UPDATE: two engines racing for a free
 * partition serialise on its row instead of on an INSERT conflict. `token` only ever grows: each
 * acquisition takes the next one, and a commit is accepted only under the token it was issued.
 * Expiry is the server's clock (`now()`), never an engine's, so engines need no clock agreement.
 */
export const leases: Migration = {
  name: "060-leases",
  sql: `
  CREATE TABLE partition_leases (
    partition INTEGER PRIMARY KEY,
    owner TEXT,
    token BIGINT NOT NULL DEFAULT 0,
    expires_at TIMESTAMPTZ
  );
  INSERT INTO partition_leases (partition) SELECT generate_series(0, 255);
  `,
};
