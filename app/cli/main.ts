// `npm run cli -- <command>`: administration from a shell, on the same database as the server
// (DATABASE_PATH, default ./data/medforsker.db). Safe to run while the server is running.
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase } from "../../db/connection.server";
import { loadDemo } from "../../db/demo/index.server";
import { emailTaken, invitePerson } from "../accounts/accounts.server";
import { auditAs } from "../accounts/audit.server";
import { checkInstruments } from "../instruments/codebook.server";
import { EXPORT_USAGE, exportCommand } from "../exports/cli.server";
import { readConfig } from "../server/config";
import { keepNewFilesPrivate } from "../server/data-files.server";
import { backupDatabase } from "./backup.server";

const usage = `Usage: npm run cli -- <command> [options]

Commands:
  create-researcher --email X --name Y   create a researcher and print a one-time link
  demo                                   load the demo project afi-2017 (idempotent)
  check-instruments                      validate the instrument definitions in surveys/
  backup --out FILE                      online backup of the database (the app keeps running)
${EXPORT_USAGE}`;

function open() {
  const config = readConfig();
  const { db, sqlite } = openDatabase(config.databasePath);
  migrateDatabase(db);
  return { config, db, sqlite };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // The export command has options of its own.
  if (command === "export") return exportCommand(rest);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, name: { type: "string" }, out: { type: "string" } },
    allowPositionals: false,
  });
  switch (command) {
    case "create-researcher": {
      if (!values.email || !values.name) {
        console.error("create-researcher needs --email and --name\n\n" + usage);
        return 2;
      }
      const { config, db, sqlite } = open();
      if (emailTaken(db, values.email)) {
        console.error(`There is already a person with the e-mail address ${values.email}.`);
        return 1;
      }
      const person = { name: values.name, email: values.email, role: "researcher" as const };
      const { token } = auditAs(null, () => invitePerson(db, person, null), "cli");
      sqlite.close();
      console.log(`Researcher ${values.name} <${values.email}> created.`);
      console.log(`One-time link (valid 14 days, shown only now):\n${config.publicUrl}/invitation/${token}`);
      return 0;
    }
    case "demo": {
      const { db, sqlite } = open();
      const result = await auditAs(null, () => loadDemo(db), "cli");
      sqlite.close();
      if (!result.created.length) {
        console.log("The demo project afi-2017 was already loaded: no new accounts (any missing demo data was added).");
        return 0;
      }
      console.log(`Demo project afi-2017 loaded. ${result.created.length} accounts created; passwords are shown only now:\n`);
      for (const a of result.created) console.log(`  ${a.role.padEnd(15)} ${a.email.padEnd(38)} ${a.password}   ${a.name}`);
      return 0;
    }
    case "check-instruments": {
      const report = checkInstruments(readConfig().surveysDir);
      console.log(report.report);
      return report.ok ? 0 : 1;
    }
    case "backup": {
      if (!values.out) {
        console.error("backup needs --out FILE\n\n" + usage);
        return 2;
      }
      const { sqlite } = open();
      const pages = await backupDatabase(sqlite, values.out);
      sqlite.close();
      console.log(`Backup written to ${values.out} (${pages} pages).`);
      return 0;
    }
    default:
      console.log(usage);
      return command ? 2 : 0;
  }
}

// Backups, export packages and a database made from here are private to their owner.
keepNewFilesPrivate();
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
