package com.plumbline.intake.jobs;

import com.plumbline.intake.rules.Priority;

/** What travels on the job queue: the job's id, its type and its priority (JMSPriority 9/7/4/1). */
public record JobTicket(long jobId, JobType type, Priority priority) {

    static JobTicket of(ProcessingJob job) {
        return new JobTicket(job.getId(), job.getType(), job.getPriority());
    }

    public int jmsPriority() {
        return priority.jmsPriority();
    }

    /** True when the job can run at once, in the caller's transaction (it calls no provider). */
    public boolean runsHere() {
        return !type.callsProvider();
    }
}
