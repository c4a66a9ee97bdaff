package com.plumbline.intake.jobs;

import com.plumbline.intake.conversation.ConversationMessage;
import com.plumbline.intake.conversation.ConversationMessageRepository;

/** The message a job works on; a job without one can never succeed. */
final class JobMessages {

    private JobMessages() {
    }

    static ConversationMessage of(ConversationMessageRepository messages, ProcessingJob job) {
        if (job.getMessageId() == null) {
            throw new PermanentJobFailure("Job " + job.getId() + " has no message");
        }
        return messages.findById(job.getMessageId())
                .orElseThrow(() -> new PermanentJobFailure("Message " + job.getMessageId() + " does not exist"));
    }
}
