/** The extraction pipeline's public surface: pure TypeScript, no DOM, no Node. */
export {
  GraphBuilder,
  buildGraph,
  articleIdFor,
  extractArticle,
  type ArticleExtraction,
  type ExtractedArticle,
  type InputFile,
  type PipelineOptions,
} from './build';
export { decodeBytes } from './decode';
export { readArticle } from './article';
export { splitSentences } from './sentences';
export { findDates } from './dates';
