import { CsvSplitter, parseCsvRecord } from "../csv.ts";

/**
 * A usage file as JSON Lines records, the stream's body format: JSON Lines as they are, CSV
 * rows turned into objects of their header's fields (empty fields left out, values kept as
 * text: the consumer validates them exactly as a file import would). A CSV row that cannot be
 * cut into fields is passed on as a JSON string of its raw text (one line, whatever it holds),
 * so that the consumer rejects it with a reason instead of the publisher dropping it.
 */
export function interchangeLines(fileName: string, text: string): string[] {
  if (!/\.csv$/i.test(fileName)) return text.split("\n");
  const splitter = new CsvSplitter();
  const rows = [...splitter.push(text), ...splitter.end()];
  const header = rows.shift();
  const names = header ? parseCsvRecord(header.text.replace(/^\uFEFF/, "")) : undefined;
  if (!names) return [];
  return rows
    .filter((r) => r.text !== "")
    .map((r) => {
      const fields = parseCsvRecord(r.text);
      if (!fields || fields.length !== names.length) return JSON.stringify(r.text);
      const record: Record<string, string> = {};
      for (const [i, name] of names.entries()) if (fields[i] !== "" && fields[i] !== undefined) record[name.trim()] = fields[i];
      return JSON.stringify(record);
    });
}
