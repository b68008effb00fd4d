import { PAGE_HEIGHT, PdfPage } from "../pdf/index.ts";

export const LEFT = 40;
export const RIGHT = 555;
const TOP = PAGE_HEIGHT - 50;
/** Room kept at the bottom of each page for its footer. */
const BOTTOM = 60;

/**
 * Lays content out top to bottom and starts a new page when a block no longer fits, so that a
 * row is never split and an invoice of any length paginates. Footers are drawn at the end,
 * once the number of pages is known.
 */
export class Flow {
  readonly pages: PdfPage[] = [];
  private current: PdfPage;
  private cursor = TOP;

  constructor(private readonly onNewPage: (flow: Flow) => void = () => undefined) {
    this.current = new PdfPage();
    this.pages.push(this.current);
  }

  get page(): PdfPage {
    return this.current;
  }

  get y(): number {
    return this.cursor;
  }

  /** Makes sure `height` points fit on this page, else starts the next one. */
  need(height: number): void {
    if (this.cursor - height >= BOTTOM) return;
    this.current = new PdfPage();
    this.pages.push(this.current);
    this.cursor = TOP;
    this.onNewPage(this);
  }

  /** Reserves a row of `height` points and returns the baseline to write it on. */
  row(height: number): number {
    this.need(height);
    this.cursor -= height;
    return this.cursor + 3;
  }

  gap(height: number): void {
    this.cursor -= height;
  }

  footers(text: (n: number, of: number) => string): void {
    this.pages.forEach((p, i) => {
      p.line(LEFT, BOTTOM - 20, RIGHT, BOTTOM - 20, 0.3);
      p.text(RIGHT, BOTTOM - 32, text(i + 1, this.pages.length), { size: 7, align: "right", gray: 0.35 });
    });
  }
}
