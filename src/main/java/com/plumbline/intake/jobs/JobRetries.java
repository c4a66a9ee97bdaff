package com.plumbline.intake.jobs;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Before each redelivery of a failed job: count the attempt and keep the error on the job's row. */
@Component("jobRetries")
public class JobRetries implements Processor {

    private final ProcessingJobRepository repository;
    private final TransactionTemplate transaction;
    private final JobMetrics metrics;
    private final Clock clock;

    public JobRetries(ProcessingJobRepository repository, TransactionTemplate transaction, JobMetrics metrics, Clock clock) {
        this.repository = repository;
        this.transaction = transaction;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Long jobId = exchange.getMessage().getHeader("jobId", Long.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (jobId == null) {
            return;
        }
        transaction.executeWithoutResult(status -> repository.retrying(jobId, JobFailures.describe(cause), clock.instant()));
        metrics.retried(String.valueOf(exchange.getMessage().getHeader("jobType")),
                String.valueOf(exchange.getMessage().getHeader("jobPriority")));
    }
}
