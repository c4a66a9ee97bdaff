package com.plumbline.intake.jobs;

import java.time.Duration;
import java.time.Instant;

import com.plumbline.intake.ops.BusinessMetrics;
import com.plumbline.intake.ops.MeterCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Job metrics per priority and type: time waiting (due to started), run time (started to done),
 * retries and dead letters. Queue depths are read from the broker by the operations metrics.
 */
@Component
public class JobMetrics {

    private final MeterCache meters;

    public JobMetrics(MeterRegistry registry) {
        this.meters = new MeterCache(registry);
    }

    void started(ProcessingJob job, Instant now) {
        Instant since = job.getDueAt() != null && job.getDueAt().isAfter(job.getCreatedAt()) ? job.getDueAt() : job.getCreatedAt();
        timer("intake.jobs.wait", job).record(Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now));
    }

    void finished(ProcessingJob job, Instant now) {
        if (job.getStartedAt() != null) {
            timer("intake.jobs.run", job).record(Duration.between(job.getStartedAt(), now));
        }
    }

    void retried(String type, String priority) {
        meters.counter("intake.jobs.retries", "type", type, "priority", priority).increment();
    }

    void deadLettered(String type, String priority) {
        meters.counter(BusinessMetrics.DEAD_LETTERS, BusinessMetrics.STAGE, "jobs", "type", type,
                BusinessMetrics.PRIORITY, priority).increment();
    }

    private Timer timer(String name, ProcessingJob job) {
        return meters.timer(name, "type", job.getType().name(), "priority", job.getPriority().name());
    }
}
