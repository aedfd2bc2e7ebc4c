import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { CLOCK, Clock, ForbiddenException, InvalidInputException, NotFoundException, Role, Viewer, isStaff, isUuid } from '@alternance/platform/domain';
import { AggregateType, OUTBOX_LISTENER, OutboxListener, recordChange } from '@alternance/platform/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { UpdateOrganizationInput } from '@alternance/organizations/graphql';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(OUTBOX_LISTENER) private readonly outbox?: OutboxListener,
  ) {}

  async find(id: string): Promise<OrganizationEntity | null> {
    return isUuid(id) ? this.em.findOne(OrganizationEntity, { id }) : null;
  }

  /** Employers change their own organization; staff name the one they change. */
  async update(viewer: Viewer, input: UpdateOrganizationInput): Promise<OrganizationEntity> {
    let id: string;
    if (viewer.role === Role.EMPLOYER) {
      if (!viewer.organizationId) throw new ForbiddenException('Your account belongs to no organization.', 'NO_ORGANIZATION');
      if (input.id && input.id !== viewer.organizationId) {
        throw new ForbiddenException('You can only change your own organization.', 'NOT_YOUR_ORGANIZATION');
      }
      id = viewer.organizationId;
    } else if (isStaff(viewer)) {
      if (!input.id) throw InvalidInputException.field('id', 'is required for staff: name the organization to change');
      id = input.id;
    } else {
      throw new ForbiddenException();
    }
    const org = await this.find(id);
    if (!org) throw new NotFoundException('Organization', id);
    if (input.name != null) org.name = input.name.trim();
    if (input.sector !== undefined) org.sector = input.sector?.trim() || null;
    if (input.size !== undefined) org.size = input.size ?? null;
    if (input.accessibility) {
      if (input.accessibility.disabilityReferent != null) org.disabilityReferent = input.accessibility.disabilityReferent;
      if (input.accessibility.accommodations !== undefined) org.accommodations = input.accessibility.accommodations?.trim() || null;
    }
    org.updatedAt = this.clock.now();
    // Offers show the organization's name and accessibility: their documents change too.
    recordChange(this.em, AggregateType.ORGANIZATION, org.id, org.updatedAt);
    await this.em.flush();
    await this.outbox?.changesCommitted();
    return org;
  }
}
