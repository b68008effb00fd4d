import { textWidth } from "./metrics.ts";
import { pdfString } from "./winansi.ts";

/** A4 portrait, in points. */
export const PAGE_WIDTH = 595;
export const PAGE_HEIGHT = 842;

export interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly align?: "left" | "right";
  /** 0 = black, 1 = white. */
  readonly gray?: number;
}

/**
 * One page's content: text in the two standard Helvetica fonts and straight lines. Just what an
 * invoice needs, so that no PDF library is needed; coordinates from the bottom-left corner.
 */
export class PdfPage {
  private readonly ops: string[] = [];

  text(x: number, y: number, text: string, style: TextStyle = {}): void {
    const size = style.size ?? 9;
    const left = style.align === "right" ? x - textWidth(text, size) : x;
    const op = `BT /${style.bold ? "F2" : "F1"} ${num(size)} Tf ${num(left)} ${num(y)} Td ${pdfString(text)} Tj ET`;
    // The fill colour is graphics state, which BT/ET does not restore: q/Q keeps it to this text.
    this.ops.push(style.gray === undefined ? op : `q ${num(style.gray)} g ${op} Q`);
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.5): void {
    this.ops.push(`${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }

  /** A filled rectangle in a shade of gray (table headers, banners). */
  fill(x: number, y: number, width: number, height: number, gray: number): void {
    this.ops.push(`q ${num(gray)} g ${num(x)} ${num(y)} ${num(width)} ${num(height)} re f Q`);
  }

  content(): string {
    return this.ops.join("\n");
  }
}

/** Two decimals at most: PDF readers take any real, but fewer digits keep files small and stable. */
function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * Serialises pages as a PDF 1.4 file: catalog, page tree, the two fonts (WinAnsiEncoding, so
 * French accents and the euro sign render), one content stream per page, the cross-reference
 * table. No dates and no random ids: the same invoice gives the same bytes.
 */
export function pdfFile(pages: readonly PdfPage[], title: string): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add("");
  const tree = add("");
  const regular = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const bold = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  const info = add(`<< /Title ${pdfString(title)} /Producer (Garde-fou) >>`);
  const kids: number[] = [];
  for (const page of pages) {
    const content = page.content();
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
          `/Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${tree} 0 R >>`;
  objects[tree - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;

  // Everything after the header is ASCII (strings are escaped), so string length = byte length.
  const header = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  let body = "";
  const offsets: number[] = [];
  for (const [i, o] of objects.entries()) {
    offsets.push(header.length + body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  }
  const xrefAt = header.length + body.length;
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(header + body + xref + trailer, "latin1"));
}
