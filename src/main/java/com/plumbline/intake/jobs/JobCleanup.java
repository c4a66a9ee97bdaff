package com.plumbline.intake.jobs;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the job table small: DONE jobs older than their retention go. */
@Component("jobCleanup")
public class JobCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(JobCleanup.class);

    private final ProcessingJobRepository jobs;
    private final JobsProperties properties;
    private final Clock clock;

    public JobCleanup(ProcessingJobRepository jobs, JobsProperties properties, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void purge() {
        Instant now = clock.instant();
        int doneJobs = jobs.purgeDone(now.minus(properties.doneRetention()));
        if (doneJobs > 0) {
            LOG.info("Cleanup: {} done jobs purged", doneJobs);
        }
    }
}
