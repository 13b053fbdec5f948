// The OS keychain for alert secrets: Electron's safeStorage behind the SecretCipher interface.
import { safeStorage } from 'electron';
import type { SecretCipher } from '../alerts/secret-store';

/** The real cipher (DPAPI on Windows, Keychain on macOS, the secret service on Linux). */
export function safeStorageCipher(): SecretCipher {
  return {
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
