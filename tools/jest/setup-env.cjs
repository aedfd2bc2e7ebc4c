// Every test runs in UTC, with the embedded defaults unless a runner says otherwise.
process.env.TZ = 'UTC';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
require('reflect-metadata');
