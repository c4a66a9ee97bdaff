package com.plumbline.intake.rules;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a {@link RulesFile} and compiles it into {@link CompiledRules}. Every problem is collected
 * with the key it sits under ("sla.HIGH.respondWithin: ...") so one reload reports them all.
 */
final class RulesCompiler {

    private static final Pattern SHORT_DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Pattern OPENING_HOURS = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final int DEFAULT_MAX_CHARS = 20_000;

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Term> termsByWords = new LinkedHashMap<>();
    private TextNormaliser normaliser;
    private Vocabulary vocabulary;

    private RulesCompiler(String source) {
        this.source = source;
    }

    static CompiledRules compile(RulesFile file, String source) {
        return new RulesCompiler(source).compile(file);
    }

    private CompiledRules compile(RulesFile file) {
        RulesFile.Matching matching = orEmpty(file.matching());
        normaliser = new TextNormaliser(lowerCase(matching.spellings()), stems(matching.clauseBreakers()),
                positive(matching.maxChars(), DEFAULT_MAX_CHARS, "matching.maxChars"));
        vocabulary = new Vocabulary(Set.copyOf(foldAll(matching.notTypos())),
                nonNegative(matching.typoMinLength(), 6, "matching.typoMinLength"));

        List<Priority> comboPriorities = new ArrayList<>();
        List<Integer> comboGroups = new ArrayList<>();
        List<String> comboNames = new ArrayList<>();
        compilePriorities(file.priorities(), comboPriorities, comboGroups, comboNames);
        List<ServiceType> tieOrder = compileServices(file.serviceTypes());
        RulesFile.Negation negation = file.negation() == null ? new RulesFile.Negation(null, null, null, null) : file.negation();
        addCues(negation.before(), Term.Cue.NEGATION, "negation.before");
        addCues(negation.notAnEmergency(), Term.Cue.NOT_AN_EMERGENCY, "negation.notAnEmergency");
        addCues(negation.mentions(), Term.Cue.MENTION, "negation.mentions");
        RulesFile.Resolution resolution = file.resolution() == null
                ? new RulesFile.Resolution(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : file.resolution();
        addCues(resolution.after(), Term.Cue.RESOLUTION_AFTER, "resolution.after");
        addCues(resolution.blockedBy(), Term.Cue.RESOLUTION_BLOCKER, "resolution.blockedBy");
        addCues(resolution.wholeMessage(), Term.Cue.RESOLUTION_WHOLE, "resolution.wholeMessage");
        addCues(resolution.stillGoing(), Term.Cue.STILL_GOING, "resolution.stillGoing");
        addCues(resolution.allClear(), Term.Cue.ALL_CLEAR, "resolution.allClear");
        addCues(resolution.past(), Term.Cue.PAST, "resolution.past");
        addCues(resolution.recurring(), Term.Cue.RECURRING, "resolution.recurring");
        addCues(resolution.newTopic(), Term.Cue.NEW_TOPIC, "resolution.newTopic");
        addCues(resolution.followUps(), Term.Cue.FOLLOW_UP, "resolution.followUps");
        addCues(resolution.changed(), Term.Cue.CHANGED, "resolution.changed");
        addCues(resolution.explanations(), Term.Cue.EXPLANATION, "resolution.explanations");
        addTopics(resolution.topics());
        ServiceType lowPriorityService = null;
        if (file.lowPriority() != null) {
            addCues(file.lowPriority().keepServiceFor(), Term.Cue.ROUTINE, "lowPriority.keepServiceFor");
            if (file.lowPriority().serviceType() != null) {
                lowPriorityService = enumValue(ServiceType.class, file.lowPriority().serviceType(),
                        "lowPriority.serviceType", "service type");
            }
        }
        RulesFile.Urgency urgency = file.urgency() == null
                ? new RulesFile.Urgency(null, null, null, null, null, null, null, null, null) : file.urgency();
        addCues(urgency.cues(), Term.Cue.URGENCY, "urgency.cues");
        if (file.sentiment() != null) {
            addCues(file.sentiment().positive(), Term.Cue.POSITIVE, "sentiment.positive");
            addCues(file.sentiment().negative(), Term.Cue.NEGATIVE, "sentiment.negative");
        }
        if (file.language() != null) {
            addCues(file.language().spanish(), Term.Cue.SPANISH, "language.spanish");
            addCues(file.language().english(), Term.Cue.ENGLISH, "language.english");
        }
        addCues(resolution.retractions(), Term.Cue.ALL_CLEAR, "resolution.retractions");
        addCues(resolution.retractions(), Term.Cue.RETRACTION, "resolution.retractions");
        SignalRules signals = compileSignals(file.signals(), file.signalRules(), file.safety());
        BusinessCalendar calendar = compileCalendar(file.businessHours());
        Map<Priority, ResponseTargets.Target> targets = compileSla(file.sla());
        Map<Priority, Priority> raise = compileRaise(file.afterHours());
        CompiledRules.UrgencyWeights weights = new CompiledRules.UrgencyWeights(
                fraction(urgency.cueWeight(), 0.3, "urgency.cueWeight"),
                fraction(urgency.maxFromCues(), 0.6, "urgency.maxFromCues"),
                fraction(urgency.exclamationWeight(), 0.2, "urgency.exclamationWeight"),
                fraction(urgency.capsWeight(), 0.2, "urgency.capsWeight"),
                positive(urgency.capsMinLetters(), 8, "urgency.capsMinLetters"),
                fraction(urgency.capsRatio(), 0.7, "urgency.capsRatio"),
                positive(urgency.repeatThreshold(), 2, "urgency.repeatThreshold"),
                fraction(urgency.repeatWeight(), 0.3, "urgency.repeatWeight"));
        int negationWindow = positive(negation.window(), 3, "negation.window");
        int resolutionWindow = positive(resolution.window(), 4, "resolution.window");
        int pastWindow = positive(resolution.pastWindow(), resolutionWindow, "resolution.pastWindow");
        int topicWindow = positive(resolution.topicWindow(), resolutionWindow, "resolution.topicWindow");

        if (!problems.isEmpty()) {
            throw new InvalidRulesException(source, problems);
        }
        TermIndex index = new TermIndex(termsByWords.values(), vocabulary.size());
        return new CompiledRules(normaliser, vocabulary, index, List.copyOf(comboPriorities),
                comboGroups.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(comboNames),
                tieOrder, negationWindow, resolutionWindow, pastWindow, topicWindow, weights, calendar,
                new ResponseTargets(targets, calendar), raise, signals, lowPriorityService);
    }

    private void compilePriorities(Map<String, RulesFile.PriorityRule> priorities, List<Priority> comboPriorities,
                                   List<Integer> comboGroups, List<String> comboNames) {
        if (priorities == null || priorities.isEmpty()) {
            problems.add("priorities: missing or empty");
            return;
        }
        priorities.forEach((name, rule) -> {
            String key = "priorities." + name;
            Priority priority = enumValue(Priority.class, name, key, "priority");
            if (priority == null) {
                return;
            }
            boolean noKeywords = rule == null || rule.keywords() == null || rule.keywords().isEmpty();
            boolean noCombinations = rule == null || rule.combinations() == null || rule.combinations().isEmpty();
            if (noKeywords && noCombinations) {
                problems.add(key + ": needs keywords or combinations, both are empty");
                return;
            }
            if (!noKeywords) {
                forEachPhrase(rule.keywords(), key + ".keywords", (term, path) -> term.priority =
                        term.priority == null ? priority : Priority.higherOf(term.priority, priority));
            }
            if (noCombinations) {
                return;
            }
            for (int c = 0; c < rule.combinations().size(); c++) {
                String comboKey = key + ".combinations[" + c + "]";
                List<List<String>> groups = rule.combinations().get(c);
                if (groups == null || groups.isEmpty()) {
                    problems.add(comboKey + ": empty combination");
                    continue;
                }
                if (groups.size() > 30) {
                    problems.add(comboKey + ": more than 30 groups");
                    continue;
                }
                int combination = comboPriorities.size();
                comboPriorities.add(priority);
                comboGroups.add(groups.size());
                List<String> firstWords = new ArrayList<>();
                for (int g = 0; g < groups.size(); g++) {
                    int group = g;
                    List<String> words = groups.get(g);
                    if (words == null || words.isEmpty()) {
                        problems.add(comboKey + "[" + g + "]: empty group");
                        continue;
                    }
                    firstWords.add(words.get(0));
                    forEachPhrase(words, comboKey + "[" + g + "]",
                            (term, path) -> term.comboParts.add(new Term.ComboPart(combination, group)));
                }
                comboNames.add(String.join(" + ", firstWords));
            }
        });
    }

    private List<ServiceType> compileServices(Map<String, RulesFile.ServiceRule> services) {
        List<ServiceType> order = new ArrayList<>();
        if (services == null || services.isEmpty()) {
            problems.add("serviceTypes: missing or empty");
            return order;
        }
        services.forEach((name, rule) -> {
            String key = "serviceTypes." + name;
            ServiceType type = enumValue(ServiceType.class, name, key, "service type");
            if (type == null) {
                return;
            }
            order.add(type);
            if (rule == null || rule.keywords() == null || rule.keywords().isEmpty()) {
                problems.add(key + ".keywords: empty keyword list");
                return;
            }
            forEachPhrase(rule.keywords(), key + ".keywords", (term, path) -> term.addService(type, 2));
            if (rule.hints() != null) {
                forEachPhrase(rule.hints(), key + ".hints", (term, path) -> term.addService(type, 1));
            }
        });
        for (ServiceType type : ServiceType.values()) {
            if (!order.contains(type)) {
                order.add(type);
            }
        }
        return List.copyOf(order);
    }

    private SignalRules compileSignals(Map<String, RulesFile.Signal> signals, List<RulesFile.SignalRule> rules,
                                       RulesFile.Safety safety) {
        List<String> names = new ArrayList<>();
        List<Integer> within = new ArrayList<>();
        if (signals != null) {
            signals.forEach((name, signal) -> {
                String key = "signals." + name;
                if (names.size() == SignalRules.MAX_SIGNALS) {
                    problems.add(key + ": more than " + SignalRules.MAX_SIGNALS + " signals");
                    return;
                }
                int number = names.size();
                names.add(name);
                boolean noWords = signal == null || signal.words() == null || signal.words().isEmpty();
                boolean noNear = signal == null || signal.near() == null || signal.near().isEmpty();
                within.add(signal == null ? 4 : positive(signal.within(), 4, key + ".within"));
                if (noWords && noNear) {
                    problems.add(key + ": needs words or near, both are empty");
                    return;
                }
                if (!noWords) {
                    forEachPhrase(signal.words(), key + ".words",
                            (term, path) -> term.signalParts.add(new Term.SignalPart(number, Term.SignalPart.WORD)));
                }
                if (signal.unless() != null) {
                    forEachPhrase(signal.unless(), key + ".unless",
                            (term, path) -> term.signalParts.add(new Term.SignalPart(number, Term.SignalPart.UNLESS)));
                }
                if (!noNear) {
                    if (signal.near().size() != 2) {
                        problems.add(key + ".near: needs exactly two groups of words, has " + signal.near().size());
                        return;
                    }
                    for (int g = 0; g < 2; g++) {
                        List<String> group = signal.near().get(g);
                        int role = g == 0 ? Term.SignalPart.NEAR_A : Term.SignalPart.NEAR_B;
                        if (group == null || group.isEmpty()) {
                            problems.add(key + ".near[" + g + "]: empty group");
                            continue;
                        }
                        forEachPhrase(group, key + ".near[" + g + "]",
                                (term, path) -> term.signalParts.add(new Term.SignalPart(number, role)));
                    }
                } else if (signal.within() != null) {
                    problems.add(key + ".within: only means something with near");
                }
            });
        }
        List<SignalRules.Rule> compiled = new ArrayList<>();
        List<RulesFile.SignalRule> listed = rules == null ? List.of() : rules;
        for (int r = 0; r < listed.size(); r++) {
            RulesFile.SignalRule rule = listed.get(r);
            String key = "signalRules[" + r + "]";
            if (rule == null) {
                problems.add(key + ": empty rule");
                continue;
            }
            String name = rule.name() == null || rule.name().isBlank() ? key : rule.name().trim();
            if (rule.all() == null || rule.all().isEmpty()) {
                problems.add(key + ".all: needs at least one signal");
                continue;
            }
            int[] numbers = new int[rule.all().size()];
            boolean ok = true;
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = names.indexOf(String.valueOf(rule.all().get(i)).trim());
                if (numbers[i] < 0) {
                    problems.add(key + ".all[" + i + "]: unknown signal '" + rule.all().get(i) + "' (known: " + names + ")");
                    ok = false;
                }
            }
            int window = ruleWindow(rule.within(), key + ".within");
            Priority priority = rule.priority() == null ? null : enumValue(Priority.class, rule.priority(), key + ".priority", "priority");
            if (rule.priority() == null) {
                problems.add(key + ".priority: missing (EMERGENCY, HIGH, MEDIUM or LOW)");
            }
            ServiceType service = rule.serviceType() == null ? null
                    : enumValue(ServiceType.class, rule.serviceType(), key + ".serviceType", "service type");
            boolean badService = rule.serviceType() != null && service == null;
            if (ok && priority != null && window != Integer.MIN_VALUE && !badService) {
                compiled.add(new SignalRules.Rule(name, numbers, window, priority, service));
            }
        }
        long cues = 0L;
        Priority floor = Priority.HIGH;
        double minConfidence = 0.5;
        if (safety != null) {
            List<String> listedCues = safety.cues() == null ? List.of() : safety.cues();
            for (int i = 0; i < listedCues.size(); i++) {
                int number = names.indexOf(String.valueOf(listedCues.get(i)).trim());
                if (number < 0) {
                    problems.add("safety.cues[" + i + "]: unknown signal '" + listedCues.get(i) + "' (known: " + names + ")");
                } else {
                    cues |= 1L << number;
                }
            }
            if (safety.floor() != null) {
                Priority p = enumValue(Priority.class, safety.floor(), "safety.floor", "priority");
                floor = p == null ? floor : p;
            }
            minConfidence = fraction(safety.minConfidence(), 0.5, "safety.minConfidence");
        }
        return new SignalRules(List.copyOf(names), within.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(compiled), cues, floor, minConfidence);
    }

    private int ruleWindow(String within, String key) {
        if (within == null || within.isBlank() || within.trim().equalsIgnoreCase("sentence")) {
            return SignalRules.SENTENCE;
        }
        if (within.trim().equalsIgnoreCase("message")) {
            return SignalRules.MESSAGE;
        }
        try {
            int words = Integer.parseInt(within.trim());
            if (words >= 1) {
                return words;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + ": '" + within + "' is not sentence, message or a number of words (at least 1)");
        return Integer.MIN_VALUE;
    }

    private BusinessCalendar compileCalendar(RulesFile.BusinessHours hours) {
        if (hours == null) {
            problems.add("businessHours: missing");
            return null;
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(String.valueOf(hours.timeZone()));
        } catch (DateTimeException e) {
            problems.add("businessHours.timeZone: unknown time zone '" + hours.timeZone() + "' (use e.g. America/Chicago)");
        }
        Map<DayOfWeek, BusinessCalendar.OpeningHours> week = new EnumMap<>(DayOfWeek.class);
        if (hours.week() == null || hours.week().isEmpty()) {
            problems.add("businessHours.week: missing or empty");
        } else {
            hours.week().forEach((day, value) -> parseDay(day, value, week));
            if (week.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("businessHours.week"))) {
                problems.add("businessHours.week: closed every day, responseDue could never be computed");
            }
        }
        List<HolidayRule> holidays = new ArrayList<>();
        List<String> listed = hours.holidays() == null ? List.of() : hours.holidays();
        for (int i = 0; i < listed.size(); i++) {
            try {
                holidays.add(HolidayRule.parse(String.valueOf(listed.get(i))));
            } catch (IllegalArgumentException e) {
                problems.add("businessHours.holidays[" + i + "]: " + e.getMessage());
            }
        }
        return zone == null ? null : new BusinessCalendar(zone, week, holidays);
    }

    private void parseDay(String day, String value, Map<DayOfWeek, BusinessCalendar.OpeningHours> week) {
        String key = "businessHours.week." + day;
        DayOfWeek dayOfWeek = enumValue(DayOfWeek.class, day, key, "day");
        if (dayOfWeek == null) {
            return;
        }
        String text = value == null ? "closed" : value.trim();
        if (text.equalsIgnoreCase("closed")) {
            return;
        }
        Matcher m = OPENING_HOURS.matcher(text);
        try {
            if (!m.matches()) {
                throw new DateTimeParseException("not HH:mm-HH:mm", text, 0);
            }
            LocalTime open = LocalTime.parse(pad(m.group(1)));
            LocalTime close = LocalTime.parse(pad(m.group(2)));
            if (!close.isAfter(open)) {
                problems.add(key + ": '" + text + "' closes before it opens");
                return;
            }
            week.put(dayOfWeek, new BusinessCalendar.OpeningHours(open, close));
        } catch (DateTimeParseException e) {
            problems.add(key + ": '" + text + "' is not \"HH:mm-HH:mm\" or closed");
        }
    }

    private Map<Priority, ResponseTargets.Target> compileSla(Map<String, RulesFile.Sla> sla) {
        Map<Priority, ResponseTargets.Target> targets = new EnumMap<>(Priority.class);
        if (sla == null) {
            problems.add("sla: missing");
            return targets;
        }
        sla.forEach((name, rule) -> {
            String key = "sla." + name;
            Priority priority = enumValue(Priority.class, name, key, "priority");
            if (priority == null) {
                return;
            }
            if (rule == null) {
                problems.add(key + ": empty");
                return;
            }
            Duration within = parseDuration(rule.respondWithin(), key + ".respondWithin");
            ResponseTargets.Clock clock = parseClock(rule.clock(), key + ".clock");
            if (within != null && clock != null) {
                targets.put(priority, new ResponseTargets.Target(within, clock));
            }
        });
        for (Priority priority : Priority.values()) {
            if (!sla.containsKey(priority.name())) {
                problems.add("sla." + priority + ": missing");
            }
        }
        return targets;
    }

    private Map<Priority, Priority> compileRaise(RulesFile.AfterHours afterHours) {
        Map<Priority, Priority> raise = new EnumMap<>(Priority.class);
        if (afterHours == null || afterHours.raisePriority() == null) {
            return raise;
        }
        afterHours.raisePriority().forEach((from, to) -> {
            String key = "afterHours.raisePriority." + from;
            Priority fromPriority = enumValue(Priority.class, from, key, "priority");
            Priority toPriority = enumValue(Priority.class, to, key, "priority");
            if (fromPriority != null && toPriority != null) {
                raise.put(fromPriority, toPriority);
            }
        });
        return raise;
    }

    private interface TermAction {
        void apply(Term term, String path);
    }

    private void forEachPhrase(List<String> phrases, String key, TermAction action) {
        for (int i = 0; i < phrases.size(); i++) {
            Term term = termFor(phrases.get(i), key + "[" + i + "]");
            if (term != null) {
                action.apply(term, key);
            }
        }
    }

    private void addCues(List<String> phrases, Term.Cue cue, String key) {
        if (phrases != null) {
            forEachPhrase(phrases, key, (term, path) -> term.addCue(cue));
        }
    }

    /** Each topic is a bit on its words' terms; a word may belong to more than one topic. */
    private void addTopics(Map<String, List<String>> topics) {
        if (topics == null) {
            return;
        }
        if (topics.size() > Integer.SIZE) {
            problems.add("resolution.topics: at most " + Integer.SIZE + " topics");
            return;
        }
        int bit = 1;
        for (Map.Entry<String, List<String>> topic : topics.entrySet()) {
            String key = "resolution.topics." + topic.getKey();
            if (topic.getValue() == null || topic.getValue().isEmpty()) {
                problems.add(key + ": no words");
            } else {
                int topicBit = bit;
                forEachPhrase(topic.getValue(), key, (term, path) -> term.addTopics(topicBit));
            }
            bit <<= 1;
        }
    }

    private Term termFor(String phrase, String key) {
        if (phrase == null || phrase.isBlank()) {
            problems.add(key + ": empty phrase");
            return null;
        }
        List<String> words = normaliser.phraseWords(phrase);
        if (words.isEmpty()) {
            problems.add(key + ": '" + phrase + "' has no letters or digits");
            return null;
        }
        String joined = String.join(" ", words);
        return termsByWords.computeIfAbsent(joined, k ->
                new Term(phrase.trim(), words.stream().mapToInt(vocabulary::add).toArray()));
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String name, String key, String what) {
        try {
            return Enum.valueOf(type, String.valueOf(name).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(key + ": unknown " + what + " '" + name + "' (expected one of "
                    + Arrays.toString(type.getEnumConstants()) + ")");
            return null;
        }
    }

    private Duration parseDuration(String text, String key) {
        if (text == null || text.isBlank()) {
            problems.add(key + ": missing duration");
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return requirePositive(Duration.parse(t.toUpperCase(Locale.ROOT)), text, key);
            }
            Matcher m = SHORT_DURATION.matcher(t);
            if (m.matches() && !t.isEmpty()) {
                Duration d = Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2)))
                        .plusMinutes(number(m.group(3))).plusSeconds(number(m.group(4)));
                return requirePositive(d, text, key);
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // reported below
        }
        problems.add(key + ": bad duration '" + text + "' (use 30m, 1h, 2h30m or PT1H)");
        return null;
    }

    private Duration requirePositive(Duration d, String text, String key) {
        if (d.isZero() || d.isNegative()) {
            problems.add(key + ": duration '" + text + "' must be positive");
            return null;
        }
        return d;
    }

    private ResponseTargets.Clock parseClock(String clock, String key) {
        if (clock == null || clock.equalsIgnoreCase("always")) {
            return ResponseTargets.Clock.ALWAYS;
        }
        if (clock.equalsIgnoreCase("businessHours")) {
            return ResponseTargets.Clock.BUSINESS_HOURS;
        }
        problems.add(key + ": unknown clock '" + clock + "' (expected always or businessHours)");
        return null;
    }

    private int positive(Integer value, int fallback, String key) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            problems.add(key + ": must be at least 1, was " + value);
            return fallback;
        }
        return value;
    }

    private int nonNegative(Integer value, int fallback, String key) {
        if (value == null) {
            return fallback;
        }
        if (value < 0) {
            problems.add(key + ": must not be negative, was " + value);
            return fallback;
        }
        return value;
    }

    private double fraction(Double value, double fallback, String key) {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || value > 1) {
            problems.add(key + ": must be between 0 and 1, was " + value);
            return fallback;
        }
        return value;
    }

    private List<String> foldAll(List<String> words) {
        List<String> folded = new ArrayList<>();
        if (words != null) {
            for (String word : words) {
                folded.addAll(normaliser.phraseWords(word));
            }
        }
        return folded;
    }

    private static Set<String> stems(List<String> words) {
        Set<String> stems = new HashSet<>();
        if (words != null) {
            words.forEach(w -> stems.add(TextNormaliser.stem(w.trim().toLowerCase(Locale.ROOT))));
        }
        return stems;
    }

    private static Map<String, String> lowerCase(Map<String, String> spellings) {
        Map<String, String> lower = new LinkedHashMap<>();
        if (spellings != null) {
            spellings.forEach((k, v) -> {
                if (k != null && v != null) {
                    lower.put(k.trim().toLowerCase(Locale.ROOT).replace("'", ""), v.trim().toLowerCase(Locale.ROOT));
                }
            });
        }
        return lower;
    }

    private static RulesFile.Matching orEmpty(RulesFile.Matching matching) {
        return matching == null ? new RulesFile.Matching(null, null, null, null, null) : matching;
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}
