// Every entry of the message catalogue, called with sample params: both languages present, the Chinese in Chinese,
// every placeholder filled. A new entry without samples here fails to typecheck.
import { describe, expect, it } from 'vitest';
import { MESSAGE_CATALOGUES } from '../../shared/messages';
import { DISK_ERROR_CODES, FILE_MESSAGES, PLAN_READ_ERROR_CODES } from '../../shared/messages/files';
import { DIFF_MESSAGE_SAMPLES } from '../fixtures/diff/messageSamples';
import { HQ_MESSAGES } from '../../shared/messages/hq';
import { text, type Text } from '../../shared/text';

type Catalogues = typeof MESSAGE_CATALOGUES;
type Samples = {
  [A in keyof Catalogues]: {
    [K in keyof Catalogues[A]]: Catalogues[A][K] extends (...args: infer P) => Text ? P[] : never;
  };
};

const CJK = /[\u4e00-\u9fff]/;
const UNFILLED = /undefined|null|NaN|\[object Object\]|\$\{/;

const T = text;
const wait = T('15 分钟', '15 minutes');
const label = T('报警时间', 'The time the police were called');
const step = T('报警', 'Call the police');

const SAMPLES: Samples = {
  actions: {
    notFound: [['act-20261205-a1b2c3']],
    closed: [['act-20261205-a1b2c3']],
    noPlan: [['act-20261205-a1b2c3']],
    unknownSource: [['ex-20261205-a1b2c3']],
    unknownInspection: [['in-20261205-a1b2c3']],
    evidenceRequired: [['act-20261205-a1b2c3', '整改后照片']],
    checkedFixOnly: [['act-20261205-a1b2c3']],
    notFixed: [['act-20261205-a1b2c3']],
    secondPerson: [['act-20261205-a1b2c3', '王强']],
    rejectNeedsNote: [['act-20261205-a1b2c3']],
    notYours: [['act-20261205-a1b2c3']],
    notWritten: [['actions.jsonl', T('磁盘已满', 'the disk is full')]],
  },
  api: {
    unknownChannel: [['plans.bogus']],
    invalidInput: [['runs.command']],
    internalLogged: [[]],
    planNotFound: [['fire']],
    userNotFound: [['u-7']],
    callerNotThisApp: [[]],
    pdfInBrowser: [[]],
    webInternal: [[]],
    webHostNotAllowed: [[]],
    webOriginNotAllowed: [[]],
    webBodyTooLarge: [[1048576]],
    webBodyNotJson: [[]],
    webFileNotFound: [[]],
    webMethodNotAllowed: [['GET, POST']],
    webBadToken: [[]],
  },
  checklistDiff: {
    summary: [
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      [0, 0, 1, 0, 0, 0, 0, 0, 0],
    ],
    template: [[]],
    section: [['doors']],
    item: [['door-locked']],
    sectionAdded: [
      ['doors', T('门窗', 'Doors and windows')],
      ['misc', T('', '')],
    ],
    sectionRemoved: [
      ['doors', T('门窗', 'Doors and windows')],
      ['misc', T('', '')],
    ],
    sectionMoved: [['doors', 1, 3]],
    itemAdded: [
      ['door-locked', T('大门已锁闭', 'The door is locked'), 'doors', T('是否题，否决项', 'yes / no, critical')],
      ['note', T('', ''), 'misc', T('文字记录', 'text')],
    ],
    itemRemoved: [
      ['door-locked', T('大门已锁闭', 'The door is locked'), 'doors'],
      ['note', T('', ''), 'misc'],
    ],
    itemMovedWithin: [['door-locked', 'doors', 2, 5]],
    itemMovedBetween: [['door-locked', 'doors', 2, 'vault', 1]],
    critical: [[]],
    photo: [[]],
  },
  checklistLibrary: {
    notFound: [['guard-post']],
    noDraft: [['guard-post']],
    draftExists: [['guard-post', '李主管']],
    draftInReview: [['guard-post']],
    draftNotInReview: [['guard-post']],
    staleRevision: [['guard-post', 3, 4]],
    draftHasErrors: [['guard-post', 2]],
    draftNotAPlan: [['guard-post']],
    reviewedOtherContent: [['guard-post']],
    selfApprovalRefused: [[]],
    nothingToRetire: [['guard-post']],
    versionNotFound: [['guard-post', 7]],
    versionDamaged: [['guard-post', 2]],
    importIdentical: [['guard-post', 2]],
    noTemplateUpdate: [['guard-post']],
    libraryDamaged: [[12, 'broken-chain', 'library.jsonl.damaged-1', 4]],
    draftUnreadable: [['guard-post.json', 'Unexpected token', 'guard-post.json.damaged-1']],
    versionFileNamesOther: [['guard-post', 3]],
    versionHashMismatch: [['sha256:0123456789ab']],
    versionFileMissing: [[]],
    versionFileUnreadable: [['EACCES']],
    templateNotSeeded: [['guard-post', 'ENOSPC']],
  },
  cli: {
    error: [[]],
    warning: [[]],
    filesChecked: [
      [1, 1, 1],
      [6, 0, 2],
    ],
    cannotRead: [[]],
    lineAt: [[7, 1234]],
    keyFingerprintMismatch: [[]],
    keyFingerprintUsed: [[]],
    journalMissingButRegistered: [[]],
    eventCount: [[12]],
    sealValid: [['ab12cd34', T('受信任', 'trusted')]],
    keyTrusted: [[]],
    keyMatchesExport: [[]],
    keyNotChecked: [[]],
    notSealed: [[]],
    sealNotValid: [[]],
    timesLocalTo: [['Asia/Shanghai']],
    runCount: [[1], [12]],
    auditEntryCount: [[30]],
    headHash: [[]],
    installationKeyFingerprint: [[]],
    noInstallationKey: [[]],
    noSealRegister: [[]],
    noDataFolder: [['/data/guardbook', '--data-dir']],
    dataFolder: [['/data/guardbook', 'GUARDBOOK_DATA_DIR']],
    dataFolderOpen: [['pid 4242 on host branch-pc']],
    noUsers: [[]],
    pinReset: [['李明']],
    lockoutLifted: [['李明', '2026-03-01T08:15:00.000Z']],
    wrongPinsCleared: [['李明']],
    noSuchRun: [['r-1']],
    journalUnreadable: [['r-1']],
    badTimeZone: [['Mars/Olympus']],
    sealRegister: [
      [3, 'a1b2c3', false],
      [3, 'a1b2c3', true],
    ],
  },
  diff: DIFF_MESSAGE_SAMPLES,
  drills: {
    otherPlanVersion: [['fire', 2]],
    planNotPublished: [['fire']],
    duplicateId: [['smoke']],
    unknownStep: [['call-119']],
    unknownRole: [['cashier']],
    unknownObjective: [['alarm-in-time']],
    notFound: [['ex-20261205-a1b2c3']],
    alreadyStarted: [['ex-20261205-a1b2c3']],
    cancelled: [['ex-20261205-a1b2c3']],
    notStarted: [['ex-20261205-a1b2c3']],
    announcedNeedsStart: [['ex-20261205-a1b2c3']],
    unannouncedNeedsDeclare: [['ex-20261205-a1b2c3']],
    runOfOtherPlan: [['20261205T020000Z-abc123', 'fire']],
    runAlreadyDrill: [['20261205T020000Z-abc123']],
    runNotOpen: [['20261205T020000Z-abc123']],
    unknownInject: [['smoke']],
    injectAlreadyDelivered: [['smoke']],
    notRunning: [['ex-20261205-a1b2c3']],
    notPaused: [['ex-20261205-a1b2c3']],
    invalidExercise: [
      [T('injects[0].toRole：预案中没有角色“cashier”', 'injects[0].toRole: the plan has no role "cashier"')],
    ],
    notWritten: [['drills.jsonl', T('磁盘已满', 'the disk is full')]],
    drillStillRunning: [['ex-20261205-a1b2c3']],
    evaluationClosed: [['ex-20261205-a1b2c3']],
    evaluationDamaged: [['ex-20261205-a1b2c3.jsonl', 4, T('哈希不符', 'the hash does not match')]],
  },
  inspections: {
    notFound: [['in-20261205-a1b2c3']],
    checklistNotFound: [['daily-opening-closing']],
    checklistHasErrors: [['daily-opening-closing']],
    notPlanned: [['in-20261205-a1b2c3']],
    notInProgress: [['in-20261205-a1b2c3']],
    unknownItem: [['open-alarm-test']],
    answerDoesNotFit: [['open-alarm-test']],
    tooManyAttachments: [['open-alarm-test', 10]],
    attachmentEmpty: [['门锁.jpg']],
    attachmentTooLarge: [['门锁.jpg', 8]],
    attachmentNotPhoto: [['门锁.exe']],
    unanswered: [[3, 'close-vault-locked']],
    photoMissing: [['open-alarm-test']],
    rectificationMissing: [['open-alarm-test']],
    rectificationForPassedItem: [['open-alarm-test']],
    damaged: [['inspections/in-1.jsonl', 7, T('内容与其哈希不符', 'altered')]],
    notWritten: [['inspections/in-1.jsonl', T('磁盘已满', 'the disk is full')]],
    rectificationTitle: [['金库门已上锁', '每日安全检查 2026-12-05']],
  },
  library: {
    noDraft: [['fire']],
    draftExists: [['fire', '李主管']],
    draftInReview: [['fire']],
    draftNotInReview: [['fire']],
    staleRevision: [['fire', 3, 4]],
    draftHasErrors: [['fire', 2]],
    draftNotAPlan: [['fire']],
    reviewedOtherContent: [['fire']],
    selfApprovalRefused: [[]],
    nothingToRetire: [['fire']],
    versionNotFound: [['fire', 9]],
    versionDamaged: [['fire', 2]],
    importIdentical: [['fire', 2]],
    noTemplateUpdate: [['fire']],
    libraryDamaged: [[3, 'bad-hash', 'library.damaged-1.jsonl', 12]],
    draftUnreadable: [['fire.json', 'Unexpected token', 'fire.json.damaged-1']],
    versionFileNamesOther: [['flood', 3]],
    versionHashMismatch: [['sha256:0123456789ab']],
    versionFileMissing: [[]],
    versionFileUnreadable: [['EACCES']],
    templateNotSeeded: [['fire', 'ENOSPC']],
    noLibrary: [['/data/library/library.jsonl']],
    planNotInLibrary: [['fire']],
    historyFileMissing: [[]],
    historyFileDamaged: [[]],
    historyAuthor: [['李主管']],
    historyApprover: [
      ['王经理', false],
      ['王经理', true],
    ],
    historyDerivedFrom: [[1]],
    historyRetired: [[2, '2026-12-05T10:00:00+08:00', '李主管', '不再适用']],
    historyLogDamaged: [[7]],
  },
  events: {
    drillDeclared: [['消防暗访演练', '李教官']],
    injectDelivered: [
      ['1:00', T('保安', 'Guard'), '库房冒烟', true],
      ['0:30', undefined, '客户晕倒', false],
    ],
    runStarted: [
      [true, T('火灾', 'Fire')],
      [false, T('火灾', 'Fire'), { runId: 'r-1', planId: 'robbery' }],
    ],
    escalated: [
      ['hostage', 'r-2'],
      ['hostage', 'r-2', T('有人质', 'Hostages taken')],
    ],
    stepCompleted: [[step]],
    optionChosen: [[T('判断', 'Assess'), T('有伤者', 'Someone is hurt')]],
    checklistTicked: [[T('锁门', 'Lock the door')]],
    contactCalled: [[T('派出所', 'Police station'), '110']],
    noteAdded: [['嫌疑人向东逃离']],
    stepOverdue: [[step, '60']],
    stepTimedOut: [
      [step, '120'],
      [step, '120', T('撤离', 'Evacuate')],
    ],
    runAborted: [['误报']],
    runEnded: [[T('已处置', 'Resolved')]],
    signedOff: [
      ['王芳', true, ''],
      ['王芳', false, '已复核'],
    ],
    sealed: [['ab12cd34']],
    recovered: [['118', 'r-1.torn-7-1700000000000.jsonl']],
    rewritten: [
      ['deleted', '12'],
      ['replaced', '12'],
    ],
    closeOut: [[]],
    closeOutLine: [[[T('损失：无', 'losses: none'), T('未报警', 'police not called')]]],
    lossesNone: [[]],
    losses: [['柜台玻璃破损'], ['柜台玻璃破损', 1200.5]],
    casualtiesNone: [[]],
    casualties: [[1, 0]],
    policeNotCalled: [[]],
    policeCalled: [[], ['JJ-2026-001']],
    reportsNone: [[]],
    reportedTo: [[['分行保卫部', '人民银行']]],
    followUpNone: [[]],
    followUp: [['加装防弹玻璃']],
  },
  files: {
    diskReason: [['ENOSPC'], ['EXDEV']],
    cannotRecord: [[T('磁盘已满', 'the disk is full'), '/data/guardbook']],
    settingsNotSaved: [['EACCES']],
    settingsNotJson: [[]],
    timeZoneInvalid: [[]],
    settingsInvalid: [['branch.name, timeZone']],
    planReadReason: [
      ['ENOENT', 'Error: ENOENT'],
      ['EISDIR', 'Error: EISDIR'],
    ],
    keyProtected: [['/data/keys/private.key']],
    dataFolderInUse: [['pid 4242 on host branch-pc']],
    couldNotStart: [['Error: EACCES']],
    jsonTrailingText: [[]],
    jsonTooDeep: [[512]],
    jsonEndsEarly: [[]],
    jsonUnexpectedCharacter: [["'x'"]],
    jsonExpectedName: [[]],
    jsonExpectedColon: [[]],
    jsonExpectedObjectEnd: [[]],
    jsonExpectedArrayEnd: [[]],
    jsonUnterminatedString: [[]],
    jsonControlCharacter: [[]],
    jsonBadUnicodeEscape: [[]],
    jsonBadEscape: [[]],
    jsonBadNumber: [[]],
  },
  hq: {
    migrationBadName: [['4_schema.sql']],
    migrationDuplicate: [[2, '002_security.sql', '002_roles.sql']],
    migrationChanged: [['001_schema.sql']],
    migrationUnknown: [[4, 'dashboard']],
    migrationOutOfOrder: [['002_late.sql', 3]],
    migrationFailed: [
      ['002_security.sql', 12, 'syntax error at or near "TABEL"'],
      ['002_security.sql', undefined, 'permission denied to create role'],
    ],
    migrationApplied: [['001_schema.sql']],
    schemaUpToDate: [[3]],
    schemaAt: [
      [1, 3],
      [3, 3],
    ],
    cannotConnect: [['127.0.0.1:5432/guardbook', 'connect ECONNREFUSED 127.0.0.1:5432']],
    databaseRefused: [['permission denied for table branches']],
    cannotReadFile: [['branch.pub', T('文件不存在', 'no such file')]],
    badBranchCode: [['Hz_001', 32]],
    badBranchField: [['region', 64]],
    badPublicKey: [['rsa']],
    keyIdMismatch: [['0123456789abcdef', 'fedcba9876543210']],
    weakPassword: [[16]],
    branchExists: [['hz-001']],
    keyInUse: [['0123456789abcdef']],
    branchRoleExists: [['gb_branch_hz-001']],
    cannotEnrol: [['permission denied to create role']],
    branchEnrolled: [['hz-001', 'gb_branch_hz-001', '1a2b 3c4d 5e6f']],
    noBranches: [[]],
    branchDisabled: [['2026-12-05T06:00:00.000Z']],
    recordKindUnknown: [['exercise']],
    recordNotUtf8: [[]],
    recordCheckBroke: [['Maximum call stack size exceeded']],
    cannotVerify: [['permission denied for table ingest_queue']],
    recordFlagged: [
      ['hz-001', 'run', 'run-20261205-a1b2', '第 4 行：哈希不符 / line 4: bad hash'],
      ['hz-001', 'exercise', 'ex-1', 'unknown kind'],
    ],
    verifyCounts: [
      [1, 0, 0, 0.5],
      [18, 2, 1, 3.2],
    ],
    planHasErrors: [[1], [3]],
    badEffectiveDate: [['2026-02-30']],
    badRelease: [['scope.regions: Array must contain at least 1 element(s)']],
    signingKeyBroken: [['1a2b 3c4d 5e6f']],
    cannotPublish: [['permission denied for table plan_versions']],
    versionTaken: [['robbery', 2, 'sha256:' + 'ab'.repeat(32)]],
    versionTermsDiffer: [['robbery', 2]],
    releasePublished: [
      ['robbery', 2, 'sha256:' + 'ab'.repeat(32), false],
      ['robbery', 2, 'sha256:' + 'ab'.repeat(32), true],
    ],
    releaseTerms: [
      [T('全部网点', 'every branch'), true, '2026-12-05'],
      [T('区域 east', 'regions east'), false, '2026-12-05'],
    ],
    scopeAll: [[]],
    scopeRegions: [['east, west']],
    scopeBranches: [['hz-001, nb-002']],
    releaseReach: [[0], [1], [12]],
    releaseUnmatched: [['north, hz-099']],
    signedWith: [['1a2b 3c4d 5e6f']],
    newHeadOfficeKey: [['/hq/keys/installation-ed25519.pub.der.b64', '1a2b 3c4d 5e6f']],
    statusSchema: [
      [3, 1],
      [2, 2],
    ],
    statusBranches: [[12, 1]],
    statusRecords: [
      ['run', 20, 17, 1, 2],
      ['inspection', 0, 0, 0, 0],
    ],
    statusQueued: [[2]],
    statusConflicts: [[1], [3]],
    statusConflict: [['hz-001', 'run', 'run-1', 'a'.repeat(64), 'b'.repeat(64)]],
    statusRegistersOk: [[]],
    registerForked: [['hz-001', 7, 2]],
    registerWentBack: [['hz-001', 9, 5, '2026-12-05T06:00:00.000Z']],
    statusStale: [
      [7, 1],
      [1, 3],
    ],
    staleBranch: [
      ['hz-001', '杭州西湖支行', 'east', '2026-11-20T06:00:00.000Z'],
      ['nb-002', '宁波分行', 'east', null],
    ],
    andMore: [[1], [9950]],
    unreadableLine: [[]],
    consoleNotConfigured: [[]],
    consoleUnreachable: [['127.0.0.1:5432/guardbook', 'connect ECONNREFUSED 127.0.0.1:5432']],
    consoleCannotPublish: [['hq_viewer@127.0.0.1:5432/guardbook']],
    branchUnknown: [['hz-001']],
    recordUnknown: [
      ['hz-001', 'run', 'run-20261205-a1b2'],
      ['hz-001', 'inspection', 'insp-1'],
    ],
  },
  people: {
    usersFileMissing: [['/data/people/users.json']],
    usersFileUnreadable: [['/data/people/users.json', 'not valid JSON']],
    adminAlreadySetUp: [[]],
    lastAdministrator: [[]],
    samePin: [[]],
    userDisabled: [['李明']],
    duplicateUserName: [['李明']],
    pinRules: [[]],
    notSaved: [['ENOSPC']],
    pinOfRoleNeeded: [[T('经理', 'Manager')]],
    roleTooLow: [[T('经理', 'Manager'), T('保安', 'Guard')]],
    unlockFirst: [[]],
    waitSeconds: [[1], [45]],
    waitMinutes: [[1], [15]],
    pinNotCheckedLockedOut: [[wait]],
    pinNotCheckedInFlight: [[]],
    pinNotCheckedWait: [[wait]],
    wrongPin: [[]],
    wrongPinLockedOut: [[wait]],
    wrongPinWait: [[wait]],
  },
  records: {
    attachmentDamaged: [['inspections/files/ab12.jpg']],
    attachmentMissing: [['inspections/files/ab12.jpg']],
    attachmentFault: [[12, 'open-alarm', T('证据文件缺失', 'the evidence file is missing')]],
    journalTorn: [[]],
    journalBadJson: [['Unexpected token } at 12']],
    journalBadEvent: [['data.step: required']],
    journalNotStarted: [['run.started']],
    journalSeqGap: [['expected 5, found 7']],
    journalSeqDuplicate: [['expected 5, found 4']],
    journalBrokenChain: [[]],
    journalBadHash: [[]],
    journalBadSignature: [[]],
    journalUntrustedKey: [['ab12cd34']],
    journalAfterSeal: [[]],
    faultAt: [[7, 1234, T('封存签名无效', 'the seal signature is not valid')]],
    cutAfterSeal: [['2026-03-01T08:00:00Z', 12, 9]],
    differsFromSeal: [[12, 'a1b2c3d4e5f6']],
    sealRegisterDamaged: [[4, 'bad-hash', '/data/seals/register.damaged-4.jsonl', 3]],
    journalUnreadable: [[]],
    journalMissingTitle: [[]],
    unreadableTitle: [[]],
    badRangeBound: [['from', '2026-13-01']],
    rangeBackwards: [['2026-03-02', '2026-03-01']],
    tooManyRuns: [[2500, 2000]],
  },
  run: {
    notAllowedAtStep: [['assess']],
    noSuchContact: [['police']],
    notEndedCannotSignOff: [[]],
    alreadySignedOff: [[]],
    closeOutFirst: [[]],
    drillHasNoCloseOut: [[]],
    closeOutAfterEnd: [[]],
    runFinished: [[]],
    recordSealed: [[]],
    notCurrentStep: [['assess']],
    planHasErrors: [['fire']],
    planNotInUse: [['fire']],
    sealRegisterUnwritten: [['ENOSPC']],
    notRecordedCannotSeal: [[]],
    followOnNotOffered: [['r-1', 'hostage']],
    runNotFound: [['r-1']],
    journalWriteFailed: [[T('磁盘已满', 'the disk is full')]],
    timeInFuture: [[label]],
    timeBeforeStart: [[label]],
    policeCalledTime: [[]],
    policeArrivedTime: [[]],
    reportTime: [[2]],
    policeArrivedBeforeCalled: [[]],
    sectionProblem: [[T('损失情况', 'Losses'), T('必填', 'required')]],
    required: [[]],
    atLeast: [['0']],
    atMostCharacters: [['2000']],
    atMostEntries: [['20']],
    atMost: [['999']],
    noneOrWhatHappened: [[]],
    notATime: [[]],
    injuredOrDeadAtLeastOne: [[]],
    atMostFen: [[]],
    filledInWrongly: [['Invalid input']],
  },
  sync: {
    releaseBadSignature: [['armed-robbery', 2]],
    releaseNotAPlan: [['armed-robbery', 2, 3]],
    releaseContentMismatch: [['armed-robbery', 2]],
    releaseNoPinnedKey: [[]],
    recordBadLine: [[7, T('哈希链断开', 'the hash chain is broken')]],
    recordNotSealed: [[]],
    recordIdMismatch: [['run-a', 'run-b']],
    recordHeadMismatch: [[]],
    recordSummaryMismatch: [['planId, startedAt']],
    syncUnreachable: [['hq.example.cn', 'ECONNREFUSED']],
    syncRefused: [['permission denied for table received_records']],
    syncNotEnrolled: [['gb_branch_hz-001']],
    releaseNotFound: [['armed-robbery', 2]],
  },
};

/** Entries that turn a code into words: the code itself is not meant to show. */
const CODE_TO_WORDS = new Set(['files.diskReason', 'files.planReadReason']);

const isText = (value: unknown): value is Text =>
  typeof value === 'object' && value !== null && 'zh-CN' in value && 'en' in value;

function expectWellFormed(name: string, args: readonly unknown[], message: Text): void {
  const zh = message['zh-CN'];
  const { en } = message;
  expect(zh.trim(), `${name}: zh-CN`).not.toBe('');
  expect(en.trim(), `${name}: en`).not.toBe('');
  expect(zh, `${name}: zh-CN is in Chinese`).toMatch(CJK);
  expect(zh, `${name}: zh-CN placeholders`).not.toMatch(UNFILLED);
  expect(en, `${name}: en placeholders`).not.toMatch(UNFILLED);
  for (const arg of args) {
    if (isText(arg)) {
      // A Text param shows in its own language (English may be lower-cased mid-sentence).
      expect(zh, `${name}: shows ${arg['zh-CN']}`).toContain(arg['zh-CN']);
      expect(en.toLowerCase(), `${name}: shows ${arg.en}`).toContain(arg.en.toLowerCase());
    } else if ((typeof arg === 'string' && arg !== '') || typeof arg === 'number') {
      if (CODE_TO_WORDS.has(name)) continue;
      expect(`${zh}\n${en}`, `${name}: shows ${String(arg)}`).toContain(String(arg));
    }
  }
}

describe('the message catalogue', () => {
  for (const [area, catalogue] of Object.entries(MESSAGE_CATALOGUES)) {
    const samples = SAMPLES[area as keyof Samples] as Record<string, unknown[][]>;
    for (const [key, entry] of Object.entries(catalogue)) {
      it(`${area}.${key} gives both languages with every placeholder filled`, () => {
        const calls = samples[key];
        expect(calls, `samples for ${area}.${key}`).toBeDefined();
        expect(calls!.length).toBeGreaterThan(0);
        for (const args of calls!) {
          expectWellFormed(`${area}.${key}`, args, (entry as (...a: unknown[]) => Text)(...args));
        }
      });
    }
  }

  it('has samples for no entry that is gone', () => {
    for (const [area, samples] of Object.entries(SAMPLES)) {
      const catalogue = MESSAGE_CATALOGUES[area as keyof Catalogues];
      expect(Object.keys(samples).sort(), area).toEqual(Object.keys(catalogue).sort());
    }
  });

  it('keeps plural English in the head-office summary', () => {
    expect(HQ_MESSAGES.schemaAt(1, 3).en).toBe('applied 1 migration: the schema is at version 3');
    expect(HQ_MESSAGES.schemaAt(3, 3).en).toBe('applied 3 migrations: the schema is at version 3');
  });

  it('words every disk error code and plan-file read error it knows, and names an unknown one', () => {
    for (const code of DISK_ERROR_CODES) expectWellFormed('files.diskReason', [], FILE_MESSAGES.diskReason(code));
    for (const code of PLAN_READ_ERROR_CODES) {
      expectWellFormed('files.planReadReason', [], FILE_MESSAGES.planReadReason(code, 'detail'));
    }
    expect(FILE_MESSAGES.diskReason('EXDEV')).toEqual({
      'zh-CN': '无法写入（EXDEV）',
      en: 'it cannot be written (EXDEV)',
    });
    expect(FILE_MESSAGES.planReadReason('EMFILE', 'Error: EMFILE')).toEqual(T('Error: EMFILE', 'Error: EMFILE'));
  });

  it('keeps plural English where a count can be one', () => {
    const { waitSeconds, waitMinutes } = MESSAGE_CATALOGUES.people;
    const { filesChecked, runCount } = MESSAGE_CATALOGUES.cli;
    expect(filesChecked(1, 1, 1).en).toBe('checked 1 file: 1 error, 1 warning');
    expect(filesChecked(6, 0, 2).en).toBe('checked 6 files: 0 errors, 2 warnings');
    expect(runCount(1).en).toBe('1 run');
    expect(waitSeconds(1).en).toBe('1 second');
    expect(waitSeconds(2).en).toBe('2 seconds');
    expect(waitMinutes(1).en).toBe('1 minute');
    expect(waitMinutes(15)).toEqual(T('15 分钟', '15 minutes'));
  });
});
