/**
 * Loading a package whose files include Excel workbooks — a MSEL (`msel: {file: msel.xlsx}`) or a
 * scenario's CAD history — which exceljs reads asynchronously: the workbooks are read first, then the
 * package as {@link loadExercise} does.
 */
import { parse as parseYaml } from 'yaml';
import type { InputError, Result } from '../scenario/errors.ts';
import { readSideBytes, type ReadBytes, type ReadFile } from '../scenario/files.ts';
import { parseScenarioText, readWorkbooksOf } from '../scenario/load.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { Workbooks } from '../scenario/workbooks.ts';
import { readXlsxTable } from '../scenario/xlsx-table.ts';
import type { MselTable } from './msel.ts';
import { joinPath, loadExercise, WORKBOOK, type ExercisePackage } from './package.ts';

/** The package's `msel.file` and `scenario.file` as written, when the text parses (else loadExercise names the problem). */
function parsed(yamlText: string): { msel?: { file?: unknown }; scenario?: { file?: unknown } } | null {
  try {
    const doc: unknown = parseYaml(yamlText);
    return doc !== null && typeof doc === 'object' ? doc : null;
  } catch {
    return null;
  }
}

/**
 * Loads a package whose MSEL may be an Excel workbook (`msel: {file: msel.xlsx}`): the workbook is read
 * first (exceljs reads asynchronously), then the package as {@link loadExercise} does.
 */
export async function loadExerciseWithWorkbook(yamlText: string, fileName: string, readFile: ReadFile, readBytes: ReadBytes): Promise<Result<{ pkg: ExercisePackage; scenario: Scenario }>> {
  const doc = parsed(yamlText);
  const sides = { readBytes, workbooks: await scenarioWorkbooks(doc?.scenario?.file, readFile, readBytes) };
  const file = doc?.msel?.file;
  if (typeof file !== 'string' || !WORKBOOK.test(file)) return loadExercise(yamlText, fileName, readFile, {}, sides);
  const errors: InputError[] = [];
  const bytes = readSideBytes(readBytes, file, 'msel.file', errors);
  if (!bytes) return { ok: false, errors };
  const t = await readXlsxTable(bytes, file);
  if (!t.ok) return t;
  const table: MselTable = { header: t.value.header, rows: t.value.rows.map((r) => ({ line: r.line, cells: t.value.header.map((h) => r.cells[h] ?? '') })) };
  return loadExercise(yamlText, fileName, readFile, { [file]: table }, sides);
}

/** The workbooks the package's scenario names (a CAD history saved as .xlsx), read relative to the scenario. */
async function scenarioWorkbooks(scenarioFile: unknown, readFile: ReadFile, readBytes: ReadBytes): Promise<Workbooks> {
  if (typeof scenarioFile !== 'string') return new Map();
  const text = readFile(scenarioFile);
  const parsed = typeof text === 'string' ? parseScenarioText(text, scenarioFile) : null;
  if (!parsed?.ok) return new Map();
  return readWorkbooksOf(parsed.value, (p) => readFile(joinPath(scenarioFile, p)), (p) => readBytes(joinPath(scenarioFile, p)));
}

