"""Summarises `jfr print --events jdk.ExecutionSample --stack-depth 64 FILE` (stdin): top frames, and
the share of samples whose stack passes through each library area. Usage:
  jfr print --events jdk.ExecutionSample --stack-depth 64 drain.jfr | python3 bench/jfr-summary.py"""
import collections
import re
import sys

AREAS = [  # (label, any frame starting with one of these)
    ("Hibernate / JPA", ("org.hibernate.",)),
    ("PostgreSQL JDBC", ("org.postgresql.",)),
    ("Hikari", ("com.zaxxer.hikari.",)),
    ("Artemis journal (all)", ("org.apache.activemq.artemis.core.journal.", "org.apache.activemq.artemis.core.io.")),
    ("Artemis journal compaction", ("org.apache.activemq.artemis.core.journal.impl.JournalCompactor",
                                    "org.apache.activemq.artemis.core.journal.impl.JournalImpl.compact")),
    ("Artemis (all)", ("org.apache.activemq.artemis.",)),
    ("Spring JMS listener / template", ("org.springframework.jms.",)),
    ("Camel", ("org.apache.camel.",)),
    ("Micrometer", ("io.micrometer.",)),
    ("Logging (Logback, SLF4J)", ("ch.qos.logback.", "org.slf4j.")),
    ("Jackson", ("com.fasterxml.jackson.",)),
    ("Tomcat / HTTP", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
    ("Spring Security", ("org.springframework.security.",)),
    ("Vert.x / Netty (dashboard socket)", ("io.vertx.", "io.netty.")),
    ("Twilio SDK / HTTP client", ("com.twilio.", "org.apache.hc.", "org.apache.http.")),
    ("Plumbline code", ("com.plumbline.",)),
    ("Classifier (rules)", ("com.plumbline.intake.rules.",)),
]

frame = re.compile(r"^\s+([\w.$<>]+)\(")
samples, current = [], None
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        current = []
        samples.append(current)
    elif current is not None:
        m = frame.match(line)
        if m:
            current.append(m.group(1))

total = len(samples)
print(f"{total} execution samples")
print("\nShare of samples whose stack passes through:")
for label, prefixes in AREAS:
    n = sum(1 for s in samples if any(f.startswith(prefixes) for f in s))
    print(f"  {100.0 * n / total:5.1f} %  {label}")
top = collections.Counter(s[0] for s in samples if s)
print("\nTop frames (self time):")
for name, n in top.most_common(25):
    print(f"  {100.0 * n / total:5.1f} %  {name}")
# the first frame of our own code or of a library entry point, to see who asked for the work
