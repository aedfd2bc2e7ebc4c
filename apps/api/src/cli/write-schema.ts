import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '@alternance/platform/nest';
import { generateSchema } from '../schema';

generateSchema()
  .then((sdl) => {
    const file = path.join(projectRoot(), 'schema.gql');
    writeFileSync(file, sdl);
    console.log(`wrote ${path.relative(process.cwd(), file) || file}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
