// Why a local channel could not say its message: the desktop notification (main/alerts/desktop.ts)
// and `watch`'s lines (main/alerts/terminal.ts), in English, French and Arabic.

export const localChannelsEn = {
  desktopUnsupported: 'this system does not show notifications',
  desktopRefused: 'the system refused to show the notification',
  terminalRefused: 'the terminal could not be written to',
} as const;

export const localChannelsFr = {
  desktopUnsupported: 'ce système n’affiche pas de notifications',
  desktopRefused: 'le système a refusé d’afficher la notification',
  terminalRefused: 'impossible d’écrire dans le terminal',
} as const;

export const localChannelsAr = {
  desktopUnsupported: 'لا يعرض هذا النظام الإشعارات',
  desktopRefused: 'رفض النظام عرض الإشعار',
  terminalRefused: 'تعذّرت الكتابة في الطرفية',
} as const;
