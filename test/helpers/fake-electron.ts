// A fake `electron` module that records what the code asked for: tray images, tooltips and menus,
// notifications, windows and their preferences, IPC handlers, app calls. Used with vi.mock.
import { existsSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface MenuItemSpec {
  label?: string;
  type?: string;
  enabled?: boolean;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuItemSpec[];
}

/** Everything the app asked Electron to do. */
export class Recorder {
  trays: FakeTray[] = [];
  notifications: FakeNotification[] = [];
  windows: FakeWindow[] = [];
  handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  opened: string[] = [];
  loginItem: { openAtLogin: boolean; args?: string[] } | null = null;
  /** What the OS says about launch at login (macOS and Windows). */
  loginItemNow = { openAtLogin: false, wasOpenedAtLogin: false };
  packaged = false;
  /** What `app.getAppPath()` answers (the packaged smoke test points it at the unpacked asar). */
  appPath: string | null = null;
  /** Notifications garbage-collected before they were clicked or closed (their click is lost). */
  droppedNotifications = 0;
  appUserModelId: string | null = null;
  applicationMenu: unknown = 'default';
  dockHidden = false;
  /** What the next save dialog answers (a path, or null for Cancel), and what it was asked. */
  saveAnswer: string | null = null;
  saveDialogs: { defaultPath?: string }[] = [];
  clipboard: string[] = [];
  /** The URL schemes the app asked to handle (app.setAsDefaultProtocolClient), with what it gave. */
  protocols: { protocol: string; path?: string; args?: string[] }[] = [];
  quit = 0;
  userData = '';
  locale = 'en-US';
  country = 'CI';
  ready: () => void = () => undefined;
  /** Whether `app` is ready: windows and trays before that throw, as in Electron. */
  isReady = false;
  readonly power = new EventEmitter();
  readonly appEvents = new EventEmitter();
  /** Whether the OS keychain works (safeStorage.isEncryptionAvailable). */
  encryptionAvailable = true;
  /** How many strings safeStorage encrypted. */
  encrypted = 0;
}

const SEALED = 'fake-sealed:';

/** What the fake keychain makes of a text: marked, and never the text in clear. */
export function fakeSeal(text: string): Buffer {
  const mixed = Buffer.from(Buffer.from(text).map((b) => b ^ 0x5a));
  return Buffer.from(SEALED + mixed.toString('hex'));
}

// One recorder per test file, even across vi.resetModules (the mocked module is not re-created).
const shared = globalThis as { vigieFakeElectron?: Recorder };
export const recorder: Recorder = (shared.vigieFakeElectron ??= new Recorder());

/** A fresh state for a new launch of the app in the same test file. */
export function resetRecorder(): Recorder {
  Object.assign(recorder, new Recorder());
  return recorder;
}

export class FakeTray extends EventEmitter {
  image: string;
  /** Electron draws nothing for an image whose file is missing: an empty image, no error. */
  imageEmpty: boolean;
  tooltip = '';
  menu: MenuItemSpec[] = [];
  destroyed = false;
  constructor(image: FakeImage) {
    super();
    beforeReadyThrows('Tray');
    this.image = image.path;
    this.imageEmpty = image.isEmpty();
    recorder.trays.push(this);
  }
  setImage(image: FakeImage) {
    this.image = image.path;
    this.imageEmpty = image.isEmpty();
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: { items: MenuItemSpec[] }) {
    this.menu = menu.items;
  }
  destroy() {
    this.destroyed = true;
  }
}

/** nativeImage.createFromPath: an empty image when the file does not exist, as in Electron. */
export interface FakeImage {
  readonly path: string;
  isEmpty(): boolean;
}

function imageFrom(path: string): FakeImage {
  const empty = !existsSync(path);
  return { path, isEmpty: () => empty };
}

// A notification shown and then dropped by the app is collected, and its click with it.
const collected = new FinalizationRegistry<{ settled: boolean }>((state) => {
  if (!state.settled) recorder.droppedNotifications++;
});

export class FakeNotification extends EventEmitter {
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    recorder.notifications.push(this);
  }
  static isSupported() {
    return true;
  }
  show() {
    this.shown = true;
    const state = { settled: false };
    collected.register(this, state);
    const settle = () => (state.settled = true);
    // Clicked or closed: its life in the OS's centre is over, losing it loses nothing.
    this.prependListener('click', settle);
    this.prependListener('close', settle);
  }
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: { channel: string; payload: unknown }[] = [];
  permissionRequest:
    ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: (() => boolean) | null = null;
  readonly session = {
    setPermissionRequestHandler: (handler: FakeWebContents['permissionRequest']) =>
      (this.permissionRequest = handler),
    setPermissionCheckHandler: (handler: () => boolean) => (this.permissionCheck = handler),
  };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  isDestroyed() {
    return false;
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loaded = '';
  /** Whether the file the window loaded exists (Electron fails the load with ERR_FILE_NOT_FOUND). */
  loadedExists = false;
  /** Whether the preload exists (Electron starts the page without its bridge if not). */
  readonly preloadExists: boolean;
  focused = false;
  visible = false;
  destroyed = false;
  bounds: { width: number; height: number; x: number; y: number };
  constructor(
    readonly options: Record<string, unknown> & { webPreferences: Record<string, unknown> },
  ) {
    super();
    beforeReadyThrows('BrowserWindow');
    this.bounds = {
      width: Number(options['width']),
      height: Number(options['height']),
      x: 10,
      y: 20,
    };
    const preload = options.webPreferences['preload'];
    this.preloadExists = typeof preload === 'string' && existsSync(preload);
    recorder.windows.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    this.loadedExists = !url.startsWith('file:') || existsSync(fileURLToPath(url));
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  focus() {
    this.focused = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  getBounds() {
    return this.bounds;
  }
}

/** Electron refuses to make windows and trays before `ready`. */
function beforeReadyThrows(what: string): void {
  if (!recorder.isReady) throw new Error(`Cannot create ${what} before app is ready`);
}

/**
 * An API electron.d.ts marks `@platform`: present on those platforms only (elsewhere the property
 * is undefined, so calling it throws as it would in Electron).
 */
function only<T>(platforms: readonly NodeJS.Platform[], value: T): T | undefined {
  return platforms.includes(process.platform) ? value : undefined;
}

/** The module object to return from vi.mock('electron', ...). */
export function fakeElectron() {
  const app = {
    requestSingleInstanceLock: () => true,
    setAsDefaultProtocolClient: (protocol: string, path?: string, args?: string[]) => {
      recorder.protocols.push({
        protocol,
        ...(path === undefined ? {} : { path }),
        ...(args ? { args } : {}),
      });
      return true;
    },
    quit: () => recorder.quit++,
    on: (event: string, listener: (...args: unknown[]) => void) =>
      recorder.appEvents.on(event, listener),
    once: (event: string, listener: (...args: unknown[]) => void) =>
      recorder.appEvents.once(event, listener),
    getName: () => 'Vigie',
    // Packaged, the app is an asar archive inside the installation's resources.
    getAppPath: () =>
      recorder.appPath ?? (recorder.packaged ? '/opt/Vigie/resources/app.asar' : '/app'),
    getPath: (name: string) => (name === 'documents' ? '/documents' : recorder.userData),
    getVersion: () => '0.1.0-test',
    getLocale: () => recorder.locale,
    getLocaleCountryCode: () => recorder.country,
    whenReady: () =>
      new Promise<void>(
        (resolve) =>
          (recorder.ready = () => {
            recorder.isReady = true;
            resolve();
          }),
      ),
    // Read when used (a test may run the app as another platform): @platform darwin,win32.
    get setLoginItemSettings() {
      return only(['darwin', 'win32'], (settings: { openAtLogin: boolean; args?: string[] }) => {
        recorder.loginItem = settings;
        recorder.loginItemNow = { ...recorder.loginItemNow, openAtLogin: settings.openAtLogin };
      });
    },
    // @platform darwin,win32
    get getLoginItemSettings() {
      return only(['darwin', 'win32'], () => recorder.loginItemNow);
    },
    get isPackaged() {
      return recorder.packaged;
    },
    // @platform win32
    get setAppUserModelId() {
      return only(['win32'], (id: string) => (recorder.appUserModelId = id));
    },
    // `Dock | undefined`: macOS only.
    get dock() {
      return only(['darwin'], { hide: () => (recorder.dockHidden = true) });
    },
  };
  return {
    app,
    safeStorage: {
      isEncryptionAvailable: () => recorder.encryptionAvailable,
      encryptString: (text: string) => {
        recorder.encrypted++;
        return fakeSeal(text);
      },
      decryptString: (data: Buffer) => {
        const text = data.toString();
        if (!text.startsWith(SEALED)) throw new Error('not sealed by this keychain');
        return Buffer.from(
          Buffer.from(text.slice(SEALED.length), 'hex').map((b) => b ^ 0x5a),
        ).toString();
      },
    },
    clipboard: { writeText: (text: string) => recorder.clipboard.push(text) },
    dialog: {
      showSaveDialog: (...args: unknown[]) => {
        const options = args.at(-1) as { defaultPath?: string };
        recorder.saveDialogs.push(options);
        return Promise.resolve(
          recorder.saveAnswer === null
            ? { canceled: true, filePath: '' }
            : { canceled: false, filePath: recorder.saveAnswer },
        );
      },
    },
    Menu: {
      buildFromTemplate: (items: MenuItemSpec[]) => ({ items }),
      setApplicationMenu: (menu: unknown) => (recorder.applicationMenu = menu),
    },
    nativeImage: { createFromPath: imageFrom },
    Tray: FakeTray,
    Notification: FakeNotification,
    BrowserWindow: FakeWindow,
    powerMonitor: recorder.power,
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    shell: { openExternal: (url: string) => (recorder.opened.push(url), Promise.resolve()) },
    ipcMain: {
      // As Electron: one handler per channel, and payloads and replies cross by structured clone
      // (a function or a class instance in them would not survive).
      handle: (
        channel: string,
        handler: (event: unknown, payload: unknown) => Promise<unknown>,
      ) => {
        if (recorder.handlers.has(channel))
          throw new Error(`Attempted to register a second handler for '${channel}'`);
        recorder.handlers.set(channel, async (event, payload) =>
          structuredClone(await handler(event, structuredClone(payload))),
        );
      },
      removeHandler: (channel: string) => recorder.handlers.delete(channel),
    },
  };
}
