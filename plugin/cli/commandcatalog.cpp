// SPDX-License-Identifier: LGPL-2.1-or-later
#include "commandcatalog.h"

namespace QmsAudit::Cli {
namespace {

const char *const kKeyGroup = "key";
const char *const kNewKeyGroup = "new-key";

std::vector<OptionSpec> logAndKeyOptions()
{
    return {
        {"log", "PATH", "the audit log file (required)", false, {}},
        {"key-file", "FILE",
         "read the raw 256-bit key from FILE: 64 hex characters, readable by its owner only", false, kKeyGroup},
        {"passphrase-env", "VAR", "read the passphrase from environment variable VAR", false, kKeyGroup},
    };
}

std::vector<OptionSpec> withKeyOptions(std::vector<OptionSpec> specific)
{
    std::vector<OptionSpec> options = logAndKeyOptions();
    options.insert(options.end(), specific.begin(), specific.end());
    return options;
}

/// Who is recorded as having used the trail, for the commands that read it (not --actor: query
/// filters by that).
OptionSpec recordedAsOption()
{
    return {"as", "ID", "record this use of the trail as done by user id ID (default: the operating-system user)", false, {}};
}

/// The event filter of the commands that select events (query, sample): CommandOptions::eventFilter().
std::vector<OptionSpec> filterOptions()
{
    return {
        {"from", "TIME", "recorded at or after TIME (ISO 8601; a date means 00:00 UTC)", false, {}},
        {"to", "TIME", "recorded before TIME", false, {}},
        {"occurred-from", "TIME", "happened at or after TIME (occurred_at, or recorded_at when the event has none)", false, {}},
        {"occurred-to", "TIME", "happened before TIME", false, {}},
        {"actor", "ID", "only events by this user id", false, {}},
        {"action", "ACTION[,ACTION...]", "only these actions (repeatable)", true, {}},
        {"object-id", "ID", "only events on this object id", false, {}},
        {"object-type", "TYPE", "only events on objects of this type", false, {}},
        {"outcome", "OUTCOME", "only success, denied or failed events", false, {}},
        {"text", "WORDS", "words (or word prefixes) that must all occur in the object title or reason", false, {}},
    };
}

/// The period and figures of the management-review commands (review-summary, review-report): ReviewOptionParser.
std::vector<OptionSpec> reviewPeriodOptions()
{
    return {
        {"period", "PERIOD", "the period (required): 2026, 2026-Q3, 2026-07 or 2026-07-01..2026-07-15", false, {}},
        {"compare-previous", {}, "also answer the period before, and compare", false, {}},
        {"top", "N", "entries in each ranking (default 10)", false, {}},
        {"stale-after", "DAYS", "a document unrevised and unreviewed this long is stale (default 365)", false, {}},
    };
}

/// Where checkpoints are kept besides the file next to the log (AnchorOptions::sinks()).
std::vector<OptionSpec> anchorOptions(bool withSyslog)
{
    std::vector<OptionSpec> options = {
        {"anchor-dir", "DIR", "anchor directory: one file per checkpoint, never overwritten (repeatable)", true, {}},
        {"anchor-file", "FILE", "anchor file: every checkpoint appended (repeatable)", true, {}},
    };
    if (withSyslog)
        options.push_back({"syslog", "HOST:PORT", "also send the checkpoint as an RFC 5424 syslog message over UDP (repeatable)", true, {}});
    return options;
}

/// Who signs or signed the checkpoints (AnchorOptions::origin() and keyName()).
std::vector<OptionSpec> checkpointIdentityOptions()
{
    return {
        {"origin", "ORIGIN", "the checkpoint origin (default qmsaudit/<log id>)", false, {}},
        {"key-name", "NAME", "the signed-note name of the checkpoint key (default: the origin)", false, {}},
    };
}

/// @p first, then @p more.
std::vector<OptionSpec> joined(std::vector<OptionSpec> first, const std::vector<OptionSpec> &more)
{
    first.insert(first.end(), more.begin(), more.end());
    return first;
}

std::vector<CommandSpec> buildCatalog()
{
    std::vector<CommandSpec> commands;

    commands.push_back({
        "init",
        "create a new encrypted audit log",
        "--log PATH (--key-file FILE | --passphrase-env VAR | --generate-key-file FILE) [--reason-optional]",
        "Creates an empty log. Refuses to overwrite an existing file. By default every change action "
        "(create, edit, revise, delete, obsolete, restore) must carry a reason; the policy is stored in the log.",
        withKeyOptions({
            {"generate-key-file", "FILE",
             "write a fresh random key to FILE (mode 0600, must not exist) and encrypt the new log with it",
             false, kKeyGroup},
            {"reason-optional", {}, "do not require a reason for any action", false, {}},
        }),
    });

    commands.push_back({
        "record",
        "append one event and print its seq",
        "--log PATH KEY --actor ID --action ACTION --object-id ID [options]",
        "Appends one event and prints its sequence number on stdout. --change takes FIELD=OLD=>NEW "
        "(OLD may be empty: FIELD==>NEW); --attr takes KEY=VALUE.",
        withKeyOptions({
            {"actor", "ID", "user id of who did it (required)", false, {}},
            {"actor-name", "NAME", "display name of the actor", false, {}},
            {"role", "ROLE", "a role the actor held (repeatable)", true, {}},
            {"action", "ACTION", "what was done (required; see the list below)", false, {}},
            {"object-id", "ID", "id of the document or record acted on (required)", false, {}},
            {"object-type", "TYPE", "type of the object (default: document)", false, {}},
            {"object-version", "VERSION", "revision of the object", false, {}},
            {"object-title", "TITLE", "title of the object at the time", false, {}},
            {"reason", "TEXT", "why it was done (required for change actions unless the log says otherwise)", false, {}},
            {"change", "FIELD=OLD=>NEW", "one changed field (repeatable)", true, {}},
            {"outcome", "OUTCOME", "success (default), denied or failed", false, {}},
            {"attr", "KEY=VALUE", "a free-form attribute (repeatable)", true, {}},
            {"signature-meaning", "TEXT", "meaning of a signature, e.g. \"approved as author\" (required for sign)", false, {}},
            {"session", "ID", "session id of the host application", false, {}},
            {"occurred-at", "TIME", "when it really happened (ISO 8601), if not now", false, {}},
        }),
    });

    commands.push_back({
        "import",
        "append events read as JSON Lines from stdin, all or nothing",
        "--log PATH KEY --actor ID [--reason TEXT] < events.jsonl",
        "Reads one event per line in the export JSON form (blank lines are ignored) and appends them in one "
        "transaction as it reads: one bad line aborts the import and nothing of it is kept. Refused: invalid JSON, "
        "a key given twice in one object, events the log's policy refuses, and actions only the library writes "
        "(started, stopped, clock_anomaly, record_failed, key_rotated, key_rotation_started, trail_imported). "
        "Incoming seq, hash and recorded_at are replaced by the log; an event without occurred_at keeps its "
        "recorded_at as occurred_at. A trail_imported event by --actor closes the import: how many events, "
        "their seq range and the SHA-256 of the input; a failed import is recorded as a failed trail_imported event.",
        withKeyOptions({
            {"actor", "ID", "user id of the person importing (required)", false, {}},
            {"actor-name", "NAME", "display name of the person importing", false, {}},
            {"reason", "TEXT", "why the history is imported", false, {}},
        }),
    });

    commands.push_back({
        "query",
        "print matching events as a table, JSON Lines or CSV",
        "--log PATH KEY [filters] [--order oldest|newest] [--limit N] [--after-seq SEQ] [--before-seq SEQ] [--all] "
        "[--format table|jsonl|csv [--spreadsheet-safe]] [--as ID]",
        "Prints the events that match every filter, oldest first (ascending seq) or with --order newest newest first. Without --all at "
        "most --limit events are printed; when more match, a note on stderr names the --after-seq (oldest first) or --before-seq "
        "(newest first) value that continues the listing. Afterwards the listing is recorded in the log as a trail_viewed event by "
        "--as or the operating-system user, with the filter and the number of events printed; a log you cannot write is left "
        "unchanged, with a note on stderr.",
        withKeyOptions(joined(filterOptions(), {
            {"limit", "N", "page size, 1 to 10000 (default 100)", false, {}},
            {"after-seq", "SEQ", "only events after this seq (keyset paging; default 0)", false, {}},
            {"before-seq", "SEQ", "only events before this seq (keyset paging, newest first)", false, {}},
            {"order", "ORDER", "oldest (default: ascending seq, what import expects) or newest", false, {}},
            {"all", {}, "print every matching event, fetching page after page", false, {}},
            {"format", "FORMAT", "table (default), jsonl or csv", false, {}},
            {"spreadsheet-safe", {}, "with --format csv: an apostrophe before cells a spreadsheet would run as a formula", false, {}},
            recordedAsOption(),
        })),
    });

    commands.push_back({
        "sample",
        "draw a reproducible random sample of events for review",
        "--log PATH KEY --size N --seed S [--up-to-seq SEQ] [--stratify] [--denied] [filters] [--format table|jsonl|csv [--spreadsheet-safe]] [--as ID]",
        "Draws --size events at random from the population: the events that match every filter up to and including "
        "seq --up-to-seq (default: the log's newest). The same filters, last seq and seed draw the same sample on any "
        "machine, however many events were recorded since: an inspector can re-draw it (docs/sampling.md). --stratify "
        "shares the size among the action groups in proportion to their counts; --denied adds every denied attempt of the "
        "population as targeted picks, printed after the random ones. A first line on stderr defines the sample: filter, "
        "last seq, seed, size, population size and the population's SHA-256 digest. Afterwards the draw is recorded in the "
        "log as a trail_viewed event by --as or the operating-system user with that definition; a log you cannot write "
        "is left unchanged, with a note on stderr.",
        withKeyOptions(joined(filterOptions(), {
            {"size", "N", "how many random picks, 1 to 100000 (required)", false, {}},
            {"seed", "S", "the random seed, 0 to 9223372036854775807 (required; write it down)", false, {}},
            {"up-to-seq", "SEQ", "the population's last seq (default: the log's newest, named on stderr)", false, {}},
            {"stratify", {}, "draw each action group in proportion to its share", false, {}},
            {"denied", {}, "also print every denied attempt of the population (targeted picks)", false, {}},
            {"format", "FORMAT", "table (default), jsonl or csv", false, {}},
            {"spreadsheet-safe", {}, "with --format csv: an apostrophe before cells a spreadsheet would run as a formula", false, {}},
            recordedAsOption(),
        })),
    });

    commands.push_back({
        "export",
        "write matching events to an evidence file and record its SHA-256",
        "--log PATH KEY (--format jsonl|csv|pdf [--spreadsheet-safe] [--document-report] --out FILE | --pack FILE.zip "
        "--signing-key KEY.pem [--key-name NAME]) [filters] [--as ID]",
        "Writes every event that matches the filters (the same as query's), oldest first, to FILE in the export form: "
        "JSON Lines, or CSV (RFC 4180), verbatim or with --spreadsheet-safe; or as a PDF evidence report that verifies "
        "the log first and states the result on page 1 (docs/reports.md; at most 25000 events). With --format pdf, "
        "--document-report --object-id ID [--object-type TYPE] makes the audit-trail report of one document instead: "
        "every event on it, with old and new values and signature meanings. FILE must not exist; it appears only when "
        "complete. Prints the number of events and the file's SHA-256, and records the export in the log as a "
        "trail_exported event by --as or the operating-system user with the filter, the format, the file's name, its "
        "SHA-256 and the event count; a log you cannot write is left unchanged, with a note on stderr. A PDF report "
        "of a log that fails verification is written and exits 3. With --pack FILE.zip instead of --format and --out, "
        "writes an evidence pack an inspector checks offline (docs/evidence-packs.md): events.jsonl, report.pdf, "
        "proofs.jsonl (per event its canonical encoding and inclusion proof), checkpoint (signed with the Ed25519 key "
        "of --signing-key, a PEM file readable by its owner only), public-key.pem, README.txt, SHA256SUMS and "
        "SHA256SUMS.sig, all of one tree size; recorded with format pack. A log that fails verification gets no pack "
        "and exits 3.",
        withKeyOptions(joined(filterOptions(), {
            {"format", "FORMAT", "jsonl, csv or pdf (required unless --pack)", false, {}},
            {"spreadsheet-safe", {}, "with --format csv: an apostrophe before cells a spreadsheet would run as a formula", false, {}},
            {"document-report", {}, "with --format pdf and --object-id: the document's audit-trail report", false, {}},
            {"out", "FILE", "the file to write (must not exist)", false, {}},
            {"pack", "FILE.zip", "write an evidence pack instead (must not exist)", false, {}},
            {"signing-key", "KEY.pem", "with --pack: the Ed25519 private key that signs the checkpoint and SHA256SUMS", false, {}},
            {"key-name", "NAME", "with --pack: the checkpoint's key name (default: its origin, qmsaudit/<log id>)", false, {}},
            recordedAsOption(),
        })),
    });

    commands.push_back({
        "verify-pack",
        "check an evidence pack offline: signatures, file hashes, proofs and events",
        "FILE.zip [--trusted-key PUB.pem] [--origin ORIGIN]",
        "Checks an evidence pack made by export --pack, without the log (docs/evidence-packs.md): SHA256SUMS.sig "
        "against public-key.pem, and with --trusted-key that public-key.pem is that key; every file against "
        "SHA256SUMS, and no file unlisted; the checkpoint's signature and, with --origin, its origin; every inclusion "
        "proof against the checkpoint's root; and that each proof's canonical encoding is the event on the same line "
        "of events.jsonl. Prints OK with the events and the checkpoint, or FAILED and every finding with its file, "
        "line and seq. Without --trusted-key the pack is only found self-consistent: anyone holding the private key "
        "of its public-key.pem could have made it. Exits 3 for a changed, missing or extra file, proof or event, 7 "
        "for a signature that does not verify or a key other than the trusted one, 4 for a file that is no zip.",
        {
            {"trusted-key", "PUB.pem", "the Ed25519 public key (PEM) the pack must be signed with", false, {}},
            {"origin", "ORIGIN", "the checkpoint's origin must be this one (qmsaudit/<log id>)", false, {}},
        },
    });

    commands.push_back({
        "anomalies",
        "flag anomalies of a period: after hours, bulk access, denied bursts, ...",
        "--log PATH KEY --from TIME --to TIME [--rules FILE] [--rule RULE[,RULE...]] [--actor ID] [--format text|json] [--as ID]",
        "Scans the events recorded in [--from, --to) with the anomaly rules of the management review (docs/anomalies.md): "
        "after_hours (work outside the site calendar's working time), bulk_access (far more distinct documents in an hour "
        "than the user's own baseline over the days before), denied_burst (many denied attempts within minutes), "
        "released_edit (a change of a released document before a new revision), self_approval (approval or signature by an "
        "author of the change where a second person is required) and clock (clock_anomaly events, occurred_at far from "
        "recorded_at). Prints each flag with its rule, severity, user, document, times, explanation and the seqs of the "
        "events behind it. The thresholds and the site calendar come from --rules FILE (JSON; default: the documented "
        "defaults); a file that cannot be read or is invalid exits 6. Afterwards the scan is recorded in the log as a "
        "trail_viewed event by --as or the operating-system user, with the period, the rules and the number of flags; a "
        "log you cannot write is left unchanged, with a note on stderr.",
        withKeyOptions({
            {"from", "TIME", "the period starts at TIME (ISO 8601; required)", false, {}},
            {"to", "TIME", "the period ends before TIME (required)", false, {}},
            {"rules", "FILE", "the rules and thresholds as JSON (default: the documented defaults)", false, {}},
            {"rule", "RULE[,RULE...]", "run only these rules: after_hours, bulk_access, denied_burst, released_edit, "
                                       "self_approval, clock (repeatable)", true, {}},
            {"actor", "ID", "print only the flags of this user id", false, {}},
            {"format", "FORMAT", "text (default) or json", false, {}},
            recordedAsOption(),
        }),
    });

    commands.push_back({
        "review",
        "record a review of the trail: events reviewed, a finding, or the signed statement",
        "--log PATH KEY --kind events_reviewed|finding|trail_reviewed [--seqs SEQ[,SEQ...]] [--comment TEXT] "
        "[--period-from TIME --period-to TIME --scope TEXT --result TEXT --meaning TEXT --name NAME] [--as ID]",
        "Appends one review_recorded event on the trail and prints its seq (docs/reviews.md). A review never changes "
        "the events it covers: it names them. events_reviewed: these seqs were looked at (--seqs, --comment). finding: "
        "something found in these seqs (--seqs, and --comment saying what). trail_reviewed: the statement that the "
        "audit trail was reviewed for [--period-from, --period-to) with --scope and --result, e-signed by --as with "
        "the printed --name and the --meaning of the signature. A record that lacks what its kind needs exits 1 and "
        "writes nothing.",
        withKeyOptions({
            {"kind", "KIND", "events_reviewed, finding or trail_reviewed (required)", false, {}},
            {"seqs", "SEQ[,SEQ...]", "the events covered, at most 400 (repeatable)", true, {}},
            {"comment", "TEXT", "what the reviewer says (the event's reason); required for a finding", false, {}},
            {"period-from", "TIME", "trail_reviewed: the period reviewed starts at TIME", false, {}},
            {"period-to", "TIME", "trail_reviewed: the period ends before TIME", false, {}},
            {"scope", "TEXT", "trail_reviewed: what was in scope", false, {}},
            {"result", "TEXT", "trail_reviewed: the verdict (required)", false, {}},
            {"meaning", "TEXT", "trail_reviewed: the meaning of the signature (required)", false, {}},
            {"name", "NAME", "the reviewer's printed name (required for trail_reviewed)", false, {}},
            {"as", "ID", "the reviewer's user id (default: the operating-system user)", false, {}},
        }),
    });

    commands.push_back({
        "verify",
        "recompute the hash chain and check the storage",
        "--log PATH KEY [--expect-head SEQ:HEX] [--public-key PUB.pem [--checkpoint FILE] [--anchor-dir DIR]] [--as ID]",
        "Recomputes the whole hash chain and the Merkle tree and checks the encrypted storage pages. With --public-key "
        "it then compares the log with each --checkpoint and with the newest checkpoint beside it or in the anchors: "
        "exit 3 naming a checkpoint the log does not extend (cut short, rolled back, rewritten), 7 for one not signed "
        "by the key. Prints \"OK <count> events, "
        "head <hash>\" and exits 0, or prints the failure with every finding and exits 3. Afterwards the check, "
        "whatever its result, is recorded in the log as a trail_verified event by --as or the operating-system user, "
        "with the result, the count, the last seq and the head (and the first bad seq); a log you cannot write is left "
        "unchanged, with a note on stderr. No event already in the log is ever changed.",
        joined(withKeyOptions({
            {"expect-head", "SEQ:HEX",
             "also require event SEQ to have hash HEX (a head anchored elsewhere earlier)", false, {}},
            {"public-key", "PUB.pem", "compare the log with signed checkpoints: the Ed25519 public key that signs them", false, {}},
            {"checkpoint", "FILE", "a checkpoint kept earlier to compare the log with (repeatable; needs --public-key)", true, {}},
            recordedAsOption(),
        }), joined(anchorOptions(false), checkpointIdentityOptions())),
    });

    commands.push_back({
        "checkpoint",
        "sign the log's Merkle tree head now and anchor it",
        "--log PATH KEY --signing-key FILE [--anchor-dir DIR] [--anchor-file FILE] [--syslog HOST:PORT]",
        "Signs a C2SP checkpoint (origin, number of events, Merkle root) with the Ed25519 private key in FILE "
        "(PEM, as openssl genpkey -algorithm ed25519 makes; readable by its owner only; not the log key), writes it "
        "to <log>.checkpoint and to every anchor named, and prints it (docs/anchors.md). A checkpoint kept where "
        "whoever can change the log cannot reach it lets verify --public-key find a log cut short, rolled back "
        "or rewritten. Exits 3 when an anchor directory holds a different checkpoint of the same size (a fork), "
        "4 when an anchor cannot be written (the others still get the checkpoint).",
        joined(withKeyOptions({
            {"signing-key", "FILE", "the Ed25519 private key (PEM) that signs checkpoints (required)", false, {}},
        }), joined(anchorOptions(true), checkpointIdentityOptions())),
    });

    commands.push_back({
        "consistency",
        "prove from the log that one signed checkpoint extends an older one",
        "OLD NEW --log PATH KEY --public-key PUB.pem",
        "Checks the signatures of the checkpoint files OLD and NEW, that the log extends NEW, and that the log's "
        "consistency proof (RFC 9162 section 2.1.4) joins OLD's root to NEW's: nothing of OLD's events was changed, "
        "removed or reordered by the time NEW was made. Prints the proof. Exits 3 when NEW does not extend OLD or "
        "the log does not extend NEW, 7 when a checkpoint is not signed by the key.",
        joined(withKeyOptions({
            {"public-key", "PUB.pem", "the Ed25519 public key that signs the checkpoints (required)", false, {}},
        }), checkpointIdentityOptions()),
    });

    commands.push_back({
        "stats",
        "count events by action, actor, object type, outcome and day",
        "--log PATH KEY [--from TIME] [--to TIME] [--format table|json] [--as ID]",
        "Counts the events recorded in [--from, --to) by action, actor, object type, outcome and UTC calendar day. "
        "Afterwards this is recorded in the log as a trail_viewed event by --as or the operating-system user, with the "
        "time range and the total counted; a log you cannot write is left unchanged, with a note on stderr.",
        withKeyOptions({
            {"from", "TIME", "recorded at or after TIME (ISO 8601)", false, {}},
            {"to", "TIME", "recorded before TIME", false, {}},
            {"format", "FORMAT", "table (default) or json", false, {}},
            recordedAsOption(),
        }),
    });

    commands.push_back({
        "review-summary",
        "the management review's figures for a period, compared with the one before",
        "--log PATH KEY --period PERIOD [--compare-previous] [--top N] [--stale-after DAYS] [--format table|json] [--as ID]",
        "Answers what the log shows for a period of whole UTC days (ISO 9001 clause 9.3): events by action, action group, "
        "person, object type, outcome, day, ISO week and month; changes, approvals, releases, denied attempts and changes "
        "without a reason; median and 90th-percentile time from submit to approve and to release per object type; "
        "documents with no revision or review for --stale-after days at the period's end; the most accessed documents "
        "and the people with the most changes (docs/aggregates.md). PERIOD is a year (2026), a quarter (2026-Q3), a month "
        "(2026-07) or FROM..TO (2026-07-01..2026-07-15, TO excluded). With --compare-previous the period before (the "
        "previous month, quarter or year, or as many days) is answered too, with each key figure's change and "
        "direction. Afterwards this is recorded in the log as a trail_viewed event by --as or the operating-system user.",
        withKeyOptions(joined(reviewPeriodOptions(), {
            {"format", "FORMAT", "table (default) or json", false, {}},
            recordedAsOption(),
        })),
    });

    commands.push_back({
        "review-report",
        "write the management review report of a period as PDF, with its charts, and record its SHA-256",
        "--log PATH KEY --period PERIOD [--compare-previous] [--top N] [--stale-after DAYS] [--rules FILE] --out FILE.pdf [--as ID]",
        "Writes the management review report (ISO 9001 clause 9.3) of a period of whole UTC days to FILE.pdf "
        "(docs/reports.md): page 1 states the log, its head and the result of verifying it as verify does; then the key "
        "figures (with --compare-previous beside the period before, with change and direction), charts of the events per "
        "ISO week by action group, of changes, approvals and releases and of denied attempts per week, of the most "
        "accessed documents, the users with the most changes and the cycle times; the anomaly flags of the period with "
        "their seqs (rules from --rules FILE, as for anomalies; an unreadable or invalid file exits 6); the integrity "
        "status; the audit-trail review coverage per month by the recorded trail_reviewed statements; the stale documents "
        "and the changes without a reason. PERIOD is as for review-summary. FILE must not exist; it appears only when "
        "complete. Prints the file's SHA-256 and records the report in the log as a trail_exported event by --as or the "
        "operating-system user with the period, the format pdf, the file's name and its SHA-256; a log you cannot write "
        "is left unchanged, with a note on stderr. A report of a log that fails verification is written and exits 3.",
        withKeyOptions(joined(reviewPeriodOptions(), {
            {"rules", "FILE", "the anomaly rules and thresholds as JSON (default: the documented defaults)", false, {}},
            {"out", "FILE", "the PDF to write (must not exist)", false, {}},
            recordedAsOption(),
        })),
    });

    commands.push_back({
        "generate",
        "create a new log filled with a reproducible synthetic history",
        "--log PATH KEY --events N [--months M] [--seed S] [--start DATE]",
        "Creates a new log (refusing an existing file) and appends N realistic events through the normal append "
        "path, in batches of one transaction each, with recorded_at spread over M months from --start by "
        "working hours and weekdays: thousands of users with skewed activity, tens of thousands of documents "
        "with versions, mostly views, edits with reasons, workflow, signatures, logins and denied attempts. "
        "The same seed and sizes give the same events. For tests and benchmarks, never for a production log.",
        withKeyOptions({
            {"events", "N", "how many events to append (required)", false, {}},
            {"months", "M", "months of history (default 12)", false, {}},
            {"seed", "S", "seed of the random history (default 1)", false, {}},
            {"start", "TIME", "earliest recorded_at (ISO 8601; default 2025-01-01)", false, {}},
        }),
    });

    commands.push_back({
        "rekey",
        "re-encrypt the log under a new key and record who did it",
        "--log PATH KEY (--new-key-file FILE | --new-passphrase-env VAR | --generate-new-key-file FILE) --actor ID",
        "Re-encrypts the log and appends a key_rotated event. On failure the log stays readable with the old key.",
        withKeyOptions({
            {"new-key-file", "FILE", "the new raw key file (64 hex characters, mode 0600)", false, kNewKeyGroup},
            {"new-passphrase-env", "VAR", "read the new passphrase from environment variable VAR", false, kNewKeyGroup},
            {"generate-new-key-file", "FILE", "write a fresh random key to FILE (must not exist) and use it",
             false, kNewKeyGroup},
            {"actor", "ID", "user id of who rotated the key (required)", false, {}},
            {"actor-name", "NAME", "display name of that user", false, {}},
            {"reason", "TEXT", "why the key was rotated", false, {}},
        }),
    });

    return commands;
}

} // namespace

const OptionSpec *CommandSpec::option(std::string_view optionName) const
{
    for (const OptionSpec &spec : options) {
        if (spec.name == optionName)
            return &spec;
    }
    return nullptr;
}

const std::vector<CommandSpec> &CommandCatalog::commands()
{
    static const std::vector<CommandSpec> catalog = buildCatalog();
    return catalog;
}

const CommandSpec *CommandCatalog::find(std::string_view name)
{
    for (const CommandSpec &command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

std::string CommandCatalog::exitCodesHelp()
{
    return "Exit codes:\n"
           "  0  success\n"
           "  1  usage error or invalid input: unknown command or option, missing or\n"
           "     invalid value, invalid event, reason required, log or key file exists\n"
           "  2  the log cannot be opened: not found, wrong key, not a QmsAudit log, not\n"
           "     encrypted, SQLCipher unavailable, key unavailable (missing or unsafe key\n"
           "     file, unset or empty passphrase variable)\n"
           "  3  integrity failure: verification failed, the log is damaged, or it is\n"
           "     shorter than or inconsistent with a checkpoint; a pack's file or proof\n"
           "     does not match\n"
           "  4  I/O error, lock timeout or internal error\n"
           "  5  the command did its work, but could not record this use of the trail\n"
           "     in the log, which is writable\n"
           "  6  anomalies, review-report: the --rules file cannot be read or is invalid\n"
           "  7  a checkpoint or evidence pack is not signed by the trusted key (forged,\n"
           "     signed by another key, or checked with the wrong public key)\n";
}

} // namespace QmsAudit::Cli
