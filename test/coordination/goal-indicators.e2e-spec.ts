import { codes, type TestApp } from '../utils/test-app.js';
import { type BuiltAlliance } from '../utils/builders.js';
import { auditOf, createGoal, withCoordinationApp } from './helpers.js';

describe('goals, indicators and measurements', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  let other: BuiltAlliance;
  withCoordinationApp((app, alliance, outsider) => {
    t = app;
    a = alliance;
    other = outsider;
  });
  const goalInput = (extra: Record<string, unknown> = {}) => ({
    allianceId: a.allianceId,
    title: 'Menschen in Arbeit vermitteln',
    ...extra,
  });

  describe('indicators and measurements', () => {
    let goal: any;
    beforeAll(async () => {
      goal = await createGoal(t, a.users.coord.token, goalInput({ ownerPartnerIds: [a.partners.jc] }));
    });
    const addIndicator = (token: string, input: Record<string, unknown>) =>
      t.gql(
        'mutation($i: AddIndicatorInput!) { addIndicator(input: $i) { id name unit baseline target current goal { id } measurements { id } } }',
        { i: input },
        token,
      );
    const record = (token: string, input: Record<string, unknown>) =>
      t.gql(
        'mutation($i: RecordMeasurementInput!) { recordMeasurement(input: $i) { id value observedOn note recordedBy { id } } }',
        { i: input },
        token,
      );
    const current = async (id: string) =>
      (
        await t.gql(
          'query($id: ID!) { goal(id: $id) { indicators { id current measurements { value observedOn recordedBy { id } } } } }',
          { id: goal.id },
          a.users.observer.token,
        )
      ).data.goal.indicators.find((i: any) => i.id === id);

    it('indicators have baseline and target; current is the baseline before any measurement', async () => {
      const res = await addIndicator(a.users.coord.token, {
        goalId: goal.id,
        name: 'In Arbeit vermittelte Personen',
        unit: 'Personen',
        baseline: 12,
        target: 150,
      });
      expect(res.data.addIndicator).toMatchObject({
        name: 'In Arbeit vermittelte Personen',
        unit: 'Personen',
        baseline: 12,
        target: 150,
        current: 12,
        goal: { id: goal.id },
        measurements: [],
      });
      expect(
        codes(
          await addIndicator(a.users.member.token, {
            goalId: goal.id,
            name: 'x',
            unit: 'y',
            baseline: 0,
            target: 1,
          }),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await addIndicator(other.users.coord.token, {
            goalId: goal.id,
            name: 'x',
            unit: 'y',
            baseline: 0,
            target: 1,
          }),
        ),
      ).toEqual(['NOT_FOUND']);
      expect(await auditOf(t, res.data.addIndicator.id)).toEqual([
        {
          action: 'addIndicator',
          actor: { id: a.users.coord.id },
          changedFields: ['baseline', 'name', 'target', 'unit'],
        },
      ]);
    });

    it('current is the latest measurement by observedOn, ties broken by the later recording; measurements keep who recorded them', async () => {
      const { addIndicator: ind } = (
        await addIndicator(a.users.coord.token, {
          goalId: goal.id,
          name: 'Teilnehmende',
          unit: 'Personen',
          baseline: 0,
          target: 100,
        })
      ).data;
      expect(
        (
          await record(a.users.coord.token, {
            indicatorId: ind.id,
            value: 30,
            observedOn: '2026-03-31',
            note: 'Quartal 1',
          })
        ).data.recordMeasurement,
      ).toMatchObject({
        value: 30,
        observedOn: '2026-03-31',
        note: 'Quartal 1',
        recordedBy: { id: a.users.coord.id },
      });
      expect((await current(ind.id)).current).toBe(30);
      // An older observation recorded later does not replace the current value.
      await record(a.users.member.token, { indicatorId: ind.id, value: 10, observedOn: '2026-01-31' });
      expect((await current(ind.id)).current).toBe(30);
      // Same day: the later recording wins.
      await record(a.users.member.token, { indicatorId: ind.id, value: 35.5, observedOn: '2026-03-31' });
      const now = await current(ind.id);
      expect(now.current).toBe(35.5);
      expect(now.measurements).toEqual([
        { value: 10, observedOn: '2026-01-31', recordedBy: { id: a.users.member.id } },
        { value: 30, observedOn: '2026-03-31', recordedBy: { id: a.users.coord.id } },
        { value: 35.5, observedOn: '2026-03-31', recordedBy: { id: a.users.member.id } },
      ]);
    });

    it('a COORDINATOR or a MEMBER of an owner partner records; others may not', async () => {
      const { addIndicator: ind } = (
        await addIndicator(a.users.coord.token, {
          goalId: goal.id,
          name: 'Betriebe',
          unit: 'Unternehmen',
          baseline: 0,
          target: 20,
        })
      ).data;
      // member (Jobcenter) belongs to the owner partner; member2 (agency) does not.
      const m = await record(a.users.member.token, {
        indicatorId: ind.id,
        value: 3,
        observedOn: '2026-02-01',
      });
      expect(m.errors).toBeUndefined();
      expect(await auditOf(t, m.data.recordMeasurement.id)).toEqual([
        {
          action: 'recordMeasurement',
          actor: { id: a.users.member.id },
          changedFields: ['observedOn', 'value'],
        },
      ]);
      for (const u of ['member2', 'fac', 'observer', 'admin']) {
        expect(
          codes(await record(a.users[u].token, { indicatorId: ind.id, value: 4, observedOn: '2026-02-02' })),
        ).toEqual(['FORBIDDEN']);
      }
      expect(
        codes(
          await record(other.users.coord.token, { indicatorId: ind.id, value: 4, observedOn: '2026-02-02' }),
        ),
      ).toEqual(['NOT_FOUND']);
      const future = await record(a.users.coord.token, {
        indicatorId: ind.id,
        value: 4,
        observedOn: '2099-01-01',
      });
      expect(future.errors![0].extensions!.fields).toEqual([
        { path: 'input.observedOn', message: expect.any(String), rule: 'DATE_IN_FUTURE' },
      ]);
      expect((await current(ind.id)).measurements).toHaveLength(1);
    });
  });
});
