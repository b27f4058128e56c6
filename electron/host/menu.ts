// The application menu as data: standard items by role, labelled in the user's language. A pure function of
// platform, labels and packaging, so it is tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/plan/schema';

export interface MenuLabels {
  app: string;
  file: string;
  edit: string;
  view: string;
  window: string;
  help: string;
  about: string;
  services: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  quit: string;
  close: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  reload: string;
  forceReload: string;
  toggleDevTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  toggleFullScreen: string;
  minimize: string;
  zoom: string;
  front: string;
}

export const MENU_LABELS: Readonly<Record<Language, MenuLabels>> = Object.freeze({
  'zh-CN': {
    app: 'Guardbook',
    file: '文件',
    edit: '编辑',
    view: '视图',
    window: '窗口',
    help: '帮助',
    about: '关于 Guardbook',
    services: '服务',
    hide: '隐藏 Guardbook',
    hideOthers: '隐藏其他',
    showAll: '全部显示',
    quit: '退出',
    close: '关闭窗口',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    reload: '重新加载',
    forceReload: '强制重新加载',
    toggleDevTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    toggleFullScreen: '全屏',
    minimize: '最小化',
    zoom: '缩放',
    front: '全部置于顶层',
  },
  en: {
    app: 'Guardbook',
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    about: 'About Guardbook',
    services: 'Services',
    hide: 'Hide Guardbook',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit',
    close: 'Close Window',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    reload: 'Reload',
    forceReload: 'Force Reload',
    toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    toggleFullScreen: 'Full Screen',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
  },
});

export interface MenuOptions {
  /** `app.isPackaged`: an installed app offers no reload or developer tools, which would lose a run's screen. */
  packaged: boolean;
}

export function buildMenuTemplate(
  platform: NodeJS.Platform,
  labels: MenuLabels,
  options: MenuOptions = { packaged: true },
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    label: labels.app,
    submenu: [
      { role: 'about', label: labels.about },
      separator,
      { role: 'services', label: labels.services },
      separator,
      { role: 'hide', label: labels.hide },
      { role: 'hideOthers', label: labels.hideOthers },
      { role: 'unhide', label: labels.showAll },
      separator,
      { role: 'quit', label: labels.quit },
    ],
  };
  const development: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [
        { role: 'reload', label: labels.reload },
        { role: 'forceReload', label: labels.forceReload },
        { role: 'toggleDevTools', label: labels.toggleDevTools },
        separator,
      ];
  const windowItems: MenuItemConstructorOptions[] = mac
    ? [{ role: 'zoom', label: labels.zoom }, separator, { role: 'front', label: labels.front }]
    : [{ role: 'close', label: labels.close }];
  return [
    ...(mac ? [appMenu] : []),
    {
      role: 'fileMenu',
      label: labels.file,
      // On macOS quitting lives in the app menu; the File menu closes the window instead.
      submenu: [mac ? { role: 'close', label: labels.close } : { role: 'quit', label: labels.quit }],
    },
    {
      role: 'editMenu',
      label: labels.edit,
      submenu: [
        { role: 'undo', label: labels.undo },
        { role: 'redo', label: labels.redo },
        separator,
        { role: 'cut', label: labels.cut },
        { role: 'copy', label: labels.copy },
        { role: 'paste', label: labels.paste },
        { role: 'selectAll', label: labels.selectAll },
      ],
    },
    {
      role: 'viewMenu',
      label: labels.view,
      submenu: [
        ...development,
        { role: 'resetZoom', label: labels.resetZoom },
        { role: 'zoomIn', label: labels.zoomIn },
        { role: 'zoomOut', label: labels.zoomOut },
        separator,
        { role: 'togglefullscreen', label: labels.toggleFullScreen },
      ],
    },
    {
      role: 'windowMenu',
      label: labels.window,
      submenu: [{ role: 'minimize', label: labels.minimize }, ...windowItems],
    },
    {
      role: 'help',
      label: labels.help,
      // macOS already has About in the app menu; elsewhere Help is where people look for it.
      submenu: mac ? [] : [{ role: 'about', label: labels.about }],
    },
  ];
}
