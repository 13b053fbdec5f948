// Each alert channel's state on disk: kept across a restart, only for the channels still set up,
// and never in the way when the file is damaged or the disk cannot hold it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ChannelStates, NO_STATE, STATES_FILE } from '../../../../main/alerts/channel-states';
import { REAL_START } from '../../../helpers/clock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-channel-states-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('reads back what was written, for the channels still set up only', () => {
  const states = new ChannelStates(dir);
  states.set('phone', { lastDelivery: REAL_START }, ['phone', 'team']);
  states.set('team', { broken: { key: 'alerts.reasonUnauthorized', values: { status: 403 } } }, [
    'phone',
    'team',
  ]);
  states.forget(['team'], ['phone']);
  const again = new ChannelStates(dir);
  expect(again.get('phone')).toEqual({ ...NO_STATE, lastDelivery: REAL_START });
  expect(again.get('team')).toEqual(NO_STATE);
  expect(JSON.parse(readFileSync(join(dir, STATES_FILE), 'utf8'))).toEqual({
    version: 1,
    channels: { phone: { lastDelivery: REAL_START, broken: null, skipped: [] } },
  });
});

it('starts empty from a damaged file, and keeps states in memory when the disk refuses them', () => {
  writeFileSync(join(dir, STATES_FILE), '{"version":1,"channels":{"phone":{"lastDel');
  expect(new ChannelStates(dir).get('phone')).toEqual(NO_STATE);
  const nowhere = new ChannelStates(join(dir, 'missing', 'folder'));
  nowhere.set('phone', { skipped: ['Slack'] }, ['phone']);
  expect(nowhere.get('phone').skipped).toEqual(['Slack']);
});
