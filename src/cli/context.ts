import { App } from "../app/index.ts";

export interface GlobalOptions {
  readonly db: string;
  readonly catalog?: string | undefined;
}

/** Opens the app for one command and always closes it. */
export async function withApp<T>(options: GlobalOptions, run: (app: App) => Promise<T>): Promise<T> {
  const app = await App.open({ dbPath: options.db, catalogPath: options.catalog });
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}
