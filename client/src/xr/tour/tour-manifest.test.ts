// A broken tour.json's problems in the page's language: zod's own messages from zod's locale, the
// validator's sentences from the tour namespace; the English exactly as protocol/tour.ts writes it.
import { describe, expect, it } from 'vitest';
import { readTour } from '../../../../protocol/tour.ts';
import { readTourIn } from './tour-manifest.ts';

const tour = (fields: Record<string, unknown>) => ({
  version: 1,
  id: 'cabin',
  kind: 'other',
  title: 'Cabin',
  start: 'door',
  scene: 'scene.glb',
  viewpoints: [{ id: 'door', title: 'Door', position: [0, 1.6, 0], yaw: 0 }],
  ...fields,
});
const wrongType = tour({ viewpoints: [{ id: 'door', title: 'Door', position: ['one', 1.6, 0], yaw: 0 }] });
const references = tour({ start: 'roof', links: [{ from: 'door', to: 'door' }], viewpoints: [{ id: 'door', title: 'Door', position: [0, 1.6, 0], yaw: 0 }, { id: 'door', title: 'Door', position: [1, 1.6, 0], yaw: 0 }] });

describe('a broken tour.json in the page’s language', () => {
  it('in English: exactly what the validator says', async () => {
    for (const json of [wrongType, references]) {
      const english = readTour(json);
      expect(english.ok).toBe(false);
      const worded = await readTourIn(json, 'en');
      expect(worded.ok || worded.problems.map(({ path, message }) => ({ path, message }))).toEqual(!english.ok && english.problems.map(({ path, message }) => ({ path, message })));
    }
    const { problems } = (await readTourIn(references, 'en')) as { problems: { message: string }[] };
    expect(problems.map((p) => p.message)).toEqual(['"door" is used twice', 'no viewpoint "roof"', 'a link leads to another viewpoint']);
  });

  it('in Chinese: zod’s message from its zh-CN locale, the validator’s own sentences from the tour namespace, the paths unchanged', async () => {
    const typed = await readTourIn(wrongType, 'zh-CN');
    expect(typed).toMatchObject({ ok: false, problems: [{ path: 'viewpoints[0].position[0]' }] });
    const message = !typed.ok ? typed.problems[0]!.message : '';
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).not.toMatch(/Invalid|expected/);

    const refs = await readTourIn(references, 'zh-CN');
    expect(refs.ok || refs.problems.map((p) => [p.path, p.message])).toEqual([
      ['viewpoints[1].id', '“door”重复使用'],
      ['start', '没有视点“roof”'],
      ['links[0].to', '链接须指向另一个视点'],
    ]);
  });
});
