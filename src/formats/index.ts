/**
 * Files that are not plain text, turned into articles before the pipeline reads them: saved
 * web pages (reader mode), PDFs (text layer) and Word documents. Runs in the CLI and in the
 * browser's extraction worker alike; the heavy readers are loaded on first use.
 */
import { decodeBytes, type InputFile } from '../pipeline';

/** The file kinds read here, by name. */
export const CONVERTED = /\.(?:html?|xhtml|pdf|docx)$/iu;

/**
 * A file as the pipeline takes it: an HTML page, PDF or .docx becomes its extracted article;
 * any other file is handed over as it is. A file that cannot be converted comes back as
 * refused, with the reason, and the caller records it as skipped.
 */
export async function convertFile(
  file: string,
  bytes: Uint8Array,
): Promise<{ ok: true; input: InputFile } | { ok: false; reason: string }> {
  const ext = /\.([^.]+)$/u.exec(file)?.[1]?.toLowerCase() ?? '';
  if (ext === 'pdf') {
    const { readPdf } = await import('./pdf');
    const result = await readPdf(bytes);
    return result.ok
      ? { ok: true, input: { file, content: '', extracted: result.article } }
      : result;
  }
  if (ext === 'docx') {
    const { readDocx } = await import('./docx');
    const result = await readDocx(bytes);
    return result.ok
      ? { ok: true, input: { file, content: '', extracted: result.article } }
      : result;
  }
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') {
    const decoded = decodeBytes(bytes);
    // Undecodable bytes: the pipeline names the reason as it does for any file.
    if (!decoded.ok) return { ok: true, input: { file, content: bytes } };
    const { readHtmlPage } = await import('./html');
    const article = readHtmlPage(decoded.text);
    for (const note of decoded.notes)
      article.notes.push({ level: note.startsWith('invalid') ? 'warning' : 'info', message: note });
    return { ok: true, input: { file, content: '', extracted: article } };
  }
  return { ok: true, input: { file, content: bytes } };
}
