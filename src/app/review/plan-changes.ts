import { applyDuePlanChanges } from "../../engine/index.ts";
import { type DeskDeps, nowIso } from "./deps.ts";

/** Applies the plan changes whose cycle boundary has passed, alone in the engine. */
export function applyDue(deps: DeskDeps): Promise<number> {
  const { engine } = deps;
  return engine.exclusive(() => applyDuePlanChanges(deps.store, deps.catalog, engine.lines, (p) => engine.isClosed(p), nowIso(deps)));
}
