/**
 * The per-file step of the command line, the same in a worker thread and in the main thread:
 * bytes → (format conversion) → the pipeline's pure per-article extraction.
 */
import { extractArticle, type ArticleExtraction, type SentenceFacts } from '../pipeline';
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

/**
 * An extraction as three JSON texts: everything but the record's text and sentence facts, the
 * text, and the facts. The cache keeps the last two apart, so a re-run that hands back an
 * article's evidence and entry as it wrote them before never decodes them, the bulk of an
 * extraction.
 */
export interface ExtractionJson {
  light: string;
  text: string;
  facts: string;
}

export function toJson(extraction: ArticleExtraction): ExtractionJson {
  const record = extraction.record;
  if (!record) return { light: JSON.stringify(extraction), text: '""', facts: '[]' };
  const { facts, text, ...rest } = record;
  return {
    light: JSON.stringify({ ...extraction, record: rest }),
    text: JSON.stringify(text),
    facts: JSON.stringify(facts),
  };
}

export function fromJson(json: ExtractionJson): ArticleExtraction {
  const extraction = JSON.parse(json.light) as ArticleExtraction;
  if (extraction.record) {
    extraction.record.text = JSON.parse(json.text) as string;
    extraction.record.facts = JSON.parse(json.facts) as SentenceFacts[];
  }
  return extraction;
}
