import { EntityManager } from '@mikro-orm/core';
import { AppConfig } from '@alternance/platform/nest';

export async function seedDemo(_em: EntityManager, _config: AppConfig, _log: (msg: string) => void): Promise<void> {}
