import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, isUuid } from '../../core/src/index.js';
import { type Json, OparlMapper, OparlUrls } from './oparl.mapper.js';
import { type ListFilter, type ListKind, OparlRepository, type RecordRow } from './oparl.repository.js';
import { OparlError } from './oparl-error.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** A JSON answer with the time its content last changed (the Last-Modified header). */
export interface OparlAnswer {
  json: Json;
  lastModified: Date;
}

type Query = Record<string, unknown>;
const FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

function single(q: Query, name: string): string | undefined {
  const v = q[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string')
    throw OparlError.badRequest(`Der Parameter ${name} darf nur einmal angegeben werden.`, name);
  return v;
}

/** The list parameters of the specification; anything malformed answers 400 naming the parameter. */
export function parseListQuery(q: Query): {
  filter: Omit<ListFilter, 'bodyId'>;
  keep: URLSearchParams;
  omitInternal: boolean;
} {
  const keep = new URLSearchParams();
  const filter: Omit<ListFilter, 'bodyId'> = { limit: DEFAULT_LIMIT };
  const dates: Partial<Record<(typeof FILTERS)[number], Date>> = {};
  for (const name of FILTERS) {
    // A '+' of an offset that the client did not encode arrives as a space.
    const raw = single(q, name)?.replace(' ', '+');
    if (raw === undefined) continue;
    const at = DATE_TIME.test(raw) ? new Date(raw) : null;
    if (!at || Number.isNaN(at.getTime()))
      throw OparlError.badRequest(
        `Der Parameter ${name} muss ein vollständiger Zeitpunkt mit Zeitzone sein, z. B. 2026-01-01T00:00:00+01:00.`,
        name,
      );
    dates[name] = at;
    keep.set(name, raw);
  }
  filter.createdSince = dates.created_since;
  filter.createdUntil = dates.created_until;
  filter.modifiedSince = dates.modified_since;
  filter.modifiedUntil = dates.modified_until;
  const limit = single(q, 'limit');
  if (limit !== undefined) {
    if (!/^\d{1,4}$/.test(limit) || Number(limit) < 1)
      throw OparlError.badRequest(
        `Der Parameter limit muss eine ganze Zahl ab 1 sein (höchstens ${MAX_LIMIT} werden ausgegeben).`,
        'limit',
      );
    filter.limit = Math.min(Number(limit), MAX_LIMIT);
    keep.set('limit', limit);
  }
  const omit = single(q, 'omit_internal');
  if (omit !== undefined) keep.set('omit_internal', omit);
  const after = single(q, 'after');
  if (after !== undefined) {
    const [created, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
    if (!created || !isUuid(id) || Number.isNaN(Date.parse(created)))
      throw OparlError.badRequest(
        'Der Parameter after ist ungültig. Folgen Sie den Links first und next der Liste.',
        'after',
      );
    filter.after = { created, id };
  }
  return { filter, keep, omitInternal: omit === 'true' };
}

/** The public OParl 1.1 view: System, bodies and their lists, and each object at its own URL. */
@Injectable()
export class OparlService {
  readonly urls: OparlUrls;
  private readonly mapper: OparlMapper;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.urls = new OparlUrls(config.publicUrl);
    this.mapper = new OparlMapper(this.urls, config.publicUrl);
  }

  private get em() {
    return this.dataSource.manager;
  }

  async system(): Promise<OparlAnswer> {
    const times = await OparlRepository.systemTimes(this.em);
    const json = this.mapper.system(times, new Date());
    return { json, lastModified: new Date(json.modified as string) };
  }

  private async requireBody(id: string): Promise<RecordRow> {
    const body = isUuid(id) ? await OparlRepository.one(this.em, 'bodies', id) : null;
    if (!body) throw OparlError.notFound();
    return body;
  }

  /** A list page: `data`, `pagination`, `links`, with the filters kept in every link. */
  async list(
    kind: ListKind | 'people',
    bodyId: string | null,
    q: Query,
    listUrl: string,
  ): Promise<OparlAnswer> {
    const body = bodyId ? await this.requireBody(bodyId) : null;
    const { filter, keep, omitInternal } = parseListQuery(q);
    const link = (after?: string) => {
      const p = new URLSearchParams(keep);
      if (after) p.set('after', after);
      const s = p.toString();
      return s ? `${listUrl}?${s}` : listUrl;
    };
    // Persons are never published (OParl's own privacy chapter: persons need consent).
    const { rows, total } =
      kind === 'people'
        ? { rows: [] as RecordRow[], total: 0 }
        : await OparlRepository.page(this.em, kind, { ...filter, bodyId: bodyId ?? undefined });
    const more = rows.length > filter.limit;
    const pageRows = rows.slice(0, filter.limit);
    const data = kind === 'people' ? [] : await this.render(kind, pageRows, omitInternal);
    const last = pageRows[pageRows.length - 1];
    const links: Json = { first: link(), self: link(q.after as string | undefined) };
    if (more && last) links.next = link(Buffer.from(`${last.created_key}|${last.id}`).toString('base64url'));
    const fallback = body?.modified ?? (await this.system()).lastModified;
    const lastModified = pageRows.reduce<Date>((m, r) => (r.modified > m ? r.modified : m), new Date(0));
    return {
      json: {
        data,
        pagination: { totalElements: total, elementsPerPage: filter.limit },
        links,
      },
      lastModified: pageRows.length ? lastModified : new Date(fallback),
    };
  }

  /** Objects of one kind, with what they embed loaded for the whole page at once. */
  private async render(kind: ListKind, rows: RecordRow[], omitInternal = false): Promise<Json[]> {
    switch (kind) {
      case 'bodies':
        return rows.map((b) => this.mapper.body(b));
      case 'organizations':
        return rows.map((o) => this.mapper.organization(o));
      case 'papers': {
        const related = await OparlRepository.relatedPapers(
          this.em,
          rows.filter((r) => !r.deleted),
        );
        return rows.map((p) => this.mapper.paper(p, related));
      }
      case 'meetings': {
        const ids = rows.filter((r) => !r.deleted).map((r) => r.id);
        const [agenda, invited, papers] = await Promise.all([
          omitInternal ? [] : OparlRepository.agendaOfMeetings(this.em, ids),
          OparlRepository.invitedOfMeetings(this.em, ids),
          omitInternal ? [] : OparlRepository.papersOfMeetings(this.em, ids),
        ]);
        return rows.map((m) =>
          this.mapper.meeting(
            m,
            agenda.filter((a) => a.meeting_id === m.id),
            invited.filter((i) => i.meeting_id === m.id),
            papers.filter((p) => p.meeting_id === m.id),
            omitInternal,
          ),
        );
      }
    }
  }

  private async one(kind: ListKind, id: string): Promise<RecordRow> {
    const row = isUuid(id) ? await OparlRepository.one(this.em, kind, id) : null;
    if (!row) throw OparlError.notFound();
    return row;
  }

  async object(kind: ListKind, id: string): Promise<OparlAnswer> {
    const row = await this.one(kind, id);
    const [json] = await this.render(kind, [row]);
    return { json, lastModified: row.modified };
  }

  async bodyPart(part: 'location' | 'legislativeTerm', id: string): Promise<OparlAnswer> {
    const body = await this.one('bodies', id);
    if (part === 'legislativeTerm' && !body.funding_period_start && !body.deleted)
      throw OparlError.notFound();
    const json = part === 'location' ? this.mapper.location(body) : this.mapper.legislativeTerm(body);
    return { json, lastModified: body.modified };
  }

  async agendaItem(id: string): Promise<OparlAnswer> {
    const item = isUuid(id) ? await OparlRepository.agendaItem(this.em, id) : null;
    const meeting = item ? await OparlRepository.one(this.em, 'meetings', item.meeting_id) : null;
    if (!item || !meeting) throw OparlError.notFound();
    const url = this.urls.agendaItem(id);
    if (meeting.deleted || item.deleted_at) {
      const modified = item.deleted_at && !meeting.deleted ? new Date(item.deleted_at) : meeting.modified;
      return {
        json: {
          id: url,
          type: 'https://schema.oparl.org/1.1/AgendaItem',
          created: new Date(item.created_at).toISOString(),
          modified: modified.toISOString(),
          deleted: true,
        },
        lastModified: modified,
      };
    }
    const papers = await OparlRepository.papersOfMeetings(this.em, [meeting.id]);
    return { json: this.mapper.agendaItem(item, meeting, papers), lastModified: meeting.modified };
  }

  async consultation(id: string): Promise<OparlAnswer> {
    const paper = await this.one('papers', id);
    return { json: this.mapper.consultation(paper), lastModified: paper.modified };
  }

  /** The minutes File of a meeting: only once approved. */
  async file(meetingId: string): Promise<{ answer: OparlAnswer; meeting: RecordRow }> {
    const meeting = await this.one('meetings', meetingId);
    if (meeting.status !== 'MINUTES_APPROVED') throw OparlError.notFound();
    return { answer: { json: this.mapper.file(meeting), lastModified: meeting.modified }, meeting };
  }

  async partnersPresent(meetingId: string): Promise<string[]> {
    return OparlRepository.partnersPresent(this.em, meetingId);
  }

  async papersOfMeeting(meetingId: string): Promise<RecordRow[]> {
    return OparlRepository.papersOfMeetings(this.em, [meetingId]);
  }

  async agendaOfMeeting(meetingId: string): Promise<any[]> {
    return OparlRepository.agendaOfMeetings(this.em, [meetingId]);
  }
}
