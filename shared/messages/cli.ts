// The words of the CLI's reports (plans check, records verify and list, audit verify): each is printed in the one
// language chosen with --lang, so an entry is both wordings and the command picks one.
import { text, type Catalogue, type Text } from '../text';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const CLI_MESSAGES = {
  error: () => text('错误', 'error'),
  warning: () => text('警告', 'warning'),
  filesChecked: (files: number, errors: number, warnings: number) =>
    text(
      `已检查 ${files} 个文件：${errors} 个错误，${warnings} 个警告`,
      `checked ${plural(files, 'file')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
    ),
  cannotRead: () => text('无法读取', 'cannot read'),
  /** Where a journal or the audit trail first goes wrong. */
  lineAt: (line: number, offset: number) => text(`第 ${line} 行（字节 ${offset}）`, `line ${line} (byte ${offset})`),
  keyFingerprintMismatch: () => text('密钥指纹不符', 'key fingerprint mismatch'),
  keyFingerprintUsed: () => text('所用密钥指纹', 'key fingerprint used'),
  journalMissingButRegistered: () =>
    text('记录文件缺失，封存登记簿记有此记录', 'journal missing; the seal register has it'),
  eventCount: (events: number) => text(`${events} 条事件`, `${events} events`),
  /** `key` says how far the key was checked (keyTrusted, keyMatchesExport, keyNotChecked). */
  sealValid: (keyId: string, key: Text) =>
    text(`已封存，签名有效（密钥 ${keyId}，${key['zh-CN']}）`, `sealed, signature valid (key ${keyId}, ${key.en})`),
  keyTrusted: () => text('受信任', 'trusted'),
  keyMatchesExport: () =>
    text('与导出文件所附密钥一致，未独立核对', 'matches the key in the export, not independently pinned'),
  keyNotChecked: () => text('未核对受信任密钥', 'not checked against a trusted key'),
  notSealed: () => text('未封存', 'not sealed'),
  sealNotValid: () => text('封存无效', 'seal not valid'),
  timesLocalTo: (timeZone: string) => text(`时间为 ${timeZone} 当地时间`, `times are local to ${timeZone}`),
  runCount: (runs: number) => text(`共 ${runs} 条记录`, plural(runs, 'run')),
  auditEntryCount: (entries: number) => text(`${entries} 条记录`, `${entries} entries`),
  headHash: () => text('末条哈希', 'head'),
  installationKeyFingerprint: () => text('本机密钥指纹', 'installation key fingerprint'),
  noInstallationKey: () =>
    text('本机密钥：无（从未封存过记录）', 'installation key: none (nothing was ever sealed here)'),
  noSealRegister: () => text('封存登记簿：无', 'seal register: none'),

  // Lines printed in both languages at once (inBothLanguages): the data folder and user administration.
  noDataFolder: (dir: string, source: string) =>
    text('没有这个数据目录', `there is no data folder at ${dir} (${source})`),
  dataFolder: (dir: string, source: string) => text('数据目录', `data folder: ${dir} (${source})`),
  dataFolderOpen: (holder: string) =>
    text('Guardbook 正在使用此数据目录，请先关闭它', `Guardbook has this data folder open; close it first (${holder})`),
  noUsers: () => text('没有用户', 'no users'),
  pinReset: (name: string) =>
    text(`已为 ${name} 设置新 PIN（已记入审计记录）`, `New PIN set for ${name} (recorded in the audit trail)`),
  lockoutLifted: (name: string, lockedUntil: string) =>
    text(
      `已解除 ${name} 的锁定（原至 ${lockedUntil}；PIN 未变；已记入审计记录）`,
      `Lockout lifted for ${name} (was until ${lockedUntil}; PIN unchanged; recorded in the audit trail)`,
    ),
  wrongPinsCleared: (name: string) =>
    text(
      `${name} 未被锁定；错误 PIN 计数已清零（已记入审计记录）`,
      `${name} was not locked out; wrong-PIN count cleared (recorded in the audit trail)`,
    ),
  noSuchRun: (runId: string) => text('找不到处置记录', `no run: ${runId}`),
  journalUnreadable: (runId: string) => text('记录无法读取', `the journal cannot be read: ${runId}`),
  badTimeZone: (timeZone: string) =>
    text(
      '--time-zone 应为 IANA 时区名称，如 Asia/Shanghai',
      `--time-zone takes an IANA zone such as Asia/Shanghai: ${timeZone}`,
    ),
  sealRegister: (seals: number, head: string, damaged: boolean) =>
    text(
      `封存登记簿：${seals} 条封存，头哈希 ${head}${damaged ? '（登记簿已损坏）' : ''}`,
      `seal register: ${seals} seals, head ${head}${damaged ? ' (the register is damaged)' : ''}`,
    ),
} satisfies Catalogue;
