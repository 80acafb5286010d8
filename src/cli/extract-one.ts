/**
 * The per-file step of the command line, the same in a worker thread and in the main thread:
 * bytes → (format conversion) → the pipeline's pure per-article extraction.
 */
import { extractArticle, type ArticleExtraction } from '../pipeline';
import { CONVERTED, convertFile } from '../formats';

export async function extractFile(file: string, bytes: Uint8Array): Promise<ArticleExtraction> {
  try {
    if (!CONVERTED.test(file)) return extractArticle({ file, content: bytes });
    const converted = await convertFile(file, bytes);
    if (!converted.ok)
      return {
        file,
        diagnostics: [{ file, level: 'warning', message: `skipped: ${converted.reason}` }],
        record: null,
        orgs: [],
      };
    return extractArticle(converted.input);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return {
      file,
      diagnostics: [{ file, level: 'error', message: `skipped: could not be read (${reason})` }],
      record: null,
      orgs: [],
    };
  }
}
