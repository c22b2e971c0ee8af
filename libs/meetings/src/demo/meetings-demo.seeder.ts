import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Actor,
  type DemoExtension,
  type DemoIds,
  Role,
  todayInBerlin,
} from '../../../core/src/index.js';
import { TaskPriority, TaskService } from '../../../coordination/src/index.js';
import { formatNumber } from '../decisions/decision-number.js';
import { DecisionRepository } from '../decisions/decision.repository.js';
import { seedDemoPublicRecord } from '../public/public-record.demo.js';

const DAY = 86_400_000;

/** The instant of a Berlin wall-clock time on a calendar day (CET/CEST resolved via Intl). */
export function berlinInstant(day: string, time: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const wall = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(guess)
    .replace(', ', 'T');
  const offset = new Date(`${wall}:00Z`).getTime() - guess.getTime();
  return new Date(guess.getTime() - offset);
}

function dayOffset(days: number): string {
  return todayInBerlin(new Date(Date.now() + days * DAY));
}

interface DemoDecision {
  agenda: number;
  title: string;
  text: string;
  outcome: 'ADOPTED' | 'REJECTED' | 'DEFERRED';
  consensus?: boolean;
  votes?: [number, number, number];
  /** Matches the title of a goal the coordination seed created, to link the follow-up tasks. */
  goal?: RegExp;
  tasks?: { title: string; lead: string; dueInDays: number; priority?: TaskPriority; description?: string }[];
}

const KICKOFF_AGENDA: { title: string; description?: string; presenter: string; minutes: number }[] = [
  {
    title: 'Begrüßung und Vorstellung des Landesprojekts „NRW.integrativ“',
    description: 'Ziele des Landes, Rolle der Unternehmen als zentrale Integrationsakteure.',
    presenter: 'integration',
    minutes: 20,
  },
  {
    title: 'Einbettung in das Kommunale Integrationsmanagement (KIM)',
    description:
      'Erfahrungen aus der Einzelfallhilfe seit 2020: Spracherwerb, Wohnungssuche, Aufenthaltssituation.',
    presenter: 'integration',
    minutes: 25,
  },
  { title: 'Krefeld-spezifische Aufgaben und Ziele des Bündnisses', presenter: 'soziales', minutes: 60 },
  {
    title: 'Einbindung von Unternehmensvertretungen und Hochschule Niederrhein',
    presenter: 'agentur',
    minutes: 25,
  },
  { title: 'Arbeitsstruktur, Kennzahlen und Sitzungsturnus', presenter: 'integration', minutes: 20 },
];

const KICKOFF_DECISIONS: DemoDecision[] = [
  {
    agenda: 3,
    title: 'Ziel 1: Arbeitsmarktintegration rechtskreisübergreifend stärken',
    text:
      'Das Bündnis setzt sich zum Ziel, zugewanderte Menschen mit erhöhtem Unterstützungsbedarf über die Rechtskreise SGB II, SGB III, ' +
      'SGB XII und AsylbLG hinweg gezielter in Beschäftigung zu bringen. Kommunales Integrationsmanagement, Jobcenter und Agentur für Arbeit ' +
      'stimmen die Übergänge zwischen ihren Angeboten ab und vermeiden Doppelberatung.',
    outcome: 'ADOPTED',
    consensus: true,
    goal: /Schnittstellen zwischen den Rechtskreisen/,
    tasks: [
      {
        title: 'Schnittstellen zwischen KIM, Jobcenter und Agentur für Arbeit erfassen',
        lead: 'jobcenter',
        dueInDays: 28,
        priority: TaskPriority.HIGH,
      },
      {
        title: 'Gemeinsamen Übergabeprozess im Einzelfall beschreiben',
        lead: 'integration',
        dueInDays: 56,
        description: 'Nur mit Einwilligung der Betroffenen; Ablauf und Zuständigkeiten je Rechtskreis.',
      },
    ],
  },
  {
    agenda: 3,
    title: 'Ziel 2: Brückenschlag in die Unternehmerschaft',
    text:
      'Das Bündnis baut eine Arbeitgeberausrichtung auf: Krefelder Unternehmen werden als Partner gewonnen, um den Fachkräftebedarf zu decken ' +
      'und Zugewanderte gezielt in Beschäftigungsverhältnisse zu vermitteln. Dazu richtet das Bündnis ein jährliches Arbeitgeberforum aus.',
    outcome: 'ADOPTED',
    votes: [7, 0, 1],
    goal: /Unternehmerschaft/,
    tasks: [
      {
        title: 'Erstes Arbeitgeberforum NRW.integrativ vorbereiten',
        lead: 'agentur',
        dueInDays: 70,
        priority: TaskPriority.HIGH,
      },
      { title: 'Stellenangebote mit Sprachförderbedarf auswerten', lead: 'agentur', dueInDays: 42 },
    ],
  },
  {
    agenda: 3,
    title: 'Ziel 3: Sprachförderung und Begleitung in allen Lebensbereichen verzahnen',
    text:
      'Spracherwerb, Wohnungssuche und die Klärung der Aufenthaltssituation werden mit der Arbeitsmarktintegration verzahnt. Die Partner ' +
      'machen ihre Beratungsangebote gegenseitig bekannt; der VKMO bringt die Perspektive der Migrantenorganisationen ein.',
    outcome: 'ADOPTED',
    consensus: true,
    tasks: [
      {
        title: 'Übersicht der Sprachkurs- und Beratungsangebote in Krefeld erstellen',
        lead: 'vkmo',
        dueInDays: 35,
      },
      {
        title: 'Beratung zur Aufenthaltssituation in Fallkonferenzen einbinden',
        lead: 'auslaender',
        dueInDays: 49,
      },
    ],
  },
  {
    agenda: 4,
    title: 'Unternehmensvertretungen und Hochschule Niederrhein einbinden',
    text: 'Die Unternehmensvertretung Krefeld und die Hochschule Niederrhein werden eingeladen, dem Bündnis als Partner beizutreten.',
    outcome: 'ADOPTED',
    consensus: true,
    tasks: [
      {
        title: 'Kooperationsgespräch mit der Hochschule Niederrhein führen',
        lead: 'integration',
        dueInDays: 21,
      },
    ],
  },
  {
    agenda: 5,
    title: 'Kennzahlen für das gemeinsame Monitoring',
    text: 'Die vorgeschlagenen Kennzahlen werden in der ersten Sitzung der Lenkungsgruppe erneut beraten, nachdem das Jobcenter die Datenlage geprüft hat.',
    outcome: 'DEFERRED',
  },
  {
    agenda: 5,
    title: 'Sitzungsturnus',
    text: 'Die Lenkungsgruppe tagt vierteljährlich, das Plenum zweimal im Jahr. Die Koordinierungsstelle lädt ein; die Sitzungsleitung führt das Protokoll.',
    outcome: 'ADOPTED',
    votes: [8, 0, 0],
  },
];

/**
 * Seeds this context's part of the Krefeld demo alliance: the kick-off plenary that set the
 * Krefeld-specific goals of "NRW.integrativ" (held six weeks ago, minutes approved), with
 * attendance, numbered decisions and their follow-up tasks, and the upcoming steering group.
 */
@Injectable()
export class MeetingsDemoSeeder implements DemoExtension {
  constructor(
    private readonly tasks: TaskService,
    private readonly decisions: DecisionRepository,
  ) {}

  async seed(em: EntityManager, ids: DemoIds): Promise<void> {
    const facilitatorId = ids.users['moderation@demo.local'];
    const coordinatorId = ids.users['koordination@demo.local'];
    if (!facilitatorId || !coordinatorId) return;
    const p = ids.partners;
    const actor: Actor = {
      userId: facilitatorId,
      organisationId: ids.organisations.soziales,
      platformAdmin: false,
      roles: new Map([[ids.allianceId, [Role.FACILITATOR]]]),
    };

    // ── the kick-off, held and approved ─────────────────────
    const kickoffDay = dayOffset(-42);
    const startsAt = berlinInstant(kickoffDay, '14:00');
    const endsAt = berlinInstant(kickoffDay, '16:30');
    const invitedKeys = [
      'integration',
      'soziales',
      'jugend',
      'auslaender',
      'jobcenter',
      'agentur',
      'wohlfahrt',
      'vkmo',
      'hochschule',
      'unternehmen',
    ].filter((k) => p[k]);
    const [kickoff] = await em.query(
      `INSERT INTO meetings (alliance_id, title, kind, status, starts_at, ends_at, location, facilitator_id, started_at, adjourned_at, created_by, created_at, calendar_sequence)
       VALUES ($1, $2, 'PLENARY', 'ADJOURNED', $3, $4, $5, $6, $3, $4, $7, $8, 1) RETURNING id`,
      [
        ids.allianceId,
        'Auftaktsitzung des Bündnisses NRW.integrativ Krefeld',
        startsAt,
        endsAt,
        'Rathaus Krefeld, Sitzungssaal',
        facilitatorId,
        coordinatorId,
        new Date(startsAt.getTime() - 21 * DAY),
      ],
    );
    await this.invite(
      em,
      kickoff.id,
      invitedKeys.map((k) => p[k]),
    );
    const items: string[] = [];
    for (const [i, item] of KICKOFF_AGENDA.entries()) {
      const [row] = await em.query(
        'INSERT INTO agenda_items (meeting_id, position, title, description, presenter_partner_id, duration_minutes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [kickoff.id, i + 1, item.title, item.description ?? null, p[item.presenter] ?? null, item.minutes],
      );
      items.push(row.id);
    }
    const attendance: [string, 'PRESENT' | 'EXCUSED' | 'ABSENT', string[]][] = [
      ['integration', 'PRESENT', ['koordination@demo.local', 'fallmanagement@demo.local']],
      ['soziales', 'PRESENT', ['moderation@demo.local']],
      ['jugend', 'EXCUSED', []],
      ['auslaender', 'PRESENT', []],
      ['jobcenter', 'PRESENT', ['jobcenter@demo.local']],
      ['agentur', 'PRESENT', ['mitglied@demo.local']],
      ['wohlfahrt', 'PRESENT', ['beobachtung@demo.local']],
      ['vkmo', 'PRESENT', []],
      ['hochschule', 'PRESENT', []],
      ['unternehmen', 'EXCUSED', []],
    ];
    for (const [key, status, emails] of attendance) {
      if (!p[key]) continue;
      await em.query(
        'INSERT INTO attendances (meeting_id, partner_id, status, attendee_ids, recorded_by, recorded_at) VALUES ($1, $2, $3, $4::uuid[], $5, $6)',
        [
          kickoff.id,
          p[key],
          status,
          emails.map((e) => ids.users[e]).filter(Boolean),
          facilitatorId,
          startsAt,
        ],
      );
    }
    // Coordination's goals, as its seeder reported them (none when it did not run).
    const goals = Object.entries(ids.goals ?? {}).map(([title, id]) => ({ id, title }));
    const year = Number(todayInBerlin(startsAt).slice(0, 4));
    const numbers: string[] = [];
    for (const [i, d] of KICKOFF_DECISIONS.entries()) {
      const serial = await this.decisions.nextSerial(em, ids.allianceId, year);
      const number = formatNumber(year, serial);
      numbers.push(number);
      const [row] = await em.query(
        `INSERT INTO decisions (alliance_id, meeting_id, agenda_item_id, year, serial, number, title, text, outcome, votes_for, votes_against, abstentions, consensus, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
        [
          ids.allianceId,
          kickoff.id,
          items[d.agenda - 1],
          year,
          serial,
          number,
          d.title,
          d.text,
          d.outcome,
          d.votes?.[0] ?? null,
          d.votes?.[1] ?? null,
          d.votes?.[2] ?? null,
          d.consensus ?? false,
          facilitatorId,
          new Date(startsAt.getTime() + (40 + i * 12) * 60_000),
        ],
      );
      const tasks = (d.tasks ?? []).filter((x) => p[x.lead]);
      const goalId = d.goal ? (goals.find((g) => d.goal!.test(g.title))?.id ?? null) : null;
      if (tasks.length) {
        await this.tasks.createTasks(
          em,
          actor,
          ids.allianceId,
          tasks.map((x) => ({
            title: x.title,
            description: x.description ?? null,
            leadPartnerId: p[x.lead],
            dueOn: dayOffset(x.dueInDays),
            goalId,
            priority: x.priority ?? TaskPriority.NORMAL,
          })),
          { decisionId: row.id, pathPrefix: 'demo', action: 'recordDecision' },
        );
      }
    }
    const minutes = [
      '# Protokoll der Auftaktsitzung',
      '',
      'Die Sitzungsleitung begrüßt die Vertretungen der Partner. Die Abteilung Integration stellt das Landesprojekt „NRW.integrativ“ vor, ',
      'das in das Kommunale Integrationsmanagement (KIM) eingebettet wird und einen Brückenschlag in die Unternehmerschaft schafft.',
      '',
      '## Ergebnisse',
      '',
      `- Das Bündnis hat drei Krefeld-spezifische Ziele beschlossen (${numbers.slice(0, 3).join(', ')}).`,
      `- Unternehmensvertretungen und die Hochschule Niederrhein werden eingebunden (${numbers[3]}).`,
      `- Die Kennzahlen für das Monitoring wurden vertagt (${numbers[4]}).`,
      `- Sitzungsturnus: Lenkungsgruppe vierteljährlich, Plenum zweimal jährlich (${numbers[5]}).`,
      '',
      'Die Folgeaufgaben sind im Portal den federführenden Partnern zugeordnet.',
    ].join('\n');
    const approvedAt = new Date(endsAt.getTime() + 14 * DAY);
    await em.query(
      `UPDATE meetings SET minutes_text = $2, minutes_saved_at = $3, minutes_saved_by = $5, status = 'MINUTES_APPROVED', minutes_approved_at = $4, minutes_approved_by = $5, updated_at = $4
        WHERE id = $1`,
      [kickoff.id, minutes, new Date(endsAt.getTime() + 2 * DAY), approvedAt, facilitatorId],
    );
    await seedDemoPublicRecord(em, ids.allianceId, { id: kickoff.id, year }, coordinatorId);

    // ── the upcoming steering group ─────────────────────────
    const nextDay = dayOffset(21);
    const [next] = await em.query(
      `INSERT INTO meetings (alliance_id, title, kind, status, starts_at, ends_at, location, facilitator_id, created_by)
       VALUES ($1, $2, 'STEERING_GROUP', 'SCHEDULED', $3, $4, $5, $6, $7) RETURNING id`,
      [
        ids.allianceId,
        '1. Sitzung der Lenkungsgruppe NRW.integrativ',
        berlinInstant(nextDay, '10:00'),
        berlinInstant(nextDay, '12:00'),
        'Jobcenter Krefeld, Besprechungsraum 2',
        facilitatorId,
        coordinatorId,
      ],
    );
    await this.invite(
      em,
      next.id,
      ['integration', 'soziales', 'auslaender', 'jobcenter', 'agentur', 'wohlfahrt', 'vkmo']
        .filter((k) => p[k])
        .map((k) => p[k]),
    );
    const nextAgenda = [
      ['Stand der Folgeaufgaben aus der Auftaktsitzung', 'integration'],
      [`Kennzahlen für das gemeinsame Monitoring (vertagt, Beschluss ${numbers[4]})`, 'jobcenter'],
      ['Vorbereitung des ersten Arbeitgeberforums', 'agentur'],
    ];
    for (const [i, [title, presenter]] of nextAgenda.entries()) {
      await em.query(
        'INSERT INTO agenda_items (meeting_id, position, title, presenter_partner_id, duration_minutes) VALUES ($1, $2, $3, $4, 30)',
        [next.id, i + 1, title, p[presenter] ?? null],
      );
    }
    await em.query(
      `INSERT INTO attendances (meeting_id, partner_id, status, attendee_ids, recorded_by) VALUES ($1, $2, 'EXCUSED', '{}', $3)`,
      [next.id, p.wohlfahrt, facilitatorId],
    );
  }

  private async invite(em: EntityManager, meetingId: string, partnerIds: string[]): Promise<void> {
    await em.query(
      'INSERT INTO meeting_invited_partners (meeting_id, partner_id, position) SELECT $1, p, n FROM unnest($2::uuid[]) WITH ORDINALITY AS t(p, n)',
      [meetingId, partnerIds],
    );
  }
}
