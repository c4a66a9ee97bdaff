package com.plumbline.intake.jobs;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Just before a job goes to the dead letter channel: the reason travels with it as headers, so
 * the dead letter row can say what failed and how often.
 */
@Component("jobFailures")
public class JobFailures implements Processor {

    static final String EXCEPTION_CLASS = "deadLetterExceptionClass";
    static final String EXCEPTION_MESSAGE = "deadLetterExceptionMessage";
    static final String ATTEMPTS = "deadLetterAttempts";

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Integer redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        exchange.getMessage().setHeader(EXCEPTION_CLASS, cause == null ? "unknown" : cause.getClass().getName());
        exchange.getMessage().setHeader(EXCEPTION_MESSAGE, describe(cause));
        exchange.getMessage().setHeader(ATTEMPTS, redeliveries + 1);
        // the dead letter carries the job's ticket (its id), whatever the handler had made of the body
        Long jobId = DeadLetters.jobIdOrNull(exchange.getMessage().getHeader("jobId", String.class));
        if (jobId != null) {
            exchange.getMessage().setBody(jobId.toString());
        }
    }

    static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }
}
