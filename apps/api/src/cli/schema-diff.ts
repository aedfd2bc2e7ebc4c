import { runCli } from './cli-support';

// Prints the SQL that would bring the database in line with the entities (empty when none).
runCli(async (orm) => {
  const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
  console.log(sql.trim() || 'schema matches the entities');
});
