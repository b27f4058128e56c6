// Messages of the branch's exchange with head office: released plan versions checked before they are offered,
// records pushed and acknowledged.
import { text, type Catalogue, type Text } from '../text';

export const SYNC_MESSAGES = {
  releaseBadSignature: (planId: string, version: number) =>
    text(
      `总行下发的预案“${planId}”第 ${version} 版签名无效：不是用本网点登记的总行公钥签发的，或下发后被改动过。已拒收`,
      `Head office's release of "${planId}" version ${version} has no valid signature: it was not signed with the head-office key this branch pinned, or it was changed after signing. Refused`,
    ),
  releaseNotAPlan: (planId: string, version: number, errors: number) =>
    text(
      `总行下发的预案“${planId}”第 ${version} 版不能使用（${errors} 个错误）。已拒收`,
      `Head office's release of "${planId}" version ${version} cannot be used (${errors} error(s)). Refused`,
    ),
  releaseContentMismatch: (planId: string, version: number) =>
    text(
      `总行下发的预案“${planId}”第 ${version} 版内容与签名所述不符。已拒收`,
      `Head office's release of "${planId}" version ${version} does not have the content its signature names. Refused`,
    ),
  releaseNoPinnedKey: () =>
    text(
      '尚未登记总行公钥：在“设置 › 总行”中填写总行提供的公钥后才能接收预案',
      "Head office's public key is not pinned yet: enter the key head office gave you in Settings › Head office before plans can be received",
    ),
  // Head office's check of a record as received (shared/hq/receivedRecord.ts): stored with the record's check.
  recordBadLine: (line: number, reason: Text) =>
    text(`第 ${line} 行：${reason['zh-CN']}`, `line ${line}: ${reason.en}`),
  recordNotSealed: () => text('记录未封存', 'the record is not sealed'),
  recordIdMismatch: (sent: string, found: string) =>
    text(
      `所报记录编号 ${sent} 与日志中的 ${found} 不符`,
      `the record id sent, ${sent}, is not the journal's (${found})`,
    ),
  recordHeadMismatch: () => text('所报的头哈希或封存与日志不符', "the head hash or seal sent is not the journal's"),
  recordSummaryMismatch: (fields: string) =>
    text(`摘要字段与日志不符：${fields}`, `summary columns differ from the journal: ${fields}`),
  // The branch's link to head office (electron/sync/syncService.ts): why the last attempt did not get through.
  syncUnreachable: (host: string, reason: string) =>
    text(
      `连接不上总行服务器 ${host}（${reason}）：稍后自动重试，本网点照常工作，记录不会丢失`,
      `Cannot reach head office's server ${host} (${reason}): it will retry by itself; the branch works as usual and nothing is lost`,
    ),
  syncRefused: (reason: string) =>
    text(`总行服务器拒绝了本网点的请求：${reason}`, `Head office's server refused the branch's request: ${reason}`),
  syncNotEnrolled: (user: string) =>
    text(
      `总行尚未登记以“${user}”登录的网点，或该网点已被停用：请联系总行`,
      `Head office has no enrolled branch logging in as "${user}", or it was disabled: contact head office`,
    ),
  releaseNotFound: (planId: string, version: number) =>
    text(
      `没有收到总行下发的预案“${planId}”第 ${version} 版`,
      `No head-office release of "${planId}" version ${version} was received`,
    ),
} satisfies Catalogue;
