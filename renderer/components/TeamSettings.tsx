// Settings → Team: make a team on a relay or join one with an invite; then your name, the members
// seen and when, the invite (text, QR code) shown only when asked, a new team secret to remove
// someone, a teammate's new invite, and leaving. The secret reaches the window only inside the
// invite, and only after "Show the invite". An invite link opened from another app fills the form
// in (said so, its problem said as for a pasted invite): joining still takes a name and a click.
import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import type { TeamLink, TeamView } from '../../shared/ipc';
import { messageOf } from '../../shared/errors';
import { unwrap, vigie } from '../client';
import { useTr } from '../i18n';
import { QrCode } from './PhoneChannel';
import { TextField } from './Fields';
import { Loading } from './States';

const DEFAULT_RELAY = 'https://ntfy.sh';
const NAME_MAX = 80;

/** A labelled text input; `ltr` for addresses and invites, which read left to right in Arabic. */
function Input({
  label,
  value,
  set,
  ltr,
  hint,
  inputRef,
}: {
  readonly label: string;
  readonly value: string;
  readonly set: (value: string) => void;
  readonly ltr?: boolean;
  readonly hint?: string;
  readonly inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        dir={ltr ? 'ltr' : 'auto'}
        spellCheck={false}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => set(e.target.value)}
      />
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** A form whose submit calls main; main's refusal is shown under it, in words. */
function ActionForm({
  label,
  submit,
  children,
  className,
  problem: initialProblem = null,
}: {
  readonly label: string;
  readonly submit: () => Promise<void>;
  readonly children: ReactNode;
  readonly className?: string;
  /** A problem to show before any submit (an opened invite link that is not an invite). */
  readonly problem?: string | null;
}) {
  const [problem, setProblem] = useState<string | null>(initialProblem);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await submit();
      setProblem(null);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={className} onSubmit={(e) => void onSubmit(e)}>
      {children}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {label}
        </button>
      </div>
      <p className="notice notice-error" role="alert">
        {problem ?? ''}
      </p>
    </form>
  );
}

/** Says an invite link was opened and, when it is an invite, the relay it is for. */
function LinkNotice({ link, said }: { readonly link: TeamLink; readonly said: string }) {
  const { t } = useTr();
  return (
    <div className="notice notice-warn team-link">
      <p>{said}</p>
      {link.server !== null && <p>{t('teamLink.relay', { server: link.server })}</p>}
    </div>
  );
}

function NoTeam({
  done,
  link,
}: {
  readonly done: (team: TeamView, said: string) => void;
  readonly link: TeamLink | null;
}) {
  const { t } = useTr();
  const [relay, setRelay] = useState(DEFAULT_RELAY);
  const [creator, setCreator] = useState('');
  const [invite, setInvite] = useState(link?.invite ?? '');
  const [joiner, setJoiner] = useState('');
  const joinerRef = useRef<HTMLInputElement>(null);
  // An opened invite link: the join form in view, the name (what is left to give) focused.
  useEffect(() => {
    if (!link) return;
    joinerRef.current?.closest('form')?.scrollIntoView?.({ block: 'center' });
    joinerRef.current?.focus();
  }, [link]);
  return (
    <>
      <h3>{t('teamSettings.createHeading')}</h3>
      <ActionForm
        className="team-create"
        label={t('teamSettings.create')}
        submit={async () =>
          done(await unwrap(vigie().createTeam(relay, creator)), t('teamSettings.created'))
        }
      >
        <Input
          label={t('teamSettings.relay')}
          value={relay}
          set={setRelay}
          ltr
          hint={t('teamSettings.relayHint')}
        />
        <Input label={t('teamSettings.name')} value={creator} set={setCreator} />
      </ActionForm>
      <h3>{t('teamSettings.joinHeading')}</h3>
      {link && <LinkNotice link={link} said={t('teamLink.opened')} />}
      <ActionForm
        className="team-join"
        problem={link?.problem}
        label={t('teamSettings.join')}
        submit={async () =>
          done(await unwrap(vigie().joinTeam(invite, joiner)), t('teamSettings.joined'))
        }
      >
        <Input
          label={t('teamSettings.invite')}
          value={invite}
          set={setInvite}
          ltr
          hint={t('teamSettings.inviteHint')}
        />
        <Input label={t('teamSettings.name')} value={joiner} set={setJoiner} inputRef={joinerRef} />
      </ActionForm>
    </>
  );
}

/** The invite, fetched when shown: text with Copy, and the QR code of the same text. */
function InviteShown({ version }: { readonly version: number }) {
  const { t } = useTr();
  const [invite, setInvite] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    unwrap(vigie().teamInvite()).then(
      (reply) => setInvite(reply.invite),
      (error: unknown) => setProblem(messageOf(error)),
    );
  }, [version]);
  if (problem) return <p className="notice notice-error">{problem}</p>;
  if (!invite) return <Loading />;
  return (
    <div className="team-invite">
      <p className="notice notice-warn">{t('teamSettings.inviteWarning')}</p>
      <p className="field-hint">{t('teamSettings.inviteText')}</p>
      <p>
        <code dir="ltr" className="invite-text">
          {invite}
        </code>
      </p>
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            unwrap(vigie().copy(invite)).then(
              () => setCopied(true),
              (error: unknown) => setProblem(messageOf(error)),
            )
          }
        >
          {t('teamSettings.copy')}
        </button>
      </div>
      <p className="notice" role="status">
        {copied ? t('teamSettings.copied') : ''}
      </p>
      <p className="field-hint">{t('teamSettings.inviteScan')}</p>
      <QrCode text={invite} label={t('teamSettings.qrLabel')} />
    </div>
  );
}

/** A button that asks first: the question, then Yes / Cancel. */
function Confirmed({
  label,
  question,
  yes,
  act,
}: {
  readonly label: string;
  readonly question: string;
  readonly yes: string;
  readonly act: () => Promise<void>;
}) {
  const { t } = useTr();
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!asking)
    return (
      <div className="actions">
        <button type="button" onClick={() => setAsking(true)}>
          {label}
        </button>
      </div>
    );
  return (
    <div className="team-confirm" role="group" aria-label={label}>
      <p>{question}</p>
      <div className="actions">
        <button
          type="button"
          className="danger"
          onClick={() =>
            void act().then(
              () => setAsking(false),
              (error: unknown) => setProblem(messageOf(error)),
            )
          }
        >
          {yes}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('teamSettings.cancel')}
        </button>
      </div>
      <p className="notice notice-error" role="alert">
        {problem ?? ''}
      </p>
    </div>
  );
}

function InTeam({
  team,
  changed,
  left,
  link,
}: {
  readonly team: TeamView;
  readonly changed: (team: TeamView, said: string | null) => void;
  readonly left: () => void;
  readonly link: TeamLink | null;
}) {
  const tr = useTr();
  const { t } = tr;
  const [shown, setShown] = useState(false);
  // A new secret makes a new invite: the one shown is fetched again.
  const [secretVersion, setSecretVersion] = useState(0);
  const [newInvite, setNewInvite] = useState(link?.invite ?? '');
  const switchRef = useRef<HTMLInputElement>(null);
  // An opened invite link while in a team: it can only be a teammate's new invite, put in view.
  useEffect(() => {
    if (!link) return;
    switchRef.current?.closest('form')?.scrollIntoView?.({ block: 'center' });
    switchRef.current?.focus();
  }, [link]);
  /** "Last seen on 4 October 2021 at 15:42"; nothing for a time that cannot be read. */
  const seen = (iso: string) => {
    const at = Date.parse(iso);
    return Number.isNaN(at) ? '' : tr.dated('teamSettings.seen', at);
  };
  const others = team.members
    .filter((m) => m.id !== team.member)
    .sort((a, b) => a.name.localeCompare(b.name, tr.language));
  // You first, then the others by name.
  const members = [...team.members.filter((m) => m.id === team.member), ...others];
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('teamSettings.relayIs')}</dt>
          <dd>
            <bdi dir="ltr" className="mono">
              {team.server}
            </bdi>
          </dd>
        </div>
      </dl>
      <TextField
        label={t('teamSettings.name')}
        value={team.name}
        check={(draft) =>
          draft.trim() === '' || draft.trim().length > NAME_MAX
            ? t('teamSettings.problemBadName')
            : null
        }
        onCommit={async (draft) => {
          try {
            changed(await unwrap(vigie().renameTeamMember(draft)), t('teamSettings.renamed'));
            return null;
          } catch (error) {
            return messageOf(error);
          }
        }}
      />
      <h3>{t('teamSettings.membersHeading')}</h3>
      <ul className="team-members">
        {members.map((m) => (
          <li key={m.id} data-member={m.id === team.member ? 'you' : 'other'}>
            <strong>
              {m.id === team.member ? (
                t('teamSettings.memberYou', { name: m.name })
              ) : (
                <bdi>{m.name}</bdi>
              )}
            </strong>{' '}
            <span className="field-hint">{seen(m.lastSeen)}</span>
          </li>
        ))}
      </ul>
      {others.length === 0 && <p className="field-hint">{t('teamSettings.noMembers')}</p>}
      <div className="actions">
        <button type="button" aria-expanded={shown} onClick={() => setShown((s) => !s)}>
          {shown ? t('teamSettings.hideInvite') : t('teamSettings.showInvite')}
        </button>
      </div>
      {shown && <InviteShown version={secretVersion} />}

      <h3>{t('teamSettings.rekeyHeading')}</h3>
      <p className="field-hint">{t('teamSettings.rekeyHint')}</p>
      <Confirmed
        label={t('teamSettings.rekey')}
        question={t('teamSettings.rekeyConfirm')}
        yes={t('teamSettings.rekeyYes')}
        act={async () => {
          changed(await unwrap(vigie().newTeamSecret()), t('teamSettings.rekeyed'));
          setSecretVersion((v) => v + 1);
          setShown(true);
        }}
      />

      <h3>{t('teamSettings.switchHeading')}</h3>
      {link && <LinkNotice link={link} said={t('teamLink.openedInTeam')} />}
      <ActionForm
        className="team-switch"
        problem={link?.problem}
        label={t('teamSettings.switch')}
        submit={async () => {
          changed(await unwrap(vigie().newTeamSecret(newInvite)), t('teamSettings.switched'));
          setNewInvite('');
          setSecretVersion((v) => v + 1);
        }}
      >
        <Input
          label={t('teamSettings.invite')}
          value={newInvite}
          set={setNewInvite}
          ltr
          hint={t('teamSettings.switchHint')}
          inputRef={switchRef}
        />
      </ActionForm>

      <hr />
      <Confirmed
        label={t('teamSettings.leave')}
        question={t('teamSettings.leaveConfirm')}
        yes={t('teamSettings.leaveYes')}
        act={async () => {
          await unwrap(vigie().leaveTeam());
          left();
        }}
      />
    </>
  );
}

export function TeamSettings({ link: opened = null }: { readonly link?: TeamLink | null }) {
  const { t } = useTr();
  // undefined: not read yet; null: no team on this computer.
  const [team, setTeam] = useState<TeamView | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The opened invite link, until the person acts on the team (joined with it, or otherwise).
  const [link, setLink] = useState(opened);

  useEffect(() => {
    const load = () =>
      unwrap(vigie().team()).then(
        (view) => {
          setTeam(view);
          setProblem(null);
        },
        (error: unknown) => setProblem(messageOf(error)),
      );
    void load();
    // A teammate seen, or the team changed by another call: read it again.
    return vigie().onEvent((event) => {
      if (event.type === 'team') void load();
    });
  }, []);

  return (
    <fieldset className="team-settings">
      <legend>{t('teamSettings.title')}</legend>
      <p className="field-hint">{t('teamSettings.hint')}</p>
      {problem && <p className="notice notice-error">{problem}</p>}
      <p className="notice" role="status">
        {notice ?? ''}
      </p>
      {team === undefined && !problem && <Loading />}
      {team === null && (
        <NoTeam
          link={link}
          done={(view, said) => {
            setTeam(view);
            setNotice(said);
            setLink(null);
          }}
        />
      )}
      {team && (
        <InTeam
          link={link}
          team={team}
          changed={(view, said) => {
            setTeam(view);
            setNotice(said);
            setLink(null);
          }}
          left={() => {
            setTeam(null);
            setNotice(t('teamSettings.left'));
            setLink(null);
          }}
        />
      )}
    </fieldset>
  );
}
