/**
 * What the in-process benchmarks share: the load settings (BENCH_SECONDS, BENCH_CONNECTIONS; 10 and
 * 10 by default), one GraphQL request under autocannon (127.0.0.1 only), and the task-board query.
 */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

/** POSTs `body` to the app's /graphql for SECONDS over CONNECTIONS connections. */
export async function graphqlLoad(url: string, token: string, body: unknown): Promise<LoadFigures> {
  const autocannon: any = (await import('autocannon' as string)).default;
  const result: any = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

/** The task board: one page of open tasks with everything the board shows. */
export const BOARD = `query($a: ID!, $status: [TaskStatus!], $first: Int) {
  tasks(allianceId: $a, filter: { status: $status }, orderBy: DUE_ON, first: $first) {
    totalCount
    edges { node { id title status priority dueOn
      leadPartner { organisation { name shortName } }
      contributingPartners { organisation { name shortName } }
      assignee { displayName }
      goal { title }
      blockedBy { id title status }
      comments { body createdAt author { displayName } }
      viewerCan { update changeStatus comment addDependency } } } } }`;
