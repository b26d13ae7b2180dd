// The upgrade from 0.2.0: the default reminders 0.2.0 installed with frozen numbers name the
// settings afterwards; a reminder an admin changed stays as the admin left it.
import { createTestApp, PLUGIN, TestApp } from '../test/helpers/app';
import SettingNamedReminders, { FROZEN_0_2_0, nameSettingsInReminders } from './20261201000300-setting-named-reminders';
import { DEFAULT_WORKFLOWS } from '../src/server/workflow/defaults';

describe('migration 20261201000300-setting-named-reminders', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ plugins: ['workflow-notification', PLUGIN] });
  });
  afterAll(() => t?.destroy());

  const workflow = (key: string) => t.db.getRepository('workflows').findOne({ filter: { key, current: true } });
  const node = async (key: string) => t.db.getRepository('flow_nodes').findOne({ filter: { workflowId: (await workflow(key)).get('id'), key: `${key}-1` } });
  /** Puts a workflow back as 0.2.0 installed it (optionally with an admin's edit on top). */
  const as020 = async (key: string, edit: { config?: any; content?: string } = {}) => {
    const frozen = FROZEN_0_2_0[key];
    await t.db.getRepository('workflows').update({ filterByTk: (await workflow(key)).get('id'), values: { config: edit.config ?? frozen.config, description: frozen.description } });
    const n = await node(key);
    await t.db.getRepository('flow_nodes').update({ filterByTk: n.get('id'), values: { config: { ...n.get('config'), content: edit.content ?? frozen.content } } });
  };
  const fresh = (key: string) => DEFAULT_WORKFLOWS.find((d) => d.key === key)!;

  it('R-DAY-1 R-RSC-2 R-PRE-1 untouched 0.2.0 reminders name the settings; an edited one stays the admin\'s; a second run changes nothing', async () => {
    // A fresh install already names the settings: nothing to do.
    expect(await nameSettingsInReminders(t.db)).toEqual([]);

    await as020('govhall-remind-late');
    await as020('govhall-remind-reschedule-deadline');
    // The admin moved the contact reminder to 6 h in 0.2.0 (a frozen number of their own).
    await as020('govhall-remind-contact', { config: { ...FROZEN_0_2_0['govhall-remind-contact'].config, offset: 6 } });

    await new SettingNamedReminders({ app: t.app, db: t.db } as any).up();

    for (const key of ['govhall-remind-late', 'govhall-remind-reschedule-deadline']) {
      const wf = await workflow(key);
      expect(wf.get('config')).toEqual(fresh(key).config);
      expect(wf.get('config').offsetSetting).toBeTruthy();
      expect(wf.get('description')).toBe(fresh(key).description);
      expect((await node(key)).get('config').content).toBe((fresh(key).nodes[0].config as any).content);
      expect((await node(key)).get('config').content).toContain('{{$context.settings.');
    }
    const contact = await workflow('govhall-remind-contact');
    expect(contact.get('config')).toEqual({ ...FROZEN_0_2_0['govhall-remind-contact'].config, offset: 6 });

    expect(await nameSettingsInReminders(t.db)).toEqual([]);
  });

  it('R-DAY-1 a 0.2.0 late prompt whose text an admin reworded keeps offset and text', async () => {
    await as020('govhall-remind-late', { content: '超过 30 分钟了，请打电话。' });
    expect(await nameSettingsInReminders(t.db)).toEqual([]);
    expect((await workflow('govhall-remind-late')).get('config')).toEqual(FROZEN_0_2_0['govhall-remind-late'].config);
    expect((await node('govhall-remind-late')).get('config').content).toBe('超过 30 分钟了，请打电话。');
  });
});
