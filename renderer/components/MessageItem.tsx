// One ready-to-send message of a checklist run: its text filled with the business's details, the
// channels it is for, how many SMS it costs when SMS is one of them, Copy (only once nothing is
// left to fill in), and editing the template.
import { useId, useState } from 'react';
import type { OfferedMessage } from '../../shared/messages';
import { nonGsmCharacters, opensInArabic, smsLength } from '../../shared/sms';
import { useTr } from '../i18n';

/** A message to send, with Copy and its editor. */
export function MessageItem({
  message,
  template,
  edited,
  onCopy,
  onSave,
  onRestore,
}: {
  readonly message: OfferedMessage;
  /** The template's text with its placeholders, in the language shown. */
  readonly template: string;
  readonly edited: boolean;
  readonly onCopy: () => Promise<void>;
  readonly onSave: (text: string) => Promise<void>;
  readonly onRestore: () => Promise<void>;
}) {
  const tr = useTr();
  const { t } = tr;
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <li className="message">
      <p>
        <strong>{message.name}</strong>{' '}
        <span className="meta">
          {t('checklist.via', {
            channels: tr.list(message.channels.map((c) => t(`checklist.channel_${c}`))),
          })}
        </span>
      </p>
      <p className="message-text">{message.text}</p>
      {message.channels.includes('sms') && <SmsCost text={message.text} />}
      {message.missing.length > 0 && (
        <p className="meta" id={`${id}-missing`}>
          {t('checklist.fillFirst', {
            fields: tr.list(message.missing.map((name) => t(`checklist.missing_${name}`))),
            section: t('checklist.profile'),
          })}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          aria-label={t('checklist.copyLabel', { name: message.name })}
          // A message still showing "[your phone or e-mail]" is not one to send.
          disabled={message.missing.length > 0}
          aria-describedby={message.missing.length > 0 ? `${id}-missing` : undefined}
          onClick={() => void onCopy()}
        >
          {t('checklist.copy')}
        </button>
        {draft === null && (
          <button type="button" className="link" onClick={() => setDraft(template)}>
            {t('checklist.editMessage', { name: message.name })}
          </button>
        )}
      </div>
      {draft !== null && (
        <div className="field message-editor">
          <label htmlFor={id}>{t('checklist.messageText', { name: message.name })}</label>
          <textarea
            id={id}
            rows={3}
            value={draft}
            maxLength={1000}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setDraft(e.target.value)}
          />
          <span id={`${id}-hint`} className="field-hint">
            {t('checklist.placeholders')}
          </span>
          {draft.trim() === '' && <span className="field-problem">{t('checklist.empty')}</span>}
          {message.channels.includes('sms') && <EditWarning draft={draft} />}
          <div className="actions">
            <button
              type="button"
              disabled={draft.trim() === ''}
              onClick={() => void onSave(draft).then(() => setDraft(null))}
            >
              {t('checklist.saveMessage')}
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              {t('checklist.cancel')}
            </button>
            {edited && (
              <button type="button" onClick={() => void onRestore().then(() => setDraft(null))}>
                {t('checklist.restoreMessage')}
              </button>
            )}
          </div>
        </div>
      )}
    </li>
  );
}

/** What the text costs as SMS: the count (each part is billed), and why when it is UCS-2. */
function SmsCost({ text }: { readonly text: string }) {
  const { t } = useTr();
  const length = smsLength(text);
  return (
    <p className="meta">
      {t('checklist.smsLength', { count: length.segments, characters: length.characters })}
      {length.encoding === 'ucs2' && ` ${t('checklist.smsUnicode')}`}
    </p>
  );
}

/**
 * What the person's own edit does to the SMS: in English or French, a character outside the SMS
 * alphabet (a typographic apostrophe, "ê") makes every SMS hold 70 characters, not 160; in Arabic,
 * a text that does not open with an Arabic word is laid out left to right on the customer's phone.
 */
function EditWarning({ draft }: { readonly draft: string }) {
  const tr = useTr();
  const { t } = tr;
  if (draft.trim() === '') return null;
  if (tr.language === 'ar') {
    return opensInArabic(draft) ? null : (
      <span className="field-hint">{t('checklist.editNotArabic')}</span>
    );
  }
  const outside = nonGsmCharacters(draft);
  if (outside.length === 0) return null;
  return (
    <span className="field-hint">
      {t('checklist.editUnicode', {
        count: outside.length,
        characters: tr.list(outside.map((c) => t('checklist.quoted', { text: c }))),
      })}
    </span>
  );
}
