import { codes, type TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import {
  ACCEPT,
  expectData,
  fullCaseInput,
  handedOver,
  openCase,
  RECORD,
  recordConsent,
  REQUEST_HANDOVER,
  rows,
  withCaseworkApp,
} from './helpers.js';

describe('casework: consent and handovers', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  describe('invariant 6: consent records what the organisation must demonstrate; withdrawal is one call', () => {
    it('records purpose, recipients, categories, form, evidence, language, interpreter, validity and who recorded it', async () => {
      const c = await openCase(
        t,
        a.users.kim.token,
        fullCaseInput({ givenName: 'Amal', familyName: 'Fares' }),
      );
      const from = new Date(Date.now() - 60_000).toISOString();
      const until = new Date(Date.now() + 86_400_000).toISOString();
      const res = await t.gql(
        RECORD,
        {
          i: {
            caseId: c.id,
            recipientIds: [a.orgs.jc, a.orgs.aa],
            categories: ['LANGUAGE', 'EDUCATION_EMPLOYMENT'],
            purpose: 'Job placement',
            form: 'WRITTEN',
            evidenceReference: 'Doc 2026/17',
            informedInLanguage: 'ar',
            interpreterUsed: true,
            validFrom: from,
            validUntil: until,
          },
        },
        a.users.kim.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.recordConsent).toMatchObject({
        case: { id: c.id },
        recipients: [{ id: a.orgs.jc }, { id: a.orgs.aa }],
        categories: ['LANGUAGE', 'EDUCATION_EMPLOYMENT'],
        purpose: 'Job placement',
        form: 'WRITTEN',
        evidenceReference: 'Doc 2026/17',
        informedInLanguage: 'ar',
        interpreterUsed: true,
        validFrom: from,
        validUntil: until,
        status: 'ACTIVE',
        recordedBy: { id: a.users.kim.id },
        withdrawnAt: null,
      });
      const w = await t.gql(
        `mutation($id: ID!) { withdrawConsent(id: $id, note: "Client called") { status withdrawnAt withdrawalNote } }`,
        { id: res.data.recordConsent.id },
        a.users.kim.token,
      );
      expect(w.data.withdrawConsent).toMatchObject({ status: 'WITHDRAWN', withdrawalNote: 'Client called' });
      expect(w.data.withdrawConsent.withdrawnAt).toBeTruthy();
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
            { id: res.data.recordConsent.id },
            a.users.kim.token,
          ),
        ),
      ).toEqual(['CONFLICT']);
    });

    it('validates: recipients are organisations (not the owner), categories non-empty, ISO 639-1 language, validUntil after validFrom', async () => {
      const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'B', familyName: 'C' }));
      const base = {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY'],
        purpose: 'p',
        form: 'WRITTEN',
        informedInLanguage: 'de',
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ recipientIds: [] }, 'input.recipientIds'],
        [{ recipientIds: ['00000000-0000-4000-8000-000000000000'] }, 'input.recipientIds'],
        [{ recipientIds: [a.orgs.kim] }, 'input.recipientIds'],
        [{ categories: [] }, 'input.categories'],
        [{ informedInLanguage: 'arabic' }, 'input.informedInLanguage'],
        [{ informedInLanguage: 'xx' }, 'input.informedInLanguage'],
        [{ informedInLanguage: 'AR' }, 'input.informedInLanguage'],
        [{ validFrom: '2026-06-01T00:00:00Z', validUntil: '2026-05-01T00:00:00Z' }, 'input.validUntil'],
        [{ validFrom: '2026-06-01T00:00:00Z', validUntil: '2026-06-01T00:00:00Z' }, 'input.validUntil'],
        [{ purpose: '   ' }, 'input.purpose'],
      ];
      const before = await rows(t, 'consents', c.id);
      for (const [patch, path] of cases) {
        const res = await t.gql(RECORD, { i: { ...base, ...patch } }, a.users.kim.token);
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors![0].extensions!.fields!.map((f) => f.path)).toContain(path);
      }
      expect(await rows(t, 'consents', c.id)).toBe(before);
      for (const lang of ['uk', 'fa', 'ti', 'de'])
        expect(
          (await t.gql(RECORD, { i: { ...base, informedInLanguage: lang } }, a.users.kim.token)).errors,
        ).toBeUndefined();
    });

    it('only the owner records and withdraws; a receiver may not, others do not see the consent', async () => {
      const h = await handedOver(t, a, { givenName: 'D', familyName: 'E' }, ['IDENTITY']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
            { id: h.consentId },
            a.users.jc.token,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
            { id: h.consentId },
            a.users.aa.token,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
            { id: h.consentId },
            a.users.kimCoord.token,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
      const rec = await t.gql(
        RECORD,
        {
          i: {
            caseId: h.caseId,
            recipientIds: [a.orgs.jc],
            categories: ['IDENTITY'],
            purpose: 'p',
            form: 'WRITTEN',
            informedInLanguage: 'de',
          },
        },
        a.users.jc.token,
      );
      expect(codes(rec)).toEqual(['FORBIDDEN']);
    });
  });

  describe('invariant 5: HEALTH is shared only under a WRITTEN or ELECTRONIC consent naming it', () => {
    it('refuses an ORAL_DOCUMENTED consent covering HEALTH with BAD_USER_INPUT and writes nothing', async () => {
      const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'F', familyName: 'G' }));
      const res = await t.gql(
        RECORD,
        {
          i: {
            caseId: c.id,
            recipientIds: [a.orgs.jc],
            categories: ['HEALTH', 'IDENTITY'],
            purpose: 'p',
            form: 'ORAL_DOCUMENTED',
            informedInLanguage: 'de',
          },
        },
        a.users.kim.token,
      );
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.fields).toEqual([
        {
          path: 'input.form',
          message: expect.stringMatching(/WRITTEN or ELECTRONIC/),
          rule: 'HEALTH_NEEDS_WRITTEN_CONSENT',
        },
      ]);
      expect(await rows(t, 'consents', c.id)).toBe(0);
      // The database refuses it too.
      await expect(
        t.db.query(
          `INSERT INTO consents (case_id, recipient_ids, categories, purpose, form, informed_in_language, valid_from, recorded_by) VALUES ($1, $2, '{HEALTH}', 'p', 'ORAL_DOCUMENTED', 'de', now(), $3)`,
          [c.id, [a.orgs.jc], a.users.kim.id],
        ),
      ).rejects.toThrow(/consents_health_form_check/);
      for (const form of ['WRITTEN', 'ELECTRONIC']) {
        expect(
          (
            await t.gql(
              RECORD,
              {
                i: {
                  caseId: c.id,
                  recipientIds: [a.orgs.jc],
                  categories: ['HEALTH'],
                  purpose: 'p',
                  form,
                  informedInLanguage: 'de',
                },
              },
              a.users.kim.token,
            )
          ).errors,
        ).toBeUndefined();
      }
      // ORAL_DOCUMENTED is fine for other categories.
      expect(
        (
          await t.gql(
            RECORD,
            {
              i: {
                caseId: c.id,
                recipientIds: [a.orgs.jc],
                categories: ['IDENTITY'],
                purpose: 'p',
                form: 'ORAL_DOCUMENTED',
                informedInLanguage: 'de',
              },
            },
            a.users.kim.token,
          )
        ).errors,
      ).toBeUndefined();
    });

    it('HEALTH is never handed over under a consent that does not name it', async () => {
      const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'H', familyName: 'I' }));
      const consentId = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY', 'FAMILY'],
        form: 'ORAL_DOCUMENTED',
      });
      const res = await t.gql(
        REQUEST_HANDOVER,
        { i: { caseId: c.id, toOrganisationId: a.orgs.jc, consentId, categories: ['IDENTITY', 'HEALTH'] } },
        a.users.kim.token,
      );
      expect(codes(res)).toEqual(['CONSENT_REQUIRED']);
      const written = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['HEALTH'],
        form: 'WRITTEN',
      });
      const ok = (
        await expectData(
          t,
          REQUEST_HANDOVER,
          { i: { caseId: c.id, toOrganisationId: a.orgs.jc, consentId: written, categories: ['HEALTH'] } },
          a.users.kim.token,
        )
      ).requestHandover;
      await expectData(t, ACCEPT, { id: ok.id }, a.users.jc.token);
      const read = await t.gql(
        `query($id: ID!) { case(id: $id) { visibleCategories health { note } } }`,
        { id: c.id },
        a.users.jc.token,
      );
      expect(read.data.case).toEqual({ visibleCategories: ['HEALTH'], health: { note: 'H I: asthma' } });
    });
  });
});
