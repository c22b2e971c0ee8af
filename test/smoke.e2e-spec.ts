import { startTestApp, type TestApp } from './utils/test-app.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs the administrator in and reads me', async () => {
    const token = await t.adminToken();
    const res = await t.gql('{ me { email platformAdmin organisation { name } } }', {}, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.me).toEqual({
      email: 'admin@test.local',
      platformAdmin: true,
      organisation: { name: 'Plattformbetrieb' },
    });
  });
});
