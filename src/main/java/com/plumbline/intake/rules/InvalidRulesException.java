package com.plumbline.intake.rules;

import java.util.List;

/** config/rules.yaml cannot be used; the message lists every problem with the key it is under. */
public class InvalidRulesException extends RuntimeException {

    private final List<String> problems;

    public InvalidRulesException(String source, List<String> problems) {
        super("Invalid rules in " + source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidRulesException(String source, String problem, Throwable cause) {
        super("Invalid rules in " + source + ": " + problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
