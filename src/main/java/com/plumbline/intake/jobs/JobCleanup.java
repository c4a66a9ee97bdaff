package com.plumbline.intake.jobs;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the tables small: DONE jobs and webhook dedup keys older than their retention go. */
@Component("jobCleanup")
public class JobCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(JobCleanup.class);

    private final ProcessingJobRepository jobs;
    private final JdbcTemplate jdbc;
    private final JobsProperties properties;
    private final Clock clock;

    public JobCleanup(ProcessingJobRepository jobs, JdbcTemplate jdbc, JobsProperties properties, Clock clock) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void purge() {
        Instant now = clock.instant();
        int doneJobs = jobs.purgeDone(now.minus(properties.doneRetention()));
        // a provider retrying after this long is not a retry any more
        int keys = jdbc.update("delete from camel_messageprocessed where created_at < ?",
                Timestamp.from(now.minus(properties.processedIdRetention())));
        if (doneJobs + keys > 0) {
            LOG.info("Cleanup: {} done jobs and {} dedup keys purged", doneJobs, keys);
        }
    }
}
