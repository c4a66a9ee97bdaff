package com.plumbline.intake.jobs;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.plumbline.intake.conversation.ConversationMessage;
import com.plumbline.intake.conversation.ConversationMessageRepository;
import com.plumbline.intake.conversation.OutboundMessages;
import com.plumbline.intake.conversation.PhoneNumbers;
import com.plumbline.intake.outbound.OutboundSms;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.RulesBook;
import com.plumbline.intake.rules.RulesSection;
import com.plumbline.intake.rules.ServiceType;
import org.apache.camel.Body;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMS back to the customer saying when to expect a call, from the {@code autoReplies}
 * templates of config/rules.yaml: the first template whose priority, service type, after-hours
 * flag and language all fit the message wins.
 */
@Component("autoReplies")
public class AutoReplies {

    /** The {@code autoReplies} section. */
    public record Section(Boolean enabled, List<Template> templates) {
    }

    /** Leave a field out to match any value. */
    public record Template(String priority, String serviceType, Boolean afterHours, String language, String text) {

        boolean fits(ConversationMessage message, String language) {
            return (priority == null || priority.equals(message.getPriority().name()))
                    && (serviceType == null || serviceType.equals(message.getServiceType().name()))
                    && (afterHours == null || afterHours == message.isAfterHours())
                    && (this.language == null || this.language.equals(language));
        }
    }

    /**
     * The SMS to send; {@code skipReason} set when nothing is to be sent. Once Twilio accepted it,
     * it is stored in conversation {@code conversationId} as sent by {@code sentBy}.
     */
    public record Reply(String to, String from, String text, String skipReason, Long conversationId,
                        OutboundMessages.SentBy sentBy) {

        /** What the send-sms adapter sends. */
        public OutboundSms sms() {
            return new OutboundSms(to, from, text);
        }
    }

    private static final Map<ServiceType, String> SERVICE_WORDS = Map.of(
            ServiceType.WATER_HEATER, "water heater", ServiceType.DRAIN_CLEANING, "drain",
            ServiceType.TOILET_REPAIR, "toilet", ServiceType.LEAK_DETECTION, "leak",
            ServiceType.MAIN_LINE, "main line", ServiceType.GENERAL, "plumbing");

    private static final RulesSection<Section> SECTION = RulesSection.of("autoReplies", Section.class, AutoReplies::problems);

    private final Supplier<Section> section;
    private final RulesBook rulesBook;
    private final ConversationMessageRepository messages;
    private final PhoneNumbers phoneNumbers;
    private final String fromNumber;
    private final boolean twilioConfigured;

    public AutoReplies(RulesBook rulesBook, ConversationMessageRepository messages, PhoneNumbers phoneNumbers,
                       @Value("${intake.notify.sms.from-number:}") String fromNumber,
                       @Value("${intake.notify.sms.account-sid:}") String accountSid,
                       @Value("${intake.notify.sms.auth-token:}") String authToken) {
        this.section = rulesBook.register(SECTION);
        this.rulesBook = rulesBook;
        this.messages = messages;
        this.phoneNumbers = phoneNumbers;
        this.fromNumber = fromNumber;
        this.twilioConfigured = !accountSid.isBlank() && !authToken.isBlank();
    }

    public boolean enabled() {
        Section current = section.get();
        return current != null && !Boolean.FALSE.equals(current.enabled()) && current.templates() != null;
    }

    /** @throws PermanentJobFailure when the customer's number cannot take an SMS */
    @Transactional(readOnly = true)
    public Reply compose(@Body ProcessingJob job) {
        ConversationMessage message = JobMessages.of(messages, job);
        if (!enabled()) {
            return skip("auto-replies are switched off in the rules file");
        }
        if (!phoneNumbers.normalise(message.getFrom()).valid()) {
            throw new PermanentJobFailure("Cannot text " + PhoneNumbers.masked(message.getFrom()) + ": not a valid phone number");
        }
        if (!twilioConfigured || fromNumber == null || fromNumber.isBlank()) {
            return skip("Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER)");
        }
        String language = message.getLanguage() == null ? "en" : message.getLanguage();
        for (Template template : section.get().templates()) {
            if (template.fits(message, language)) {
                return new Reply(message.getFrom(), fromNumber, fill(template.text(), message, language), null,
                        job.getConversationId(), OutboundMessages.SentBy.AUTO_REPLY);
            }
        }
        return skip("no auto-reply template fits " + message.getPriority() + "/" + message.getServiceType());
    }

    private String fill(String text, ConversationMessage message, String language) {
        Locale locale = "es".equals(language) ? Locale.forLanguageTag("es-US") : Locale.US;
        DateTimeFormatter due = DateTimeFormatter.ofPattern("EEE h:mm a", locale).withZone(rulesBook.calendar().zone());
        Duration within = Duration.between(message.getReceivedAt(), message.getResponseDue());
        return text.replace("{service}", SERVICE_WORDS.get(message.getServiceType()))
                .replace("{responseDue}", due.format(message.getResponseDue()))
                .replace("{responseWithin}", within.toMinutes() <= 90 ? within.toMinutes() + " min" : within.toHours() + " h");
    }

    private static Reply skip(String reason) {
        return new Reply(null, null, null, reason, null, null);
    }

    private static List<String> problems(Section section) {
        List<String> problems = new ArrayList<>();
        List<Template> templates = section.templates() == null ? List.of() : section.templates();
        for (int i = 0; i < templates.size(); i++) {
            Template template = templates.get(i);
            String key = "templates[" + i + "]";
            if (template.text() == null || template.text().isBlank()) {
                problems.add(key + ".text: must not be empty");
            }
            if (template.priority() != null && !isOneOf(template.priority(), Priority.values())) {
                problems.add(key + ".priority: unknown priority '" + template.priority() + "'");
            }
            if (template.serviceType() != null && !isOneOf(template.serviceType(), ServiceType.values())) {
                problems.add(key + ".serviceType: unknown service type '" + template.serviceType() + "'");
            }
        }
        return problems;
    }

    private static boolean isOneOf(String name, Enum<?>[] values) {
        for (Enum<?> value : values) {
            if (value.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

}
