import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Actor,
  type DemoExtension,
  type DemoIds,
  Role,
  todayInBerlin,
} from '../../../core/src/index.js';
import { GoalStatus, TaskPriority, TaskStatus } from '../coordination.enums.js';
import { TaskService } from '../tasks/task.service.js';

/** A calendar day `days` from today (Europe/Berlin). */
function day(days: number): string {
  const d = new Date(`${todayInBerlin()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface DemoGoal {
  key: string;
  parent?: string;
  title: string;
  description: string;
  status: GoalStatus;
  startsOn: number;
  dueOn: number;
  owners: string[];
  indicators: {
    name: string;
    unit: string;
    baseline: number;
    target: number;
    measurements: [days: number, value: number, note?: string][];
  }[];
}

/** Goals after the press report on "NRW.integrativ" in Krefeld (seed/000_…txt). */
const GOALS: DemoGoal[] = [
  {
    key: 'arbeit',
    title: 'Zugewanderte Menschen in Beschäftigung bringen und den Fachkräftebedarf decken',
    description:
      'Kernziel von „NRW.integrativ“ in Krefeld: Menschen mit Unterstützungsbedarf gezielter in ein Beschäftigungsverhältnis vermitteln – auf Basis der bestehenden Strukturen des Kommunalen Integrationsmanagements (KIM).',
    status: GoalStatus.ACTIVE,
    startsOn: -120,
    dueOn: 600,
    owners: ['jobcenter', 'agentur', 'integration'],
    indicators: [
      {
        name: 'In sozialversicherungspflichtige Beschäftigung vermittelte Personen',
        unit: 'Personen',
        baseline: 0,
        target: 120,
        measurements: [
          [-90, 9, 'Erstes Quartal nach Start'],
          [-60, 21],
          [-30, 34, 'Inkl. Vermittlungen über die Jobmesse'],
        ],
      },
      {
        name: 'Teilnehmende an Berufssprachkursen',
        unit: 'Personen',
        baseline: 40,
        target: 200,
        measurements: [
          [-45, 65],
          [-15, 82],
        ],
      },
    ],
  },
  {
    key: 'unternehmen',
    parent: 'arbeit',
    title: 'Brückenschlag in die Unternehmerschaft',
    description:
      'Unternehmen als zentrale Integrationsakteure gewinnen: Arbeitgeberausrichtung, feste Ansprechpersonen, Kooperationsvereinbarungen.',
    status: GoalStatus.ACTIVE,
    startsOn: -90,
    dueOn: 365,
    owners: ['integration', 'unternehmen', 'agentur'],
    indicators: [
      {
        name: 'Unternehmen mit Kooperationsvereinbarung',
        unit: 'Unternehmen',
        baseline: 0,
        target: 25,
        measurements: [
          [-40, 3],
          [-10, 7],
        ],
      },
    ],
  },
  {
    key: 'anerkennung',
    parent: 'arbeit',
    title: 'Anerkennung ausländischer Berufsabschlüsse beschleunigen',
    description:
      'Verfahren zwischen Ausländerbehörde, Agentur für Arbeit und Jobcenter abstimmen, damit Fachkräfte schneller in ihrem Beruf arbeiten können.',
    status: GoalStatus.ACTIVE,
    startsOn: -60,
    dueOn: 300,
    owners: ['agentur', 'auslaender'],
    indicators: [
      {
        name: 'Dauer bis zur Anerkennungsentscheidung (Median)',
        unit: 'Wochen',
        baseline: 20,
        target: 12,
        measurements: [[-20, 18]],
      },
    ],
  },
  {
    key: 'schnittstellen',
    title: 'Schnittstellen zwischen den Rechtskreisen verbessern',
    description:
      'Gemeinsame Abstimmungsprozesse von Stadtverwaltung, Jobcenter, Arbeitsagentur und Wohlfahrtsverbänden: ein rechtskreisübergreifendes Bündnis mit festen Verfahren.',
    status: GoalStatus.ACTIVE,
    startsOn: -120,
    dueOn: 240,
    owners: ['integration', 'jobcenter', 'soziales'],
    indicators: [
      {
        name: 'Rechtskreisübergreifende Fallkonferenzen',
        unit: 'Konferenzen je Quartal',
        baseline: 0,
        target: 6,
        measurements: [
          [-75, 2],
          [-5, 4],
        ],
      },
    ],
  },
  {
    key: 'migrantenorganisationen',
    title: 'Migrantenorganisationen und Hochschule als Brücke einbinden',
    description:
      'Den Verbund Krefelder Migrantenorganisationen und künftig die Hochschule Niederrhein in die Arbeit des Bündnisses einbeziehen.',
    status: GoalStatus.DRAFT,
    startsOn: 30,
    dueOn: 400,
    owners: ['vkmo', 'hochschule'],
    indicators: [],
  },
];

interface DemoTask {
  key: string;
  goal?: string;
  title: string;
  description?: string;
  lead: string;
  contributing?: string[];
  assignee?: string;
  dueOn?: number;
  priority: TaskPriority;
  status: TaskStatus;
  blockedBy?: string[];
  comments?: [email: string, body: string][];
}

const TASKS: DemoTask[] = [
  {
    key: 'jobmesse',
    goal: 'unternehmen',
    title: 'Jobmesse „Arbeit in Krefeld“ mit regionalen Unternehmen vorbereiten',
    description:
      'Standflächen, Dolmetschende und Sprachmittlung organisieren; Unternehmen über die Unternehmensvertretung ansprechen.',
    lead: 'integration',
    contributing: ['agentur', 'jobcenter'],
    assignee: 'koordination@demo.local',
    dueOn: 21,
    priority: TaskPriority.HIGH,
    status: TaskStatus.IN_PROGRESS,
    comments: [
      ['koordination@demo.local', 'Die Halle im Stadthaus ist für den Termin reserviert.'],
      ['mitglied@demo.local', 'Die Agentur bringt den Arbeitgeberservice mit drei Beratungsplätzen ein.'],
    ],
  },
  {
    key: 'arbeitgeberliste',
    goal: 'unternehmen',
    title: 'Liste der Ansprechpersonen in Unternehmen zusammenstellen',
    lead: 'agentur',
    contributing: ['integration'],
    assignee: 'mitglied@demo.local',
    dueOn: -10,
    priority: TaskPriority.NORMAL,
    status: TaskStatus.DONE,
  },
  {
    key: 'kooperationsvereinbarung',
    goal: 'unternehmen',
    title: 'Muster einer Kooperationsvereinbarung mit Unternehmen entwerfen',
    description:
      'Rechtlich prüfen lassen; Datenschutz: keine personenbezogenen Daten von Klientinnen und Klienten in der Vereinbarung.',
    lead: 'integration',
    dueOn: -3,
    priority: TaskPriority.HIGH,
    status: TaskStatus.OPEN,
    blockedBy: ['arbeitgeberliste'],
  },
  {
    key: 'sprachkurse',
    goal: 'arbeit',
    title: 'Berufssprachkurse für Pflege und Handwerk bündeln',
    description: 'Bedarf an berufsbezogenen Sprachkursen (B1/B2) erheben und mit den Kursträgern abstimmen.',
    lead: 'jobcenter',
    contributing: ['agentur', 'integration'],
    assignee: 'jobcenter@demo.local',
    dueOn: 45,
    priority: TaskPriority.NORMAL,
    status: TaskStatus.IN_PROGRESS,
    comments: [
      ['jobcenter@demo.local', 'Zwei Kursträger haben freie Plätze ab dem nächsten Quartal gemeldet.'],
    ],
  },
  {
    key: 'kinderbetreuung',
    goal: 'arbeit',
    title: 'Kinderbetreuung während der Sprachkurse sicherstellen',
    lead: 'jugend',
    contributing: ['jobcenter'],
    dueOn: 60,
    priority: TaskPriority.URGENT,
    status: TaskStatus.BLOCKED,
    blockedBy: ['sprachkurse'],
    comments: [['koordination@demo.local', 'Wartet auf die Kurszeiten der Träger.']],
  },
  {
    key: 'anerkennungsberatung',
    goal: 'anerkennung',
    title: 'Gemeinsame Sprechstunde zur Anerkennungsberatung einrichten',
    lead: 'agentur',
    contributing: ['auslaender'],
    assignee: 'mitglied@demo.local',
    dueOn: 30,
    priority: TaskPriority.HIGH,
    status: TaskStatus.OPEN,
  },
  {
    key: 'aufenthaltsklaerung',
    goal: 'anerkennung',
    title: 'Ablauf für Beschäftigungserlaubnisse mit der Ausländerbehörde abstimmen',
    lead: 'auslaender',
    contributing: ['agentur', 'jobcenter'],
    dueOn: -20,
    priority: TaskPriority.NORMAL,
    status: TaskStatus.IN_PROGRESS,
  },
  {
    key: 'fallkonferenz',
    goal: 'schnittstellen',
    title: 'Verfahren für rechtskreisübergreifende Fallkonferenzen beschreiben',
    description: 'Wer lädt ein, wer nimmt teil, wie wird die Einwilligung der Betroffenen eingeholt.',
    lead: 'soziales',
    contributing: ['jobcenter', 'integration', 'wohlfahrt'],
    assignee: 'moderation@demo.local',
    dueOn: -30,
    priority: TaskPriority.HIGH,
    status: TaskStatus.DONE,
  },
  {
    key: 'schulung',
    goal: 'schnittstellen',
    title: 'Schulung der Fallmanagerinnen und Fallmanager zu den Rechtskreisen SGB II, III und XII',
    lead: 'jobcenter',
    contributing: ['soziales', 'agentur'],
    dueOn: 75,
    priority: TaskPriority.LOW,
    status: TaskStatus.OPEN,
    blockedBy: ['fallkonferenz'],
  },
  {
    key: 'wohnungssuche',
    goal: 'schnittstellen',
    title: 'Wohnungssuche: Übergabe zwischen KIM und Fachbereich Soziales klären',
    lead: 'soziales',
    contributing: ['integration', 'wohlfahrt'],
    dueOn: 14,
    priority: TaskPriority.NORMAL,
    status: TaskStatus.OPEN,
  },
  {
    key: 'flyer',
    title: 'Mehrsprachigen Flyer zum Bündnis drucken lassen',
    lead: 'vkmo',
    contributing: ['integration'],
    dueOn: -45,
    priority: TaskPriority.LOW,
    status: TaskStatus.CANCELLED,
    comments: [['koordination@demo.local', 'Ersetzt durch die Informationsseite im Portal.']],
  },
];

/** Seeds this context's part of the Krefeld demo alliance: goals with indicators, tasks in every state. */
@Injectable()
export class CoordinationDemoSeeder implements DemoExtension {
  constructor(private readonly tasks: TaskService) {}

  async seed(em: EntityManager, ids: DemoIds): Promise<void> {
    const coordinator = ids.users['koordination@demo.local'];
    const actor: Actor = {
      userId: coordinator,
      organisationId: ids.organisations.integration,
      platformAdmin: false,
      roles: new Map([[ids.allianceId, [Role.COORDINATOR]]]),
    };

    const goalIds: Record<string, string> = {};
    for (const g of GOALS) {
      const [row] = await em.query(
        `INSERT INTO goals (alliance_id, parent_id, title, description, status, starts_on, due_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          ids.allianceId,
          g.parent ? goalIds[g.parent] : null,
          g.title,
          g.description,
          g.status,
          day(g.startsOn),
          day(g.dueOn),
          coordinator,
        ],
      );
      goalIds[g.key] = row.id;
      (ids.goals ??= {})[g.title] = row.id;
      await em.query('INSERT INTO goal_owner_partners (goal_id, partner_id) SELECT $1, unnest($2::uuid[])', [
        row.id,
        g.owners.map((o) => ids.partners[o]),
      ]);
      for (const ind of g.indicators) {
        const [indicator] = await em.query(
          'INSERT INTO indicators (alliance_id, goal_id, name, unit, baseline, target) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
          [ids.allianceId, row.id, ind.name, ind.unit, ind.baseline, ind.target],
        );
        for (const [days, value, note] of ind.measurements) {
          await em.query(
            'INSERT INTO measurements (alliance_id, indicator_id, value, observed_on, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)',
            [
              ids.allianceId,
              indicator.id,
              value,
              day(days),
              note ?? null,
              g.owners.includes('agentur') && days > -20 ? ids.users['mitglied@demo.local'] : coordinator,
            ],
          );
        }
      }
    }

    // Through the service, so the demo tasks obey the same rules as created ones.
    const created = await this.tasks.createTasks(
      em,
      actor,
      ids.allianceId,
      TASKS.map((t) => ({
        title: t.title,
        description: t.description ?? null,
        leadPartnerId: ids.partners[t.lead],
        contributingPartnerIds: (t.contributing ?? []).map((c) => ids.partners[c]),
        assigneeId: t.assignee ? ids.users[t.assignee] : null,
        dueOn: t.dueOn === undefined ? null : day(t.dueOn),
        goalId: t.goal ? goalIds[t.goal] : null,
        priority: t.priority,
      })),
      { pathPrefix: 'demo.tasks', action: 'seedDemoData' },
    );
    const taskIds = Object.fromEntries(TASKS.map((t, i) => [t.key, created[i].id]));
    for (const t of TASKS) {
      if (t.status !== TaskStatus.OPEN) {
        await em.query(
          `UPDATE tasks SET status = $2, completed_at = CASE WHEN $2 = 'DONE' THEN now() - interval '3 days' END, version = version + 1 WHERE id = $1`,
          [taskIds[t.key], t.status],
        );
      }
      for (const blocker of t.blockedBy ?? []) {
        await em.query(
          'INSERT INTO task_dependencies (task_id, blocked_by_id, alliance_id) VALUES ($1, $2, $3)',
          [taskIds[t.key], taskIds[blocker], ids.allianceId],
        );
      }
      for (const [email, body] of t.comments ?? []) {
        await em.query(
          'INSERT INTO task_comments (alliance_id, task_id, author_id, body) VALUES ($1, $2, $3, $4)',
          [ids.allianceId, taskIds[t.key], ids.users[email], body],
        );
      }
    }
  }
}
