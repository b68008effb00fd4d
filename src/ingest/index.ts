export { CsvSplitter, csvField, parseCsvRecord } from "./csv.ts";
export type { ImportOptions, ImportReport } from "./import-usage.ts";
export { fileChunks, fileSize, importUsage, textChunks } from "./import-usage.ts";
export type { LineProblem, LinesResult } from "./lines-file.ts";
export { parseLinesFile } from "./lines-file.ts";
export type { FormatRejectCode } from "./usage-fields.ts";
export type { ParsedUsage, UsageParser } from "./usage-parsers.ts";
export { csvUsageParser, HeaderError, jsonlUsageParser, usageParserFor } from "./usage-parsers.ts";
