package com.plumbline.intake.staff;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Sets of enum values kept in one comma-separated column (channels, availability, skills). */
final class EnumSets {

    private EnumSets() {
    }

    static <E extends Enum<E>> Set<E> parse(String column, Class<E> type) {
        EnumSet<E> values = EnumSet.noneOf(type);
        if (column == null || column.isBlank()) {
            return values;
        }
        Arrays.stream(column.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(s -> values.add(Enum.valueOf(type, s)));
        return values;
    }

    static String format(Collection<? extends Enum<?>> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
