/** What `bridgework` with no command, an unknown one or a wrong form prints (exit 2). */
export const USAGE = `Usage: bridgework <command>

  serve [--seed-if-empty]        run the service (npm start does this, seeding an empty database)
  migrate [--down]               bring the schema up to date (or undo the last migration)
  seed                           add the demo local authorities and sign-ins to an empty database
  demo sign-ins                  print the demo sign-ins again (npm start prints them once it is ready)
  seed --synthetic --participants <N> [--parallel <1-3>]
                                 add a deterministic national-scale outcome history for measuring:
                                 N participants' facts (about 10 each), counts and national roll-ups
                                 over three years in synthetic areas (about 10,000 participants each,
                                 up to 300); a progress bar; PostgreSQL loads 2 batches at once unless told
  clients create --tenant <GSS> --name <name> --scopes "<scope> <scope>" [--organisation <name>]
                                 create an OAuth client; prints {"clientId","clientSecret"}
  audit verify [--checkpoints <file>] [--public-key <file>]
                                 seal what is sealable, then check every tenant's audit hash chain
                                 against its signed checkpoints (stored, and those in the file);
                                 non-zero exit on a break or on rows unsealed for over a minute
  audit seal                     seal now and sign a checkpoint of every moved chain head
  audit checkpoints              every stored checkpoint, as JSON lines (keep them elsewhere)
  audit public-key               the public key that verifies checkpoints (PEM)
  jobs list [--state <pending|running|done|dead>]
                                 the most recent jobs, as JSON lines
  jobs retry <job id>            put a dead job back in the queue
  oidc-keys list                 the keys staff sign-in signs with, as JSON lines (ADR 0044)
  oidc-keys rotate [--now]       publish a new key; it signs after 10 minutes, or at once with --now
  oidc-keys retire <kid>         stop publishing a key that no longer signs
  calc universal-credit [--pretty]
                                 read one JSON household on stdin, print the Universal Credit
                                 result as one line of JSON (indented with --pretty); needs no
                                 database or configuration. Bad input: a JSON error on stderr, exit 2
                                 e.g. bridgework calc universal-credit < household.json
  import directory <file> --tenant <GSS>
                                 import a whole service directory (an HSDS 3.0 package, JSON) into
                                 the council's directory: all of it in one transaction or none
                                 (bad input: exit 2 naming what is wrong); a progress bar on stderr
  import inactivity <file> [--source <text>]
                                 import the Annual Population Survey's economic inactivity estimates
                                 by area from a Nomis CSV (period, value, numerator, denominator,
                                 confidence interval): all rows or none, each bad row named by its
                                 line (exit 2); a progress bar on stderr
  export directory --tenant <GSS> [<file>]
                                 write the council's whole directory as the same HSDS package
                                 (standard output without a file); importing it gives the same directory
  import vacancies FILE --tenant <GSS> [--format csv|nhs-jobs] [--employer <name>] [--soc <code>]
                                 import vacancies, all or nothing: a progress bar, then every bad row
                                 by line (exit 1, nothing written); nhs-jobs reads the NHS Jobs XML
                                 feed for one employer (--employer, --soc for the whole file)
  import record FILE --tenant <GSS> --consent-given-on <YYYY-MM-DD> --consent-method <verbal|written|online>
                                 take in a person's record from another area (a FHIR document Bundle
                                 Bridgework exported), with the date and way they agreed to it moving;
                                 the same file twice is kept once; a bad file is refused whole (exit 2)
  import soc FILE                the ONS SOC 2020 unit groups (CSV) into the shared SOC table
  import postcodes FILE          the ONS Postcode Directory (CSV): postcodes and district centroids
  seed --synthetic [--vacancies N] [--people N] [--tenant <GSS>]
                                 N deterministic synthetic open vacancies, and N synthetic people
                                 (open cases) with work profiles (bench and load testing)
  calc match [--pretty]          read {"person","vacancies"} on stdin, print the matches (best first,
                                 with reasons and near-miss advice) and the vacancies excluded by a
                                 hard limit, as JSON; no database. Bad input: exit 2
  calc access-to-work [--pretty] read {"date","person","needs"} on stdin, print eligibility with its
                                 reasons, the yearly estimate (employer share, the cap) and the
                                 parameters used, as JSON; no database. Bad input: exit 2
`;

/** Bad usage: the message is printed as it is and the command exits 2. */
export class UsageError extends Error {}
