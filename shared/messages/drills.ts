// Messages of drills: exercises planned against a plan version, started, declared, and their injects.
import { text, type Catalogue, type Text } from '../text';

export const DRILL_MESSAGES = {
  otherPlanVersion: (planId: string, version: number) =>
    text(
      `演练所选预案“${planId}”第 ${version} 版不是当前发布的版本`,
      `Version ${version} of plan "${planId}" chosen for the exercise is not the published one`,
    ),
  planNotPublished: (planId: string) =>
    text(`预案“${planId}”没有发布的版本，不能安排演练`, `Plan "${planId}" has no published version to drill`),
  duplicateId: (id: string) => text(`编号“${id}”重复`, `The id "${id}" is used twice`),
  unknownStep: (id: string) => text(`预案中没有步骤“${id}”`, `The plan has no step "${id}"`),
  unknownRole: (id: string) => text(`预案中没有角色“${id}”`, `The plan has no role "${id}"`),
  unknownObjective: (id: string) => text(`演练中没有目标“${id}”`, `The exercise has no objective "${id}"`),
  notFound: (id: string) => text(`找不到演练“${id}”`, `No exercise "${id}"`),
  alreadyStarted: (id: string) =>
    text(
      `演练“${id}”已经开始，不能再修改或取消`,
      `Exercise "${id}" has started: it can no longer change or be cancelled`,
    ),
  cancelled: (id: string) => text(`演练“${id}”已取消`, `Exercise "${id}" was cancelled`),
  notStarted: (id: string) => text(`演练“${id}”尚未开始`, `Exercise "${id}" has not started`),
  announcedNeedsStart: (id: string) =>
    text(
      `演练“${id}”是通知演练：请从演练控制台开始，不能宣布为暗访演练`,
      `Exercise "${id}" is announced: start it from the console; it cannot be declared on a live run`,
    ),
  unannouncedNeedsDeclare: (id: string) =>
    text(
      `演练“${id}”是暗访演练：由值班人员按实战启动预案后，再宣布为演练`,
      `Exercise "${id}" is unannounced: the guard starts the plan as a live incident, then you declare it a drill`,
    ),
  runOfOtherPlan: (runId: string, planId: string) =>
    text(`运行记录“${runId}”执行的不是预案“${planId}”`, `Run "${runId}" does not follow plan "${planId}"`),
  runAlreadyDrill: (runId: string) => text(`运行记录“${runId}”已经是演练`, `Run "${runId}" is already a drill`),
  runNotOpen: (runId: string) =>
    text(
      `运行记录“${runId}”已结束或已封存，不能再加入演练内容`,
      `Run "${runId}" has ended or is sealed: nothing more can be delivered to it`,
    ),
  unknownInject: (id: string) => text(`演练中没有情景注入“${id}”`, `The exercise has no inject "${id}"`),
  injectAlreadyDelivered: (id: string) =>
    text(`情景注入“${id}”已经下达过`, `Inject "${id}" has already been delivered`),
  notRunning: (id: string) => text(`演练“${id}”没有在进行`, `Exercise "${id}" is not running`),
  notPaused: (id: string) => text(`演练“${id}”没有暂停`, `Exercise "${id}" is not paused`),
  drillStillRunning: (id: string) =>
    text(`演练“${id}”还在进行：结束后再复盘`, `Exercise "${id}" is still running: hold the hot-wash once it has ended`),
  evaluationClosed: (id: string) =>
    text(
      `演练“${id}”的评估已复盘封存，不能再修改`,
      `The evaluation of exercise "${id}" was closed and sealed: it cannot change`,
    ),
  evaluationDamaged: (file: string, line: number, reason: Text) =>
    text(
      `评估记录 ${file} 第 ${line} 行已损坏（${reason['zh-CN']}）：保留原样，不再写入`,
      `The evaluation ${file} is damaged at line ${line} (${reason.en}): kept as it is, and not written to`,
    ),
  invalidExercise: (problems: Text) =>
    text(`演练安排与预案不符：${problems['zh-CN']}`, `The exercise does not fit its plan: ${problems.en}`),
  notWritten: (file: string, reason: Text) =>
    text(`演练记录无法写入 ${file}：${reason['zh-CN']}`, `The drills log ${file} could not be written: ${reason.en}`),
} satisfies Catalogue;
