package com.plumbline.intake.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matches found in one message, read in context: which ones are negated ("no leak"), which
 * emergencies are contained ("the flooding stopped"), which cues are just part of a longer problem
 * phrase ("no hot water" is not a negation of "hot water"). One instance per classification.
 */
final class MessageAnalysis {

    /** How far back a covering phrase may start; longer than any rule phrase. */
    private static final int MAX_PHRASE_WORDS = 12;

    private final CompiledRules rules;
    private final TextNormaliser.Tokens tokens;
    private final List<Match> matches;
    private final boolean[] coveredByProblem;
    private final boolean[] negated;
    /** A resolution cue follows the match closely ("the leak stopped"): asked several times per match, worked out once. */
    private final boolean[] resolvedAfter;
    /** The cues of every match of the message, a bit each: most cues are in no message, and need no search then. */
    private final int cuesPresent;
    /** Problem words that are only mentioned, history, or taken back by a retraction: they count for nothing. */
    private final boolean[] dropped;
    /** Bit per signal found live in this message; set by {@link #priorityEvidence}. */
    private long signalsPresent;
    /** The service type named by the most urgent signal rule that held; null when none. */
    private ServiceType signalService;
    private Priority rulePriority = Priority.LOW;

    MessageAnalysis(CompiledRules rules, TextNormaliser.Tokens tokens, List<Match> matches) {
        this.rules = rules;
        this.tokens = tokens;
        this.matches = matches;
        int cues = 0;
        for (Match m : matches) {
            cues |= m.term().cueBits();
        }
        this.cuesPresent = cues;
        this.coveredByProblem = new boolean[matches.size()];
        this.negated = new boolean[matches.size()];
        for (int i = 0; i < matches.size(); i++) {
            coveredByProblem[i] = isCoveredByProblem(i);
        }
        int[] negations = indicesOf(Term.Cue.NEGATION);
        for (int i = 0; i < matches.size(); i++) {
            negated[i] = hasCueBefore(i, negations, rules.negationWindow());
            // "not an emergency?" asks; it does not tell
            negated[i] |= matches.get(i).term().is(Term.Cue.NOT_AN_EMERGENCY) && tokens.inQuestion(matches.get(i).start());
        }
        boolean[] resolves = new boolean[matches.size()];
        for (int j = 0; j < matches.size(); j++) {
            resolves[j] = matches.get(j).term().is(Term.Cue.RESOLUTION_AFTER) && !coveredByProblem[j] && !isResolutionBlocked(j);
        }
        this.resolvedAfter = new boolean[matches.size()];
        for (int i = 0; i < matches.size(); i++) {
            resolvedAfter[i] = hasResolutionAfter(i, resolves);
        }
        this.dropped = new boolean[matches.size()];
        for (int i = 0; i < matches.size(); i++) {
            dropped[i] = isProblemOrSignal(i) && (isMentionOnly(i) || isHistory(i));
        }
        dropRetracted();
        dropExplainedAway();
    }

    private boolean isProblemOrSignal(int i) {
        Term term = matches.get(i).term();
        return term.isProblem() || !term.signalParts.isEmpty();
    }

    /** Inside a phrase that names the word without reporting it: "flood of emails", "emergency shut-off valve". */
    private boolean isMentionOnly(int i) {
        if (absent(Term.Cue.MENTION)) {
            return false;
        }
        Match m = matches.get(i);
        for (int j = i - 1; j >= 0; j--) {
            Match p = matches.get(j);
            if (m.start() - p.start() > MAX_PHRASE_WORDS) {
                break;
            }
            if (p.covers(m) && p.term().is(Term.Cue.MENTION)) {
                return true;
            }
        }
        for (int j = i + 1; j < matches.size() && matches.get(j).start() == m.start(); j++) {
            if (matches.get(j).covers(m) && matches.get(j).term().is(Term.Cue.MENTION)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Followed closely in its clause by a past-time cue: "the flood last week" is history, not news. Not when a
     * later word of its clause says it is back: "pipe burst again in the same spot as last winter".
     */
    private boolean isHistory(int i) {
        if (absent(Term.Cue.PAST)) {
            return false;
        }
        Match m = matches.get(i);
        // a cue saying a problem is back ("again"): its clause's problems are news, whatever past cue follows
        for (int j = i + 1; j < matches.size() && !absent(Term.Cue.RECURRING); j++) {
            Match r = matches.get(j);
            if (r.start() >= m.end() && r.term().is(Term.Cue.RECURRING) && !negated[j] && sameClause(m, r)) {
                return false;
            }
        }
        for (int j = i + 1; j < matches.size(); j++) {
            Match p = matches.get(j);
            if (p.start() - m.end() >= rules.pastWindow()) {
                break;
            }
            if (p.start() >= m.end() && p.term().is(Term.Cue.PAST) && sameClause(m, p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A retraction ("false alarm", "never mind about the gas smell") takes back every problem of its part
     * of the message: from the previous new-topic cue to the next one ("But the water heater is not
     * working" still counts), of its topic when it names one. Not when that part says the problem is still going on.
     */
    private void dropRetracted() {
        if (absent(Term.Cue.RETRACTION)) {
            return;
        }
        for (int r = 0; r < matches.size(); r++) {
            if (!isLiveCue(r, Term.Cue.RETRACTION)) {
                continue;
            }
            int from = 0;
            int until = tokens.size();
            for (int t = 0; t < matches.size(); t++) {
                if (!startsNewTopic(t, matches.get(r))) {
                    continue;
                }
                int at = topicStart(t);
                if (at < matches.get(r).start()) {
                    from = Math.max(from, at);
                } else if (at >= matches.get(r).end()) {
                    until = Math.min(until, at);
                }
            }
            // "never mind, the water is still pouring": not a retraction of that
            boolean stillGoing = false;
            for (int s = 0; s < matches.size() && !stillGoing; s++) {
                int at = matches.get(s).start();
                stillGoing = at >= from && at < until && isLiveCue(s, Term.Cue.STILL_GOING);
            }
            if (stillGoing) {
                continue;
            }
            // "water pouring through the ceiling and the gas company said it was safe": only the gas is taken back
            int about = cueTopics(r);
            for (int i = 0; i < matches.size(); i++) {
                Match m = matches.get(i);
                if (m.start() >= from && m.start() < until && isProblemOrSignal(i)
                        && sameTopic(about, topicsNear(m.start(), m.end()))) {
                    dropped[i] = true;
                }
            }
        }
    }

    /**
     * A scare explained away in a message that says all is well takes back the problems just before the explanation:
     * "the sewer smell in the back bedroom was a dead mouse, cancel please", "el olor a gas era del fertilizante, todo
     * bien". Not when the explanation names a problem itself ("the leak was the supply line, all good now that the valve
     * is shut"), nor across a new-topic cue, nor when its sentence says something is still going on.
     */
    private void dropExplainedAway() {
        if (absent(Term.Cue.EXPLANATION) || !anyLiveCue(Term.Cue.ALL_CLEAR)) {
            return;
        }
        for (int e = 0; e < matches.size(); e++) {
            if (!isLiveCue(e, Term.Cue.EXPLANATION) || !explainsHarmlessly(e)) {
                continue;
            }
            Match cue = matches.get(e);
            for (int i = e - 1; i >= 0; i--) {
                Match m = matches.get(i);
                if (cue.start() - m.end() >= rules.pastWindow() || !sameSentence(m, cue)
                        || isLiveCue(i, Term.Cue.NEW_TOPIC)) {
                    break;
                }
                if (m.end() <= cue.start() && isProblemOrSignal(i)) {
                    dropped[i] = true;
                }
            }
        }
    }

    /**
     * Nothing from the explanation to the end of its clause names a problem or a plumbing system ("the supply line"),
     * and nothing in its sentence says "still".
     */
    private boolean explainsHarmlessly(int e) {
        Match cue = matches.get(e);
        for (int j = 0; j < matches.size(); j++) {
            Match m = matches.get(j);
            if (!sameSentence(m, cue)) {
                continue;
            }
            if (isLiveCue(j, Term.Cue.STILL_GOING)
                    || (m.start() >= cue.end() && sameClause(m, cue) && m.term().isProblem() && !dropped[j])) {
                return false;
            }
        }
        return true;
    }

    private boolean sameSentence(Match a, Match b) {
        return tokens.sentences()[a.start()] == tokens.sentences()[b.start()];
    }

    /**
     * Where a new problem may start after the last all-clear or retraction ("all good now. the toilet is
     * still running though"): the first new-topic cue after it; -1 when there is none.
     */
    int newTopicAfterAllClear() {
        if (absent(Term.Cue.ALL_CLEAR)) {
            return -1;
        }
        int lastClear = -1;
        for (int i = 0; i < matches.size(); i++) {
            if (isLiveCue(i, Term.Cue.ALL_CLEAR)) {
                lastClear = Math.max(lastClear, matches.get(i).end());
            }
        }
        if (lastClear < 0) {
            return -1;
        }
        int first = -1;
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            boolean after = m.start() >= lastClear;
            if (after && (isLiveCue(i, Term.Cue.NEW_TOPIC)
                    || (isLiveCue(i, Term.Cue.STILL_GOING) && laterSentence(m, lastClear - 1)))) {
                int at = topicStart(i);
                first = first < 0 ? at : Math.min(first, at);
            }
        }
        return first;
    }

    /**
     * A new problem starts at a new-topic cue ("but", "also"), or at a later sentence that says something
     * is still going on ("all good now. the toilet is still running though").
     */
    private boolean startsNewTopic(int t, Match retraction) {
        return isLiveCue(t, Term.Cue.NEW_TOPIC)
                || (isLiveCue(t, Term.Cue.STILL_GOING) && laterSentence(matches.get(t), retraction.start()));
    }

    /** A new-topic cue starts its problem where it stands; a still-going cue at the start of its sentence. */
    private int topicStart(int t) {
        Match m = matches.get(t);
        if (!m.term().is(Term.Cue.STILL_GOING) || m.term().is(Term.Cue.NEW_TOPIC)) {
            return m.start();
        }
        int start = m.start();
        int sentence = tokens.sentences()[start];
        while (start > 0 && tokens.sentences()[start - 1] == sentence) {
            start--;
        }
        return start;
    }

    private boolean laterSentence(Match m, int position) {
        return position >= 0 && tokens.sentences()[m.start()] > tokens.sentences()[position];
    }

    List<Match> matches() {
        return matches;
    }

    boolean isNegated(int i) {
        return negated[i];
    }

    int wordCount() {
        return tokens.size();
    }

    TextNormaliser.Tokens tokens() {
        return tokens;
    }

    /** No match of the message has this cue. */
    private boolean absent(Term.Cue cue) {
        return (cuesPresent & cue.bit()) == 0;
    }

    /**
     * A cue that counts: not swallowed by a longer problem phrase, not negated itself, and not inside a phrase that only
     * mentions it (model19: "we've had to cancel patients" is a business's outage, not the customer calling off our visit).
     */
    boolean isLiveCue(int i, Term.Cue cue) {
        return matches.get(i).term().is(cue) && !coveredByProblem[i] && !negated[i] && !isMentionOnly(i);
    }

    boolean anyLiveCue(Term.Cue cue) {
        if (absent(cue)) {
            return false;
        }
        for (int i = 0; i < matches.size(); i++) {
            if (isLiveCue(i, cue)) {
                return true;
            }
        }
        return false;
    }

    int countLiveCues(Term.Cue cue) {
        if (absent(cue)) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < matches.size(); i++) {
            if (isLiveCue(i, cue)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The rules read the context of a problem word here: negated ("no leak"), resolved ("the leak stopped"),
     * only mentioned or history ("the flood last week"), taken back, or "not an emergency".
     */
    boolean contextRead() {
        for (int i = 0; i < matches.size(); i++) {
            if (isProblemOrSignal(i) && (negated[i] || dropped[i] || isResolvedAfter(i))) {
                return true;
            }
        }
        return anyLiveCue(Term.Cue.NOT_AN_EMERGENCY) || emergencyResolvedInMessage();
    }

    /** The whole message says an emergency is over ("no longer flooding") and nothing says "still". */
    boolean emergencyResolvedInMessage() {
        return emergencyResolved(-1);
    }

    /**
     * The emergency found at word {@code position} is over: a whole-message resolution says so, about its topic
     * or about none ("I shut off the water but now I smell gas": the gas is not), and nothing says "still".
     */
    boolean emergencyResolvedAt(int position) {
        return emergencyResolved(position);
    }

    /** @param position of the emergency whose topic must match; -1 for any */
    private boolean emergencyResolved(int position) {
        if (absent(Term.Cue.RESOLUTION_WHOLE)) {
            return false;
        }
        boolean resolved = false;
        for (int i = 0; i < matches.size(); i++) {
            Term term = matches.get(i).term();
            if (coveredByProblem[i]) {
                continue;
            }
            if (term.is(Term.Cue.STILL_GOING)) {
                return false;
            }
            if (term.is(Term.Cue.RESOLUTION_WHOLE) && !isResolutionBlocked(i)
                    && (position < 0 || sameTopic(cueTopics(i), topicsNear(position, position + 1)))) {
                resolved = true;
            }
        }
        return resolved;
    }

    /**
     * What the resolution or retraction at match {@code r} is about: the topic words inside it ("shut off the water"),
     * else the nearest ones in its clause ("the gas company said it was safe"); 0 when it names none.
     */
    private int cueTopics(int r) {
        Match cue = matches.get(r);
        int inside = cue.term().topics();
        for (int t = 0; t < matches.size(); t++) {
            if (cue.covers(matches.get(t))) {
                inside |= topicsOf(t);
            }
        }
        return inside != 0 ? inside : topicsNear(cue.start(), cue.end());
    }

    /** The topics of the topic word nearest to the words [from, to) in their clause, within the topic window. */
    private int topicsNear(int from, int to) {
        int nearest = rules.topicWindow() + 1;
        int topics = 0;
        for (int t = 0; t < matches.size(); t++) {
            Match m = matches.get(t);
            if (topicsOf(t) == 0 || tokens.clauses()[m.start()] != tokens.clauses()[from]) {
                continue;
            }
            int distance = m.start() >= to ? m.start() - to + 1 : m.end() <= from ? from - m.end() + 1 : 0;
            // a tie goes to the word before: "the septic guy said it was safe and water is pouring" is about the septic
            if (distance < nearest) {
                nearest = distance;
                topics = topicsOf(t);
            }
        }
        return topics;
    }

    /**
     * The topics match {@code t} names: those of the longest topic phrase holding it, so the "water" of "shut off
     * the water heater's gas" is the heater's (a gas appliance's), not water's.
     */
    private int topicsOf(int t) {
        Match m = matches.get(t);
        int topics = m.term().topics();
        if (topics == 0) {
            return 0;
        }
        int longest = m.length();
        for (int j = t - 1; j >= 0 && m.start() - matches.get(j).start() <= MAX_PHRASE_WORDS; j--) {
            Match longer = matches.get(j);
            if (longer.covers(m) && longer.term().topics() != 0 && longer.length() > longest) {
                longest = longer.length();
                topics = longer.term().topics();
            }
        }
        for (int j = t + 1; j < matches.size() && matches.get(j).start() == m.start(); j++) {
            Match longer = matches.get(j);
            if (longer.covers(m) && longer.term().topics() != 0 && longer.length() > longest) {
                longest = longer.length();
                topics = longer.term().topics();
            }
        }
        return topics;
    }

    /** A cue about no topic settles every problem; one about a topic, the problems next to none or to the same. */
    private static boolean sameTopic(int cue, int problem) {
        return cue == 0 || problem == 0 || (cue & problem) != 0;
    }

    /** A resolution cue follows the match closely in the same clause: "the leak stopped". */
    boolean isResolvedAfter(int i) {
        return resolvedAfter[i];
    }

    /** @param resolves per match: a resolution cue that counts (not inside a problem phrase, not blocked) */
    private boolean hasResolutionAfter(int i, boolean[] resolves) {
        Match m = matches.get(i);
        for (int j = i + 1; j < matches.size(); j++) {
            Match r = matches.get(j);
            if (r.start() - m.end() >= rules.resolutionWindow()) {
                break;
            }
            if (resolves[j] && r.start() >= m.end() && sameClause(m, r)) {
                return true;
            }
        }
        return false;
    }

    /** Priority terms and satisfied combinations that are not negated. */
    List<PriorityEvidence> priorityEvidence() {
        List<PriorityEvidence> found = new ArrayList<>();
        Map<Long, ComboHit> combos = new HashMap<>();
        for (int i = 0; i < matches.size(); i++) {
            if (negated[i] || dropped[i]) {
                continue;
            }
            Match m = matches.get(i);
            Term term = m.term();
            if (term.priority != null) {
                found.add(new PriorityEvidence(contained(term.priority, i), term.text, m.start(), null));
            }
            for (Term.ComboPart part : term.comboParts) {
                int sentence = tokens.sentences()[m.start()];
                long key = ((long) part.combination() << 32) | sentence;
                // computeIfAbsent, not put: it decides the order of combinations found at one word (matchedKeywords)
                ComboHit hit = combos.computeIfAbsent(key, ComboHit::new);
                if (hit.start < 0) {
                    hit.start = m.start();
                }
                hit.groups |= 1 << part.group();
                hit.resolved |= isResolvedAfter(i);
            }
        }
        for (ComboHit hit : combos.values()) {
            int all = (1 << rules.combinationGroupCounts()[hit.combination]) - 1;
            if (hit.groups == all) {
                Priority priority = rules.combinationPriorities().get(hit.combination);
                if (priority == Priority.EMERGENCY && hit.resolved) {
                    priority = Priority.HIGH;
                }
                found.add(new PriorityEvidence(priority, comboWords(hit), hit.start, null));
            }
        }
        signalEvidence(found);
        found.sort((a, b) -> Integer.compare(a.position(), b.position()));
        return found;
    }

    /** Signals found live (not negated, not hidden inside a longer phrase) by the last {@link #priorityEvidence}. */
    long signalsPresent() {
        return signalsPresent;
    }

    /**
     * The signal rules that hold: every signal of a rule has a live hit within the rule's window.
     * One pass over the matches into a few int arrays; no regular expressions, no maps.
     */
    private void signalEvidence(List<PriorityEvidence> found) {
        SignalRules signals = rules.signals();
        if (signals.names().isEmpty()) {
            return;
        }
        int capacity = 0;
        for (Match m : matches) {
            capacity += m.term().signalParts.size();
        }
        if (capacity == 0) {
            return;
        }
        capacity *= 2;
        int[] signal = new int[capacity];
        int[] role = new int[capacity];
        int[] position = new int[capacity];
        boolean[] resolved = new boolean[capacity];
        int hits = 0;
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            List<Term.SignalPart> parts = m.term().signalParts;
            if (parts.isEmpty() || dropped[i]) {
                continue;
            }
            boolean contained = isResolvedAfter(i);
            for (int p = 0; p < parts.size(); p++) {
                Term.SignalPart part = parts.get(p);
                boolean unless = part.role() == Term.SignalPart.UNLESS;
                if (!unless && hiddenByLongerPhrase(i, part.signal())) {
                    continue;
                }
                // "no encuentro la llave": the negation belongs to the signal's own first group
                if (!unless && negated[i]
                        && !(part.role() == Term.SignalPart.NEAR_B && hasNearABefore(i, part.signal()))) {
                    continue;
                }
                signal[hits] = part.signal();
                role[hits] = part.role();
                position[hits] = m.start();
                resolved[hits] = contained;
                hits++;
            }
        }
        int direct = hits;
        int[] sentences = tokens.sentences();
        for (int a = 0; a < direct; a++) {
            if (role[a] != Term.SignalPart.NEAR_A) {
                continue;
            }
            int within = signals.nearWithin()[signal[a]];
            for (int b = 0; b < direct; b++) {
                if (role[b] == Term.SignalPart.NEAR_B && signal[b] == signal[a]
                        && sentences[position[a]] == sentences[position[b]]
                        && Math.abs(position[a] - position[b]) <= within) {
                    signal[hits] = signal[a];
                    role[hits] = Term.SignalPart.WORD;
                    position[hits] = Math.min(position[a], position[b]);
                    resolved[hits] = resolved[a] || resolved[b];
                    hits++;
                    break;
                }
            }
        }
        for (int u = 0; u < direct; u++) {
            if (role[u] != Term.SignalPart.UNLESS) {
                continue;
            }
            for (int h = 0; h < hits; h++) {
                if (role[h] == Term.SignalPart.WORD && signal[h] == signal[u]
                        && sentences[position[h]] == sentences[position[u]]) {
                    role[h] = Term.SignalPart.UNLESS;
                }
            }
        }
        long present = 0L;
        for (int h = 0; h < hits; h++) {
            if (role[h] == Term.SignalPart.WORD) {
                present |= 1L << signal[h];
            }
        }
        signalsPresent = present;
        for (SignalRules.Rule rule : signals.rules()) {
            int[] wanted = rule.signals();
            boolean all = true;
            for (int w : wanted) {
                all &= (present & (1L << w)) != 0;
            }
            if (!all) {
                continue;
            }
            for (int h = 0; h < hits; h++) {
                if (role[h] != Term.SignalPart.WORD || signal[h] != wanted[0]) {
                    continue;
                }
                boolean satisfied = true;
                boolean contained = resolved[h];
                int start = position[h];
                for (int w = 1; w < wanted.length && satisfied; w++) {
                    int near = nearestHit(wanted[w], position[h], rule.within(), signal, role, position, hits);
                    satisfied = near >= 0;
                    if (satisfied) {
                        contained |= resolved[near];
                        start = Math.min(start, position[near]);
                    }
                }
                if (satisfied) {
                    Priority priority = rule.priority() == Priority.EMERGENCY && contained ? Priority.HIGH : rule.priority();
                    if (rule.serviceType() != null && (signalService == null || priority.isAbove(rulePriority))) {
                        signalService = rule.serviceType();
                        rulePriority = priority;
                    }
                    found.add(new PriorityEvidence(priority, rule.name(), start, rule.serviceType()));
                    break;
                }
            }
        }
    }

    /** Service type of the most urgent signal rule that held (by the last {@link #priorityEvidence}); may be null. */
    ServiceType signalService() {
        return signalService;
    }

    /** A first-group phrase of the signal that holds the negation of match {@code i} ("no encuentro" + "la llave"). */
    private boolean hasNearABefore(int i, int signal) {
        Match m = matches.get(i);
        int within = rules.signals().nearWithin()[signal];
        for (int j = i - 1; j >= 0; j--) {
            Match a = matches.get(j);
            if (m.start() - a.start() > within + MAX_PHRASE_WORDS) {
                break;
            }
            // the negation must be part of the first-group phrase itself ("no encuentro"), not a "not" of its own
            boolean ownsNegation = false;
            for (int n = j + 1; n < i && !ownsNegation; n++) {
                Match cue = matches.get(n);
                ownsNegation = cue.term().is(Term.Cue.NEGATION) && a.covers(cue);
            }
            if (a.end() <= m.start() && m.start() - a.start() <= within && sameClause(a, m) && ownsNegation) {
                for (Term.SignalPart part : a.term().signalParts) {
                    if (part.signal() == signal && part.role() == Term.SignalPart.NEAR_A) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A hit of {@code wanted} within the window of the hit at {@code from}; -1 when none. */
    private int nearestHit(int wanted, int from, int within, int[] signal, int[] role, int[] position, int hits) {
        int[] sentences = tokens.sentences();
        for (int h = 0; h < hits; h++) {
            if (role[h] != Term.SignalPart.WORD || signal[h] != wanted) {
                continue;
            }
            boolean inWindow = within == SignalRules.MESSAGE
                    || (within == SignalRules.SENTENCE && sentences[position[h]] == sentences[from])
                    || (within > 0 && Math.abs(position[h] - from) <= within);
            if (inWindow) {
                return h;
            }
        }
        return -1;
    }

    /**
     * The longest problem phrase at a position wins: "water" in "water heater" is not the signal word "water".
     * A phrase of another signal does not hide it ("pouring" is water escaping inside "pouring from").
     */
    private boolean hiddenByLongerPhrase(int i, int signal) {
        Match m = matches.get(i);
        for (int j = i - 1; j >= 0; j--) {
            Match longer = matches.get(j);
            if (longer.start() != m.start()) {
                break;
            }
            if (longer.end() > m.end() && longer.term().isProblem() && !hasSignal(longer.term(), signal)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSignal(Term term, int signal) {
        for (Term.SignalPart part : term.signalParts) {
            if (part.signal() == signal) {
                return true;
            }
        }
        return false;
    }

    /**
     * Service scores: the longest service phrase at each position wins and hides the words inside
     * it; a phrase counts once per type however often it is repeated; negated phrases score nothing.
     */
    ServiceScores serviceScores() {
        int[] scores = new int[ServiceType.values().length];
        Set<String> counted = new LinkedHashSet<>();
        int coveredUntil = 0;
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            if (!m.term().hasService || m.start() < coveredUntil) {
                continue;
            }
            coveredUntil = m.end();
            if (negated[i] || dropped[i] || !counted.add(m.term().text)) {
                continue;
            }
            int[] weights = m.term().serviceWeights;
            for (int t = 0; t < weights.length; t++) {
                scores[t] += weights[t];
            }
        }
        return new ServiceScores(scores, List.copyOf(counted));
    }

    private Priority contained(Priority priority, int i) {
        return priority == Priority.EMERGENCY && isResolvedAfter(i) ? Priority.HIGH : priority;
    }

    private boolean isResolutionBlocked(int i) {
        Match r = matches.get(i);
        for (int j = i - 1; j >= 0; j--) {
            Match b = matches.get(j);
            if (r.start() - b.start() > MAX_PHRASE_WORDS) {
                break;
            }
            boolean blocker = b.term().is(Term.Cue.RESOLUTION_BLOCKER) || b.term().is(Term.Cue.NEGATION);
            if (blocker && b.end() <= r.start() && r.start() - b.end() <= 1 && sameClause(b, r)) {
                return true;
            }
        }
        return false;
    }

    /** @param cues the matches that are the cue, in order (a few per message: only they are looked at) */
    private boolean hasCueBefore(int i, int[] cues, int window) {
        Match m = matches.get(i);
        for (int c = cues.length - 1; c >= 0; c--) {
            int j = cues[c];
            if (j >= i) {
                continue;
            }
            Match n = matches.get(j);
            if (m.start() - n.start() > window + MAX_PHRASE_WORDS) {
                break;
            }
            if (n.end() <= m.start() && m.start() - n.end() < window && !coveredByProblem[j] && !startsSignalWord(j)
                    && sameClause(n, m)) {
                return true;
            }
        }
        return false;
    }

    /** The word begins a signal's own phrase: the "no" of "no heat" says what is wrong, it negates nothing after it. */
    private boolean startsSignalWord(int j) {
        Match n = matches.get(j);
        int k = j;
        while (k > 0 && matches.get(k - 1).start() == n.start()) {
            k--;
        }
        for (; k < matches.size() && matches.get(k).start() == n.start(); k++) {
            if (k != j && matches.get(k).covers(n) && matches.get(k).term().isSignalWord()) {
                return true;
            }
        }
        return false;
    }

    /** The numbers of the matches whose term is {@code cue}, in order. */
    private int[] indicesOf(Term.Cue cue) {
        int count = 0;
        for (Match m : matches) {
            if (m.term().is(cue)) {
                count++;
            }
        }
        int[] indices = new int[count];
        count = 0;
        for (int j = 0; j < matches.size(); j++) {
            if (matches.get(j).term().is(cue)) {
                indices[count++] = j;
            }
        }
        return indices;
    }

    /**
     * "pipe + burst": the words of a combination that held, each once, in message order. Looked up again only for the
     * few that hold, rather than collected for every partial one.
     */
    private String comboWords(ComboHit hit) {
        List<String> words = new ArrayList<>(4);
        for (int i = 0; i < matches.size(); i++) {
            Term term = matches.get(i).term();
            if (negated[i] || dropped[i] || tokens.sentences()[matches.get(i).start()] != hit.sentence) {
                continue;
            }
            for (Term.ComboPart part : term.comboParts) {
                if (part.combination() == hit.combination) {
                    if (!words.contains(term.text)) {
                        words.add(term.text);
                    }
                    break;
                }
            }
        }
        return String.join(" + ", words);
    }

    /** Inside a longer problem phrase starting at most MAX_PHRASE_WORDS before it (matches are in start order). */
    private boolean isCoveredByProblem(int i) {
        Match m = matches.get(i);
        for (int j = i - 1; j >= 0 && m.start() - matches.get(j).start() <= MAX_PHRASE_WORDS; j--) {
            if (coversAsProblem(matches.get(j), m)) {
                return true;
            }
        }
        for (int j = i + 1; j < matches.size() && matches.get(j).start() == m.start(); j++) {
            if (coversAsProblem(matches.get(j), m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean coversAsProblem(Match p, Match m) {
        return p.covers(m) && p.term().isProblem();
    }

    private boolean sameClause(Match a, Match b) {
        return tokens.clauses()[a.start()] == tokens.clauses()[b.start()];
    }

    /** @param service the service type a signal rule names for this problem; null for keywords and combinations */
    record PriorityEvidence(Priority priority, String keyword, int position, ServiceType service) {
    }

    record ServiceScores(int[] scores, List<String> keywords) {
    }

    /** One combination in one sentence: the groups found so far. */
    private static final class ComboHit {
        final int combination;
        final int sentence;
        /** Where its first word is; -1 until one is found. */
        int start = -1;
        int groups;
        boolean resolved;

        /** @param key the combination number in the high 32 bits, the sentence in the low ones */
        ComboHit(long key) {
            this.combination = (int) (key >>> 32);
            this.sentence = (int) key;
        }
    }
}
