/** Where one top-level member of a JSON object sits in the text, so it can be edited in place. */
export interface JsonMember {
  key: string;
  /** Index of the member's opening quote. */
  start: number;
  valueStart: number;
  /** Index just past the value. */
  valueEnd: number;
}

export interface JsonLayout {
  members: JsonMember[];
  /** Index of the root object's closing brace. */
  rootEnd: number;
}

/** Index just past the JSON value starting at `index` (the text is known to be valid JSON). */
function skipValue(text: string, index: number): number {
  let depth = 0;
  for (let i = index; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      i = skipString(text, i) - 1;
      if (depth === 0) return i + 1;
    } else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return i;
    } else if (depth === 0 && (char === ',' || /\s/.test(char ?? ''))) return i;
  }
  return text.length;
}

/** Index just past the string literal whose opening quote is at `index`. */
function skipString(text: string, index: number): number {
  for (let i = index + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/**
 * The top-level members of a JSON object text with their positions. The caller has
 * already parsed the text with JSON.parse, so only valid JSON reaches this scanner.
 */
export function jsonLayout(text: string): JsonLayout {
  const open = text.indexOf('{');
  const members: JsonMember[] = [];
  let i = open + 1;
  for (;;) {
    while (i < text.length && /[\s,]/.test(text[i] ?? '')) i++;
    if (text[i] !== '"') break;
    const start = i;
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(start, keyEnd)) as string;
    i = text.indexOf(':', keyEnd) + 1;
    while (/\s/.test(text[i] ?? '')) i++;
    const valueEnd = skipValue(text, i);
    members.push({ key, start, valueStart: i, valueEnd });
    i = valueEnd;
  }
  return { members, rootEnd: text.lastIndexOf('}') };
}
