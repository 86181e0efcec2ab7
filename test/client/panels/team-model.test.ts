import { describe, expect, it } from 'vitest';
import { teamPanelOf } from '../../../src/client/panels/team-model';
import { TEAM_DATA } from '../fixtures';

describe('teamPanelOf', () => {
  it("gives each rep HITRATE's rate, interval and verdict, and the pooled rate", () => {
    const panel = teamPanelOf(TEAM_DATA);
    expect(panel.reps.map((r) => [r.rep, r.won, r.lost, r.rate])).toEqual([
      ['Ana', 13, 17, 13 / 30],
      ['Ben', 10, 20, 1 / 3],
      ['Cy', 0, 0, null],
    ]);
    expect(panel.reps[0].low).toBeLessThan(13 / 30);
    expect(panel.reps[0].vsTeam).toBe('within');
    expect(panel.reps[2]).toMatchObject({ low: null, high: null, vsTeam: '' });
    expect(panel.teamRate).toBe(23 / 60);
  });

  it('gives no rate without reps', () => {
    expect(teamPanelOf({ reps: [] })).toEqual({ reps: [], teamRate: null });
  });
});
