// Messages of inspections (明查暗访 and daily checks): their templates, conduct, photos and sign-off.
import { text, type Catalogue, type Text } from '../text';

export const INSPECTION_MESSAGES = {
  notFound: (id: string) => text(`找不到检查“${id}”`, `No inspection "${id}"`),
  checklistNotFound: (id: string) => text(`找不到检查表“${id}”`, `No checklist "${id}"`),
  checklistHasErrors: (id: string) =>
    text(`检查表“${id}”有错误，不能用于检查`, `Checklist "${id}" has errors and cannot be used`),
  notPlanned: (id: string) =>
    text(`检查“${id}”不是待进行的计划，不能开始或取消`, `Inspection "${id}" is not a planned one to start or cancel`),
  notInProgress: (id: string) =>
    text(
      `检查“${id}”不在进行中（已签署封存或尚未开始）`,
      `Inspection "${id}" is not in progress (sealed, or not begun)`,
    ),
  unknownItem: (id: string) => text(`检查表中没有检查项“${id}”`, `The checklist has no item "${id}"`),
  answerDoesNotFit: (id: string) =>
    text(`检查项“${id}”的回答与其类型或范围不符`, `The answer to item "${id}" does not fit its kind or range`),
  tooManyAttachments: (id: string, max: number) =>
    text(`检查项“${id}”最多附 ${max} 个文件`, `Item "${id}" takes at most ${max} files`),
  attachmentEmpty: (name: string) => text(`文件“${name}”是空的`, `The file "${name}" is empty`),
  attachmentTooLarge: (name: string, maxMb: number) =>
    text(`文件“${name}”超过 ${maxMb} MB`, `The file "${name}" is larger than ${maxMb} MB`),
  attachmentNotPhoto: (name: string) =>
    text(
      `文件“${name}”不是照片（JPEG、PNG、WebP）或 PDF`,
      `The file "${name}" is not a photo (JPEG, PNG, WebP) or a PDF`,
    ),
  unanswered: (count: number, first: string) =>
    text(
      `还有 ${count} 项未检查（第一项：${first}），全部检查后才能签署`,
      `${count} items are not checked yet (the first: ${first}); check them all before signing`,
    ),
  photoMissing: (first: string) =>
    text(`检查项“${first}”必须拍照，签署前请附照片`, `Item "${first}" must be photographed before signing`),
  rectificationMissing: (itemId: string) =>
    text(
      `不合格项“${itemId}”还没有指定整改责任人、期限和证明要求`,
      `Failed item "${itemId}" has no rectification owner, due date and evidence yet`,
    ),
  rectificationForPassedItem: (itemId: string) =>
    text(`检查项“${itemId}”合格，无需整改`, `Item "${itemId}" passed and needs no rectification`),
  damaged: (file: string, line: number, fault: Text) =>
    text(
      `检查记录 ${file} 第 ${line} 行已损坏（${fault['zh-CN']}），不能再写入；文件原样保留`,
      `The inspection record ${file} is damaged at line ${line} (${fault.en}) and is not written to; it is kept as it is`,
    ),
  notWritten: (file: string, reason: Text) =>
    text(
      `检查记录无法写入 ${file}：${reason['zh-CN']}`,
      `The inspection record ${file} could not be written: ${reason.en}`,
    ),
  rectificationTitle: (item: string, inspection: string) =>
    text(`整改：${item}（${inspection}）`, `Rectify: ${item} (${inspection})`),
} satisfies Catalogue;
