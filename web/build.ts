/**
 * Builds the web app: one ES module bundle (esbuild), the page and its styles. `npm run
 * build:web` writes web/dist, which `gardefou serve` serves; tests build into a temporary
 * folder. No framework and no runtime dependency: the bundle is the app's own code only.
 */
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = join(here, "dist");

export async function buildWeb(dist: string = WEB_DIST): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await build({
    entryPoints: [join(here, "src", "main.ts")],
    outfile: join(dist, "app.js"),
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: true,
    legalComments: "none",
    logLevel: "warning",
  });
  for (const file of ["index.html", "styles.css", "charts.css", "favicon.svg"]) copyFileSync(join(here, file), join(dist, file));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildWeb();
  process.stdout.write(`web app built in ${WEB_DIST}\n`);
}
