// The load generator, in its own process so it does not share an event loop with the server it
// measures. Programmatic autocannon, bounded in time and connections, 127.0.0.1 only.
//   echo '<json options>' | node bench/coordination-load.mjs   → prints one JSON line with the figures
import autocannon from 'autocannon';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const o = JSON.parse(Buffer.concat(chunks).toString('utf8'));
if (new URL(o.url).hostname !== '127.0.0.1') throw new Error('benchmarks run against 127.0.0.1 only');
const connections = Math.min(o.connections ?? 10, 50);
const duration = Math.min(o.seconds ?? 10, 60);
const headers = {
  'content-type': 'application/json',
  ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
};

let requests;
let conflicts = 0;
let graphqlErrors = 0;
if (o.mode === 'updateTask') {
  // Round-robin over many tasks, each with the version last seen, so updates do not collide.
  const tasks = o.tasks.map(([id, version]) => ({ id, version }));
  let next = 0;
  requests = [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        const task = tasks[next++ % tasks.length];
        context.task = task;
        return {
          ...req,
          body: JSON.stringify({
            query:
              'mutation($id: ID!, $i: UpdateTaskInput!) { updateTask(id: $id, input: $i) { id version } }',
            variables: {
              id: task.id,
              i: {
                expectedVersion: task.version,
                title: `Aufgabe unter Last ${next}`,
                priority: ['LOW', 'NORMAL', 'HIGH'][next % 3],
              },
            },
          }),
        };
      },
      onResponse: (status, body, context) => {
        const parsed = JSON.parse(body);
        if (parsed.errors) {
          graphqlErrors++;
          if (parsed.errors[0]?.extensions?.code === 'CONFLICT') conflicts++;
        } else context.task.version = parsed.data.updateTask.version;
      },
    },
  ];
} else {
  requests = [
    {
      method: 'POST',
      onResponse: (status, body) => {
        if (body.includes('"errors"')) graphqlErrors++;
      },
    },
  ];
}

const result = await autocannon({
  url: o.url,
  method: 'POST',
  connections,
  duration,
  headers,
  body: o.body ? JSON.stringify(o.body) : undefined,
  requests,
});
console.log(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    conflicts,
  }),
);
