// The two predicates SQLite cannot express, as the search compiles them: `contains` (whole
// words) and `regex` (anchored). The store registers them as SQL functions (searchRepository.ts).

/** Lower-cased runs of letters and digits: what a search engine's standard analyzer indexes. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

let lastWords: { needle: unknown; words: string[] } = { needle: undefined, words: [] };

function needleWords(needle: unknown): string[] {
  if (lastWords.needle !== needle) lastWords = { needle, words: words(String(needle)) };
  return lastWords.words;
}

/**
 * `contains`: on text, the needle's words appear in the value consecutively, whole and in any
 * case ("Jean-Luc Picard" contains "luc picard", not "pic"); on an array, one element equals
 * the needle (text elements compared case-insensitively).
 */
export function containsMatch(type: unknown, value: unknown, needle: unknown): boolean {
  if (type === 'text' && typeof value === 'string') {
    const wanted = needleWords(needle);
    if (wanted.length === 0) return false;
    const have = words(value);
    for (let at = 0; at + wanted.length <= have.length; at++) {
      if (wanted.every((word, offset) => have[at + offset] === word)) return true;
    }
    return false;
  }
  if (type === 'array' && typeof value === 'string') {
    const elements = JSON.parse(value) as unknown[];
    return elements.some((element) =>
      typeof element === 'string' && typeof needle === 'string' ? element.toLowerCase() === needle.toLowerCase() : element === needle,
    );
  }
  return false;
}

const compiled = new Map<string, RegExp>();

/** The anchored JavaScript RegExp of a pattern the compiler already accepted. */
export function anchoredRegex(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(`^(?:${pattern})$`, 'u');
    if (compiled.size > 500) compiled.clear();
    compiled.set(pattern, regex);
  }
  return regex;
}

/** `regex`: the whole text matches; on an array, one text element does. */
export function regexMatch(type: unknown, value: unknown, pattern: string): boolean {
  if (typeof value !== 'string') return false;
  const regex = anchoredRegex(pattern);
  if (type === 'text') return regex.test(value);
  if (type === 'array') return (JSON.parse(value) as unknown[]).some((element) => typeof element === 'string' && regex.test(element));
  return false;
}
