import { copyFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM, wrap } from '@mikro-orm/core';
import { ContractType, OfferStatus, RemotePolicy } from '@alternance/offers/domain';
import { OfferEntity } from '@alternance/offers/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { ProgramEntity } from '@alternance/programs/data-access';
import { countPlain, findOnePlain, findPlain, findPlainByKeys } from '@alternance/platform/data-access';
import { Country } from '@alternance/platform/domain';
import { ormOptions } from './orm-config';

const engine = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';

/** Plain reads give what the entity manager gives, on both engines: types converted, JSON parsed, references as `{ id }`. */
describe(`plain reads (${engine})`, () => {
  let orm: MikroORM;
  let file: string | undefined;
  const org = '00000000-0000-4000-8000-00000000e001';
  const offers = ['00000000-0000-4000-8000-00000000e101', '00000000-0000-4000-8000-00000000e102'];

  beforeAll(async () => {
    if (engine === 'sqlite') {
      file = path.join(os.tmpdir(), `alternance-plain-read-${process.pid}.sqlite`);
      copyFileSync(process.env.TEST_DB_TEMPLATE!, file);
      orm = await MikroORM.init({ ...ormOptions({ driver: 'sqlite', file }), allowGlobalContext: true });
    } else {
      orm = await MikroORM.init({ ...ormOptions({ driver: 'postgresql', url: process.env.TEST_DB_TEMPLATE! }), allowGlobalContext: true });
    }
    const em = orm.em.fork();
    await em.nativeDelete(OfferEntity, { id: { $in: offers } });
    await em.nativeDelete(OrganizationEntity, { id: org });
    em.create(OrganizationEntity, { id: org, name: 'Plain Reads SA', country: Country.FR, disabilityReferent: true, claimed: true, createdAt: new Date('2025-01-02T03:04:05.678Z'), updatedAt: new Date() });
    offers.forEach((id, i) =>
      em.create(OfferEntity, {
        id,
        organization: org,
        title: `Offre ${i}`,
        description: 'Décrite',
        contractType: ContractType.APPRENTICESHIP,
        romeCode: 'M1805',
        skills: [{ code: '100001', label: 'Coder', level: 2, required: true }],
        programIds: ['00000000-0000-4000-8000-00000000e201'],
        country: Country.FR,
        lat: 48.85 + i,
        lng: 2.35,
        remotePolicy: RemotePolicy.HYBRID,
        startEarliest: '2030-01-01',
        startLatest: '2030-03-01',
        screeningQuestions: ['Pourquoi ?'],
        status: OfferStatus.PUBLISHED,
        publishedAt: new Date('2025-05-06T07:08:09.010Z'),
      } as never),
    );
    await em.flush();
  });
  afterAll(async () => {
    const em = orm.em.fork();
    await em.nativeDelete(OfferEntity, { id: { $in: offers } });
    await em.nativeDelete(OrganizationEntity, { id: org });
    await orm.close(true);
    if (file) rmSync(file, { force: true });
  });

  const asEntityReads = async (id: string) => {
    const entity = await orm.em.fork().findOneOrFail(OfferEntity, { id });
    return { ...wrap(entity).toObject(), organization: { id: entity.organization.id } };
  };

  it('reads offers by key like the entity manager does, in one statement whatever the values', async () => {
    const [byKey] = await findPlainByKeys(orm.em.fork(), OfferEntity, [offers[0]]);
    expect(byKey).toEqual(await asEntityReads(offers[0]));
    expect(byKey.skills).toEqual([{ code: '100001', label: 'Coder', level: 2, required: true }]);
    expect(byKey.publishedAt).toEqual(new Date('2025-05-06T07:08:09.010Z'));
    expect(byKey.organization).toEqual({ id: org });

    const both = await findPlainByKeys(orm.em.fork(), OfferEntity, [...offers, '00000000-0000-4000-8000-00000000e199']);
    expect(both.map((o) => o.id).sort()).toEqual([...offers].sort());
    expect(await findPlainByKeys(orm.em.fork(), OfferEntity, [])).toEqual([]);
  });

  it('reads by another column, and with filters, order, page and count', async () => {
    const [organization] = await findPlainByKeys(orm.em.fork(), OrganizationEntity, ['Plain Reads SA'], 'name');
    expect(organization).toMatchObject({ id: org, disabilityReferent: true, createdAt: new Date('2025-01-02T03:04:05.678Z') });

    const page = await findPlain(orm.em.fork(), OfferEntity, { organization: org, status: OfferStatus.PUBLISHED }, { orderBy: { lat: 'desc' }, limit: 1, offset: 1 });
    expect(page.map((o) => o.id)).toEqual([offers[0]]);
    expect(await countPlain(orm.em.fork(), OfferEntity, { organization: org })).toBe(2);
    expect(await findOnePlain(orm.em.fork(), OfferEntity, { id: offers[1] })).toEqual(await asEntityReads(offers[1]));
    expect(await findOnePlain(orm.em.fork(), ProgramEntity, { id: '00000000-0000-4000-8000-00000000e299' })).toBeNull();
  });

  it('reads inside the transaction it is given', async () => {
    await orm.em.fork().transactional(async (em) => {
      await em.nativeUpdate(OfferEntity, { id: offers[0] }, { title: 'Changée' });
      expect((await findPlainByKeys(em, OfferEntity, [offers[0]]))[0].title).toBe('Changée');
      expect((await findOnePlain(em, OfferEntity, { id: offers[0] }))?.title).toBe('Changée');
      await em.nativeUpdate(OfferEntity, { id: offers[0] }, { title: 'Offre 0' });
    });
  });

  it('never sees what another transaction has not committed: a read outside it waits for it, then sees the commit', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let updated!: () => void;
    const written = new Promise<void>((r) => (updated = r));
    const writer = orm.em.fork().transactional(async (em) => {
      await em.nativeUpdate(OfferEntity, { id: offers[1] }, { title: 'Pas encore' });
      updated();
      await held;
      await em.nativeUpdate(OfferEntity, { id: offers[1] }, { title: 'Validée' });
    });
    await written;
    let answered: string | undefined;
    const reader = findPlainByKeys(orm.em.fork(), OfferEntity, [offers[1]]).then(([o]) => (answered = o.title));
    await new Promise((r) => setTimeout(r, 50));
    // SQLite has one connection, which the open transaction holds: the read waits for it. PostgreSQL reads the last commit at once.
    expect(answered).toBe(engine === 'sqlite' ? undefined : 'Offre 1');
    release();
    await writer;
    await reader;
    expect(answered).toBe(engine === 'sqlite' ? 'Validée' : 'Offre 1');
    expect((await findPlainByKeys(orm.em.fork(), OfferEntity, [offers[1]]))[0].title).toBe('Validée');
    await orm.em.fork().nativeUpdate(OfferEntity, { id: offers[1] }, { title: 'Offre 1' });
  });

  it('on SQLite reads an idle connection directly, without the query runner; on PostgreSQL through it', async () => {
    const client = (orm.em.getConnection() as unknown as { getKnex(): { client: { acquireConnection(): Promise<unknown> } } }).getKnex().client;
    await findPlainByKeys(orm.em.fork(), OfferEntity, [offers[0]]);
    const acquire = jest.spyOn(client, 'acquireConnection');
    try {
      const [offer] = await findPlainByKeys(orm.em.fork(), OfferEntity, [offers[0]]);
      expect(acquire).toHaveBeenCalledTimes(engine === 'sqlite' ? 0 : 1);
      expect(offer).toEqual(await asEntityReads(offers[0]));
    } finally {
      acquire.mockRestore();
    }
  });
});
