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

    MessageAnalysis(CompiledRules rules, TextNormaliser.Tokens tokens, List<Match> matches) {
        this.rules = rules;
        this.tokens = tokens;
        this.matches = matches;
        this.coveredByProblem = new boolean[matches.size()];
        this.negated = new boolean[matches.size()];
        for (int i = 0; i < matches.size(); i++) {
            coveredByProblem[i] = isCoveredByProblem(i);
        }
        for (int i = 0; i < matches.size(); i++) {
            negated[i] = hasCueBefore(i, Term.Cue.NEGATION, rules.negationWindow());
        }
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

    /** A cue that counts: not swallowed by a longer problem phrase and not negated itself. */
    boolean isLiveCue(int i, Term.Cue cue) {
        return matches.get(i).term().is(cue) && !coveredByProblem[i] && !negated[i];
    }

    boolean anyLiveCue(Term.Cue cue) {
        for (int i = 0; i < matches.size(); i++) {
            if (isLiveCue(i, cue)) {
                return true;
            }
        }
        return false;
    }

    int countLiveCues(Term.Cue cue) {
        int count = 0;
        for (int i = 0; i < matches.size(); i++) {
            if (isLiveCue(i, cue)) {
                count++;
            }
        }
        return count;
    }

    /** The whole message says the emergency is over ("no longer flooding") and nothing says "still". */
    boolean emergencyResolvedInMessage() {
        boolean resolved = false;
        for (int i = 0; i < matches.size(); i++) {
            Term term = matches.get(i).term();
            if (coveredByProblem[i]) {
                continue;
            }
            if (term.is(Term.Cue.STILL_GOING)) {
                return false;
            }
            if (term.is(Term.Cue.RESOLUTION_WHOLE) && !isResolutionBlocked(i)) {
                resolved = true;
            }
        }
        return resolved;
    }

    /** A resolution cue follows the match closely in the same clause: "the leak stopped". */
    boolean isResolvedAfter(int i) {
        Match m = matches.get(i);
        for (int j = i + 1; j < matches.size(); j++) {
            Match r = matches.get(j);
            if (r.start() - m.end() >= rules.resolutionWindow()) {
                break;
            }
            if (r.start() >= m.end() && sameClause(m, r) && r.term().is(Term.Cue.RESOLUTION_AFTER)
                    && !coveredByProblem[j] && !isResolutionBlocked(j)) {
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
            if (negated[i]) {
                continue;
            }
            Match m = matches.get(i);
            Term term = m.term();
            if (term.priority != null) {
                found.add(new PriorityEvidence(contained(term.priority, i), term.text, m.start()));
            }
            for (Term.ComboPart part : term.comboParts) {
                int sentence = tokens.sentences()[m.start()];
                long key = ((long) part.combination() << 32) | sentence;
                ComboHit hit = combos.computeIfAbsent(key, k -> new ComboHit(part.combination(), m.start()));
                hit.groups |= 1 << part.group();
                hit.resolved |= isResolvedAfter(i);
                hit.parts.add(term.text);
            }
        }
        for (ComboHit hit : combos.values()) {
            int all = (1 << rules.combinationGroupCounts()[hit.combination]) - 1;
            if (hit.groups == all) {
                Priority priority = rules.combinationPriorities().get(hit.combination);
                if (priority == Priority.EMERGENCY && hit.resolved) {
                    priority = Priority.HIGH;
                }
                found.add(new PriorityEvidence(priority, String.join(" + ", hit.parts), hit.start));
            }
        }
        found.sort((a, b) -> Integer.compare(a.position(), b.position()));
        return found;
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
            if (negated[i] || !counted.add(m.term().text)) {
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

    private boolean hasCueBefore(int i, Term.Cue cue, int window) {
        Match m = matches.get(i);
        for (int j = i - 1; j >= 0; j--) {
            Match n = matches.get(j);
            if (m.start() - n.start() > window + MAX_PHRASE_WORDS) {
                break;
            }
            if (n.term().is(cue) && !coveredByProblem[j] && n.end() <= m.start()
                    && m.start() - n.end() < window && sameClause(n, m)) {
                return true;
            }
        }
        return false;
    }

    private boolean isCoveredByProblem(int i) {
        Match m = matches.get(i);
        for (int j = 0; j < matches.size(); j++) {
            Match p = matches.get(j);
            if (p.start() > m.start()) {
                break;
            }
            if (j != i && m.start() - p.start() <= MAX_PHRASE_WORDS && p.term().isProblem() && p.covers(m)) {
                return true;
            }
        }
        return false;
    }

    private boolean sameClause(Match a, Match b) {
        return tokens.clauses()[a.start()] == tokens.clauses()[b.start()];
    }

    record PriorityEvidence(Priority priority, String keyword, int position) {
    }

    record ServiceScores(int[] scores, List<String> keywords) {
    }

    private static final class ComboHit {
        final int combination;
        final int start;
        final Set<String> parts = new LinkedHashSet<>(4);
        int groups;
        boolean resolved;

        ComboHit(int combination, int start) {
            this.combination = combination;
            this.start = start;
        }
    }
}
