// The words of a record's timeline: each journal event, and a close-out in one line (timeline, CSV, report).
import { text, type Catalogue, type Text } from '../text';

export const EVENT_MESSAGES = {
  runStarted: (drill: boolean, planTitle: Text, from?: { runId: string; planId: string }) =>
    text(
      `开始${drill ? '演练' : '处置'}：${planTitle['zh-CN']}${from ? `（由预案 ${from.planId} 的记录 ${from.runId} 升级而来）` : ''}`,
      `${drill ? 'Drill' : 'Incident'} started: ${planTitle.en}${from ? ` (escalated from plan ${from.planId}, run ${from.runId})` : ''}`,
    ),
  drillDeclared: (title: string, name: string) =>
    text(
      `宣布为暗访演练“${title}”（${name}）：此后为演练`,
      `Declared the unannounced drill "${title}" (${name}): a drill from here on`,
    ),
  injectDelivered: (scenarioTime: string, to: Text | undefined, injectText: string, manual: boolean) =>
    text(
      `演练情景（第 ${scenarioTime}${manual ? '，手动下达' : ''}）${to ? `致${to['zh-CN']}` : ''}：${injectText}`,
      `Drill inject (at ${scenarioTime}${manual ? ', fired by hand' : ''})${to ? ` to ${to.en}` : ''}: ${injectText}`,
    ),
  /** `why` is the option or step that offered the follow-on plan. */
  escalated: (planId: string, runId: string, why?: Text) =>
    text(
      `升级：启动后续预案 ${planId}（记录 ${runId}）${why ? `，因“${why['zh-CN']}”` : ''}`,
      `Escalated: started the follow-on plan ${planId} (run ${runId})${why ? `, after “${why.en}”` : ''}`,
    ),
  stepCompleted: (step: Text) => text(`完成：${step['zh-CN']}`, `Done: ${step.en}`),
  optionChosen: (step: Text, option: Text) =>
    text(`选择：${step['zh-CN']} → ${option['zh-CN']}`, `Chose: ${step.en} → ${option.en}`),
  checklistTicked: (item: Text) => text(`勾选：${item['zh-CN']}`, `Checked: ${item.en}`),
  contactCalled: (contact: Text, phone: string) =>
    text(`已拨打：${contact['zh-CN']} ${phone}`, `Called: ${contact.en} ${phone}`),
  noteAdded: (note: string) => text(`备注：${note}`, `Note: ${note}`),
  stepOverdue: (step: Text, targetSeconds: string) =>
    text(`逾期：${step['zh-CN']}（目标 ${targetSeconds} 秒）`, `Overdue: ${step.en} (target ${targetSeconds} s)`),
  stepTimedOut: (step: Text, seconds: string, next?: Text) =>
    text(
      `超时：${step['zh-CN']}（${seconds} 秒）${next ? ` → 自动转入：${next['zh-CN']}` : ''}`,
      `Timed out: ${step.en} (${seconds} s)${next ? ` → moved on to: ${next.en}` : ''}`,
    ),
  runAborted: (reason: string) => text(`中止：${reason}`, `Aborted: ${reason}`),
  runEnded: (outcome: Text) => text(`结束：${outcome['zh-CN']}`, `Ended: ${outcome.en}`),
  signedOff: (name: string, verified: boolean, note: string) =>
    text(
      `签字确认：${name}（${verified ? '已核验 PIN' : '未核验，手写姓名'}）${note ? `（${note}）` : ''}`,
      `Signed off: ${name} (${verified ? 'PIN verified' : 'unverified, typed name'})${note ? ` (${note})` : ''}`,
    ),
  sealed: (keyId: string) => text(`记录已封存（密钥 ${keyId}）`, `Record sealed (key ${keyId})`),
  recovered: (bytes: string, sidecar: string) =>
    text(
      `写入中断后恢复：${bytes} 字节已另存为 ${sidecar}`,
      `Recovered after an interrupted write: ${bytes} bytes kept in ${sidecar}`,
    ),
  /** `reason` is the event's own word: deleted or replaced. */
  rewritten: (reason: string, events: string) =>
    text(
      `记录文件在处置中${reason === 'deleted' ? '被删除' : '被替换'}，已按已确认的 ${events} 条事件重写`,
      `The journal file was ${reason} during the run; it was written again from the ${events} acknowledged events`,
    ),

  // A close-out in one line: its heading, then each section's gist.
  closeOut: () => text('事件后续情况', 'Close-out'),
  closeOutLine: (sections: readonly Text[]) =>
    text(
      `事件后续情况 — ${sections.map((s) => s['zh-CN']).join('；')}`,
      `Close-out — ${sections.map((s) => s.en).join('; ')}`,
    ),
  lossesNone: () => text('损失：无', 'losses: none'),
  losses: (what: string, amountYuan?: number) => {
    const yuan = amountYuan !== undefined ? ` ${amountYuan.toFixed(2)}` : '';
    return text(
      `损失：${what}${yuan ? `（约${yuan} 元）` : ''}`,
      `losses: ${what}${yuan ? ` (about${yuan} yuan)` : ''}`,
    );
  },
  casualtiesNone: () => text('伤亡：无', 'casualties: none'),
  casualties: (injured: number, dead: number) =>
    text(`伤亡：伤 ${injured} 人、亡 ${dead} 人`, `casualties: ${injured} injured, ${dead} dead`),
  policeNotCalled: () => text('未报警', 'police not called'),
  policeCalled: (receiptNo?: string) =>
    text(
      `已报警${receiptNo ? `，回执号 ${receiptNo}` : ''}`,
      `police called${receiptNo ? `, receipt ${receiptNo}` : ''}`,
    ),
  reportsNone: () => text('上报：无', 'reported: none'),
  reportedTo: (to: readonly string[]) => text(`上报：${to.join('、')}`, `reported to: ${to.join(', ')}`),
  followUpNone: () => text('后续措施：无', 'follow-up: none'),
  followUp: (what: string) => text(`后续措施：${what}`, `follow-up: ${what}`),
} satisfies Catalogue;
