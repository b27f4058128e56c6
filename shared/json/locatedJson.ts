// Parses JSON text and remembers where each value starts, so a finding at `steps[3].next`
// can say "line 42, column 15", and a syntax error says exactly where the text went wrong.
import { formatPath, type PathSegment } from './jsonPath';
import { FILE_MESSAGES as m } from '../messages/files';
import type { Text } from '../text';

export interface TextPosition {
  line: number;
  column: number;
}

export type LocatedJson =
  | { ok: true; value: unknown; locate: (path: string) => TextPosition | undefined }
  | { ok: false; message: Text; position: TextPosition };

class JsonSyntaxError extends Error {
  constructor(
    readonly text: Text,
    readonly offset: number,
  ) {
    super(text.en);
  }
}

export function parseLocatedJson(input: string): LocatedJson {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input; // editors on Windows add a BOM
  const offsets = new Map<string, number>();
  const scanner = new Scanner(text, offsets);
  try {
    scanner.document();
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, message: error.text, position: positionAt(text, error.offset) };
  }
  // The scanner checked the grammar; JSON.parse builds the value with the platform's exact semantics.
  const value: unknown = JSON.parse(text);
  return {
    ok: true,
    value,
    locate: (path) => {
      const offset = offsets.get(path);
      return offset === undefined ? undefined : positionAt(text, offset);
    },
  };
}

/** The position of a path, or of its nearest ancestor that exists in the text. */
export function locateNearest(located: Extract<LocatedJson, { ok: true }>, segments: PathSegment[]) {
  for (let n = segments.length; n >= 0; n--) {
    const position = located.locate(formatPath(segments.slice(0, n)));
    if (position) return position;
  }
  return undefined;
}

function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** Plans nest about six levels deep; a hostile file nested thousands deep must not overflow the stack. */
export const MAX_JSON_DEPTH = 256;

class Scanner {
  private i = 0;
  private readonly path: PathSegment[] = [];

  constructor(
    private readonly text: string,
    private readonly offsets: Map<string, number>,
  ) {}

  document(): void {
    this.space();
    this.value();
    this.space();
    if (this.i < this.text.length) this.fail(m.jsonTrailingText());
  }

  private value(): void {
    if (this.path.length > MAX_JSON_DEPTH) {
      this.fail(m.jsonTooDeep(MAX_JSON_DEPTH));
    }
    this.offsets.set(formatPath(this.path), this.i);
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return void this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    if (c === undefined) this.fail(m.jsonEndsEarly());
    this.fail(m.jsonUnexpectedCharacter(describe(c)));
  }

  private object(): void {
    this.i++;
    this.space();
    if (this.text[this.i] === '}') return void this.i++;
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"') this.fail(m.jsonExpectedName());
      const key = this.string();
      this.space();
      if (this.text[this.i] !== ':') this.fail(m.jsonExpectedColon());
      this.i++;
      this.space();
      this.path.push(key);
      this.value();
      this.path.pop();
      this.space();
      const c = this.text[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === '}') return void this.i++;
      this.fail(m.jsonExpectedObjectEnd());
    }
  }

  private array(): void {
    this.i++;
    this.space();
    if (this.text[this.i] === ']') return void this.i++;
    for (let index = 0; ; index++) {
      this.space();
      this.path.push(index);
      this.value();
      this.path.pop();
      this.space();
      const c = this.text[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') return void this.i++;
      this.fail(m.jsonExpectedArrayEnd());
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) this.fail(m.jsonUnterminatedString(), start);
      if (c === '"') break;
      if (c < ' ') this.fail(m.jsonControlCharacter());
      if (c === '\\') {
        const e = this.text[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.fail(m.jsonBadUnicodeEscape());
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail(m.jsonBadEscape());
        this.i += 2;
        continue;
      }
      this.i++;
    }
    this.i++;
    return JSON.parse(this.text.slice(start, this.i)) as string;
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail(m.jsonBadNumber());
    this.i += match[0].length;
  }

  private space(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i++;
  }

  private fail(message: Text, offset = this.i): never {
    throw new JsonSyntaxError(message, offset);
  }
}

function describe(c: string): string {
  return c === "'" ? '\' (JSON strings use double quotes ")' : `'${c}'`;
}
