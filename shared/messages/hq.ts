// Messages of head office on PostgreSQL: the migration runner, enrolling branches, and the `hq` commands.
// Printed in both languages at once (inBothLanguages): these are administrators' lines and errors.
import { text, type Catalogue, type Text } from '../text';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const HQ_MESSAGES = {
  // The migration runner (electron/hq/migrate.ts).
  migrationBadName: (file: string) =>
    text(
      `迁移文件名 ${file} 不符合格式 NNN_名称.sql`,
      `the migration file name ${file} is not of the form NNN_name.sql`,
    ),
  migrationDuplicate: (version: number, first: string, second: string) =>
    text(
      `两个迁移文件的版本号都是 ${version}：${first} 和 ${second}`,
      `two migration files have version ${version}: ${first} and ${second}`,
    ),
  migrationChanged: (file: string) =>
    text(
      `迁移 ${file} 已执行过，但文件内容此后被修改（校验和不符）。已执行的迁移不可修改：请恢复原文件，改动写成新的迁移。`,
      `the migration ${file} was applied, and the file has changed since (checksum differs). An applied migration is never edited: restore the file and put the change in a new migration.`,
    ),
  migrationUnknown: (version: number, name: string) =>
    text(
      `数据库已执行迁移 ${version}（${name}），本程序没有这个迁移：数据库已由更新版本的 Guardbook 迁移过，请使用该版本。`,
      `the database has migration ${version} (${name}), which this program does not know: a newer Guardbook migrated it; use that version.`,
    ),
  migrationOutOfOrder: (file: string, latest: number) =>
    text(
      `迁移 ${file} 尚未执行，但数据库已执行到版本 ${latest}：迁移只能按顺序执行，请改用大于 ${latest} 的版本号。`,
      `the migration ${file} is not applied, yet the database is at version ${latest}: migrations apply in order only; give it a number above ${latest}.`,
    ),
  migrationFailed: (file: string, line: number | undefined, reason: string) =>
    text(
      `迁移 ${file}${line === undefined ? '' : ` 第 ${line} 行`}执行失败，已整体回滚：${reason}`,
      `the migration ${file} failed${line === undefined ? '' : ` at line ${line}`} and was rolled back whole: ${reason}`,
    ),
  migrationApplied: (file: string) => text(`已执行迁移 ${file}`, `applied ${file}`),
  schemaUpToDate: (version: number) =>
    text(`无需迁移：数据库结构已是版本 ${version}`, `nothing to apply: the schema is at version ${version}`),
  schemaAt: (applied: number, version: number) =>
    text(
      `已执行 ${applied} 个迁移：数据库结构现为版本 ${version}`,
      `applied ${plural(applied, 'migration')}: the schema is at version ${version}`,
    ),

  // Connecting (electron/cli/hqCommands.ts): where, never the password.
  cannotConnect: (where: string, reason: string) =>
    text(`无法连接总行数据库 ${where}：${reason}`, `cannot connect to the head-office database ${where}: ${reason}`),
  databaseRefused: (reason: string) =>
    text(`总行数据库拒绝了操作：${reason}`, `the head-office database refused: ${reason}`),
  cannotReadFile: (file: string, reason: Text) =>
    text(`无法读取 ${file}：${reason['zh-CN']}`, `cannot read ${file}: ${reason.en}`),

  // Enrolling branches (electron/hq/branchRoles.ts).
  badBranchCode: (code: string, max: number) =>
    text(
      `网点代码“${code}”无效：只能用小写字母、数字和单个连字符，最多 ${max} 个字符`,
      `the branch code "${code}" is not valid: lower-case letters, digits and single hyphens, at most ${max} characters`,
    ),
  badBranchField: (field: string, max: number) =>
    text(`${field} 不能为空，且最多 ${max} 个字符`, `${field} must not be empty and has at most ${max} characters`),
  badPublicKey: (reason: string) =>
    text(
      `这不是 Ed25519 公钥（PEM 或 base64 SPKI DER，即网点的 installation-ed25519.pub.der.b64）：${reason}`,
      `this is not an Ed25519 public key (PEM, or base64 SPKI DER: the branch's installation-ed25519.pub.der.b64): ${reason}`,
    ),
  keyIdMismatch: (given: string, actual: string) =>
    text(`密钥编号 ${given} 与公钥不符（应为 ${actual}）`, `the key id ${given} is not this key's (${actual})`),
  weakPassword: (min: number) =>
    text(
      `网点密码至少 ${min} 个字符，且只能是可打印的 ASCII 字符（例如 openssl rand -base64 32 生成的）`,
      `a branch password has at least ${min} characters, printable ASCII only (such as openssl rand -base64 32 makes)`,
    ),
  branchExists: (code: string) => text(`网点 ${code} 已登记`, `the branch ${code} is already enrolled`),
  keyInUse: (keyId: string) =>
    text(
      `密钥 ${keyId} 已属于另一个网点：每个网点须有自己的密钥`,
      `the key ${keyId} is another branch's: each branch has its own`,
    ),
  branchRoleExists: (role: string) =>
    text(
      `数据库角色 ${role} 已存在（可能在同一服务器的另一个数据库中）`,
      `the database role ${role} exists already (perhaps for another database on the same server)`,
    ),
  cannotEnrol: (reason: string) =>
    text(
      `此登录无权登记网点：需要 CREATEROLE 权限并属于 guardbook_hq_admin（${reason}）`,
      `this login may not enrol branches: it needs CREATEROLE and membership of guardbook_hq_admin (${reason})`,
    ),
  branchEnrolled: (code: string, role: string, fingerprint: string) =>
    text(
      `已登记网点 ${code}，登录角色 ${role}；请与网点核对密钥指纹 ${fingerprint}`,
      `enrolled the branch ${code}, login role ${role}; check the key fingerprint with the branch: ${fingerprint}`,
    ),
  noBranches: () => text('尚未登记任何网点', 'no branches enrolled'),
  branchDisabled: (at: string) => text(`已于 ${at} 停用`, `disabled ${at}`),
} satisfies Catalogue;
