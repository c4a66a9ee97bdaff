"""Writes the figures of one bench/run.sh run (target/run/results.txt) into README.md between the
bench:results markers, replacing the previous table; with "-" for README, prints the table only (a run of one
scenario: its figures must not replace the full run's). Usage: report.py RESULTS README|-"""
import statistics
import sys

START, END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"


def read(path):
    values = {}
    for line in open(path, encoding="utf-8"):
        if "=" in line:
            key, value = line.rstrip("\n").split("=", 1)
            values[key] = value
    return values


def num(v, key):
    try:
        return float(v[key])
    except (KeyError, ValueError):
        return None


def fmt(x, digits=0):
    return "–" if x is None else f"{x:,.{digits}f}"


def main(results, readme):
    v = read(results)
    rows = []

    def row(what, result, load, target):
        rows.append(f"| {what} | {result} | {load} | {target} |")

    if "classifier.ops_per_s" in v:
        row("classification, 200-character messages, one thread (JMH)",
            f"{fmt(num(v, 'classifier.ops_per_s'))} messages/s", "–", "≥ 50,000")
    if "classifier.rules_only_ops_per_s" in v:
        row("the same, rules alone (without the learned model, for comparison)",
            f"{fmt(num(v, 'classifier.rules_only_ops_per_s'))} messages/s", "–", "–")

    rounds = sorted({k.split(".")[2] for k in v if k.startswith("ingest.service.r") and k.endswith(".rps")})
    if rounds:
        def side(name, key):
            return [num(v, f"ingest.{name}.{r}.{key}") for r in rounds if num(v, f"ingest.{name}.{r}.{key}") is not None]
        svc, rcv = side("service", "rps"), side("receiver", "rps")
        svc99, rcv99 = side("service", "p99_ms"), side("receiver", "p99_ms")
        def loads_of(name):
            return ", ".join(v[f"ingest.{name}.load.{r[1:]}"] for r in rounds if f"ingest.{name}.load.{r[1:]}" in v)
        ratio = statistics.median(svc) / statistics.median(rcv) if svc and rcv else None
        row("(a) ingest, signed Twilio SMS, service `java -jar`: req/s (p99)",
            f"median **{fmt(statistics.median(svc))}** req/s (runs {', '.join(fmt(x) for x in svc)}), "
            f"p99 {fmt(statistics.median(svc99))} ms", loads_of("service"), "")
        row("(a) ingest, hand-written receiver (`bench/`), same requests and database",
            f"median **{fmt(statistics.median(rcv))}** req/s (runs {', '.join(fmt(x) for x in rcv)}), "
            f"p99 {fmt(statistics.median(rcv99))} ms", loads_of("receiver"), "")
        row("(a) ingest ratio of medians, service / receiver", f"**{fmt(ratio, 2)}×**", "", "≥ 1.0× (aim 2×), p99 no worse")

    if "drain.done_s" in v or "drain.timeout" in v:
        row(f"(b) drain: {v.get('drain.messages', '?')} messages posted at once, until every job is DONE",
            f"**{fmt(num(v, 'drain.msgs_per_s'), 1)} messages/s** (all done in {v.get('drain.done_s', 'timeout')} s; "
            f"all classified after {v.get('drain.classified_s', '?')} s; ingest {fmt(num(v, 'drain.ingest.rps'))} req/s; "
            f"{v.get('drain.commits_per_message', '?')} PostgreSQL commits per message; "
            f"{v.get('drain.jvm_cpu_ms_per_message', '?')} ms of the service's CPU per message, its ingest included)",
            f"{v.get('drain.load_before', '?')} → {v.get('drain.load_after', '?')}", "≥ 500 messages/s")

    if "emergency.cold.ws_max_ms" in v:
        row("(c) emergency, the first after a fresh start (one; code not yet compiled)",
            f"WebSocket {v['emergency.cold.ws_max_ms']} ms, SMS {v['emergency.cold.sms_max_ms']} ms",
            v.get("emergency.cold.load", "?"), "")
    for case, label, target in (("idle", f"(c) emergency, idle (after {v.get('warmup', '?')} "
                                         "ordinary messages and 5 emergencies worked off)", "≤ 250 ms p99"),
                                ("backlog", "(c) emergency behind a backlog", "≤ 1 s p99 behind 10,000")):
        p = f"emergency.{case}."
        if p + "ws_p99_ms" in v:
            behind = f" of {v[p + 'backlog_at_first']} waiting" if p + "backlog_at_first" in v else ""
            row(f"{label}{behind}: webhook → dashboard WebSocket / → SMS at the Twilio stand-in",
                f"WebSocket p50 {v[p + 'ws_p50_ms']} ms, **p99 {v[p + 'ws_p99_ms']} ms** ({v[p + 'ws_arrived']} arrived); "
                f"SMS p50 {v[p + 'sms_p50_ms']} ms, **p99 {v[p + 'sms_p99_ms']} ms** ({v[p + 'sms_arrived']})",
                v.get(p + "load", "?"), target)

    if "boards.alert_p99_ms" in v:
        row(f"(e) {v.get('boards.connections_accepted', '?')} authenticated dispatch-board WebSocket connections "
            f"(opened in {v.get('boards.connect_all_s', '?')} s): emergency webhook → alert at every connection",
            f"p50 {v['boards.alert_p50_ms']} ms, **p99 {v['boards.alert_p99_ms']} ms**, max {v['boards.alert_max_ms']} ms "
            f"({v.get('boards.alerts_arrived', '?')} alerts arrived); service RSS {v.get('boards.rss_before_mib', '?')} MiB "
            f"before, **{v.get('boards.rss_open_mib', '?')} MiB** with them open",
            v.get("boards.load", "?"), "≤ 1 s p99 at every connection")

    rss = {k.split(".")[0]: num(v, k) for k in v if k.endswith(".rss_peak_mib")}
    plain = [rss[k] for k in ("main",) if rss.get(k)]
    if plain:
        row("(d) resident memory (JVM VmRSS peak under load), `java -jar` without options",
            f"**{fmt(max(plain))} MiB** (peak over the scenarios above)", "", "≤ 600 MiB")
    if rss.get("docker"):
        row(f"(d) resident memory, as the Dockerfile runs it (`{v.get('memory.java_tool_options', '')}`)",
            f"**{fmt(rss['docker'])} MiB** (30 s of ingest, {fmt(num(v, 'docker.load.rps'))} req/s, with processing)",
            v.get("docker.load_at_start", "?"), "≤ 600 MiB")
    starts = [num(v, f"{k}.startup_s") for k in ("main", "docker") if num(v, f"{k}.startup_s")]
    if starts:
        loads = [v[f"{k}.load_at_start"] for k in ("main", "docker") if f"{k}.load_at_start" in v]
        row("(d) startup to health UP, fresh data folder (initdb included)",
            f"median **{fmt(statistics.median(starts), 1)} s** (" + ", ".join(fmt(s, 1) for s in starts) + ")",
            ", ".join(loads), "≤ 10 s")
    if num(v, "restart.startup_s"):
        row("(d) startup to health UP, restart on existing data", f"**{v['restart.startup_s']} s**",
            v.get("restart.load_at_start", "?"), "≤ 10 s")

    table = "\n".join([
        START,
        f"Last run: {v.get('date', '?')}; {v.get('machine', '?')}; {v.get('settings', '')}. "
        "Load average: the 1-minute figure when the measurement started (the machine is shared with builds).",
        "",
        "| scenario | result | load average | target |",
        "| --- | --- | --- | --- |",
        *rows,
        END,
    ])
    if readme == "-":
        print(table)
        return
    text = open(readme, encoding="utf-8").read()
    if START in text and END in text:
        text = text[:text.index(START)] + table + text[text.index(END) + len(END):]
    else:
        raise SystemExit(f"{readme}: markers {START} / {END} not found")
    open(readme, "w", encoding="utf-8").write(text)
    print(table)


def compare(results):
    """The before/after drain comparison of `run.sh compare`, as a small table (printed)."""
    v = read(results)
    lines = ["| build | drain messages/s per run | median | ingest req/s (median) | PostgreSQL commits per message | service CPU ms per message | JVM RSS peak MiB | load average |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    medians = {}
    for side in ("before", "after"):
        rounds = sorted({k.split(".")[2] for k in v if k.startswith(f"compare.{side}.r") and k.endswith(".msgs_per_s")})
        rates = [num(v, f"compare.{side}.{r}.msgs_per_s") for r in rounds]
        ingest = [num(v, f"compare.{side}.{r}.ingest.rps") for r in rounds]
        rss = [num(v, f"compare.{side}.{r}.rss_peak_mib") for r in rounds]
        loads = [v.get(f"compare.{side}.{r}.load", "?") for r in rounds]
        commits = [v.get(f"compare.{side}.{r}.commits_per_message", "?") for r in rounds]
        cpu = [v.get(f"compare.{side}.{r}.jvm_cpu_ms_per_message", "?") for r in rounds]
        if rates:
            medians[side] = statistics.median(rates)
            lines.append(f"| {side} | {', '.join(fmt(x, 1) for x in rates)} | **{fmt(medians[side], 1)}** | "
                         f"{fmt(statistics.median(ingest))} | {', '.join(commits)} | {', '.join(cpu)} | {', '.join(fmt(x) for x in rss if x)} | {', '.join(loads)} |")
    for side in ("before", "after"):
        rounds = sorted({k.split(".")[2] for k in v if k.startswith(f"emergency.{side}.r") and k.endswith("ws_p99_ms")})
        for r in rounds:
            for case in ("idle", "backlog"):
                p = f"emergency.{side}.{r}.{case}."
                if p + "ws_p99_ms" in v:
                    behind = f" behind {v[p + 'backlog_at_first']} waiting" if p + "backlog_at_first" in v else ""
                    lines.append(f"\n{side} {r}, emergency {case}{behind} (load {v.get(p + 'load', '?')}): WebSocket p50 "
                                 f"{v[p + 'ws_p50_ms']} ms, p99 {v[p + 'ws_p99_ms']} ms ({v[p + 'ws_arrived']}); SMS p50 "
                                 f"{v[p + 'sms_p50_ms']} ms, p99 {v[p + 'sms_p99_ms']} ms ({v[p + 'sms_arrived']})")
    if len(medians) == 2:
        lines.append(f"\nRatio of medians, after / before: **{medians['after'] / medians['before']:.2f}×**")
    print("\n".join(lines))


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        compare(sys.argv[2])
    else:
        main(sys.argv[1], sys.argv[2])
