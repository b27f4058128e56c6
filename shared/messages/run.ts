// Messages of runs: why a command is refused now, what the run engine reports, and close-out problems.
import { text, type Catalogue, type Text } from '../text';

export const RUN_MESSAGES = {
  // Commands refused by the run's state (shared/run/commands.ts).
  notAllowedAtStep: (step: string) =>
    text(`步骤“${step}”现在不能执行此操作`, `That cannot be done at step "${step}" now`),
  noSuchContact: (contact: string) => text(`此步骤没有联系人“${contact}”`, `This step lists no contact "${contact}"`),
  notEndedCannotSignOff: () => text('处置尚未结束，不能签字确认', 'The run has not ended yet: it cannot be signed off'),
  alreadySignedOff: () => text('已签字确认', 'Already signed off'),
  closeOutFirst: () =>
    text(
      '请先填写事件后续情况（损失、伤亡、报警、上报、后续措施），再签字确认',
      'Fill in the close-out first (losses, casualties, police, reports, follow-up), then sign off',
    ),
  drillHasNoCloseOut: () => text('演练不填写事件后续情况', 'A drill has no incident close-out'),
  closeOutAfterEnd: () =>
    text('处置尚未结束，结束后再填写事件后续情况', 'The run has not ended yet: fill in the close-out once it has'),
  runFinished: () => text('本次处置已结束', 'This run has ended'),
  recordSealed: () => text('记录已封存，不能再修改', 'The record is sealed and cannot change'),
  notCurrentStep: (step: string) => text(`步骤“${step}”不是当前步骤`, `Step "${step}" is not a current step`),

  // The run engine (electron/runs/runEngine.ts).
  planHasErrors: (planId: string) =>
    text(`预案“${planId}”有错误，不能启动`, `Plan "${planId}" has errors and cannot be started`),
  planNotInUse: (planId: string) =>
    text(
      `预案“${planId}”已停用或尚未发布，不能启动`,
      `Plan "${planId}" is retired or not yet published and cannot be started`,
    ),
  sealRegisterUnwritten: (code: string) =>
    text(
      `记录已封存，但未能写入封存登记簿（${code}）。请报告安全主管。`,
      `The record is sealed but the seal register could not be written (${code}). Report this to the security manager.`,
    ),
  notRecordedCannotSeal: () =>
    text(
      '本次处置未被记录（数据目录无法写入），无法签字封存。请以纸质记录为准。',
      'This run was not recorded (the data folder cannot be written), so it cannot be signed off and sealed. The paper record is what counts.',
    ),
  followOnNotOffered: (runId: string, planId: string) =>
    text(
      `处置记录“${runId}”现在没有可启动的后续预案“${planId}”`,
      `Run "${runId}" does not offer the follow-on plan "${planId}" now`,
    ),
  runNotFound: (runId: string) => text(`找不到处置记录“${runId}”`, `No run "${runId}"`),
  /** `reason` is why the disk refused (STORAGE_MESSAGES.diskReason). */
  journalWriteFailed: (reason: Text) =>
    text(
      `记录写入失败（${reason['zh-CN']}）：此后的操作未被记录。请立即报告，并改用纸质记录。`,
      `Could not write the record (${reason.en}): what follows is not recorded. Report this now and record on paper.`,
    ),

  // Close-out problems (shared/run/closeOut.ts): times, and the schema's findings in words.
  timeInFuture: (label: Text) => text(`${label['zh-CN']}晚于现在`, `${label.en} is in the future`),
  timeBeforeStart: (label: Text) => text(`${label['zh-CN']}早于处置开始时间`, `${label.en} is before the run started`),
  policeCalledTime: () => text('报警时间', 'The time the police were called'),
  policeArrivedTime: () => text('出警到达时间', 'The time the police arrived'),
  reportTime: (n: number) => text(`第 ${n} 条上报的时间`, `The time of report ${n}`),
  policeArrivedBeforeCalled: () => text('出警到达时间早于报警时间', 'The police arrived before they were called'),
  sectionProblem: (section: Text, problem: Text) =>
    text(`${section['zh-CN']}：${problem['zh-CN']}`, `${section.en}: ${problem.en}`),
  required: () => text('必填', 'required'),
  atLeast: (min: string) => text(`不能小于 ${min}`, `must be at least ${min}`),
  atMostCharacters: (max: string) => text(`最多 ${max} 字`, `at most ${max} characters`),
  atMostEntries: (max: string) => text(`最多 ${max} 条`, `at most ${max} entries`),
  atMost: (max: string) => text(`不能大于 ${max}`, `must be at most ${max}`),
  noneOrWhatHappened: () => text('请选择“无”或填写情况', 'choose “none” or fill in what happened'),
  notATime: () => text('时间格式不对', 'not a valid time'),
  injuredOrDeadAtLeastOne: () => text('受伤或死亡人数至少填 1', 'injured or dead must be at least 1'),
  atMostFen: () => text('金额最多精确到分', 'at most 2 decimals (fen)'),
  /** Any other schema problem: zod's own English words, a general Chinese one. */
  filledInWrongly: (en: string) => text('填写不正确', en),
} satisfies Catalogue;
