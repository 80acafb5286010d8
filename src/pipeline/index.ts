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
  type SentenceFacts,
  type LazyParts,
  type GraphWith,
  type Contributed,
  type EvidenceRef,
  type ResolvedArticle,
  type RelationHead,
} from './build';
export { decodeBytes } from './decode';
export { readArticle } from './article';
export { splitSentences } from './sentences';
export { findDates } from './dates';
