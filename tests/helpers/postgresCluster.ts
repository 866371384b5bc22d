/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temporary folder, a server on a free local
 * port (TCP on 127.0.0.1, trust authentication for the superuser "dm"), psql as the client, removed by
 * stop(). initdb and postgres refuse to run as root, so as root (CI) they run as the "postgres" system
 * user (Debian's postgresql package creates it) through runuser, with the folder handed to that user.
 *
 * The server binaries are looked up in PG_BIN, then Debian's /usr/lib/postgresql/<version>/bin (newest).
 * Without them the tests fail with what to install, unless DM_SKIP_POSTGRES=1 says to skip them.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SKIP_POSTGRES = process.env.DM_SKIP_POSTGRES === '1';

function serverBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error(
      'PostgreSQL server binaries not found (PG_BIN or /usr/lib/postgresql/<version>/bin); install them (apt-get install postgresql) or set DM_SKIP_POSTGRES=1 to skip these tests',
    );
  return join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PgCluster {
  port: number;
  /** Runs SQL (psql -f, stop on the first error) and returns psql's CSV output (header row first). */
  csv(sql: string): Promise<string>;
  /** Runs SQL or psql meta-commands (\copy) for their effect. */
  exec(sql: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<PgCluster> {
  const bin = serverBin();
  const dir = mkdtempSync(join(tmpdir(), 'dm-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  // As root, the server side runs as "postgres" and must own the folder (data and socket).
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const server = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args);
  await server('initdb', ['-D', data, '-U', 'dm', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  // One scan per query, in table order: row_number() OVER () then follows the order rows were loaded.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_parallel_workers_per_gather=0 -c fsync=off`;
  await server('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  let n = 0;
  const psql = async (sql: string, csv: boolean) => {
    const file = join(dir, `q${n++}.sql`);
    writeFileSync(file, sql);
    const { stdout } = await run(
      'psql',
      [
        '-X',
        '-q',
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'dm',
        '-d',
        'postgres',
        '-v',
        'ON_ERROR_STOP=1',
        ...(csv ? ['--csv'] : []),
        '-f',
        file,
      ],
      { maxBuffer: 1 << 30, env: { ...process.env, PGCLIENTENCODING: 'UTF8' } },
    );
    return stdout;
  };
  return {
    port,
    csv: (sql) => psql(sql, true),
    exec: async (sql) => {
      await psql(sql, false);
    },
    async stop() {
      try {
        await server('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
