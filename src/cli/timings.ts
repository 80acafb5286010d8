/**
 * Phase timings of one run (`--timings`): wall clock and CPU time (user + system of the whole
 * process, worker threads included) between consecutive marks, printed on stderr at the end.
 * The machine is often shared, so CPU time is the steadier of the two.
 */
export class PhaseTimer {
  private readonly rows: Array<{ phase: string; wallMs: number; cpuMs: number }> = [];
  private wall = performance.now();
  private cpu = cpuMs();
  private readonly totals = new Map<string, { wallMs: number; cpuMs: number }>();

  constructor() {
    // performance.now() counts from the process's start: this is node, tsx and the imports.
    this.rows.push({ phase: 'start-up (node, tsx, imports)', wallMs: this.wall, cpuMs: this.cpu });
  }

  /** Closes the phase that ran since the last mark under `phase`'s name. */
  readonly mark = (phase: string): void => {
    const wall = performance.now();
    const cpu = cpuMs();
    this.rows.push({ phase, wallMs: wall - this.wall, cpuMs: cpu - this.cpu });
    this.wall = wall;
    this.cpu = cpu;
  };

  /**
   * Adds time to a phase that is interleaved with others (reading files, cache look-ups): wall
   * clock only, as asking for CPU time once per file costs more than some of these phases.
   */
  add(phase: string, wallMs: number): void {
    const t = this.totals.get(phase) ?? { wallMs: 0, cpuMs: NaN };
    t.wallMs += wallMs;
    this.totals.set(phase, t);
  }

  report(): string {
    const rows = [
      ...[...this.totals].map(([phase, t]) => ({ phase: `  (in it) ${phase}`, ...t })),
      ...this.rows,
    ];
    const total = this.rows.reduce(
      (s, r) => ({ wallMs: s.wallMs + r.wallMs, cpuMs: s.cpuMs + r.cpuMs }),
      { wallMs: 0, cpuMs: 0 },
    );
    return [
      'timings (wall ms / CPU ms):',
      ...rows.map(
        (r) =>
          `  ${r.phase}: ${r.wallMs.toFixed(0)} / ${Number.isNaN(r.cpuMs) ? '–' : r.cpuMs.toFixed(0)}`,
      ),
      `  total: ${total.wallMs.toFixed(0)} / ${total.cpuMs.toFixed(0)}`,
    ].join('\n');
  }
}

export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
