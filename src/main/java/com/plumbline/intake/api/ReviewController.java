package com.plumbline.intake.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.plumbline.intake.conversation.ConversationMessage;
import com.plumbline.intake.conversation.ConversationMessageRepository;
import com.plumbline.intake.notify.InvalidInputException;
import com.plumbline.intake.notify.NotFoundException;
import com.plumbline.intake.rules.Priority;
import com.plumbline.intake.rules.ServiceType;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Messages the rules flagged for review (safety first: an emergency cue with conflicting or unsure
 * rules), staff corrections, and the corrections exported as labelled examples in the corpus format.
 */
@RestController
@RequestMapping("/api/review")
public class ReviewController {

    /** A flagged message as the API shows it. */
    public record ReviewView(long messageId, long conversationId, String body, Priority priority, ServiceType serviceType,
                             double confidence, String reviewReason, Instant receivedAt, Priority correctedPriority,
                             ServiceType correctedServiceType, Instant correctedAt) {
        static ReviewView of(ConversationMessage m) {
            return new ReviewView(m.getId(), m.getConversation().getId(), m.getBody(), m.getPriority(),
                    m.getServiceType(), m.getConfidence(), m.getReviewReason(), m.getReceivedAt(),
                    m.getCorrectedPriority(), m.getCorrectedServiceType(), m.getCorrectedAt());
        }
    }

    /** A staff correction: both labels, as in the corpus. */
    public record Correction(String priority, String serviceType) {
    }

    private static final int MAX_LIMIT = 500;

    private final ConversationMessageRepository messages;
    private final Clock clock;

    public ReviewController(ConversationMessageRepository messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public List<ReviewView> flagged(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit: must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return messages.findByNeedsReviewTrueOrderByReceivedAtDescIdDesc(PageRequest.of(0, limit)).stream()
                .map(ReviewView::of).toList();
    }

    @PostMapping("/{messageId}")
    @Transactional
    public ReviewView correct(@PathVariable long messageId, @RequestBody(required = false) Correction correction) {
        if (correction == null) {
            throw new InvalidInputException("body: expected {\"priority\": ..., \"serviceType\": ...}");
        }
        Priority priority = parse(Priority.class, correction.priority(), "priority");
        ServiceType serviceType = parse(ServiceType.class, correction.serviceType(), "serviceType");
        ConversationMessage message = messages.findById(messageId)
                .filter(m -> m.getDirection() == ConversationMessage.Direction.INBOUND)
                .orElseThrow(() -> new NotFoundException("no customer message " + messageId));
        message.correct(priority, serviceType, clock.instant());
        return ReviewView.of(messages.save(message));
    }

    @GetMapping(value = "/corrections.csv", produces = "text/csv")
    @Transactional(readOnly = true)
    public ResponseEntity<String> corrections() {
        StringBuilder csv = new StringBuilder("\"text\",\"priority\",\"service_type\"\n");
        for (ConversationMessage m : messages.findByCorrectedAtNotNullOrderByCorrectedAtAscIdAsc()) {
            csv.append(quoted(m.getBody())).append(',').append(quoted(m.getCorrectedPriority().name())).append(',')
                    .append(quoted(m.getCorrectedServiceType().name())).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"corrections.csv\"").body(csv.toString());
    }

    /** One CSV field: quoted, inner quotes doubled, line breaks folded to spaces (one example per line). */
    static String quoted(String value) {
        String v = value == null ? "" : value.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + ": missing (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")");
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + ": unknown value '" + value + "' (one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ")");
        }
    }
}
