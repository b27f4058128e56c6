// Messages of records: why a journal does not verify, departures from the seal register, exports and lookups.
import { text, type Catalogue, type Text } from '../text';

export const RECORD_MESSAGES = {
  // A journal's first fault (shared/journal/verify.ts); `detail` says what exactly.
  journalTorn: () => text('最后一行不完整（写入时中断）', 'the last line is incomplete (the write was interrupted)'),
  journalBadJson: (detail: string) => text(`不是有效的 JSON：${detail}`, `not valid JSON: ${detail}`),
  journalBadEvent: (detail: string) => text(`事件格式错误：${detail}`, `malformed event: ${detail}`),
  journalNotStarted: (firstType: string) => text(`第一条事件不是 ${firstType}`, `the first event is not ${firstType}`),
  journalSeqGap: (detail: string) => text(`序号不连续：${detail}`, `sequence gap: ${detail}`),
  journalSeqDuplicate: (detail: string) =>
    text(`序号重复或倒序：${detail}`, `sequence repeated or out of order: ${detail}`),
  journalBrokenChain: () =>
    text('prev 与上一条的哈希不符（链条断裂）', 'prev does not match the previous hash (broken chain)'),
  journalBadHash: () => text('内容与其哈希不符（已被修改）', 'the content does not match its hash (altered)'),
  journalBadSignature: () => text('封存签名无效', 'the seal signature is not valid'),
  journalUntrustedKey: (keyId: string) =>
    text(`封存所用密钥不受信任：${keyId}`, `the seal was made with an untrusted key: ${keyId}`),
  journalAfterSeal: () => text('封存之后还有事件', 'events follow the seal'),
  /** A journal fault with where it is. */
  faultAt: (line: number, offset: number, fault: Text) =>
    text(`第 ${line} 行（字节 ${offset}）：${fault['zh-CN']}`, `line ${line} (byte ${offset}): ${fault.en}`),

  // The seal register (shared/journal/sealRegister.ts, electron/journal/sealRegister.ts).
  cutAfterSeal: (sealedAt: string, sealedEvents: number, verifying: number) =>
    text(
      `记录已于 ${sealedAt} 封存（${sealedEvents} 条事件），现只剩 ${verifying} 条可核验：记录被截短`,
      `sealed at ${sealedAt} with ${sealedEvents} events; only ${verifying} verify now: the record was cut back`,
    ),
  differsFromSeal: (event: number, registeredHash: string) =>
    text(
      `第 ${event} 条事件与登记的封存不符（登记的哈希 ${registeredHash}…）：记录被改写`,
      `event ${event} differs from the registered seal (registered hash ${registeredHash}…): the record was rewritten`,
    ),
  sealRegisterDamaged: (line: number, reason: string, keptAs: string, carried: number) =>
    text(
      `封存登记簿第 ${line} 行已损坏（${reason}），已另存为 ${keptAs}；之前可读的 ${carried} 条封存已转入新登记簿。请报告安全主管。`,
      `The seal register was damaged at line ${line} (${reason}) and kept as ${keptAs}; the ${carried} seals still readable were carried into a new register. Report this to the security manager.`,
    ),

  // Lookups and exports (electron/records/).
  attachmentDamaged: (file: string) =>
    text(
      `证据文件 ${file} 与记录中的哈希不符（已被修改）`,
      `The evidence file ${file} does not match the hash in the record (altered)`,
    ),
  attachmentMissing: (file: string) => text(`证据文件 ${file} 缺失`, `The evidence file ${file} is missing`),
  attachmentFault: (line: number, itemId: string, fault: Text) =>
    text(
      `第 ${line} 行（检查项 ${itemId}）的附件：${fault['zh-CN']}`,
      `The attachment on line ${line} (item ${itemId}): ${fault.en}`,
    ),
  journalUnreadable: () => text('记录无法读取', 'The journal cannot be read'),
  /** The plan title shown for a registered seal whose journal is gone. */
  journalMissingTitle: () => text('（记录文件缺失）', '(journal missing)'),
  /** The plan title shown for a journal that cannot be read at all. */
  unreadableTitle: () => text('（无法读取）', '(unreadable)'),
  badRangeBound: (option: string, value: string) =>
    text(
      `--${option} 不是有效的日期（2026-03-01）或带时区的时间（2026-03-01T08:00:00+08:00）：${value}`,
      `--${option} is not an ISO date (2026-03-01) or a time with its offset (2026-03-01T08:00:00+08:00): ${value}`,
    ),
  rangeBackwards: (from: string, to: string) =>
    text(`结束日期早于开始日期：${from} 至 ${to}`, `the range ends before it starts: ${from} to ${to}`),
  tooManyRuns: (count: number, max: number) =>
    text(
      `范围内有 ${count} 条记录，一个压缩包最多 ${max} 条：请缩小日期范围`,
      `${count} runs in the range, one archive holds ${max}: choose a shorter range`,
    ),
} satisfies Catalogue;
