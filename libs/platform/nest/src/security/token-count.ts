import { Source, SourceLocation, getLocation } from 'graphql';

/**
 * GraphQL's lexical tokens counted without parsing: no token or node is built, so a document
 * far over the token limit costs a scan of its first `max + 1` tokens and nothing else.
 *
 * graphql-js's parser enforces the same limit (`maxTokens`) but only while it builds the
 * document: every token it reads stays linked to the next until the parse gives up, and under
 * load a parse that spans a young-generation collection drags its whole token chain into the
 * old generation. Counting first keeps the parser for documents within the limit.
 *
 * Counted as the parser counts: every token but the start and end of the document; white
 * space, line terminators, commas, comments and the byte order mark are not tokens.
 */

const enum Char {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Bang = 0x21,
  Quote = 0x22,
  Hash = 0x23,
  Dollar = 0x24,
  Amp = 0x26,
  ParenL = 0x28,
  ParenR = 0x29,
  Plus = 0x2b,
  Comma = 0x2c,
  Minus = 0x2d,
  Dot = 0x2e,
  Zero = 0x30,
  Nine = 0x39,
  Colon = 0x3a,
  Equals = 0x3d,
  At = 0x40,
  UpperE = 0x45,
  BracketL = 0x5b,
  Backslash = 0x5c,
  BracketR = 0x5d,
  Underscore = 0x5f,
  LowerE = 0x65,
  BraceL = 0x7b,
  Pipe = 0x7c,
  BraceR = 0x7d,
  ByteOrderMark = 0xfeff,
}

const isDigit = (c: number) => c >= Char.Zero && c <= Char.Nine;
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isNameStart = (c: number) => isLetter(c) || c === Char.Underscore;
const isNameContinue = (c: number) => isNameStart(c) || isDigit(c);
const isLeadingSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isTrailingSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function isPunctuator(c: number): boolean {
  switch (c) {
    case Char.Bang:
    case Char.Dollar:
    case Char.Amp:
    case Char.ParenL:
    case Char.ParenR:
    case Char.Colon:
    case Char.Equals:
    case Char.At:
    case Char.BracketL:
    case Char.BracketR:
    case Char.BraceL:
    case Char.Pipe:
    case Char.BraceR:
      return true;
  }
  return false;
}

/** Not a token: none of these leaves anything for the parser to read. */
function isIgnored(c: number): boolean {
  return c === Char.Space || c === Char.Comma || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab || c === Char.ByteOrderMark;
}

/** Sentinel for text the lexer would refuse: the parser is left to say where and why. */
const INVALID = -1;

/** After a comment, which runs to the end of its line (or to a character that is not Unicode text). */
function skipComment(s: string, i: number): number {
  for (i++; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === Char.LineFeed || c === Char.CarriageReturn) break;
    if (isLeadingSurrogate(c) && isTrailingSurrogate(s.charCodeAt(i + 1))) i += 2;
    else if (isLeadingSurrogate(c) || isTrailingSurrogate(c)) break;
    else i++;
  }
  return i;
}

function skipDigits(s: string, i: number): number {
  if (!isDigit(s.charCodeAt(i))) return INVALID;
  while (isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** After an IntValue or FloatValue: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, not followed by `.` or a name. */
function skipNumber(s: string, i: number): number {
  if (s.charCodeAt(i) === Char.Minus) i++;
  if (s.charCodeAt(i) === Char.Zero) {
    i++;
    if (isDigit(s.charCodeAt(i))) return INVALID;
  } else {
    i = skipDigits(s, i);
    if (i === INVALID) return INVALID;
  }
  if (s.charCodeAt(i) === Char.Dot) {
    i = skipDigits(s, i + 1);
    if (i === INVALID) return INVALID;
  }
  const e = s.charCodeAt(i);
  if (e === Char.UpperE || e === Char.LowerE) {
    i++;
    const sign = s.charCodeAt(i);
    if (sign === Char.Plus || sign === Char.Minus) i++;
    i = skipDigits(s, i);
    if (i === INVALID) return INVALID;
  }
  const next = s.charCodeAt(i);
  return next === Char.Dot || isNameStart(next) ? INVALID : i;
}

/** After a `"…"` string: it may not span lines; an escape's backslash hides the character after it. */
function skipString(s: string, i: number): number {
  for (i++; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === Char.Quote) return i + 1;
    if (c === Char.LineFeed || c === Char.CarriageReturn) return INVALID;
    i += c === Char.Backslash ? 2 : 1;
  }
  return INVALID;
}

/** After a `"""…"""` block string, in which `\"""` is an escaped triple quote. */
function skipBlockString(s: string, i: number): number {
  const end = s.length;
  for (i += 3; i < end; ) {
    const c = s.charCodeAt(i);
    if (c === Char.Quote && s.charCodeAt(i + 1) === Char.Quote && s.charCodeAt(i + 2) === Char.Quote) return i + 3;
    if (c === Char.Backslash && s.startsWith('"""', i + 1)) i += 4;
    else i++;
  }
  return INVALID;
}

/**
 * Where the document's token number `max + 1` starts (a UTF-16 offset, as graphql-js reports
 * it), or undefined when the document has at most `max` tokens. Also undefined when text the
 * lexer refuses (a stray character, an unterminated string, a malformed number) comes first:
 * the parser refuses that document itself and says where.
 */
export function tokenOverLimit(source: string, max: number): number | undefined {
  let count = 0;
  for (let i = 0; i < source.length; ) {
    const c = source.charCodeAt(i);
    if (isIgnored(c)) {
      i++;
      continue;
    }
    if (c === Char.Hash) {
      i = skipComment(source, i);
      continue;
    }
    const start = i;
    if (isPunctuator(c)) i++;
    else if (isNameStart(c)) {
      i++;
      while (isNameContinue(source.charCodeAt(i))) i++;
    } else if (c === Char.Dot) i = source.startsWith('...', i) ? i + 3 : INVALID;
    else if (c === Char.Minus || isDigit(c)) i = skipNumber(source, i);
    else if (c === Char.Quote) i = source.startsWith('"""', i) ? skipBlockString(source, i) : skipString(source, i);
    else i = INVALID;
    if (i === INVALID) return undefined;
    if (++count > max) return start;
  }
  return undefined;
}

/**
 * The 1-based line and column of an offset, as graphql-js's locations. Its `getLocation` looks
 * for line ends through the whole text (a 400 KB one-line document: about 1 ms), so it is given
 * only the text before the offset.
 */
export function locationOf(source: string, offset: number): SourceLocation {
  return getLocation(new Source(source.slice(0, offset)), offset);
}
