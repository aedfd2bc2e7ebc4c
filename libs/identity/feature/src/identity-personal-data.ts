import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { DataSubject, PersonalDataHolder, PersonalDataRegistry } from '@alternance/platform/nest';
import { UserEntity } from '@alternance/identity/data-access';

/** The account itself: exported without its password hash, erased last by foreign-key order. */
@Injectable()
export class IdentityPersonalData implements PersonalDataHolder, OnModuleInit {
  readonly section = 'account';

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(subject: DataSubject, em: EntityManager): Promise<unknown> {
    const user = await em.findOne(UserEntity, { id: subject.userId });
    if (!user) return null;
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      displayName: user.displayName,
      organizationId: user.organization?.id ?? null,
      createdAt: user.createdAt,
      lastLoginAt: user.lastLoginAt,
      lastActiveAt: user.lastActiveAt,
    };
  }

  async erase(subject: DataSubject, em: EntityManager): Promise<void> {
    const user = await em.findOne(UserEntity, { id: subject.userId });
    // The unit of work deletes rows that point at the account (the profile) before it.
    if (user) em.remove(user);
  }
}
