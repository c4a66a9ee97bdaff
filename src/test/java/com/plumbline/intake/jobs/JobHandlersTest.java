package com.plumbline.intake.jobs;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.plumbline.intake.conversation.OutboundMessages;
import com.plumbline.intake.notify.NotifyChannel;
import com.plumbline.intake.notify.NotifyIntegrationTest;
import com.plumbline.intake.notify.Reachability;
import com.plumbline.intake.staff.StaffRole;
import com.plumbline.intake.support.WebhookClient;
import com.plumbline.intake.support.Concurrently;
import com.plumbline.intake.support.TwilioStandIn;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's webhook through to its finished jobs, against real peers: WireMock for Twilio and
 * for an OpenAI-compatible chat endpoint, GreenMail for SMTP.
 */
class JobHandlersTest extends NotifyIntegrationTest {

    static final WireMockServer AI = new WireMockServer(options().dynamicPort());

    static {
        AI.start();
    }

    @DynamicPropertySource
    static void aiDrafts(DynamicPropertyRegistry registry) {
        registry.add("intake.jobs.ai-draft-url", () -> AI.baseUrl() + "/v1/chat/completions");
        registry.add("intake.jobs.ai-draft-key", () -> "test-ai-key");
        registry.add("intake.jobs.poll-delay", () -> "300");
    }

    private static final String CUSTOMER = "+15125550181";

    @org.springframework.beans.factory.annotation.Autowired
    Jobs jobs;

    @BeforeEach
    void aDispatcherAndAnAiEndpoint() {
        TWILIO.clear();
        AI.resetAll();
        AI.stubFor(WireMock.post(urlEqualTo("/v1/chat/completions")).willReturn(okJson("""
                {"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":"Hi! Sorry about your water heater. A plumber will call you within the hour."}}]}""")));
        staffMember("Dana Dispatch", StaffRole.DISPATCHER, "dana@plumbline.test", "+15125550199",
                List.of(NotifyChannel.EMAIL, NotifyChannel.DASHBOARD),
                List.of(Reachability.BUSINESS_HOURS, Reachability.AFTER_HOURS, Reachability.WEEKENDS));
    }

    @Test
    void aMessageGetsItsJobChainAndEveryJobIsDoneOnce() {
        long message = postSms("SMjobchain1", "Our water heater is leaking and there is no hot water since this morning");

        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "AUTO_REPLY").equals("DONE")
                && jobStatus(message, "QUOTE_ESTIMATE").equals("DONE") && jobStatus(message, "NOTIFY_STAFF").equals("DONE")
                && jobStatus(message, "AI_DRAFT").equals("DONE"));

        // the auto-reply went to the customer from our number, from the rules file's template
        List<Map<String, String>> replies = TWILIO.messagesTo(CUSTOMER);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).get("From")).isEqualTo(TwilioStandIn.FROM_NUMBER);
        assertThat(replies.get(0).get("Body")).startsWith("Plumbline: ").contains("call you by");
        assertThat(job(message, "AUTO_REPLY").get("result").toString()).startsWith("sent SM");
        // the quote range of the service type is on the conversation
        Map<String, Object> conversation = jdbc.queryForMap(
                "select c.* from conversation c join message m on m.conversation_id = c.id where m.id = ?", message);
        assertThat(conversation).containsEntry("quote_min", 150).containsEntry("quote_max", 2500)
                .containsEntry("quote_currency", "USD");
        // staff were notified through the notification route
        assertThat(notifications(message)).extracting(n -> n.get("channel")).contains("EMAIL", "DASHBOARD");
        // the follow-up waits for the response due time
        assertThat(job(message, "FOLLOW_UP")).containsEntry("status", "PENDING");
        assertThat(((Timestamp) job(message, "FOLLOW_UP").get("due_at")).toInstant()).isAfter(Instant.now());
        // every job ran once
        assertThat(jdbc.queryForList("select attempts from processing_job where message_id = ? and status = 'DONE'",
                Integer.class, message)).containsOnly(1);
        // and the business meters saw it all
        String scrape = managementAsAdmin().get("/actuator/prometheus").body();
        assertThat(scrape).containsPattern("intake_classified_total\\{[^}]*serviceType=\"WATER_HEATER\"")
                .contains("intake_first_notification_seconds_count{")
                .containsPattern("intake_notifications_total\\{[^}]*channel=\"email\"[^}]*outcome=\"sent\"")
                .containsPattern("intake_jobs_run_seconds_count\\{[^}]*type=\"AUTO_REPLY\"")
                .containsPattern("intake_jobs_wait_seconds_count\\{[^}]*priority=\"HIGH\"");
    }

    @Test
    void anAutoReplyTwilioTookBeforeItsRunDiedIsNotTextedAgainWhenTheJobIsTakenOver() {
        long message = postSms("SMindoubt1", "Our water heater is leaking and there is no hot water since this morning");
        String sid = autoReplySent(message);
        long jobId = ((Number) job(message, "AUTO_REPLY").get("id")).longValue();
        // as if the run had died after Twilio's answer, before anything was recorded
        jdbc.update("delete from message where provider_message_id = ? and direction = 'OUTBOUND'", sid);
        jdbc.update("update processing_job set status = 'RUNNING', result = null where id = ?", jobId);
        // and the number has had more texts since than Twilio lists on one page: the lookup reads on
        TWILIO.alsoTook(1_500, CUSTOMER, "Your plumber is on the way");

        assertSentOnce(takenOver(jobId), sid);
    }

    @Test
    void theSmsARunSentJoinsTheConversationOnlyInTheCommitThatFinishesItsJob() {
        long message = postSms("SMonecommit1", "Our water heater is leaking and there is no hot water since this morning");
        autoReplySent(message);
        long conversation = jdbc.queryForObject("select conversation_id from message where id = ?", Long.class, message);
        CustomerSms.Sent sent = new CustomerSms.Sent(conversation, OutboundMessages.SentBy.AUTO_REPLY,
                "SMnotfinished1", TwilioStandIn.FROM_NUMBER, CUSTOMER, "We will call you within the hour");

        // stored, then the job cannot be finished: the two were split in two commits once, and a run that
        // died between them left the SMS recorded and its job RUNNING (CrashSafetyIT found it sent twice)
        Exchange finish = producer.request("direct:finish-job", exchange -> {
            exchange.setVariable(CustomerSms.SENT, sent);
            exchange.getMessage().setHeader("jobId", "not a job");
            exchange.getMessage().setHeader("jobResult", "sent SMnotfinished1");
        });

        assertThat(finish.getException()).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from message where provider_message_id = 'SMnotfinished1'",
                Integer.class)).as("rolled back with the job's DONE").isZero();
    }

    /** The message's auto-reply, sent once and DONE: its sid. */
    private String autoReplySent(long message) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "AUTO_REPLY").equals("DONE"));
        assertThat(TWILIO.messagesTo(CUSTOMER)).hasSize(1);
        return job(message, "AUTO_REPLY").get("result").toString().substring("sent ".length());
    }

    /** Its ticket comes back redelivered: the claim takes the job over, with its SMS in doubt, runs and finishes it. */
    private Exchange takenOver(long jobId) {
        Map<String, Object> headers = new java.util.HashMap<>(Map.of("jobId", Long.toString(jobId),
                "jobType", "AUTO_REPLY"));
        assertThat(jobs.claim(Long.toString(jobId), true, null, headers)).isTrue();
        assertThat(headers).containsKey(com.plumbline.intake.outbound.SentSmsLookup.IN_DOUBT_SINCE);
        Exchange run = producer.request("direct:job-auto-reply", exchange -> exchange.getMessage().setHeaders(headers));
        return run.getException() != null ? run : producer.send("direct:finish-job", run);
    }

    /** The run found the first SMS at Twilio: not texted again, and it is recorded once. */
    private void assertSentOnce(Exchange run, String sid) {
        assertThat(run.getException()).isNull();
        assertThat(run.getMessage().getHeader("jobResult")).isEqualTo("sent " + sid);
        assertThat(TWILIO.messagesTo(CUSTOMER)).as("not texted again").hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from message where provider_message_id = ? and direction = 'OUTBOUND'",
                Integer.class, sid)).isEqualTo(1);
    }

    @Test
    void anAutoReplyTwilioTookWhenItsAnswerFailedIsNotTextedAgainOnTheRetry() {
        TWILIO.takeNextButFailTheAnswer();
        long message = postSms("SMtookfail1", "Our water heater is leaking and there is no hot water since this morning");

        await().atMost(Duration.ofSeconds(60)).until(() -> jobStatus(message, "AUTO_REPLY").equals("DONE"));

        List<TwilioStandIn.Accepted> taken = TWILIO.accepted().stream().filter(m -> m.to().equals(CUSTOMER)).toList();
        assertThat(taken).as("Twilio took the text once").hasSize(1);
        assertThat(TWILIO.messagesTo(CUSTOMER)).as("one send, then one look at Twilio's list").hasSize(1);
        assertThat(job(message, "AUTO_REPLY")).containsEntry("result", "sent " + taken.get(0).sid())
                .containsEntry("attempts", 2);
        assertThat(job(message, "AUTO_REPLY").get("last_error")).as("the failed try is on the row").isNotNull();
    }

    @Test
    void anAiDraftIsSentOnlyWhenStaffApproveIt() {
        long message = postSms("SMaidraft1", "water heater not working, no hot water");
        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "AI_DRAFT").equals("DONE")
                && jobStatus(message, "AUTO_REPLY").equals("DONE"));
        long draftJob = ((Number) job(message, "AI_DRAFT").get("id")).longValue();
        assertThat(job(message, "AI_DRAFT").get("result").toString())
                .isEqualTo("draft: Hi! Sorry about your water heater. A plumber will call you within the hour.");
        AI.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-ai-key"))
                .withRequestBody(containing("\"model\":\"gpt-4o-mini\""))
                .withRequestBody(containing("no hot water")));
        assertThat(TWILIO.messagesTo(CUSTOMER)).hasSize(1); // the auto-reply only

        HttpResponse<String> approved = asAdmin().post("/api/jobs/" + draftJob + "/approve", "application/json", "{}");
        HttpResponse<String> again = asAdmin().post("/api/jobs/" + draftJob + "/approve", "application/json", "{}");

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(409);
        List<Map<String, String>> sent = TWILIO.messagesTo(CUSTOMER);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).get("Body")).isEqualTo("Hi! Sorry about your water heater. A plumber will call you within the hour.");
    }

    @Test
    void approvalsClickedAtTheSameMomentSendTheDraftOnce() throws Exception {
        long message = postSms("SMaidraft2", "water heater not working, no hot water at all");
        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "AI_DRAFT").equals("DONE")
                && jobStatus(message, "AUTO_REPLY").equals("DONE"));
        long draftJob = ((Number) job(message, "AI_DRAFT").get("id")).longValue();
        int before = TWILIO.messagesTo(CUSTOMER).size();

        WebhookClient dispatcher = as("DISPATCHER");
        List<Object> answers = Concurrently.run(6, () -> dispatcher.post("/api/jobs/" + draftJob + "/approve", "application/json", "{}"));

        assertThat(answers).extracting(a -> ((HttpResponse<?>) a).statusCode()).containsOnly(200, 409)
                .filteredOn(status -> status == 200).hasSize(1);
        assertThat(TWILIO.messagesTo(CUSTOMER)).hasSize(before + 1);
    }

    @Test
    void theAutoReplyAndTheApprovedDraftAreOutboundMessagesOfTheConversation() {
        long message = postSms("SMoutbound1", "water heater not working, no hot water");
        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "AI_DRAFT").equals("DONE")
                && jobStatus(message, "AUTO_REPLY").equals("DONE"));
        long draftJob = ((Number) job(message, "AI_DRAFT").get("id")).longValue();
        assertThat(asAdmin().post("/api/jobs/" + draftJob + "/approve", "application/json", "{}").statusCode()).isEqualTo(200);

        List<Map<String, Object>> outbound = jdbc.queryForList("""
                select o.* from message o join message i on i.conversation_id = o.conversation_id
                where i.id = ? and o.direction = 'OUTBOUND' order by o.id""", message);
        List<Map<String, String>> sent = TWILIO.messagesTo(CUSTOMER);
        assertThat(outbound).extracting(m -> m.get("sent_by")).containsExactly("AUTO_REPLY", "AI_DRAFT");
        assertThat(outbound).extracting(m -> m.get("body")).containsExactly(sent.get(0).get("Body"), sent.get(1).get("Body"));
        assertThat(outbound).allSatisfy(m -> {
            assertThat(m.get("to_number")).isEqualTo(CUSTOMER);
            assertThat(m.get("from_number")).isEqualTo(TwilioStandIn.FROM_NUMBER);
            assertThat(m.get("channel")).isEqualTo("SMS");
            assertThat((String) m.get("provider_message_id")).startsWith("SM");
        });
        assertThat(job(message, "AI_DRAFT").get("result").toString())
                .isEqualTo("approved: sent " + outbound.get(1).get("provider_message_id"));
    }

    @Test
    void aFollowUpStaysQuietWhenStaffTextedTheCustomer() {
        long message = postSms("SMfollowup3", "water heater broken, no hot water");
        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "AI_DRAFT").equals("DONE")
                && jobStatus(message, "NOTIFY_STAFF").equals("DONE"));
        long draftJob = ((Number) job(message, "AI_DRAFT").get("id")).longValue();
        assertThat(asAdmin().post("/api/jobs/" + draftJob + "/approve", "application/json", "{}").statusCode()).isEqualTo(200);
        int notified = notifications(message).size();

        jdbc.update("update processing_job set due_at = now() - interval '1 minute' where message_id = ? and type = 'FOLLOW_UP'", message);

        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "FOLLOW_UP").equals("DONE"));
        assertThat(job(message, "FOLLOW_UP").get("result")).isEqualTo("answered in time");
        assertThat(notifications(message)).hasSize(notified);
    }

    @Test
    void aFollowUpRemindsStaffWhenNobodyCalledBack() {
        long message = postSms("SMfollowup1", "kitchen drain is clogged");
        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "NOTIFY_STAFF").equals("DONE"));
        int notified = notifications(message).size();

        // the response due time has come
        jdbc.update("update processing_job set due_at = now() - interval '1 minute' where message_id = ? and type = 'FOLLOW_UP'", message);

        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "FOLLOW_UP").equals("DONE"));
        assertThat(job(message, "FOLLOW_UP").get("result")).isEqualTo("no callback recorded: staff reminded");
        assertThat(notifications(message).size()).isGreaterThan(notified);
    }

    @Test
    void aFollowUpStaysQuietWhenStaffAcknowledged() {
        long message = postSms("SMfollowup2", "toilet keeps running");
        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "NOTIFY_STAFF").equals("DONE")
                && !notifications(message).isEmpty());
        long notification = ((Number) notifications(message).get(0).get("id")).longValue();
        assertThat(asAdmin().post("/api/notifications/" + notification + "/ack", "application/json", "{}").statusCode()).isEqualTo(200);
        int notified = notifications(message).size();

        jdbc.update("update processing_job set due_at = now() - interval '1 minute' where message_id = ? and type = 'FOLLOW_UP'", message);

        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "FOLLOW_UP").equals("DONE"));
        assertThat(job(message, "FOLLOW_UP").get("result")).isEqualTo("answered in time");
        assertThat(notifications(message)).hasSize(notified);
    }

    @Test
    void anAutoReplyThrottledByTwilioWith429IsRetriedAndSentOnce() {
        // the SDK's own second try is throttled too, so the job sees the 429
        TWILIO.throttleNextMessages(2);

        long message = postSms("SMthrottled1", "Our kitchen drain is clogged again");

        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "AUTO_REPLY").equals("DONE"));
        Map<String, Object> autoReply = job(message, "AUTO_REPLY");
        assertThat(autoReply.get("result").toString()).startsWith("sent SM");
        // retried by job-errors (not dead-lettered at once, as a 4xx was before): a second attempt
        assertThat(autoReply.get("attempts")).isEqualTo(2);
        assertThat(String.valueOf(autoReply.get("last_error"))).contains("Twilio 429");
        // two throttled requests, then the retry accepted: one SMS
        assertThat(TWILIO.messagesTo(CUSTOMER)).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from dead_letter", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from message where message.direction = 'OUTBOUND'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void anAutoReplyToANumberTwilioRefusesIsDeadAtOnceWithTheNumberMasked() {
        TWILIO.rejectMessagesTo(CUSTOMER);

        long message = postSms("SMrefused1", "Our kitchen drain is clogged again");

        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(message, "AUTO_REPLY").equals("DEAD"));
        assertThat(TWILIO.messagesTo(CUSTOMER)).hasSize(1);
        Map<String, Object> autoReply = job(message, "AUTO_REPLY");
        String deadLetter = jdbc.queryForObject("select exception_message from dead_letter where job_id = ?",
                String.class, autoReply.get("id"));
        assertThat(deadLetter).contains("Twilio 400 code 21211").contains("********0181").doesNotContain(CUSTOMER);
        assertThat(String.valueOf(autoReply.get("last_error"))).doesNotContain(CUSTOMER);
    }

    /** A signed Twilio SMS from the customer; the id of the message row it became. */
    private long postSms(String sid, String text) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        params.put("From", CUSTOMER);
        params.put("To", TwilioStandIn.FROM_NUMBER);
        params.put("Body", text);
        params.put("NumMedia", "0");
        assertThat(postTwilio("/api/webhooks/twilio/sms", params).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !jdbc.queryForList("select id from message where provider_message_id = ?", Long.class, sid).isEmpty());
        return jdbc.queryForObject("select id from message where provider_message_id = ?", Long.class, sid);
    }

    private Map<String, Object> job(long message, String type) {
        return jdbc.queryForMap("select * from processing_job where message_id = ? and type = ?", message, type);
    }

    private String jobStatus(long message, String type) {
        List<String> status = jdbc.queryForList("select status from processing_job where message_id = ? and type = ?",
                String.class, message, type);
        return status.isEmpty() ? "" : status.get(0);
    }
}
