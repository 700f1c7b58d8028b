/**
 * Reads a PDF the browser printed, as a reader of it would: the text of each page, and where each
 * link inside the document leads. pdfjs-dist's legacy build runs in Node without a canvas.
 */

export type PrintedLink = { onPage: number; toPage: number };
export type PrintedPdf = { pages: string[]; links: PrintedLink[] };

export async function readPdf(pdf: Buffer): Promise<PrintedPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    const links: PrintedLink[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const words = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      pages.push(words.replace(/\s+/g, ' ').trim());
      for (const annotation of (await page.getAnnotations()) as { subtype: string; dest?: unknown }[]) {
        if (annotation.subtype !== 'Link' || !annotation.dest) continue;
        const dest = typeof annotation.dest === 'string' ? await doc.getDestination(annotation.dest) : annotation.dest;
        if (!Array.isArray(dest)) continue;
        links.push({ onPage: n, toPage: (await doc.getPageIndex(dest[0])) + 1 });
      }
    }
    return { pages, links };
  } finally {
    await doc.destroy();
  }
}
