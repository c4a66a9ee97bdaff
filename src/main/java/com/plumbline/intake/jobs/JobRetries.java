package com.plumbline.intake.jobs;

import java.time.Clock;
import java.time.Instant;

import com.plumbline.intake.outbound.SentSmsLookup;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before each redelivery of a failed job: count the attempt and keep the error on the job's row,
 * and put its SMS in doubt: a passing failure (a timeout, a 5xx, a broken connection) can come
 * after Twilio took the message, so the send-sms adapter asks Twilio before sending again.
 */
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
        // since this run began (an earlier in-doubt time, from a claim that took the job over, stays)
        if (exchange.getMessage().getHeader(SentSmsLookup.IN_DOUBT_SINCE) == null) {
            exchange.getMessage().setHeader(SentSmsLookup.IN_DOUBT_SINCE, Instant.ofEpochMilli(exchange.getClock().getCreated()));
        }
        metrics.retried(String.valueOf(exchange.getMessage().getHeader("jobType")),
                String.valueOf(exchange.getMessage().getHeader("jobPriority")));
    }
}
