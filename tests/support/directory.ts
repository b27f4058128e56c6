// A branch contact directory that fills in every contact the bundled plans leave for the branch: revisions of any
// bundled plan can then be submitted (a draft naming a contact with no number cannot).
export const FILLED_DIRECTORY = {
  'head-office-security': { name: { 'zh-CN': '市分行保卫处', en: 'City branch security' }, phones: ['0571-8700 0110'] },
  'local-police-station': { name: { 'zh-CN': '西湖派出所', en: 'Xihu police station' }, phones: ['0571-8796 0110'] },
  'property-management': { name: { 'zh-CN': '物业值班室', en: 'Property management' }, phones: ['0571-8888 1234'] },
  'cit-company': { name: { 'zh-CN': '押运公司调度', en: 'CIT dispatch' }, phones: ['0571-8666 5678'] },
  'it-helpdesk': { name: { 'zh-CN': '科技部服务台', en: 'IT helpdesk' }, phones: ['0571-8555 9999'] },
};
