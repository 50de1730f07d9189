/** pdfkit stamps each render with its time and an id made from it; the rest is the document. */
function withoutRenderTime(pdf: Buffer): string {
  return pdf
    .toString('latin1')
    .replace(/D:\d{14}Z/g, 'D:00000000000000Z')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID []');
}

/** Two renders of the same document: equal but for when they were rendered. */
export function sameDocument(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && withoutRenderTime(a) === withoutRenderTime(b);
}
