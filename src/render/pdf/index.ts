export { PAGE_HEIGHT, PAGE_WIDTH, PdfPage, pdfFile, type TextStyle } from "./document.ts";
export { fitText, textWidth } from "./metrics.ts";
export { encodeWinAnsi, pdfString } from "./winansi.ts";
