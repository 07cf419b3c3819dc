import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError, usageError } from '../../errors.ts';
import { printable } from '../../util/printable.ts';
import { showValue } from '../../util/show-value.ts';
import { audit } from '../audit.ts';
import { jsonReport } from '../report/json-report.ts';
import { sarifReport } from '../report/sarif-report.ts';
import { failsAt } from '../report/summary.ts';
import { textReport } from '../report/text-report.ts';
import { doctorHelpText } from './doctor-help.ts';
import { parseDoctorCommandLine, type Format } from './doctor-args.ts';

export interface DoctorEnvironment {
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  version: string;
}

async function existingDirectory(cwd: string, given: string): Promise<string> {
  const directory = path.resolve(cwd, given);
  const info = await stat(directory).catch(() => undefined);
  if (!info) throw usageError(`there is no directory ${showValue(given)} to audit`);
  if (!info.isDirectory()) throw usageError(`${showValue(given)} is a file; doctor audits a directory`);
  return directory;
}

/** An error in the chosen format: JSON keeps stdout one object; text and SARIF write to stderr. */
function reportError(environment: DoctorEnvironment, format: Format, error: CliError): void {
  if (format === 'json') {
    environment.stdout.write(`${JSON.stringify({ ok: false, command: 'doctor', error: { code: error.code, message: error.message, details: error.details } }, null, 2)}\n`);
    return;
  }
  // A message may quote the repository (a .gitignore line, a folder name): escaped for the terminal.
  environment.stderr.write(`error: ${printable(error.message)}\n${error.details.map((line) => `${printable(line)}\n`).join('')}`);
}

/**
 * `create-secure-ai-app doctor`: argv (after the word doctor) in, exit code out. Reads
 * the folder and asks git; never writes, never uses the network.
 */
export async function runDoctor(argv: readonly string[], environment: DoctorEnvironment): Promise<number> {
  // Until argv is parsed, errors go out in the format it asked for, as far as can be told.
  let format: Format = argv.includes('--json') || argv.some((arg, index) => arg === '--format=json' || (arg === '--format' && argv[index + 1] === 'json')) ? 'json' : 'text';
  try {
    const commandLine = parseDoctorCommandLine(argv);
    format = commandLine.format;
    if (commandLine.help) return void environment.stdout.write(`${doctorHelpText(environment.version)}\n`), 0;
    const result = await audit(await existingDirectory(environment.cwd, commandLine.directory));
    const report = format === 'json' ? jsonReport(result, commandLine.failOn) : format === 'sarif' ? sarifReport(result, environment.version) : textReport(result, commandLine.failOn);
    environment.stdout.write(`${report}\n`);
    return failsAt(result, commandLine.failOn) ? 1 : 0;
  } catch (caught) {
    const error = caught instanceof CliError ? caught : new CliError('failure', caught instanceof Error ? caught.message : String(caught));
    reportError(environment, format, error);
    return error.exitCode;
  }
}
