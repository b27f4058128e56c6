// Messages about files and folders: why the disk refused, a data folder that cannot be written, the settings
// file, a plan file that cannot be read, and JSON that does not parse.
import { text, type Catalogue, type Text } from '../text';

/** Why the disk refused, in words a guard understands: one table for every message that says a record could not be written. */
const DISK_REASONS: Readonly<Record<string, Text>> = {
  ENOSPC: text('磁盘已满', 'the disk is full'),
  EROFS: text('磁盘为只读', 'the disk is read-only'),
  ENOENT: text('文件夹已被删除', 'the folder was removed'),
  ENOTDIR: text('数据目录路径是一个文件，而不是文件夹', 'the data folder path is a file, not a folder'),
  EEXIST: text('数据目录路径是一个文件，而不是文件夹', 'the data folder path is a file, not a folder'),
  EACCES: text('没有写入权限', 'permission denied'),
  EPERM: text('没有写入权限', 'permission denied'),
  EIO: text('磁盘读写错误', 'a disk input/output error'),
};
export const DISK_ERROR_CODES = Object.keys(DISK_REASONS);

const PLAN_READ_REASONS: Readonly<Record<string, Text>> = {
  ENOENT: text('文件不存在', 'no such file'),
  EACCES: text('没有读取权限', 'permission denied'),
  EISDIR: text('这是一个目录', 'it is a directory'),
};
export const PLAN_READ_ERROR_CODES = Object.keys(PLAN_READ_REASONS);

export const FILE_MESSAGES = {
  /** The reason for a system error code (ENOSPC, EROFS…); an unknown code is shown as it is. */
  diskReason: (code: string) => DISK_REASONS[code] ?? text(`无法写入（${code}）`, `it cannot be written (${code})`),
  cannotRecord: (reason: Text, dir: string) =>
    text(
      `无法记录：${reason['zh-CN']}（${dir}）。预案仍可按步骤查看，但任何操作都不会被记录——请立即改用纸质记录，并报告安全主管。`,
      `Nothing can be recorded: ${reason.en} (${dir}). Plans can still be followed on screen, but nothing you do is recorded — use paper now and report this to the security manager.`,
    ),
  settingsNotSaved: (reason: string) =>
    text(`设置未能保存（${reason}），原设置保持不变`, `Settings could not be saved (${reason}); nothing changed`),
  settingsNotJson: () => text('设置文件已损坏（不是有效的 JSON）', 'The settings file is damaged (not valid JSON)'),
  timeZoneInvalid: () =>
    text(
      '不是有效的时区名称（应为 IANA 名称，如 Asia/Shanghai；留空则用系统时区）',
      'not a time zone: use an IANA name such as Asia/Shanghai, or leave it empty for the system’s zone',
    ),
  settingsInvalid: (where: string) =>
    text(`设置文件中的值无效：${where}`, `The settings file has invalid values: ${where}`),
  /** Why a plan file cannot be read; an unknown error is shown as it is (`detail`), in both languages. */
  planReadReason: (code: string, detail: string) => PLAN_READ_REASONS[code] ?? text(detail, detail),

  // Start-up refusals, said on one line in both languages (inBothLanguages).
  keyProtected: (path: string) =>
    text(
      '此安装的签名私钥由操作系统加密保存，只有桌面程序能使用',
      `the installation's private key is encrypted by the OS and only the desktop app can use it (${path})`,
    ),
  dataFolderInUse: (holder: string) =>
    text('另一个 Guardbook 正在使用此数据目录', `another Guardbook is using this data folder (${holder})`),
  couldNotStart: (detail: string) => text('Guardbook 无法启动', `Guardbook could not start:\n${detail}`),

  // JSON syntax (shared/json/locatedJson.ts).
  jsonTrailingText: () => text('文档结束后还有多余内容', 'unexpected text after the end of the document'),
  jsonTooDeep: (maxDepth: number) => text(`嵌套超过 ${maxDepth} 层`, `nested more than ${maxDepth} levels deep`),
  jsonEndsEarly: () => text('此处应为一个值，但文档已结束', 'the document ends where a value was expected'),
  jsonUnexpectedCharacter: (what: string) => text(`意外的字符 ${what}`, `unexpected character ${what}`),
  jsonExpectedName: () => text('此处应为双引号括起的属性名', 'expected a property name in double quotes'),
  jsonExpectedColon: () => text("属性名后应为 ':'", "expected ':' after a property name"),
  jsonExpectedObjectEnd: () => text("属性值后应为 ',' 或 '}'", "expected ',' or '}' after a property value"),
  jsonExpectedArrayEnd: () => text("数组元素后应为 ',' 或 ']'", "expected ',' or ']' after an array element"),
  jsonUnterminatedString: () => text('字符串没有结束引号', 'unterminated string'),
  jsonControlCharacter: () =>
    text('字符串中有控制字符（请使用转义）', 'control character in a string (write it as an escape)'),
  jsonBadUnicodeEscape: () => text('无效的 \\u 转义', 'bad \\u escape'),
  jsonBadEscape: () => text('字符串中有无效的转义', 'bad escape in a string'),
  jsonBadNumber: () => text('数字格式错误', 'malformed number'),
} satisfies Catalogue;
