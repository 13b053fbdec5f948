// The tray adapter: applies a TrayModel to Electron's Tray, skipping what did not change.
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import {
  fitTooltip,
  type IconKey,
  type TrayAction,
  type TrayMenuItem,
  type TrayModel,
} from '../shell/tray-model';

export interface TrayView {
  apply(model: TrayModel): void;
  destroy(): void;
}

function toTemplate(
  items: readonly TrayMenuItem[],
  act: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item) => {
    if (item.separator) return { type: 'separator' as const };
    const action = item.action;
    return {
      label: item.label,
      enabled: item.enabled ?? true,
      ...(item.checked !== undefined ? { type: 'checkbox' as const, checked: item.checked } : {}),
      ...(action ? { click: () => act(action) } : {}),
      ...(item.submenu ? { submenu: toTemplate(item.submenu, act) } : {}),
    };
  });
}

/** Creates the tray icon; `iconPath` gives the image file for a state on this platform. */
export function createTray(
  iconPath: (key: IconKey) => string,
  act: (action: TrayAction) => void,
  onClick: () => void,
): TrayView {
  let shown: { icon?: IconKey; tooltip?: string; menu?: string } = {};
  let tray: Tray | null = null;
  return {
    apply(model) {
      if (!tray) {
        tray = new Tray(nativeImage.createFromPath(iconPath(model.icon)));
        // Linux shows the menu on click; elsewhere a click opens the window.
        tray.on('click', onClick);
        shown = { icon: model.icon };
      } else if (shown.icon !== model.icon) {
        tray.setImage(nativeImage.createFromPath(iconPath(model.icon)));
        shown.icon = model.icon;
      }
      const tooltip = process.platform === 'win32' ? fitTooltip(model.tooltip) : model.tooltip;
      if (shown.tooltip !== tooltip) {
        tray.setToolTip(tooltip);
        shown.tooltip = tooltip;
      }
      const menu = JSON.stringify(model.menu);
      if (shown.menu !== menu) {
        tray.setContextMenu(Menu.buildFromTemplate(toTemplate(model.menu, act)));
        shown.menu = menu;
      }
    },
    destroy() {
      tray?.destroy();
      tray = null;
    },
  };
}
