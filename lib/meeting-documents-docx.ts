/**
 * A meeting document as a Word file: the title as Heading 1, headings as Heading 2, bullets as
 * Word's own bulleted list (so that they stay a list when edited or converted), links as
 * hyperlinks. Pure: the model in, the file's bytes out.
 */
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { plainText, runsOf, type DocumentModel } from './meeting-documents';

function inline(text: string) {
  return runsOf(text).map((run) =>
    run.href ? new ExternalHyperlink({ link: run.href, children: [new TextRun({ text: run.text, style: 'Hyperlink' })] }) : new TextRun(run.text),
  );
}

export async function toDocx(model: DocumentModel): Promise<Buffer> {
  const children: Paragraph[] = [];
  if (model.title) children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(plainText(model.title))] }));
  for (const block of model.blocks) {
    if (block.type === 'heading') children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(plainText(block.text))] }));
    else if (block.type === 'paragraph') children.push(new Paragraph({ children: inline(block.text) }));
    else for (const item of block.items) children.push(new Paragraph({ bullet: { level: 0 }, children: inline(item) }));
  }
  const document = new Document({
    creator: 'PITF Dashboard',
    title: plainText(model.title),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
