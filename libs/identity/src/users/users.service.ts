import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError, LoaderRegistry, byKey, groupBy } from '../../../core/src/index.js';
import { hashPassword } from '../auth/password.js';
import { MIN_PASSWORD_LENGTH } from '../account/password-policy.js';
import { MembershipEntity } from './membership.entity.js';
import { UserEntity } from './user.entity.js';

export interface NewUser {
  email: string;
  displayName: string;
  organisationId: string;
  /** null: an invited account, without a password until the invitation is accepted. */
  password: string | null;
  platformAdmin?: boolean;
  language?: 'de' | 'en';
}

@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates a user inside the caller's transaction; a taken e-mail is BAD_USER_INPUT on `input.email`. */
  async create(em: EntityManager, input: NewUser): Promise<UserEntity> {
    if (input.password !== null && input.password.length < MIN_PASSWORD_LENGTH) {
      throw DomainError.field('input.password', `must be at least ${MIN_PASSWORD_LENGTH} characters long`);
    }
    const email = input.email.trim();
    const taken = await em.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
    if (taken.length) throw DomainError.field('input.email', 'is already in use');
    const user = em.create(UserEntity, {
      email,
      displayName: input.displayName.trim(),
      organisationId: input.organisationId,
      platformAdmin: input.platformAdmin ?? false,
      passwordHash: input.password === null ? null : await hashPassword(input.password),
      language: input.language ?? 'de',
    });
    try {
      return await em.save(user);
    } catch (e: any) {
      if (e?.code === '23505') throw DomainError.field('input.email', 'is already in use');
      throw e;
    }
  }

  findByEmailWithHash(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
  }

  userLoader(loaders: LoaderRegistry) {
    return loaders.get<string, UserEntity | null>('user.byId', async (ids) =>
      byKey(
        ids,
        await this.dataSource.getRepository(UserEntity).find({ where: { id: In([...ids]) } }),
        (u) => u.id,
      ),
    );
  }

  membershipsOfUserLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MembershipEntity[]>('memberships.byUser', async (ids) =>
      groupBy(
        ids,
        await this.dataSource
          .getRepository(MembershipEntity)
          .find({ where: { userId: In([...ids]) }, order: { createdAt: 'ASC' } }),
        (m) => m.userId,
      ),
    );
  }

  membershipsOfAllianceLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MembershipEntity[]>('memberships.byAlliance', async (ids) =>
      groupBy(
        ids,
        await this.dataSource
          .getRepository(MembershipEntity)
          .find({ where: { allianceId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
        (m) => m.allianceId,
      ),
    );
  }
}
