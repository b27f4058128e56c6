// Messages of the improvement actions tracker (整改措施).
import { text, type Catalogue, type Text } from '../text';

export const ACTION_MESSAGES = {
  notFound: (id: string) => text(`找不到整改措施“${id}”`, `No improvement action "${id}"`),
  closed: (id: string) =>
    text(`整改措施“${id}”已关闭，不能再修改`, `Improvement action "${id}" is closed and cannot change`),
  noPlan: (id: string) =>
    text(`整改措施“${id}”没有指定需要修订的预案`, `Improvement action "${id}" names no plan to revise`),
  unknownSource: (id: string) => text(`找不到来源演练“${id}”`, `No exercise "${id}" for the action to come from`),
  notWritten: (file: string, reason: Text) =>
    text(`整改记录无法写入 ${file}：${reason['zh-CN']}`, `The actions log ${file} could not be written: ${reason.en}`),
} satisfies Catalogue;
