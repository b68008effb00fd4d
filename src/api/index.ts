export { serve } from "./serve.ts";
export type { ServerOptions } from "./server.ts";
export { buildServer } from "./server.ts";
