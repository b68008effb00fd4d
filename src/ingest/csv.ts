/**
 * RFC 4180 CSV, streamed: `CsvSplitter` cuts text chunks into records (a quoted field may hold
 * a newline), `parseCsvRecord` cuts a record into fields. Records carry the 1-based line
 * number they start on, so that a reject can point at the file.
 */
export interface RawRecord {
  readonly lineNo: number;
  readonly text: string;
}

export class CsvSplitter {
  private carry = "";
  private carryLine = 1;
  private nextLine = 1;

  /** Feeds a chunk of text; returns the complete records it closed. */
  push(chunk: string): RawRecord[] {
    const text = this.carry + chunk;
    const out: RawRecord[] = [];
    let start = 0;
    let recordLine = this.carry ? this.carryLine : this.nextLine;
    let lineInRecord = 0;
    // Quote parity of the current record; a newline inside quotes belongs to a field.
    let inQuotes = countQuotes(this.carry) % 2 === 1;
    let scanFrom = this.carry.length;
    let nextQuote = text.indexOf('"', scanFrom);
    for (;;) {
      const nl = text.indexOf("\n", scanFrom);
      if (nl === -1) break;
      while (nextQuote !== -1 && nextQuote < nl) {
        inQuotes = !inQuotes;
        nextQuote = text.indexOf('"', nextQuote + 1);
      }
      lineInRecord++;
      scanFrom = nl + 1;
      if (inQuotes) continue;
      let end = nl;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      out.push({ lineNo: recordLine, text: text.slice(start, end) });
      recordLine += lineInRecord;
      lineInRecord = 0;
      start = scanFrom;
    }
    this.carry = text.slice(start);
    this.carryLine = recordLine;
    this.nextLine = recordLine;
    return out;
  }

  /** The last record when the input does not end with a newline. */
  end(): RawRecord[] {
    if (this.carry === "") return [];
    const last = { lineNo: this.carryLine, text: this.carry.endsWith("\r") ? this.carry.slice(0, -1) : this.carry };
    this.carry = "";
    return [last];
  }
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/** Splits one record into fields; undefined when its quoting is broken. */
export function parseCsvRecord(text: string): string[] | undefined {
  if (text.indexOf('"') === -1) return text.split(",");
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return undefined;
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === text.length) return fields;
      if (text.charCodeAt(i) !== 44) return undefined;
      i++;
    } else {
      const comma = text.indexOf(",", i);
      const end = comma === -1 ? text.length : comma;
      const value = text.slice(i, end);
      if (value.indexOf('"') !== -1) return undefined;
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}

/** Quotes a field for writing when it needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
