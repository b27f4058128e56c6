// Messages of the branch plan library: drafts, review, publishing, retirement, import and template updates.
import { text, type Catalogue, type Text } from '../text';

export const LIBRARY_MESSAGES = {
  noDraft: (planId: string) => text(`预案“${planId}”没有草稿`, `Plan "${planId}" has no draft`),
  draftExists: (planId: string, by: string) =>
    text(
      `预案“${planId}”已有一份草稿（${by}），请先完成或放弃它`,
      `Plan "${planId}" already has a draft (by ${by}): finish or discard it first`,
    ),
  draftInReview: (planId: string) =>
    text(
      `预案“${planId}”的草稿正在审核，不能修改；请审核人先退回`,
      `The draft of "${planId}" is in review and cannot change: the reviewer must send it back first`,
    ),
  draftNotInReview: (planId: string) =>
    text(`预案“${planId}”的草稿未提交审核`, `The draft of "${planId}" has not been submitted for review`),
  staleRevision: (planId: string, yours: number, current: number) =>
    text(
      `预案“${planId}”的草稿已在别处保存过（第 ${current} 次保存，您的是第 ${yours} 次）：请重新打开后再改`,
      `The draft of "${planId}" was saved elsewhere meanwhile (save ${current}, yours was ${yours}): reopen it and edit again`,
    ),
  draftHasErrors: (planId: string, errors: number) =>
    text(
      `预案“${planId}”的草稿还有 ${errors} 个错误，不能提交或发布`,
      `The draft of "${planId}" still has ${errors} error(s): it cannot be submitted or published`,
    ),
  draftNotAPlan: (planId: string) =>
    text(`预案“${planId}”的草稿不符合预案格式`, `The draft of "${planId}" does not match the plan format`),
  reviewedOtherContent: (planId: string) =>
    text(
      `预案“${planId}”的待审内容与您审阅的不一致，请重新审阅`,
      `The draft of "${planId}" is not the content you reviewed: review it again`,
    ),
  selfApprovalRefused: () =>
    text(
      '本网点有其他安全主管或管理员：提交人不能自己批准，请由另一位审核',
      'This branch has another manager or administrator: the submitter cannot approve their own change; another must review it',
    ),
  nothingToRetire: (planId: string) =>
    text(`预案“${planId}”没有正在使用的版本`, `Plan "${planId}" has no version in use to retire`),
  versionNotFound: (planId: string, version: number) =>
    text(`预案“${planId}”没有第 ${version} 版`, `Plan "${planId}" has no version ${version}`),
  versionDamaged: (planId: string, version: number) =>
    text(
      `预案“${planId}”第 ${version} 版的文件已损坏，不能使用`,
      `The file of "${planId}" version ${version} is damaged and cannot be used`,
    ),
  importIdentical: (planId: string, version: number) =>
    text(
      `导入的文件与正在使用的“${planId}”第 ${version} 版内容相同：无需导入`,
      `The file has the same content as "${planId}" version ${version} in use: nothing to import`,
    ),
  noTemplateUpdate: (planId: string) =>
    text(`预案“${planId}”没有可用的模板更新`, `Plan "${planId}" has no template update to take`),
  libraryDamaged: (line: number, reason: string, file: string, carried: number) =>
    text(
      `预案库记录第 ${line} 行损坏（${reason}），已另存为 ${file}；可读的 ${carried} 个版本已转入新记录`,
      `The plan library's log was damaged at line ${line} (${reason}) and kept aside as ${file}; ${carried} readable version(s) were carried over`,
    ),
  draftUnreadable: (name: string, reason: string, aside: string) =>
    text(
      `草稿文件 ${name} 无法读取（${reason}），已另存为 ${aside}`,
      `The draft file ${name} could not be read (${reason}); kept aside as ${aside}`,
    ),
  versionFileNamesOther: (planId: string, version: number) =>
    text(`文件写的是“${planId}”第 ${version} 版`, `the file says "${planId}" version ${version}`),
  versionHashMismatch: (hash: string) =>
    text(`内容与发布时的哈希（${hash}…）不符`, `its content does not match the hash it was published with (${hash}…)`),
  versionFileMissing: () => text('文件不存在', 'the file is missing'),
  versionFileUnreadable: (code: string) => text(`无法读取（${code}）`, `it cannot be read (${code})`),
  templateNotSeeded: (planId: string, code: string) =>
    text(
      `随附预案“${planId}”未能写入本网点预案库（${code}），暂按随附文件使用`,
      `The bundled plan "${planId}" could not be written into the branch library (${code}); the bundled file is used meanwhile`,
    ),
  // `plans history` (electron/cli/plansHistoryCommand.ts).
  noLibrary: (file: string) =>
    text(
      `此数据目录还没有预案库（${file} 不存在）`,
      `This data folder has no plan library yet (${file} does not exist)`,
    ),
  planNotInLibrary: (planId: string) =>
    text(`预案库中没有“${planId}”的已发布版本`, `The plan library has no published version of "${planId}"`),
  historyFileMissing: () => text('文件缺失', 'FILE MISSING'),
  historyFileDamaged: () => text('文件与哈希不符', 'FILE DOES NOT MATCH ITS HASH'),
  historyAuthor: (name: string) => text(`修订人 ${name}`, `written by ${name}`),
  historyApprover: (name: string, self: boolean) =>
    self
      ? text(`批准人 ${name}（本人批准）`, `approved by ${name} (self-approved)`)
      : text(`批准人 ${name}`, `approved by ${name}`),
  historyDerivedFrom: (version: number) => text(`基于第 ${version} 版`, `from version ${version}`),
  historyRetired: (version: number, at: string, by: string, note: string) =>
    text(`已停用（第 ${version} 版）${at}，${by}：${note}`, `retired (version ${version}) ${at} by ${by}: ${note}`),
  historyLogDamaged: (line: number) =>
    text(
      `预案库记录从第 ${line} 行起损坏，之后的版本未列出`,
      `The library log is damaged from line ${line}; later versions are not listed`,
    ),
} satisfies Catalogue;

/** What the document library says, in the wording of one kind of document (预案 here; 检查表 in ./checklistLibrary). */
export type LibraryWording = Pick<
  typeof LIBRARY_MESSAGES,
  | 'noDraft'
  | 'draftExists'
  | 'draftInReview'
  | 'draftNotInReview'
  | 'staleRevision'
  | 'draftHasErrors'
  | 'draftNotAPlan'
  | 'reviewedOtherContent'
  | 'selfApprovalRefused'
  | 'nothingToRetire'
  | 'versionNotFound'
  | 'versionDamaged'
  | 'importIdentical'
  | 'noTemplateUpdate'
  | 'libraryDamaged'
  | 'draftUnreadable'
  | 'versionFileNamesOther'
  | 'versionHashMismatch'
  | 'versionFileMissing'
  | 'versionFileUnreadable'
  | 'templateNotSeeded'
> & { notFound: (id: string) => Text };
