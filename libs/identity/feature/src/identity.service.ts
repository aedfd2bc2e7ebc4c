import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  CLOCK,
  Clock,
  ConflictException,
  InvalidInputException,
  Role,
  UnauthenticatedException,
  Viewer,
} from '@alternance/platform/domain';
import { TokenService } from '@alternance/platform/nest';
import { checkPassword, normaliseEmail } from '@alternance/identity/domain';
import { UserEntity, decoyHash, hashPassword, verifyPassword } from '@alternance/identity/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { canonicalSiret, checkRegistration } from '@alternance/organizations/domain';
import { LogInInput, SignUpInput } from './identity.model';

export interface Session {
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

export function viewerOf(user: UserEntity): Viewer {
  return { userId: user.id, role: user.role, organizationId: user.organization?.id };
}

@Injectable()
export class IdentityService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: TokenService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async signUp(input: SignUpInput): Promise<Session> {
    const email = normaliseEmail(input.email);
    const errors = checkPassword(input.password, email);
    if (input.role === Role.EMPLOYER) {
      if (!input.organization) errors.push({ path: 'organization', message: 'is required for an EMPLOYER account' });
      else errors.push(...checkRegistration(input.organization.country, input.organization.siret, 'organization.siret'));
    } else if (input.organization) {
      errors.push({ path: 'organization', message: 'applies to EMPLOYER accounts only' });
    }
    if (errors.length) throw new InvalidInputException(errors);
    if (await this.em.count(UserEntity, { email })) throw this.emailTaken();

    const now = this.clock.now();
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await this.em.transactional(async (em) => {
        let organization: OrganizationEntity | null = null;
        if (input.organization) {
          const siret = canonicalSiret(input.organization.country, input.organization.siret);
          const registered = siret ? await em.findOne(OrganizationEntity, { siret }) : null;
          // One claim only: the row changes from unclaimed to claimed once, whoever races for it.
          if (registered && (registered.claimed || !(await em.nativeUpdate(OrganizationEntity, { id: registered.id, claimed: false }, { claimed: true })))) {
            throw new ConflictException(
              'An organization with this SIRET is already registered: ask one of its members or staff to add you.',
              'SIRET_TAKEN',
            );
          }
          // Created by a partner-feed import and never claimed: the first employer with its SIRET
          // claims it, and with it the offers imported under its name.
          organization = Object.assign(registered ?? new OrganizationEntity(), {
            name: input.organization.name.trim(),
            siret,
            country: input.organization.country,
            sector: input.organization.sector?.trim() || null,
            size: input.organization.size ?? null,
            claimed: true,
            nameKey: null,
            createdAt: registered?.createdAt ?? now,
            updatedAt: now,
          });
          em.persist(organization);
        }
        return em.create(UserEntity, {
          email,
          passwordHash,
          role: input.role,
          displayName: input.displayName.trim(),
          organization,
          createdAt: now,
          lastLoginAt: now,
          lastActiveAt: now,
        });
      });
      return this.session(user);
    } catch (error) {
      // Two sign-ups racing for one email (or SIRET): the unique index decides.
      if (error instanceof UniqueConstraintViolationException) throw this.emailTaken();
      throw error;
    }
  }

  async logIn(input: LogInInput): Promise<Session> {
    const email = normaliseEmail(input.email);
    const user = await this.em.findOne(UserEntity, { email }, { populate: ['passwordHash'] });
    // Hash even for unknown emails, so response time does not reveal which emails exist.
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !ok) throw new UnauthenticatedException('Email or password is wrong.', 'BAD_CREDENTIALS');
    user.lastLoginAt = this.clock.now();
    user.lastActiveAt = user.lastLoginAt;
    await this.em.flush();
    return this.session(user);
  }

  async me(viewer: Viewer): Promise<UserEntity> {
    const user = await this.em.findOne(UserEntity, { id: viewer.userId });
    if (!user) throw new UnauthenticatedException('This account no longer exists.', 'ACCOUNT_GONE');
    return user;
  }

  private session(user: UserEntity): Session {
    const { token, expiresAt } = this.tokens.issue(viewerOf(user));
    return { token, expiresAt, user };
  }

  private emailTaken(): ConflictException {
    return new ConflictException('An account with this email already exists: log in instead.', 'EMAIL_TAKEN');
  }
}
