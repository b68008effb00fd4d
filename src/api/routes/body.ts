import { UserError } from "../../app/index.ts";

/** The media types of a posted lines or usage file. */
export const FILE_TYPES = ["text/csv", "application/x-ndjson", "application/jsonl", "application/x-jsonlines"];

/** The format of a posted file, from its Content-Type. */
export function bodyFormat(contentType: string | undefined): "csv" | "jsonl" {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "text/csv") return "csv";
  if (type === "application/x-ndjson" || type === "application/jsonl" || type === "application/x-jsonlines") return "jsonl";
  throw new UserError("unsupported_media_type", `send text/csv or application/x-ndjson, not "${type || "nothing"}"`);
}
