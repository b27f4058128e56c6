// The document library's messages worded for checklist templates (检查表): the same lifecycle as plans
// (../messages/library), a different noun — Chinese puts it in the sentence, so each message is its own.
import { text, type Catalogue } from '../text';
import type { LibraryWording } from './library';

export const CHECKLIST_LIBRARY_MESSAGES = {
  notFound: (id: string) => text(`没有编号为“${id}”的检查表`, `No checklist template with id "${id}"`),
  noDraft: (id: string) => text(`检查表“${id}”没有草稿`, `Checklist "${id}" has no draft`),
  draftExists: (id: string, by: string) =>
    text(
      `检查表“${id}”已有一份草稿（${by}），请先完成或放弃它`,
      `Checklist "${id}" already has a draft (by ${by}): finish or discard it first`,
    ),
  draftInReview: (id: string) =>
    text(
      `检查表“${id}”的草稿正在审核，不能修改；请审核人先退回`,
      `The draft of checklist "${id}" is in review and cannot change: the reviewer must send it back first`,
    ),
  draftNotInReview: (id: string) =>
    text(`检查表“${id}”的草稿未提交审核`, `The draft of checklist "${id}" has not been submitted for review`),
  staleRevision: (id: string, yours: number, current: number) =>
    text(
      `检查表“${id}”的草稿已在别处保存过（第 ${current} 次保存，您的是第 ${yours} 次）：请重新打开后再改`,
      `The draft of checklist "${id}" was saved elsewhere meanwhile (save ${current}, yours was ${yours}): reopen it and edit again`,
    ),
  draftHasErrors: (id: string, errors: number) =>
    text(
      `检查表“${id}”的草稿还有 ${errors} 个错误，不能提交或发布`,
      `The draft of checklist "${id}" still has ${errors} error(s): it cannot be submitted or published`,
    ),
  draftNotAPlan: (id: string) =>
    text(`检查表“${id}”的草稿不符合检查表格式`, `The draft of "${id}" does not match the checklist format`),
  reviewedOtherContent: (id: string) =>
    text(
      `检查表“${id}”的待审内容与您审阅的不一致，请重新审阅`,
      `The draft of checklist "${id}" is not the content you reviewed: review it again`,
    ),
  selfApprovalRefused: () =>
    text(
      '本网点有其他安全主管或管理员：提交人不能自己批准，请由另一位审核',
      'This branch has another manager or administrator: the submitter cannot approve their own change; another must review it',
    ),
  nothingToRetire: (id: string) =>
    text(`检查表“${id}”没有正在使用的版本`, `Checklist "${id}" has no version in use to retire`),
  versionNotFound: (id: string, version: number) =>
    text(`检查表“${id}”没有第 ${version} 版`, `Checklist "${id}" has no version ${version}`),
  versionDamaged: (id: string, version: number) =>
    text(
      `检查表“${id}”第 ${version} 版的文件已损坏，不能使用`,
      `The file of checklist "${id}" version ${version} is damaged and cannot be used`,
    ),
  importIdentical: (id: string, version: number) =>
    text(
      `导入的文件与正在使用的检查表“${id}”第 ${version} 版内容相同：无需导入`,
      `The file has the same content as checklist "${id}" version ${version} in use: nothing to import`,
    ),
  noTemplateUpdate: (id: string) =>
    text(`检查表“${id}”没有可用的模板更新`, `Checklist "${id}" has no template update to take`),
  libraryDamaged: (line: number, reason: string, file: string, carried: number) =>
    text(
      `检查表库记录第 ${line} 行损坏（${reason}），已另存为 ${file}；可读的 ${carried} 个版本已转入新记录`,
      `The checklist library's log was damaged at line ${line} (${reason}) and kept aside as ${file}; ${carried} readable version(s) were carried over`,
    ),
  draftUnreadable: (name: string, reason: string, aside: string) =>
    text(
      `检查表草稿文件 ${name} 无法读取（${reason}），已另存为 ${aside}`,
      `The checklist draft file ${name} could not be read (${reason}); kept aside as ${aside}`,
    ),
  versionFileNamesOther: (id: string, version: number) =>
    text(`文件写的是“${id}”第 ${version} 版`, `the file says "${id}" version ${version}`),
  versionHashMismatch: (hash: string) =>
    text(`内容与发布时的哈希（${hash}…）不符`, `its content does not match the hash it was published with (${hash}…)`),
  versionFileMissing: () => text('文件不存在', 'the file is missing'),
  versionFileUnreadable: (code: string) => text(`无法读取（${code}）`, `it cannot be read (${code})`),
  templateNotSeeded: (id: string, code: string) =>
    text(
      `随附检查表“${id}”未能写入本网点检查表库（${code}），暂按随附文件使用`,
      `The bundled checklist "${id}" could not be written into the branch's checklist library (${code}); the bundled file is used meanwhile`,
    ),
} satisfies Catalogue & LibraryWording;
