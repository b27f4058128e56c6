// Messages of the improvement actions tracker (整改措施).
import { text, type Catalogue, type Text } from '../text';

export const ACTION_MESSAGES = {
  notFound: (id: string) => text(`找不到整改措施“${id}”`, `No improvement action "${id}"`),
  closed: (id: string) =>
    text(`整改措施“${id}”已关闭，不能再修改`, `Improvement action "${id}" is closed and cannot change`),
  noPlan: (id: string) =>
    text(`整改措施“${id}”没有指定需要修订的预案`, `Improvement action "${id}" names no plan to revise`),
  unknownSource: (id: string) => text(`找不到来源演练“${id}”`, `No exercise "${id}" for the action to come from`),
  unknownInspection: (id: string) => text(`找不到来源检查“${id}”`, `No inspection "${id}" for the action to come from`),
  evidenceRequired: (id: string, evidence: string) =>
    text(
      `整改“${id}”需附上整改证明（${evidence}）才能报告已整改`,
      `Rectification "${id}" needs its evidence attached (${evidence}) before it is reported fixed`,
    ),
  checkedFixOnly: (id: string) =>
    text(
      `整改“${id}”须先由责任人报告已整改并附证明，再由他人复核后关闭`,
      `Rectification "${id}" is closed by someone else checking the fix its owner reported with evidence`,
    ),
  notFixed: (id: string) =>
    text(`整改“${id}”还没有报告已整改，无从复核`, `Rectification "${id}" has no fix reported to check`),
  secondPerson: (id: string, name: string) =>
    text(
      `整改“${id}”须由报告整改的 ${name} 以外的人复核`,
      `Rectification "${id}" must be checked by someone other than ${name}, who reported the fix`,
    ),
  notYours: (id: string) => text(`整改“${id}”不是您负责的`, `Rectification "${id}" is not yours`),
  rejectNeedsNote: (id: string) =>
    text(`退回整改“${id}”时请说明原因`, `Say why when sending rectification "${id}" back`),
  notWritten: (file: string, reason: Text) =>
    text(`整改记录无法写入 ${file}：${reason['zh-CN']}`, `The actions log ${file} could not be written: ${reason.en}`),
} satisfies Catalogue;
