// Parses JSON text and remembers where each value starts, so a finding at `steps[3].next`
// can say "line 42, column 15", and a syntax error says exactly where the text went wrong.
import { formatPath, type PathSegment } from './jsonPath';

/** A syntax error in both UI languages (the shape of shared/plan's `Text`, which shared/json does not import). */
export interface BilingualText {
  'zh-CN': string;
  en: string;
}

export interface TextPosition {
  line: number;
  column: number;
}

export type LocatedJson =
  | { ok: true; value: unknown; locate: (path: string) => TextPosition | undefined }
  | { ok: false; message: BilingualText; position: TextPosition };

class JsonSyntaxError extends Error {
  constructor(
    readonly text: BilingualText,
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
    if (this.i < this.text.length) this.fail('文档结束后还有多余内容', 'unexpected text after the end of the document');
  }

  private value(): void {
    if (this.path.length > MAX_JSON_DEPTH) {
      this.fail(`嵌套超过 ${MAX_JSON_DEPTH} 层`, `nested more than ${MAX_JSON_DEPTH} levels deep`);
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
    if (c === undefined) this.fail('此处应为一个值，但文档已结束', 'the document ends where a value was expected');
    this.fail(`意外的字符 ${describe(c)}`, `unexpected character ${describe(c)}`);
  }

  private object(): void {
    this.i++;
    this.space();
    if (this.text[this.i] === '}') return void this.i++;
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"')
        this.fail('此处应为双引号括起的属性名', 'expected a property name in double quotes');
      const key = this.string();
      this.space();
      if (this.text[this.i] !== ':') this.fail("属性名后应为 ':'", "expected ':' after a property name");
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
      this.fail("属性值后应为 ',' 或 '}'", "expected ',' or '}' after a property value");
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
      this.fail("数组元素后应为 ',' 或 ']'", "expected ',' or ']' after an array element");
    }
  }

  private string(): string {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) this.fail('字符串没有结束引号', 'unterminated string', start);
      if (c === '"') break;
      if (c < ' ')
        this.fail('字符串中有控制字符（请使用转义）', 'control character in a string (write it as an escape)');
      if (c === '\\') {
        const e = this.text[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6)))
            this.fail('无效的 \\u 转义', 'bad \\u escape');
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail('字符串中有无效的转义', 'bad escape in a string');
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
    if (!match) this.fail('数字格式错误', 'malformed number');
    this.i += match[0].length;
  }

  private space(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i++;
  }

  private fail(zh: string, en: string, offset = this.i): never {
    throw new JsonSyntaxError({ 'zh-CN': zh, en }, offset);
  }
}

function describe(c: string): string {
  return c === "'" ? '\' (JSON strings use double quotes ")' : `'${c}'`;
}
