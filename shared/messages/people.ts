// Messages of people and permissions: users, PINs and their attempts, unlocked windows, the users file.
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '../limits';
import { text, type Catalogue, type Text } from '../text';

export const PEOPLE_MESSAGES = {
  usersFileMissing: (file: string) =>
    text(
      `人员文件 ${file} 及其备份都不存在，但审计记录显示曾创建过用户。请从备份恢复该文件；在此之前无法解锁，但仍可启动事件处置。`,
      `The users file ${file} and its backup are both missing, yet the audit trail shows users were created. Restore the file from a backup; until then nobody can unlock, but incidents can still be started.`,
    ),
  usersFileUnreadable: (file: string, reason: string) =>
    text(
      `人员文件 ${file} 无法读取（${reason}），备份也不可用。请从备份恢复该文件；在此之前无法解锁，但仍可启动事件处置。`,
      `The users file ${file} cannot be read (${reason}) and its backup is not usable either. Restore the file from a backup; until then nobody can unlock, but incidents can still be started.`,
    ),
  adminAlreadySetUp: () =>
    text(
      '管理员已经设置过了；请由管理员添加用户。',
      'The administrator has already been set up; ask them to add users.',
    ),
  lastAdministrator: () =>
    text(
      '不能停用或降级最后一位管理员：请先指定另一位管理员。',
      'The last administrator cannot be disabled or given another role: make someone else administrator first.',
    ),
  samePin: () => text('新 PIN 不能与当前 PIN 相同', 'The new PIN must differ from the current one'),
  userDisabled: (name: string) => text(`用户“${name}”已停用`, `User "${name}" is disabled`),
  duplicateUserName: (name: string) => text(`已有名为“${name}”的用户`, `A user named "${name}" already exists`),
  pinRules: () =>
    text(
      `PIN 须为 ${PIN_MIN_LENGTH}–${PIN_MAX_LENGTH} 位数字，不能全部相同，也不能是连续数字（如 123456）`,
      `A PIN is ${PIN_MIN_LENGTH}–${PIN_MAX_LENGTH} digits, not all the same and not a straight run (like 123456)`,
    ),
  notSaved: (code: string) =>
    text(`未能保存（${code}），未作任何更改`, `Could not be saved (${code}); nothing was changed`),

  // Unlocked windows (electron/people/sessions.ts); roles are ROLE_LABELS entries.
  pinOfRoleNeeded: (needed: Text) =>
    text(`需要输入${needed['zh-CN']}或更高权限用户的 PIN`, `Enter the PIN of a ${needed.en.toLowerCase()} or above`),
  roleTooLow: (needed: Text, have: Text) =>
    text(
      `此操作需要${needed['zh-CN']}或更高权限；当前为${have['zh-CN']}`,
      `This needs a ${needed.en.toLowerCase()} or above; this window is unlocked as ${have.en.toLowerCase()}`,
    ),
  unlockFirst: () => text('请先输入 PIN 解锁', 'Unlock with your PIN first'),

  // PIN attempts (electron/people/pinAttempts.ts); `wait` is waitSeconds or waitMinutes.
  waitSeconds: (seconds: number) => text(`${seconds} 秒`, seconds === 1 ? '1 second' : `${seconds} seconds`),
  waitMinutes: (minutes: number) => text(`${minutes} 分钟`, minutes === 1 ? '1 minute' : `${minutes} minutes`),
  pinNotCheckedLockedOut: (wait: Text) =>
    text(
      `PIN 未核对：错误次数过多，账户已锁定。请 ${wait['zh-CN']}后再试，或请管理员解锁。`,
      `PIN not checked: too many wrong PINs, this account is locked. Try again in ${wait.en} or ask an administrator.`,
    ),
  pinNotCheckedInFlight: () =>
    text(
      'PIN 未核对：上一次 PIN 尚在核对中，请稍候再试。',
      'PIN not checked: the previous PIN is still being checked; try again.',
    ),
  pinNotCheckedWait: (wait: Text) =>
    text(
      `PIN 未核对：错误次数过多，请 ${wait['zh-CN']}后再试。`,
      `PIN not checked: too many wrong PINs; try again in ${wait.en}.`,
    ),
  wrongPin: () => text('PIN 错误，请重试。', 'Wrong PIN. Try again.'),
  wrongPinLockedOut: (wait: Text) =>
    text(
      `PIN 错误。错误次数过多，账户已锁定：请 ${wait['zh-CN']}后再试，或请管理员解锁。`,
      `Wrong PIN. Too many wrong PINs: this account is locked. Try again in ${wait.en} or ask an administrator.`,
    ),
  wrongPinWait: (wait: Text) => text(`PIN 错误。请 ${wait['zh-CN']}后再试。`, `Wrong PIN. Try again in ${wait.en}.`),
} satisfies Catalogue;
