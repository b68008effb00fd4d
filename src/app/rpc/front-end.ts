import { partitionOf } from "../../domain/index.ts";
import type { LineRecord, Store } from "../../store/index.ts";
import type { FenceScope } from "../../store/postgres/leases.ts";
import type { FrontEndConfig } from "../app.ts";
import { UserError } from "../errors.ts";
import { DEFAULT_RPC_PREFIX } from "./protocol.ts";
import { EngineRouter } from "./router.ts";

/**
 * Opens a front end's link to the engines. Only on PostgreSQL, where the engines' leases are;
 * and the store refuses any journal write of this process, so that a front end can never become a
 * second writer of a partition beside its owner.
 */
export async function frontEnd(store: Store, config: FrontEndConfig): Promise<EngineRouter> {
  if (store.kind !== "postgres") throw new UserError("invalid_option", "a front end (--engines) needs a postgres:// store: the engines' leases live there");
  const router = await EngineRouter.connect({ servers: config.servers, prefix: config.prefix ?? DEFAULT_RPC_PREFIX, patienceMs: config.patienceMs });
  (store as Store & { fence?: unknown }).fence = async (_client: unknown, scope: FenceScope) => {
    if (scope.charges) {
      throw new UserError("not_on_front_end", "a front end does not charge usage: the partition's owner does");
    }
  };
  return router;
}

/** Lines to load at a time on their owners. */
const RELOAD_CONCURRENCY = 32;

/**
 * After a lines import through a front end: each line's owner reloads it from the store, so that
 * its next record is rated on the new terms. An owner that cannot be reached loads the line
 * anyway when it (re)opens its partition; that is a warning, not a failure.
 */
export async function reloadOnOwners(router: EngineRouter, lines: readonly LineRecord[]): Promise<string[]> {
  const warnings: string[] = [];
  for (let i = 0; i < lines.length; i += RELOAD_CONCURRENCY) {
    await Promise.all(
      lines.slice(i, i + RELOAD_CONCURRENCY).map(async ({ lineId }) => {
        try {
          await router.call("line.reload", { lineId });
        } catch (error) {
          warnings.push(
            `line ${lineId}: partition ${partitionOf(lineId)}'s engine did not reload it (${(error as Error).message}); it will when it next opens the partition`,
          );
        }
      }),
    );
  }
  return warnings;
}
