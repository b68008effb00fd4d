import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import type { FastifyInstance, FastifyReply } from "fastify";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".map": "application/json",
};

/**
 * Serves the built web app (web/dist) at `/`: one route per file, read once at start, so an
 * unknown path is a plain 404 and nothing outside the folder can be reached. Without a build,
 * `/` says how to make one.
 */
export function staticRoutes(server: FastifyInstance, dir: string): void {
  const security = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    // The app needs nothing from elsewhere; inline SVG is built with DOM calls, not strings.
    "content-security-policy": "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
  };
  if (!existsSync(join(dir, "index.html"))) {
    server.get("/", { config: { access: "public" } }, async (_req, reply) =>
      reply.type("text/plain; charset=utf-8").send("The web app is not built: run `npm run build:web`, then reload.\n"),
    );
    return;
  }
  for (const file of walk(dir)) {
    const path = `/${relative(dir, file).split("\\").join("/")}`;
    const body = readFileSync(file);
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const send = async (_req: unknown, reply: FastifyReply) => reply.headers(security).header("cache-control", "no-cache").type(type).send(body);
    server.get(path, { config: { access: "public" } }, send);
    if (path === "/index.html") server.get("/", { config: { access: "public" } }, send);
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}
