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

  // Ingest verification (electron/hq/ingest.ts, `hq verify`): reasons stored with a failed record's check.
  recordKindUnknown: (kind: string) =>
    text(`本程序不能核验“${kind}”类记录`, `this program cannot check records of the kind "${kind}"`),
  recordNotUtf8: () => text('日志字节不是有效的 UTF-8 文本', 'the journal bytes are not valid UTF-8 text'),
  recordCheckBroke: (reason: string) =>
    text(`核验过程出错，记录未能核验：${reason}`, `the check itself failed, so the record is not verified: ${reason}`),
  cannotVerify: (reason: string) =>
    text(
      `此登录无权核验记录：需要属于 guardbook_hq_admin（${reason}）`,
      `this login may not check records: it needs membership of guardbook_hq_admin (${reason})`,
    ),
  recordFlagged: (branchCode: string, kind: string, recordId: string, reason: string) =>
    text(
      `已标记未通过：网点 ${branchCode} 的${kindWord(kind)['zh-CN']} ${recordId}：${reason}`,
      `flagged as failed: ${kindWord(kind).en} ${recordId} of ${branchCode}: ${reason}`,
    ),
  verifyCounts: (verified: number, failed: number, conflicts: number, seconds: number) =>
    text(
      `已核验 ${verified + failed} 条记录（${seconds.toFixed(1)} 秒）：通过 ${verified}，未通过 ${failed}` +
        (conflicts > 0 ? `；其中 ${conflicts} 条另有网点报送的不同内容（可能被篡改，见 hq status）` : ''),
      `checked ${plural(verified + failed, 'record')} in ${seconds.toFixed(1)} s: ${verified} verified, ${failed} failed` +
        (conflicts > 0
          ? `; ${conflicts} of them also offered with other content (possible tampering: see hq status)`
          : ''),
    ),

  // Publishing a plan version (electron/hq/publish.ts, `hq publish`).
  planHasErrors: (errors: number) =>
    text(`预案有 ${errors} 个错误，未发布`, `the plan has ${plural(errors, 'error')}: not published`),
  badEffectiveDate: (value: string) =>
    text(
      `生效日期“${value}”不是 YYYY-MM-DD 格式的真实日期`,
      `the effective date "${value}" is not a real YYYY-MM-DD date`,
    ),
  badRelease: (detail: string) => text(`发布内容无效：${detail}`, `the release is not valid: ${detail}`),
  signingKeyBroken: (fingerprint: string) =>
    text(
      `总行签名密钥（指纹 ${fingerprint}）签出的签名无法用其公钥验证：密钥文件已损坏，未发布`,
      `head office's signing key (fingerprint ${fingerprint}) makes signatures its public key does not verify: the key files are damaged; not published`,
    ),
  cannotPublish: (reason: string) =>
    text(
      `此登录无权发布预案：需要属于 guardbook_hq_publisher（${reason}）`,
      `this login may not publish plans: it needs membership of guardbook_hq_publisher (${reason})`,
    ),
  versionTaken: (planId: string, version: number, storedHash: string) =>
    text(
      `预案“${planId}”第 ${version} 版已发布过，内容不同（${storedHash}）。已发布的版本不可更改：请把版本号改为新的版本后发布`,
      `"${planId}" version ${version} was published already with other content (${storedHash}). A published version never changes: publish this as a new version`,
    ),
  versionTermsDiffer: (planId: string, version: number) =>
    text(
      `预案“${planId}”第 ${version} 版已以相同内容、不同的范围、强制性或生效日期发布过。已发布的版本不可更改：请以新的版本号发布`,
      `"${planId}" version ${version} was published already with the same content but another scope, mandatory flag or effective date. A published version never changes: publish a new version`,
    ),
  releasePublished: (planId: string, version: number, contentHash: string, again: boolean) =>
    text(
      `${again ? '此前已发布（未作改动）' : '已发布'}预案“${planId}”第 ${version} 版（${contentHash}）`,
      `${again ? 'already published (nothing changed)' : 'published'}: "${planId}" version ${version} (${contentHash})`,
    ),
  releaseTerms: (scope: Text, mandatory: boolean, effectiveDate: string) =>
    text(
      `范围：${scope['zh-CN']}；${mandatory ? `强制，须于 ${effectiveDate} 前采用` : `建议采用，${effectiveDate} 起生效`}`,
      `scope: ${scope.en}; ${mandatory ? `mandatory, to be adopted by ${effectiveDate}` : `advisory, effective ${effectiveDate}`}`,
    ),
  scopeAll: () => text('全部网点', 'every branch'),
  scopeRegions: (regions: string) => text(`区域 ${regions}`, `regions ${regions}`),
  scopeBranches: (branches: string) => text(`网点 ${branches}`, `branches ${branches}`),
  releaseReach: (branches: number) =>
    text(
      `目前可送达 ${branches} 个已启用的网点`,
      `reaches ${branches} enabled branch${branches === 1 ? '' : 'es'} now`,
    ),
  releaseUnmatched: (names: string) =>
    text(`注意：范围中的 ${names} 没有对应的已登记网点`, `note: ${names} in the scope match no enrolled branch`),
  signedWith: (fingerprint: string) =>
    text(`以总行密钥签名，指纹 ${fingerprint}`, `signed with head office's key, fingerprint ${fingerprint}`),
  newHeadOfficeKey: (file: string, fingerprint: string) =>
    text(
      `已新建总行签名密钥（公钥 ${file}，指纹 ${fingerprint}）：请把这个公钥交给各网点登记；以后发布须使用同一数据文件夹`,
      `made a new head-office signing key (public key ${file}, fingerprint ${fingerprint}): give this public key to the branches to pin, and publish from this same data folder from now on`,
    ),

  // `hq status` (electron/hq/status.ts).
  statusSchema: (version: number, pending: number) =>
    text(
      `数据库结构版本 ${version}${pending > 0 ? `，${pending} 个迁移待执行（hq migrate）` : ''}`,
      `schema version ${version}${pending > 0 ? `, ${plural(pending, 'migration')} to apply (hq migrate)` : ''}`,
    ),
  statusBranches: (enrolled: number, disabled: number) =>
    text(`网点：${enrolled} 个启用，${disabled} 个停用`, `branches: ${enrolled} enabled, ${disabled} disabled`),
  statusRecords: (kind: string, received: number, verified: number, failed: number, unchecked: number) =>
    text(
      `${kindWord(kind)['zh-CN']}：收到 ${received}，核验通过 ${verified}，未通过 ${failed}，尚未核验 ${unchecked}`,
      `${kindWord(kind).en}: ${received} received, ${verified} verified, ${failed} failed, ${unchecked} not yet checked`,
    ),
  statusQueued: (queued: number) =>
    text(`待核验队列：${queued} 条（hq verify）`, `queued for checking: ${queued} (hq verify)`),
  statusConflicts: (count: number) =>
    text(
      count === 0 ? '没有内容冲突的记录' : `${count} 条记录冲突：同一记录编号报送了不同内容（可能被篡改）`,
      count === 0
        ? 'no conflicting records'
        : `${plural(count, 'conflict')}: one record id sent with different content (possible tampering)`,
    ),
  statusConflict: (branchCode: string, kind: string, recordId: string, stored: string, offered: string) =>
    text(
      `网点 ${branchCode} 的${kindWord(kind)['zh-CN']} ${recordId}：已存 ${stored}，又报送 ${offered}`,
      `${kindWord(kind).en} ${recordId} of ${branchCode}: stored ${stored}, offered ${offered}`,
    ),
  statusRegistersOk: () => text('各网点的封存登记均只增不减', "every branch's seal register only grew"),
  registerForked: (branchCode: string, seals: number, heads: number) =>
    text(
      `网点 ${branchCode} 的封存登记在第 ${seals} 条时出现 ${heads} 个不同的头：登记被改写过`,
      `the seal register of ${branchCode} had ${heads} different heads at ${plural(seals, 'seal')}: it was rewritten`,
    ),
  registerWentBack: (branchCode: string, highestBefore: number, seals: number, at: string) =>
    text(
      `网点 ${branchCode} 的封存登记曾有 ${highestBefore} 条，${at} 时只有 ${seals} 条：登记被截短过`,
      `the seal register of ${branchCode} had ${plural(highestBefore, 'seal')}, then ${seals} at ${at}: it was cut back`,
    ),
  statusStale: (days: number, count: number) =>
    text(
      count === 0 ? `所有启用的网点在 ${days} 天内都有记录送达` : `${count} 个启用的网点 ${days} 天内没有记录送达：`,
      count === 0
        ? `every enabled branch sent a record within ${plural(days, 'day')}`
        : `${count} enabled branch${count === 1 ? '' : 'es'} sent no record within ${plural(days, 'day')}:`,
    ),
  staleBranch: (code: string, name: string, region: string, last: string | null) =>
    text(
      `${code} ${name}（${region}）：${last === null ? '从未送达记录' : `最近一次 ${last}`}`,
      `${code} ${name} (${region}): ${last === null ? 'never sent a record' : `last ${last}`}`,
    ),
  // The head-office console (electron/hq/dashboard.ts, electron/backend/hqHandlers.ts).
  unreadableLine: () => text('无法读取的行', 'unreadable line'),
  consoleNotConfigured: () =>
    text(
      '本机尚未设置总行看板的数据库连接：请管理员在“总行看板 → 连接设置”中填写（只读查看账号）',
      "this installation has no connection for head office's dashboard: an administrator sets one (a viewer login) under Head office → Connection",
    ),
  consoleUnreachable: (where: string, reason: string) =>
    text(
      `无法查询总行数据库 ${where}：${reason}。请稍后重试，或请管理员检查连接设置`,
      `cannot query the head-office database ${where}: ${reason}. Try again later, or have an administrator check the connection`,
    ),
  branchUnknown: (code: string) => text(`总行没有登记网点 ${code}`, `head office has no branch ${code}`),
  recordUnknown: (code: string, kind: string, recordId: string) =>
    text(
      `总行没有收到网点 ${code} 的${kindWord(kind)['zh-CN']} ${recordId}`,
      `head office has received no ${kindWord(kind).en} ${recordId} from ${code}`,
    ),
  consoleCannotPublish: (where: string) =>
    text(
      `此登录无发布权限（需 guardbook_hq_publisher）：${where} 只能查看。请总行数据库管理员授予该角色，或在连接设置中改用有发布权限的登录`,
      `this login may not publish (it needs guardbook_hq_publisher): ${where} can only view. Have head office's database administrator grant that role, or set a publishing login under Connection`,
    ),
  andMore: (count: number) => text(`……另有 ${count} 个（--json 列出全部）`, `… and ${count} more (--json lists all)`),
} satisfies Catalogue;

const KIND_WORDS: Record<string, Text> = {
  run: text('预案执行记录', 'run'),
  evaluation: text('演练评估', 'evaluation'),
  inspection: text('检查记录', 'inspection'),
  exercise: text('桌面演练', 'exercise'),
};
/** A record kind in words; an unknown kind as it is. */
const kindWord = (kind: string): Text => KIND_WORDS[kind] ?? text(kind, kind);
