// Messages of the API layer: dispatch, the transports (IPC, the web host) and the handlers' common refusals.
import { text, type Catalogue } from '../text';

export const API_MESSAGES = {
  unknownChannel: (channel: string) => text(`未知的接口“${channel}”`, `Unknown channel "${channel}"`),
  invalidInput: (channel: string) => text(`“${channel}”的输入无效`, `Invalid input for "${channel}"`),
  internalLogged: () => text('内部错误，已记录', 'Internal error (logged)'),
  planNotFound: (id: string) => text(`找不到预案“${id}”`, `No plan "${id}"`),
  userNotFound: (id: string) => text(`找不到用户“${id}”`, `No user "${id}"`),
  callerNotThisApp: () => text('调用来源不是本应用的页面', 'The caller is not a page of this app'),
  pdfInBrowser: () =>
    text(
      '浏览器版请在报告页点击“打印”，选择“另存为 PDF”',
      'In the browser edition, use Print on the report page and choose “Save as PDF”',
    ),
  // The web host's own refusals, before a request reaches dispatch.
  webInternal: () => text('内部错误', 'Internal error'),
  webHostNotAllowed: () => text('主机名不被允许', 'Host not allowed'),
  webOriginNotAllowed: () => text('来源不被允许', 'Origin not allowed'),
  webBodyTooLarge: (maxBytes: number) => text(`请求体超过 ${maxBytes} 字节`, `Request body over ${maxBytes} bytes`),
  webBodyNotJson: () => text('请求体不是有效的 JSON', 'Request body is not valid JSON'),
  webFileNotFound: () => text('找不到该文件', 'Not found'),
  webMethodNotAllowed: (allow: string) =>
    text(`此处不接受该方法（可用：${allow}）`, `Method not allowed here (allowed: ${allow})`),
  webBadToken: () => text('缺少或错误的会话令牌', 'Missing or wrong session token'),
} satisfies Catalogue;
