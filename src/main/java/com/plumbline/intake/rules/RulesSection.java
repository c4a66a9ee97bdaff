package com.plumbline.intake.rules;

import java.util.List;

/**
 * Another feature's own section of config/rules.yaml (staff, notifications, auto-replies,
 * quotes...). Registered with {@link RulesBook#register}, it is read and checked together with
 * the classification rules: a file with an invalid section is rejected whole, and the previous
 * version of every section stays in force.
 *
 * @param name      the top-level key
 * @param type      the Jackson-bound type of the section (a record)
 * @param validator the problems found in a bound section, each naming its key; empty when valid
 */
public record RulesSection<T>(String name, Class<T> type, Validator<T> validator) {

    @FunctionalInterface
    public interface Validator<T> {
        List<String> problems(T section);
    }

    public static <T> RulesSection<T> of(String name, Class<T> type, Validator<T> validator) {
        return new RulesSection<>(name, type, validator);
    }
}
