package com.plumbline.intake.jobs;

public enum JobStatus {
    PENDING, RUNNING, DONE, FAILED, DEAD
}
