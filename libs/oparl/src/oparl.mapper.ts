import { MEETING_KIND_NAME } from '../../meetings/src/index.js';
import type { RecordRow } from './oparl.repository.js';

/** OParl 1.1 JSON objects from the public record's rows: canonical ids, type URIs, no nulls. */

export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';
export const typeUri = (t: string) => `${OPARL_VERSION}${t}`;

export class OparlUrls {
  readonly root: string;
  constructor(publicUrl: string) {
    this.root = `${publicUrl}/oparl/v1.1`;
  }
  system = () => `${this.root}/`;
  bodies = () => `${this.root}/bodies`;
  body = (id: string) => `${this.root}/bodies/${id}`;
  bodyList = (id: string, list: 'organizations' | 'people' | 'meetings' | 'papers') =>
    `${this.root}/bodies/${id}/${list}`;
  organization = (id: string) => `${this.root}/organizations/${id}`;
  meeting = (id: string) => `${this.root}/meetings/${id}`;
  agendaItem = (id: string) => `${this.root}/agenda-items/${id}`;
  paper = (id: string) => `${this.root}/papers/${id}`;
  consultation = (id: string) => `${this.root}/consultations/${id}`;
  file = (meetingId: string) => `${this.root}/files/${meetingId}`;
  fileAccess = (meetingId: string) => `${this.root}/files/${meetingId}/access`;
  fileDownload = (meetingId: string) => `${this.root}/files/${meetingId}/download`;
  legislativeTerm = (bodyId: string) => `${this.root}/legislative-terms/${bodyId}`;
  location = (bodyId: string) => `${this.root}/locations/${bodyId}`;
}

export type Json = Record<string, unknown>;

const iso = (d: Date | string) => new Date(d).toISOString();

/** A calendar day in Berlin (the alliance's local day) of an instant. */
export function berlinDay(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

/** Drops null, undefined and empty optional strings: OParl forbids null values. */
function clean(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

function stamp(row: RecordRow): Json {
  return { created: iso(row.created), modified: iso(row.modified) };
}

/** What remains of an object that is no longer public: id, type, created, modified, deleted. */
export function deletedObject(id: string, type: string, row: Pick<RecordRow, 'created' | 'modified'>): Json {
  return { id, type: typeUri(type), created: iso(row.created), modified: iso(row.modified), deleted: true };
}

const MEETING_STATE: Record<string, string> = {
  SCHEDULED: 'terminiert',
  IN_PROGRESS: 'läuft',
  ADJOURNED: 'durchgeführt, Protokoll im Entwurf',
  MINUTES_APPROVED: 'Protokoll genehmigt',
  CANCELLED: 'abgesagt',
};
export const OUTCOME: Record<string, string> = {
  ADOPTED: 'angenommen',
  REJECTED: 'abgelehnt',
  DEFERRED: 'vertagt',
};
const LEGAL_DOMAIN: Record<string, string> = {
  SGB_II: 'SGB II',
  SGB_III: 'SGB III',
  SGB_VIII: 'SGB VIII',
  SGB_XII: 'SGB XII',
  ASYLBLG: 'AsylbLG',
  AUFENTHG: 'AufenthG',
  NONE: 'kein Rechtskreis',
};
const KIND: Record<string, string> = MEETING_KIND_NAME;

export function minutesFileName(meeting: RecordRow): string {
  return `protokoll-${berlinDay(new Date(meeting.starts_at))}.pdf`;
}

export class OparlMapper {
  constructor(
    readonly urls: OparlUrls,
    private readonly publicUrl: string,
  ) {}

  system(times: { created: Date | null; modified: Date | null }, now: Date): Json {
    const created = times.created ?? now;
    return {
      id: this.urls.system(),
      type: typeUri('System'),
      oparlVersion: OPARL_VERSION,
      otherOparlVersions: [],
      name: 'Bündnisportal',
      website: `${this.publicUrl}/`,
      body: this.urls.bodies(),
      created: iso(created),
      modified: iso(times.modified ?? created),
    };
  }

  body(b: RecordRow): Json {
    if (b.deleted) return deletedObject(this.urls.body(b.id), 'Body', b);
    return clean({
      id: this.urls.body(b.id),
      type: typeUri('Body'),
      system: this.urls.system(),
      name: b.name,
      website: `${this.publicUrl}/`,
      contactEmail: b.public_contact_email,
      classification: 'Bündnis',
      keyword: [b.municipality],
      location: this.location(b),
      organization: this.urls.bodyList(b.id, 'organizations'),
      person: this.urls.bodyList(b.id, 'people'),
      meeting: this.urls.bodyList(b.id, 'meetings'),
      paper: this.urls.bodyList(b.id, 'papers'),
      legislativeTerm: b.funding_period_start ? [this.legislativeTerm(b)] : [],
      ...stamp(b),
    });
  }

  location(b: RecordRow): Json {
    if (b.deleted) return deletedObject(this.urls.location(b.id), 'Location', b);
    return {
      id: this.urls.location(b.id),
      type: typeUri('Location'),
      description: b.municipality,
      locality: b.municipality,
      bodies: [this.urls.body(b.id)],
      ...stamp(b),
    };
  }

  legislativeTerm(b: RecordRow): Json {
    if (b.deleted) return deletedObject(this.urls.legislativeTerm(b.id), 'LegislativeTerm', b);
    return clean({
      id: this.urls.legislativeTerm(b.id),
      type: typeUri('LegislativeTerm'),
      body: this.urls.body(b.id),
      name: `Förderzeitraum ${b.funding_period_start.slice(0, 4)}${b.funding_period_end ? `–${b.funding_period_end.slice(0, 4)}` : ''}`,
      startDate: b.funding_period_start,
      endDate: b.funding_period_end,
      ...stamp(b),
    });
  }

  organization(p: RecordRow): Json {
    if (p.deleted) return deletedObject(this.urls.organization(p.id), 'Organization', p);
    const domains: string[] = (p.legal_domains ?? []).map((d: string) => LEGAL_DOMAIN[d] ?? d);
    return clean({
      id: this.urls.organization(p.id),
      type: typeUri('Organization'),
      body: this.urls.body(p.body_id),
      name: p.name,
      shortName: p.short_name,
      organizationType: 'Institution',
      classification: domains.length ? domains.join(', ') : undefined,
      keyword: domains,
      startDate: p.joined_on,
      endDate: p.left_on,
      ...stamp(p),
    });
  }

  meeting(
    m: RecordRow,
    agenda: any[],
    invited: { partner_id: string }[],
    papers: RecordRow[],
    omitInternal = false,
  ): Json {
    if (m.deleted) return deletedObject(this.urls.meeting(m.id), 'Meeting', m);
    const approved = m.status === 'MINUTES_APPROVED';
    return clean({
      id: this.urls.meeting(m.id),
      type: typeUri('Meeting'),
      name: m.title,
      meetingState: MEETING_STATE[m.status] ?? m.status,
      cancelled: m.status === 'CANCELLED',
      start: iso(m.starts_at),
      end: iso(m.ends_at),
      organization: invited.map((i) => this.urls.organization(i.partner_id)),
      resultsProtocol: approved ? this.file(m) : undefined,
      agendaItem: omitInternal ? undefined : agenda.map((a) => this.agendaItem(a, m, papers)),
      keyword: [KIND[m.kind] ?? m.kind],
      ...stamp(m),
    });
  }

  agendaItem(a: any, m: RecordRow, papers: RecordRow[]): Json {
    const own = papers.filter((p) => p.agenda_item_id === a.id);
    return clean({
      id: this.urls.agendaItem(a.id),
      type: typeUri('AgendaItem'),
      meeting: this.urls.meeting(m.id),
      number: String(a.position),
      order: a.position,
      name: a.title,
      public: true,
      consultation: own.length ? this.urls.consultation(own[0].id) : undefined,
      result: own.length ? own.map((p) => OUTCOME[p.outcome] ?? p.outcome).join('; ') : undefined,
      resolutionText: own.length
        ? own.map((p) => `Beschluss ${p.number}: ${p.title}\n\n${p.text}`).join('\n\n')
        : undefined,
      created: iso(a.created_at),
      modified: iso(m.modified),
    });
  }

  paper(p: RecordRow, related: { id: string; amends_id: string | null }[]): Json {
    if (p.deleted) return deletedObject(this.urls.paper(p.id), 'Paper', p);
    const amended = related.some((r) => r.id === p.amends_id) ? [this.urls.paper(p.amends_id)] : [];
    const amending = related.filter((r) => r.amends_id === p.id).map((r) => this.urls.paper(r.id));
    return clean({
      id: this.urls.paper(p.id),
      type: typeUri('Paper'),
      body: this.urls.body(p.body_id),
      name: p.title,
      reference: p.number,
      date: berlinDay(new Date(p.recorded_at)),
      paperType: 'Beschluss',
      superordinatedPaper: amended,
      subordinatedPaper: amending,
      consultation: [this.consultation(p)],
      keyword: [OUTCOME[p.outcome] ?? p.outcome],
      ...stamp(p),
    });
  }

  consultation(p: RecordRow): Json {
    if (p.deleted) return deletedObject(this.urls.consultation(p.id), 'Consultation', p);
    return clean({
      id: this.urls.consultation(p.id),
      type: typeUri('Consultation'),
      paper: this.urls.paper(p.id),
      meeting: this.urls.meeting(p.meeting_id),
      agendaItem: p.agenda_item_id ? this.urls.agendaItem(p.agenda_item_id) : undefined,
      authoritative: true,
      role: 'Beschlussfassung',
      ...stamp(p),
    });
  }

  /** The approved minutes of a meeting, as its resultsProtocol. */
  file(m: RecordRow): Json {
    if (m.deleted)
      return deletedObject(this.urls.file(m.id), 'File', {
        created: m.minutes_approved_at,
        modified: m.modified,
      });
    return {
      id: this.urls.file(m.id),
      type: typeUri('File'),
      name: `Protokoll: ${m.title}`,
      fileName: minutesFileName(m),
      mimeType: 'application/pdf',
      date: berlinDay(new Date(m.minutes_approved_at)),
      accessUrl: this.urls.fileAccess(m.id),
      downloadUrl: this.urls.fileDownload(m.id),
      meeting: [this.urls.meeting(m.id)],
      created: iso(m.minutes_approved_at),
      modified: iso(m.modified),
    };
  }
}
