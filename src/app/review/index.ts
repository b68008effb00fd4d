export type { CreditInput, PlanInput } from "./actions.ts";
export { ReviewDesk } from "./desk.ts";
export type { MigrationInput } from "./migrate.ts";
export type { SimulationInput, SimulationView } from "./simulate.ts";
export { simulationCsv } from "./simulate.ts";
export type { CaseView } from "./views.ts";
