// Words of the library parts that plans and checklist templates share (the review answers, the version rows),
// loaded with them.
import { addStrings } from '../i18n/addStrings';

addStrings({
  'zh-CN': {
    docLibrary: {
      approve: '批准并发布',
      approvePin: '您的 PIN（批准即签字）',
      approveSelf: '您是提交人：本网点只有一位安全主管时才可本人批准，并会记录为“本人批准”。',
      sendBack: '退回修改',
      sendBackComment: '退回意见',
      version: '第 {{version}} 版',
      offered: '使用中',
      author: '修订人',
      approver: '批准人',
      selfApproved: '本人批准',
      note: '修订说明',
      hash: '内容哈希',
    },
  },
  en: {
    docLibrary: {
      approve: 'Approve and publish',
      approvePin: 'Your PIN (approving is signing)',
      approveSelf:
        'You submitted it: approving your own change is allowed only where the branch has one security manager, and is recorded as self-approved.',
      sendBack: 'Send back',
      sendBackComment: 'What must change',
      version: 'Version {{version}}',
      offered: 'In use',
      author: 'Written by',
      approver: 'Approved by',
      selfApproved: 'self-approved',
      note: 'Change note',
      hash: 'Content hash',
    },
  },
});
