/**
 * chrono-node's English readers, with their patterns compiled in Unicode mode.
 *
 * chrono's case-insensitive patterns are compiled by V8 on first use, once per process (and per
 * worker). Without the `u` flag V8 folds the case of every alternative of the large duration
 * patterns ('two years, three months and five days ago') by itself: measured on this machine,
 * ~300 ms for the first sentences read, against ~120 ms with `u`, where it folds through ICU's
 * tables. A warm re-run that reads a hundred new articles pays that once, so it is a tenth of
 * its extraction. Matching is the same for these patterns: they name ASCII words, digits and
 * spaces, and a match's index stays in UTF-16 units. A pattern that is not valid in Unicode
 * mode keeps its own flags.
 */
import * as chrono from 'chrono-node';

/** A parser that hands out `parser`'s pattern recompiled with the `u` flag. */
function unicodeParser(parser: chrono.Parser): chrono.Parser {
  // chrono keeps one pattern per parser until the context changes it: recompile only then.
  let own: RegExp | null = null;
  let compiled: RegExp | null = null;
  return {
    pattern(context) {
      const pattern = parser.pattern(context);
      if (pattern !== own || compiled === null) {
        own = pattern;
        compiled = pattern;
        if (pattern.flags.includes('i') && !/[uv]/u.test(pattern.flags)) {
          try {
            compiled = new RegExp(pattern.source, pattern.flags + 'u');
          } catch {
            // Not valid in Unicode mode: it keeps its own flags.
          }
        }
      }
      return compiled;
    },
    extract: (context, match) => parser.extract(context, match),
  };
}

function unicodeChrono(base: chrono.Chrono): chrono.Chrono {
  const out = base.clone();
  out.parsers = out.parsers.map(unicodeParser);
  return out;
}

/** chrono's casual English reader (`chrono.casual`): relative expressions too. */
export const casual = unicodeChrono(chrono.casual);
/** chrono's strict English reader (`chrono.strict`): full calendar expressions only. */
export const strict = unicodeChrono(chrono.strict);
/** `chrono.parse`: the casual reader. */
export const parse: chrono.Chrono['parse'] = (text, ref, option) => casual.parse(text, ref, option);
export type { ParsedResult } from 'chrono-node';
