// The retention command's days: from --older-than-days, else from SIGHTLINE_RETENTION_DAYS (the
// retention the consent screen tells customers), else a usage error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/retention/cli.ts';

const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-retention-cli-'));
async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(argv, (line) => lines.push(line), env);
  return { code, lines };
}

describe('npm run retention: how many days', () => {
  it('takes SIGHTLINE_RETENTION_DAYS when no --older-than-days is given', async () => {
    const { code, lines } = await run(['--data-dir', empty], { SIGHTLINE_RETENTION_DAYS: '30' });
    // Past the days check: it stops only at the empty data folder.
    expect(code).toBe(2);
    expect(lines.join('\n')).toContain('holds no Sightline database');
  });

  it('refuses to guess without either, and refuses days that are not whole', async () => {
    for (const env of [{}, { SIGHTLINE_RETENTION_DAYS: 'thirty' }, { SIGHTLINE_RETENTION_DAYS: ' ' }]) {
      const { code, lines } = await run(['--data-dir', empty], env);
      expect(code).toBe(2);
      expect(lines.join('\n')).toContain('--older-than-days (or SIGHTLINE_RETENTION_DAYS) must be a whole number');
    }
    const flag = await run(['--data-dir', empty, '--older-than-days', '1.5'], { SIGHTLINE_RETENTION_DAYS: '30' });
    expect(flag.lines.join('\n')).toContain('must be a whole number');
  });
});
