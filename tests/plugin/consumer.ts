// A TypeScript host using the package, type-checked strictly (never run) by types.test.mjs
// against the installed package's .d.ts files. `@ts-expect-error` lines must fail to
// type-check: they prove the types are precise, not `any`.

import {
  Project,
  version,
  type AccuracyResult,
  type CalibrationResult,
  type CheckResult,
  type CoverageResult,
  type Diagnostic,
  type Edit,
  type Floor,
  type ProjectFile,
  type RouteResult,
  type ScenariosResult,
  type ScheduleRow,
} from 'tailplan';
import init, { Project as WebProject } from 'tailplan/web';

/** A project file's text, however the host reads it. */
declare function readText(path: string): string;

export async function host(): Promise<number> {
  const v: string = version();
  const project: Project = Project.fromJSON(readText('office.tailplan.json'), 'office.tailplan.json');
  const floor: Floor = project.floor(project.floorIds()[0] ?? '0');
  const walls: number = floor.walls.length;

  const map: CoverageResult = project.coverage({ floor: floor.id, band: '5', cellM: 0.5 });
  const grid: Float32Array = map.best_rssi_dbm;
  const share: number = map.stats.floor.thresholds[0]?.percent ?? 0;
  // @ts-expect-error: a band is "2.4", "5" or "6"
  project.coverage({ band: '7' });
  // @ts-expect-error: the option is cellM
  project.coverage({ cell: 1 });

  const ap = floor.access_points?.[0];
  if (ap) {
    const move: Edit = {
      edit: 'replace_element',
      element: { ...ap, element: 'access_point', position: [ap.position[0] + 1, ap.position[1]] },
    };
    project.apply(move);
    const undone: boolean = project.undo();
    const again: boolean = project.canRedo && project.redo();
    void [undone, again];
  }
  // @ts-expect-error: no such edit
  project.apply({ edit: 'paint' });

  const survey = project.addSurvey('walk.csv', new Uint8Array());
  const surveyRows: number = survey.rows;
  const accuracy: AccuracyResult = project.accuracy();
  const rmse: number = accuracy.rmse_db + (accuracy.per_ap[0]?.mae_db ?? 0);
  const calibrated: CalibrationResult = project.calibrate({ fit: 'offsets,exponent', folds: 5 });
  const heldOut: number = calibrated.cross_validated.rmse_db + calibrated.exponent.after;
  // @ts-expect-error: the option is wallPriorRows
  project.calibrate({ wallPrior: 3 });
  project.resetCalibration();
  void [surveyRows, rmse, heldOut];

  const routed: RouteResult = project.route();
  const rows: ScheduleRow[] = routed.schedule;
  const metres: number = rows.reduce((m, r) => m + r.total_m, routed.summary.total_m);
  const csv: string = project.csv('schedule');
  const report: CheckResult = project.check();
  const compared: ScenariosResult = project.scenarios({
    scenarios: { scenarios: [{ name: 'spe', rules: [{ match: { kind: 'device', class: 'sensor' }, medium: 'spe' }] }] },
    dutyCycle: 0.5,
  });
  const capex: number | null | undefined = compared.scenarios[0].totals.capex;
  const proposed: number = compared.scenarios[0].totals.gateways_proposed;
  void [capex, proposed];
  // @ts-expect-error: not a medium
  project.scenarios({ scenarios: { scenarios: [{ name: 'x', rules: [{ match: { kind: 'device' }, medium: 'copper' }] }] } });
  const failing: boolean = report.errors > 0;
  // @ts-expect-error: not a table
  project.csv('wiring');
  const svg: string = project.sheet({ floor: floor.id, kind: 'cabling', paper: 'A1', date: '2025-01-31' });
  const pdf: Uint8Array = project.sheetSetPdf({ paper: 'A1', date: '2025-01-31' });
  const file: ProjectFile = project.toJSON();
  const warnings: Diagnostic[] = project.warnings();
  const imported = Project.importFile('plan.dxf', new Uint8Array([48]), { units: 'mm', layers: 'A-WALL*=concrete' });
  // @ts-expect-error: not a unit
  Project.importFile('plan.dxf', new Uint8Array([48]), { units: 'furlong' });
  imported.free();

  await init();
  const inBrowser = new WebProject();
  const empty: number = inBrowser.floorIds().length;
  inBrowser.free();
  project.free();
  return v.length + walls + grid.length + share + metres + csv.length + svg.length + pdf.length + file.floors.length + warnings.length + empty + Number(failing);
}
