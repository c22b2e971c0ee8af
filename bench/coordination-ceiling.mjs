// The practical ceiling for the task-board query: a bare node:http server with one pg pool and one
// hand-written SQL statement that builds the whole JSON answer in PostgreSQL. No GraphQL, no
// framework, no authentication. Started by coordination-board.bench.ts as a child process:
//   node bench/coordination-ceiling.mjs <databaseUrl>      → prints {"port": N} and serves on 127.0.0.1
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.argv[2], max: 20 });

const BOARD = `
  WITH page AS (
    SELECT t.* FROM tasks t
     WHERE t.alliance_id = $1 AND t.status = ANY($2::text[])
     ORDER BY coalesce(t.due_on, 'infinity'::date), t.id
     LIMIT $3
  )
  SELECT json_build_object('data', json_build_object('tasks', json_build_object(
    'totalCount', (SELECT count(*) FROM tasks t WHERE t.alliance_id = $1 AND t.status = ANY($2::text[])),
    'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object(
      'id', p.id, 'title', p.title, 'status', p.status, 'priority', p.priority, 'dueOn', p.due_on,
      'leadPartner', (SELECT json_build_object('organisation', json_build_object('name', o.name, 'shortName', o.short_name))
                        FROM partners lp JOIN organisations o ON o.id = lp.organisation_id WHERE lp.id = p.lead_partner_id),
      'contributingPartners', (SELECT coalesce(json_agg(json_build_object('organisation', json_build_object('name', o.name, 'shortName', o.short_name)) ORDER BY cpp.created_at, cpp.id), '[]')
                                 FROM task_contributing_partners cp JOIN partners cpp ON cpp.id = cp.partner_id JOIN organisations o ON o.id = cpp.organisation_id
                                WHERE cp.task_id = p.id),
      'assignee', (SELECT json_build_object('displayName', u.display_name) FROM users u WHERE u.id = p.assignee_id),
      'goal', (SELECT json_build_object('title', g.title) FROM goals g WHERE g.id = p.goal_id),
      'blockedBy', (SELECT coalesce(json_agg(json_build_object('id', b.id, 'title', b.title, 'status', b.status) ORDER BY b.created_at, b.id), '[]')
                      FROM task_dependencies d JOIN tasks b ON b.id = d.blocked_by_id WHERE d.task_id = p.id),
      'comments', (SELECT coalesce(json_agg(json_build_object('body', c.body, 'createdAt', c.created_at, 'author', json_build_object('displayName', a.display_name)) ORDER BY c.created_at, c.id), '[]')
                     FROM task_comments c JOIN users a ON a.id = c.author_id WHERE c.task_id = p.id)
    )) ORDER BY coalesce(p.due_on, 'infinity'::date), p.id) FROM page p), '[]')
  ))) AS body`;

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/rss') {
    res.end(JSON.stringify({ rss: process.memoryUsage().rss }));
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const { rows } = await pool.query(BOARD, [variables.a, variables.status, variables.first]);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(rows[0].body));
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
});

server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
