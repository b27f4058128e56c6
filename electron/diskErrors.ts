// Why the disk refused, in words a guard understands, in both languages: one table for every message that says
// a record could not be written (a journal write, a data folder that cannot be written at start).
const REASONS: Record<string, { 'zh-CN': string; en: string }> = {
  ENOSPC: { 'zh-CN': '磁盘已满', en: 'the disk is full' },
  EROFS: { 'zh-CN': '磁盘为只读', en: 'the disk is read-only' },
  ENOENT: { 'zh-CN': '文件夹已被删除', en: 'the folder was removed' },
  ENOTDIR: { 'zh-CN': '数据目录路径是一个文件，而不是文件夹', en: 'the data folder path is a file, not a folder' },
  EEXIST: { 'zh-CN': '数据目录路径是一个文件，而不是文件夹', en: 'the data folder path is a file, not a folder' },
  EACCES: { 'zh-CN': '没有写入权限', en: 'permission denied' },
  EPERM: { 'zh-CN': '没有写入权限', en: 'permission denied' },
  EIO: { 'zh-CN': '磁盘读写错误', en: 'a disk input/output error' },
};

/** The reason for a system error code (ENOSPC, EROFS…); an unknown code is shown as it is. */
export function diskErrorReason(code: string): { 'zh-CN': string; en: string } {
  return REASONS[code] ?? { 'zh-CN': `无法写入（${code}）`, en: `it cannot be written (${code})` };
}
