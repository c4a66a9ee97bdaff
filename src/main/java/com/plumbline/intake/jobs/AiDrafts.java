package com.plumbline.intake.jobs;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.conversation.ConversationMessage;
import com.plumbline.intake.conversation.ConversationMessageRepository;
import com.plumbline.intake.conversation.OutboundMessages;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A suggested reply from an OpenAI-compatible chat completions endpoint. The draft is kept on
 * the job ("draft: ...") and sent only when staff approve it (POST /api/jobs/{id}/approve).
 */
@Component("aiDrafts")
public class AiDrafts {

    static final String DRAFT_PREFIX = "draft: ";
    static final String SENDING_PREFIX = "sending: ";

    private static final String INSTRUCTIONS = """
            You draft SMS replies for a plumbing company's dispatcher. Reply in the customer's language,
            in at most 300 characters, kindly and plainly. Never promise a price or an exact time beyond
            the response due time given. For gas smells, tell them to leave the house and call 911.""";

    private final ConversationMessageRepository messages;
    private final ProcessingJobRepository jobs;
    private final JobsProperties properties;
    private final ObjectMapper mapper;
    private final ProducerTemplate producer;
    private final String fromNumber;
    private final TransactionTemplate transactions;
    private final CustomerSms customerSms;

    public AiDrafts(ConversationMessageRepository messages, ProcessingJobRepository jobs, JobsProperties properties,
                    ObjectMapper mapper, ProducerTemplate producer, CustomerSms customerSms,
                    @Value("${intake.notify.sms.from-number:}") String fromNumber,
                    PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.messages = messages;
        this.jobs = jobs;
        this.properties = properties;
        this.mapper = mapper;
        this.producer = producer;
        this.customerSms = customerSms;
        this.fromNumber = fromNumber;
    }

    /**
     * Staff approve a draft (as written, or edited): it is texted to the customer, once. The draft
     * is claimed first with a conditional update of its row (committed at once), so of two
     * approvals at the same moment one sends and the other is refused; the SMS goes out after the
     * claim, outside any database transaction, and a failed send puts the draft back; the SMS joins the
     * conversation in the commit that records the job's result.
     *
     * @throws IllegalArgumentException when the job is not a draft awaiting approval
     */
    public String approve(long jobId, String editedText) {
        ProcessingJob job = jobs.findById(jobId)
                .orElseThrow(() -> new IllegalArgumentException("No job " + jobId));
        String draft = job.getResult();
        if (job.getType() != JobType.AI_DRAFT || job.getStatus() != JobStatus.DONE
                || draft == null || !draft.startsWith(DRAFT_PREFIX)) {
            throw new IllegalArgumentException("Job " + jobId + " is not a draft awaiting approval");
        }
        String text = editedText == null || editedText.isBlank() ? draft.substring(DRAFT_PREFIX.length()) : editedText;
        Integer claimed = transactions.execute(tx -> jobs.swapResult(jobId, draft, SENDING_PREFIX + text, Instant.now()));
        if (claimed == null || claimed != 1) {
            throw new IllegalArgumentException("Job " + jobId + " is not a draft awaiting approval");
        }
        ConversationMessage message = messages.findById(job.getMessageId()).orElseThrow();
        Exchange sent = producer.request("direct:send-customer-sms", e -> e.getMessage().setBody(
                new AutoReplies.Reply(message.getFrom(), fromNumber, text, null, job.getConversationId(),
                        OutboundMessages.SentBy.AI_DRAFT)));
        if (sent.getException() != null) {
            transactions.executeWithoutResult(tx -> jobs.swapResult(jobId, SENDING_PREFIX + text, draft, Instant.now()));
            throw new IllegalStateException("The SMS could not be sent", sent.getException());
        }
        String result = "approved: " + sent.getMessage().getHeader("jobResult", String.class);
        CustomerSms.Sent sms = sent.getVariable(CustomerSms.SENT, CustomerSms.Sent.class);
        // the SMS in the conversation and the job's result, one commit (CustomerSms)
        transactions.executeWithoutResult(tx -> {
            if (sms != null) {
                customerSms.store(sms);
            }
            jobs.done(jobId, result, Instant.now());
        });
        return result;
    }

    /** The chat completions request for the job's message. */
    @Transactional(readOnly = true)
    public String request(@Body ProcessingJob job) throws IOException {
        ConversationMessage message = JobMessages.of(messages, job);
        String context = "Priority: %s. Service: %s. Respond by: %s. Customer wrote: %s".formatted(
                message.getPriority(), message.getServiceType(), message.getResponseDue(), message.getBody());
        return mapper.writeValueAsString(Map.of(
                "model", properties.aiDraftModel(),
                "messages", List.of(
                        Map.of("role", "system", "content", INSTRUCTIONS),
                        Map.of("role", "user", "content", context))));
    }

    /** The job's result: the draft text, from the endpoint's answer. */
    public String draft(@Body String response) {
        try {
            JsonNode content = mapper.readTree(response).path("choices").path(0).path("message").path("content");
            if (content.isMissingNode() || content.asText().isBlank()) {
                throw new PermanentJobFailure("The AI endpoint answered without a draft");
            }
            return DRAFT_PREFIX + content.asText().trim();
        } catch (IOException e) {
            throw new PermanentJobFailure("The AI endpoint's answer is not JSON", e);
        }
    }
}
