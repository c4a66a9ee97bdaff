package com.plumbline.intake.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.plumbline.intake.conversation.ConversationMessage;
import com.plumbline.intake.conversation.ConversationMessageRepository;
import com.plumbline.intake.rules.RulesBook;
import com.plumbline.intake.rules.RulesSection;
import com.plumbline.intake.rules.ServiceType;
import org.apache.camel.Body;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A price range for the message's service type, from the {@code quotes} section of
 * config/rules.yaml, attached to the conversation so staff see it when they call back.
 */
@Component("quoteEstimates")
public class QuoteEstimates {

    public record Section(String currency, Map<String, Range> ranges) {
    }

    public record Range(Integer min, Integer max) {
    }

    private static final RulesSection<Section> SECTION = RulesSection.of("quotes", Section.class, QuoteEstimates::problems);

    private final Supplier<Section> section;
    private final ConversationMessageRepository messages;
    private final JdbcTemplate jdbc;

    public QuoteEstimates(RulesBook rulesBook, ConversationMessageRepository messages, JdbcTemplate jdbc) {
        this.section = rulesBook.register(SECTION);
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** @return what the job did, for its row */
    @Transactional
    public String estimate(@Body ProcessingJob job) {
        ConversationMessage message = JobMessages.of(messages, job);
        Section quotes = section.get();
        Range range = quotes == null || quotes.ranges() == null ? null : quotes.ranges().get(message.getServiceType().name());
        if (range == null) {
            return "skipped: no quote range for " + message.getServiceType() + " in the rules file";
        }
        String currency = quotes.currency() == null ? "USD" : quotes.currency();
        jdbc.update("update conversation set quote_min = ?, quote_max = ?, quote_currency = ? where id = ?",
                range.min(), range.max(), currency, job.getConversationId());
        return message.getServiceType() + " " + range.min() + "-" + range.max() + " " + currency;
    }

    private static List<String> problems(Section section) {
        List<String> problems = new ArrayList<>();
        if (section.currency() != null && !section.currency().matches("[A-Z]{3}")) {
            problems.add("currency: '" + section.currency() + "' is not a 3-letter currency code");
        }
        if (section.ranges() != null) {
            section.ranges().forEach((type, range) -> {
                try {
                    ServiceType.valueOf(type);
                } catch (IllegalArgumentException e) {
                    problems.add("ranges." + type + ": unknown service type");
                }
                if (range == null || range.min() == null || range.max() == null || range.min() < 0 || range.max() < range.min()) {
                    problems.add("ranges." + type + ": needs min and max, 0 <= min <= max");
                }
            });
        }
        return problems;
    }
}
